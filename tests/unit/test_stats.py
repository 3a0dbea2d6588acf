"""Streaks, weekly totals, pain changes and nudges, with the local time zone pinned."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare_tui.domain.models import SessionRecord, SessionStatus
from backcare_tui.domain.stats import (
    PainChange,
    Summary,
    WeekTotal,
    counts_as_session,
    days_since_last,
    local_day,
    nudge,
    pain_change,
    pain_trend,
    streak,
    summarize,
    weekly_totals,
)

LOCAL = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 3, 14)  # a Thursday; its week starts on Monday 11 March


@pytest.fixture(autouse=True, scope="module")
def berlin_is_local() -> Iterator[None]:
    """Run every test as if the computer were set to Berlin time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        yield
    time.tzset()


_ids = iter(range(10**9))


def session(
    day: date,
    hour: int = 9,
    minute: int = 0,
    *,
    zone: ZoneInfo = LOCAL,
    status: SessionStatus = "completed",
    active_seconds: float = 600.0,
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> SessionRecord:
    return SessionRecord(
        id=f"s{next(_ids)}",
        routine_id="test-routine",
        routine_name="Test routine",
        started_at=datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone),
        status=status,
        active_seconds=active_seconds,
        pain_before=pain_before,
        pain_after=pain_after,
    )


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# --- what counts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "active_seconds", "counts"),
    [
        ("completed", 600.0, True),
        ("completed", 0.0, False),  # nothing done: an older version called it completed
        ("stopped", 45.0, True),
        ("stopped", 0.0, False),
        ("stopped_for_pain", 30.0, True),
        ("stopped_for_pain", 0.0, False),
        ("in_progress", 600.0, False),
    ],
)
def test_counts_as_session(status: SessionStatus, active_seconds: float, counts: bool) -> None:
    record = session(TODAY, status=status, active_seconds=active_seconds)
    assert counts_as_session(record) is counts


def test_local_day_uses_the_local_zone() -> None:
    late_in_new_york = datetime(2024, 3, 10, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    early_in_tokyo = datetime(2024, 3, 11, 7, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert local_day(late_in_new_york) == date(2024, 3, 11)  # 04:30 in Berlin
    assert local_day(early_in_tokyo) == date(2024, 3, 10)  # 23:30 in Berlin


# --- no records ----------------------------------------------------------------------


def test_no_records() -> None:
    assert streak([], TODAY) == 0
    assert days_since_last([], TODAY) is None
    assert summarize([], TODAY).this_week == 0
    assert pain_trend([]) == []
    assert summarize([], TODAY) == Summary(0, 0, None, 0, 0.0)
    totals = weekly_totals([], TODAY)
    assert [t.week_start for t in totals] == [date(2024, 3, 11) - timedelta(weeks=n) for n in range(7, -1, -1)]
    assert all(t.sessions == 0 and t.minutes == 0 for t in totals)


def test_welcome_when_there_are_no_sessions() -> None:
    line = nudge([], TODAY)
    assert line is not None and "Welcome" in line


# --- streaks ---------------------------------------------------------------------------


def test_streak_counts_consecutive_days_ending_today() -> None:
    records = [session(days_ago(n)) for n in (0, 1, 2)]
    assert streak(records, TODAY) == 3


def test_streak_still_stands_when_only_yesterday_is_done() -> None:
    records = [session(days_ago(n)) for n in (1, 2, 3)]
    assert streak(records, TODAY) == 3
    assert days_since_last(records, TODAY) == 1


def test_streak_is_broken_by_a_gap() -> None:
    records = [session(days_ago(n)) for n in (0, 1, 3, 4, 5)]
    assert streak(records, TODAY) == 2
    assert streak([session(days_ago(n)) for n in (2, 3, 4)], TODAY) == 0


def test_several_sessions_a_day_count_one_day_of_streak() -> None:
    records = [session(days_ago(0), hour) for hour in (7, 12, 19)] + [session(days_ago(1))]
    assert streak(records, TODAY) == 2
    assert summarize(records, TODAY).this_week == 4


def test_in_progress_and_empty_stops_are_ignored() -> None:
    records = [
        session(days_ago(0), status="in_progress"),
        session(days_ago(1), status="stopped", active_seconds=0.0),
        session(days_ago(2)),
    ]
    assert streak(records, TODAY) == 0
    assert days_since_last(records, TODAY) == 2
    assert summarize(records, TODAY).total_sessions == 1


def test_a_session_stopped_for_pain_after_some_work_keeps_the_streak() -> None:
    records = [session(days_ago(0), status="stopped_for_pain", active_seconds=90.0), session(days_ago(1))]
    assert streak(records, TODAY) == 2


def test_sessions_across_midnight_in_other_time_zones_use_the_local_day() -> None:
    # 23:30 on Wednesday in New York is 04:30 on Thursday (today) in Berlin.
    new_york_evening = session(days_ago(1), 23, 30, zone=ZoneInfo("America/New_York"))
    # 07:30 on Wednesday in Tokyo is 23:30 on Tuesday in Berlin.
    tokyo_morning = session(days_ago(1), 7, 30, zone=ZoneInfo("Asia/Tokyo"))
    assert days_since_last([new_york_evening], TODAY) == 0
    assert days_since_last([tokyo_morning], TODAY) == 2
    # Today and Tuesday, nothing on Wednesday: the streak is just today.
    assert streak([new_york_evening, tokyo_morning], TODAY) == 1


def test_records_in_any_order_give_the_same_answers() -> None:
    records = [session(days_ago(n), pain_after=n % 11) for n in range(0, 60, 2)] + [session(days_ago(1))]
    shuffled = random.Random(7).sample(records, len(records))
    assert summarize(shuffled, TODAY) == summarize(records, TODAY)
    assert weekly_totals(shuffled, TODAY) == weekly_totals(records, TODAY)
    assert pain_trend(shuffled) == pain_trend(records)


# --- weeks -----------------------------------------------------------------------------


def test_sessions_this_week_starts_on_monday() -> None:
    sunday_before = session(date(2024, 3, 10), 22)
    monday = session(date(2024, 3, 11), 6)
    sunday_after = session(date(2024, 3, 17), 21)  # later this week, e.g. a clock set ahead
    assert summarize([sunday_before, monday, sunday_after], TODAY).this_week == 2
    assert summarize([sunday_before], date(2024, 3, 10)).this_week == 1


def test_weekly_totals_oldest_first_with_empty_weeks() -> None:
    records = [
        session(date(2024, 3, 12), active_seconds=600),  # this week
        session(date(2024, 3, 13), active_seconds=300),  # this week
        session(date(2024, 2, 26), active_seconds=1200),  # two weeks back
        session(date(2023, 12, 1), active_seconds=60),  # too old for four weeks
    ]
    assert weekly_totals(records, TODAY, weeks=4) == [
        WeekTotal(date(2024, 2, 19), 0, 0.0),
        WeekTotal(date(2024, 2, 26), 1, 20.0),
        WeekTotal(date(2024, 3, 4), 0, 0.0),
        WeekTotal(date(2024, 3, 11), 2, 15.0),
    ]
    assert weekly_totals(records, TODAY, weeks=0) == []


# --- pain ------------------------------------------------------------------------------


@pytest.mark.parametrize("before", range(11))
def test_the_threshold_is_two_points_at_every_starting_score(before: int) -> None:
    change = pain_change(before, before)
    assert change is not None
    assert change.threshold == 2.0


@pytest.mark.parametrize(
    ("before", "after", "meaningful"),
    [
        # worse: an absolute rise of 2 points or more
        (0, 1, False),
        (0, 2, True),
        (2, 3, False),
        (5, 6, False),
        (5, 7, True),
        (8, 10, True),
        # better: 2 points or 30% of the start, and never a single point
        (2, 1, False),
        (3, 2, False),
        (3, 1, True),
        (5, 4, False),
        (5, 3, True),
        (7, 6, False),
        (7, 5, True),
        (10, 9, False),
        (10, 8, True),
    ],
)
def test_pain_change_is_meaningful_at_the_threshold(before: int, after: int, meaningful: bool) -> None:
    change = pain_change(before, after)
    assert change is not None and change.meaningful is meaningful


def test_pain_change_text() -> None:
    assert pain_change(4, 2).text == "4 → 2: 2 points better, a meaningful change"
    assert pain_change(3, 3).text == "3 → 3: no change"
    assert pain_change(5, 6).text == "5 → 6: 1 point worse, within normal variation"
    assert pain_change(3, 3) == PainChange(3, 3, 0, 2.0, False, "same")
    assert pain_change(3, 4).text == "3 → 4: 1 point worse, within normal variation"


def test_pain_change_needs_both_scores() -> None:
    assert pain_change(None, 3) is None
    assert pain_change(3, None) is None


def test_pain_trend_latest_rated_sessions_oldest_first() -> None:
    records = [
        session(days_ago(5), pain_before=6, pain_after=5),
        session(days_ago(4)),  # not rated
        session(days_ago(3), pain_before=4),  # no score after: a gap, never the score before
        session(days_ago(2), status="in_progress", pain_before=9),
        session(days_ago(1), pain_before=3, pain_after=2),
    ]
    assert pain_trend(reversed(records)) == [5, None, 2]
    assert pain_trend(records, limit=2) == [None, 2]
    assert pain_trend(records, limit=0) == []


# --- nudges and the summary ------------------------------------------------------------


def test_no_nudge_within_a_day() -> None:
    assert nudge([session(days_ago(0))], TODAY) is None
    assert nudge([session(days_ago(1))], TODAY) is None


def test_nudge_after_two_days_names_the_gap() -> None:
    line = nudge([session(days_ago(3)), session(days_ago(9))], TODAY)
    assert line is not None and line.startswith("Last session 3 days ago")
    assert "\n" not in line


def test_summary() -> None:
    records = [
        session(days_ago(0), active_seconds=300),
        session(days_ago(1), active_seconds=600),
        session(days_ago(4), active_seconds=900),  # Sunday of last week
        session(days_ago(2), status="in_progress", active_seconds=999),
    ]
    assert summarize(iter(records), TODAY) == Summary(
        streak=2, this_week=2, days_since_last=0, total_sessions=3, total_minutes=30.0
    )


# --- properties ------------------------------------------------------------------------

statuses = st.sampled_from(["completed", "stopped", "stopped_for_pain", "in_progress"])
records_strategy = st.lists(
    st.builds(
        session,
        st.integers(0, 120).map(days_ago),
        st.integers(0, 23),
        st.integers(0, 59),
        zone=st.sampled_from([LOCAL, ZoneInfo("UTC"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")]),
        status=statuses,
        active_seconds=st.sampled_from([0.0, 30.0, 600.0]),
    ),
    max_size=60,
)


def reference_streak(records: list[SessionRecord], today: date) -> int:
    days = {local_day(r.started_at) for r in records if counts_as_session(r)}
    for start in (today, today - timedelta(days=1)):
        length = 0
        while start - timedelta(days=length) in days:
            length += 1
        if length:
            return length
    return 0


@given(records_strategy)
def test_streak_matches_a_day_by_day_count(records: list[SessionRecord]) -> None:
    summary = summarize(records, TODAY)
    assert summary.streak == streak(records, TODAY) == reference_streak(records, TODAY)
    if summary.streak:
        assert summary.days_since_last in (0, 1)


@given(records_strategy, st.integers(1, 30))
def test_weekly_totals_add_up(records: list[SessionRecord], weeks: int) -> None:
    totals = weekly_totals(records, TODAY, weeks)
    assert len(totals) == weeks
    assert all(t.week_start.weekday() == 0 for t in totals)
    assert all(b.week_start - a.week_start == timedelta(weeks=1) for a, b in itertools.pairwise(totals))
    assert totals[-1].sessions == summarize(records, TODAY).this_week
    first_day = totals[0].week_start
    in_range = [r for r in records if counts_as_session(r) and local_day(r.started_at) >= first_day]
    assert sum(t.sessions for t in totals) == len(in_range)
    assert sum(t.minutes for t in totals) == pytest.approx(sum(r.active_seconds for r in in_range) / 60)


@given(st.integers(0, 10), st.integers(0, 10))
def test_pain_change_properties(before: int, after: int) -> None:
    change = pain_change(before, after)
    assert change is not None
    assert change.points == abs(after - before)
    assert change.meaningful == (change.points >= change.threshold)
    # a 1-point change is within the scale's error; 2 points is always meaningful
    assert change.meaningful == (change.points >= 2)
    assert (change.direction == "same") == (before == after)
    assert change.text.startswith(f"{before} → {after}: ")

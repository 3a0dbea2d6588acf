"""The home screen's figures at their edges: what counts, the exact day counts, week ends and ties."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backcare_tui.domain.models import ExerciseResult, ExerciseStatus, HoldDose, SessionRecord, SessionStatus
from backcare_tui.domain.stats import (
    NUDGE_AFTER_DAYS,
    Summary,
    WeekTotal,
    active_minutes,
    counts_as_session,
    days_since_last,
    did_something,
    nudge,
    pain_trend,
    shown_status,
    streak,
    summarize,
    total_minutes,
    weekly_totals,
)

LOCAL = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 3, 14)  # a Thursday; its week runs from Monday 11 to Sunday 17 March


@pytest.fixture(autouse=True, scope="module")
def berlin_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        yield
    time.tzset()


_numbers = iter(range(10**9))


def session(
    day: date,
    hour: int = 9,
    minute: int = 0,
    *,
    status: SessionStatus = "completed",
    active_seconds: float = 600.0,
    rest_seconds: float = 0.0,
    results: tuple[ExerciseStatus, ...] = (),
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> SessionRecord:
    return SessionRecord(
        id=f"s{next(_numbers):06d}",
        routine_id="test-routine",
        routine_name="Test routine",
        started_at=datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL),
        status=status,
        exercises=tuple(
            ExerciseResult(exercise_id=f"e{index}", dose=HoldDose(hold=5), planned_seconds=5.0, status=result)
            for index, result in enumerate(results)
        ),
        active_seconds=active_seconds,
        rest_seconds=rest_seconds,
        pain_before=pain_before,
        pain_after=pain_after,
    )


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def newest_first(records: list[SessionRecord]) -> list[SessionRecord]:
    return sorted(records, key=lambda record: (record.started_at.timestamp(), record.id), reverse=True)


# --- what counts as done ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("active_seconds", "results", "done"),
    [
        (0.0, (), False),
        (0.5, (), True),  # half a second of work is still work
        (1.0, (), True),
        (0.0, ("done",), True),  # a finished exercise whose time was not recorded
        (0.0, ("partial",), True),
        (0.0, ("skipped", "not_started"), False),
        (0.0, ("skipped", "not_started", "skipped", "done"), True),  # the fourth exercise was done
    ],
)
def test_something_was_done_when_there_was_work_time_or_a_done_or_partial_exercise(
    active_seconds: float, results: tuple[ExerciseStatus, ...], done: bool
) -> None:
    record = session(TODAY, active_seconds=active_seconds, results=results)
    assert did_something(record) is done
    assert counts_as_session(record) is done
    assert summarize([record], TODAY).total_sessions == (1 if done else 0)
    assert summarize([record], TODAY).not_counted == (0 if done else 1)


@pytest.mark.parametrize(
    ("status", "active_seconds", "shown"),
    [
        ("completed", 600.0, "completed"),
        ("completed", 0.0, "stopped"),  # nothing done: shown as stopped, whatever was saved
        ("stopped", 0.0, "stopped"),
        ("stopped", 60.0, "stopped"),
        ("stopped_for_pain", 0.0, "stopped_for_pain"),  # a stop for pain is always said so
        ("stopped_for_pain", 60.0, "stopped_for_pain"),
        ("in_progress", 0.0, "in_progress"),
        ("in_progress", 60.0, "in_progress"),
    ],
)
def test_shown_status(status: SessionStatus, active_seconds: float, shown: SessionStatus) -> None:
    assert shown_status(session(TODAY, status=status, active_seconds=active_seconds)) == shown


def test_a_completed_session_with_a_done_exercise_but_no_time_is_shown_completed() -> None:
    assert shown_status(session(TODAY, active_seconds=0.0, results=("skipped", "done"))) == "completed"


def test_minutes_active_and_in_total() -> None:
    record = session(TODAY, active_seconds=90.0, rest_seconds=30.0)
    assert active_minutes(record) == 1.5
    assert total_minutes(record) == 2.0  # rests and get-ready count in the routine's length


def test_the_summary_counts_what_was_not_counted_and_sums_active_minutes_only() -> None:
    records = [
        session(days_ago(0), active_seconds=90.0, rest_seconds=600.0),
        session(days_ago(1), active_seconds=30.0),
        session(days_ago(1), status="completed", active_seconds=0.0),  # nothing done
        session(days_ago(2), status="stopped", active_seconds=0.0),  # nothing done
        session(days_ago(3), status="in_progress", active_seconds=0.0),  # neither
        session(days_ago(3), status="in_progress", active_seconds=300.0),  # never counts
    ]
    expected = Summary(streak=2, this_week=2, days_since_last=0, total_sessions=2, total_minutes=2.0, not_counted=2)
    assert summarize(records, TODAY) == expected
    assert summarize(newest_first(records), TODAY, newest_first=True) == expected


# --- days since the last session and the nudge -------------------------------------------


def test_a_session_dated_after_today_is_zero_days_ago() -> None:
    # e.g. recorded with a clock set ahead, or today in a zone further east
    records = [session(TODAY + timedelta(days=2))]
    assert days_since_last(records, TODAY) == 0
    assert summarize(records, TODAY).days_since_last == 0
    assert summarize(records, TODAY, newest_first=True).days_since_last == 0
    assert nudge(records, TODAY) is None


@pytest.mark.parametrize("days", [0, 1, 2, 3, 400])
def test_days_since_last_counts_whole_local_days(days: int) -> None:
    records = [session(days_ago(days), 23, 59), session(days_ago(days + 5), 0, 1)]
    assert days_since_last(records, TODAY) == days
    assert summarize(newest_first(records), TODAY, newest_first=True).days_since_last == days


def test_the_nudge_starts_after_exactly_two_days() -> None:
    assert NUDGE_AFTER_DAYS == 2
    assert nudge([session(days_ago(1), 0, 1)], TODAY) is None
    assert nudge([session(days_ago(2), 23, 59)], TODAY) == (
        "Last session 2 days ago: a short routine today helps; "
        "more than a couple of days' rest makes it harder to get going."
    )


def test_the_welcome_is_given_only_when_nothing_counted() -> None:
    welcome = "Welcome: a short, gentle routine is a good first step."
    assert nudge([], TODAY) == welcome
    assert nudge([session(days_ago(0), active_seconds=0.0)], TODAY) == welcome
    assert nudge([session(days_ago(30))], TODAY) == (
        "Last session 30 days ago: a short routine today helps; "
        "more than a couple of days' rest makes it harder to get going."
    )


# --- streaks -----------------------------------------------------------------------------


def test_a_streak_that_ended_the_day_before_yesterday_is_over() -> None:
    records = [session(days_ago(n)) for n in (2, 3, 4)]
    assert streak(records, TODAY) == 0
    assert summarize(newest_first(records), TODAY, newest_first=True).streak == 0


def test_a_long_streak_counts_every_day_once() -> None:
    records = [session(days_ago(n), hour) for n in range(10) for hour in (7, 19)]
    assert streak(records, TODAY) == 10
    assert summarize(newest_first(records), TODAY, newest_first=True).streak == 10


@pytest.mark.parametrize("length", [20, 21, 22, 23, 24, 42, 43, 84, 85])
def test_a_streak_running_back_past_several_weeks_is_counted_from_newest_first_records(length: int) -> None:
    daily = [session(days_ago(n), 23, 59) for n in range(1, length + 1)]  # today not yet done
    gap_then_more = [session(days_ago(length + 2 + n), 0, 1) for n in range(30)]
    records = newest_first(daily + gap_then_more)
    assert summarize(records, TODAY, newest_first=True).streak == length
    assert summarize(records, TODAY).streak == length


# --- weeks -------------------------------------------------------------------------------


def test_this_week_takes_in_sunday_but_not_the_monday_after() -> None:
    records = [
        session(date(2024, 3, 10), 23, 59),  # Sunday before
        session(date(2024, 3, 11), 0, 1),  # Monday
        session(date(2024, 3, 17), 23, 59),  # Sunday, dated ahead
        session(date(2024, 3, 18), 0, 1),  # the Monday after
    ]
    assert summarize(records, TODAY).this_week == 2
    assert summarize(newest_first(records), TODAY, newest_first=True).this_week == 2
    assert weekly_totals(records, TODAY, weeks=2) == [
        WeekTotal(date(2024, 3, 4), 1, 10.0),
        WeekTotal(date(2024, 3, 11), 2, 20.0),
    ]


def test_weekly_totals_start_at_the_monday_of_the_first_week_shown() -> None:
    records = [
        session(date(2024, 2, 25), 23, 59, active_seconds=60),  # Sunday before the first week
        session(date(2024, 2, 26), 0, 1, active_seconds=120),  # Monday, first week shown
        session(date(2024, 3, 4), 12, active_seconds=180),
        session(date(2024, 3, 10), 23, 59, active_seconds=240),  # Sunday ends the second week
        session(date(2024, 3, 11), 0, 1, active_seconds=300),
    ]
    expected = [
        WeekTotal(date(2024, 2, 26), 1, 2.0),
        WeekTotal(date(2024, 3, 4), 2, 7.0),
        WeekTotal(date(2024, 3, 11), 1, 5.0),
    ]
    assert weekly_totals(records, TODAY, weeks=3) == expected
    assert weekly_totals(newest_first(records), TODAY, weeks=3, newest_first=True) == expected
    # An old session in the middle of the records does not hide the newer ones after it.
    assert weekly_totals([records[2], records[0], records[4], records[1], records[3]], TODAY, weeks=3) == expected


def test_one_week_of_totals_is_the_current_week() -> None:
    records = [session(date(2024, 3, 10)), session(date(2024, 3, 11)), session(date(2024, 3, 12))]
    assert weekly_totals(records, TODAY, weeks=1) == [WeekTotal(date(2024, 3, 11), 2, 20.0)]
    assert weekly_totals(records, TODAY, weeks=-1) == []


def test_sessions_dated_after_this_week_are_left_out_of_the_totals() -> None:
    records = [session(date(2024, 3, 18)), session(date(2024, 4, 20)), session(date(2024, 3, 12))]
    assert weekly_totals(records, TODAY, weeks=2) == [
        WeekTotal(date(2024, 3, 4), 0, 0.0),
        WeekTotal(date(2024, 3, 11), 1, 10.0),
    ]


# --- the pain trend ------------------------------------------------------------------------


def test_the_pain_trend_shows_the_score_after_and_a_gap_where_only_the_score_before_was_given() -> None:
    records = [
        session(days_ago(3), pain_after=4),  # only after
        session(days_ago(2), pain_before=6),  # only before: a gap
        session(days_ago(1), pain_before=7, pain_after=3),  # the score after
        session(days_ago(1), 10, status="in_progress", pain_before=9, pain_after=9),
        session(days_ago(0)),  # not rated
    ]
    assert pain_trend(records) == [4, None, 3]
    assert pain_trend(newest_first(records), newest_first=True) == [4, None, 3]


def test_the_pain_trend_keeps_exactly_the_latest_limit_sessions() -> None:
    records = [session(days_ago(n), pain_after=n % 11) for n in range(12)]
    assert pain_trend(records, limit=3) == [2, 1, 0]
    assert pain_trend(newest_first(records), limit=3, newest_first=True) == [2, 1, 0]
    assert pain_trend(records, limit=12) == [n % 11 for n in range(11, -1, -1)]
    assert pain_trend(records, limit=13) == [n % 11 for n in range(11, -1, -1)]
    assert pain_trend(records, limit=-1) == []


def test_the_pain_trend_keeps_several_sessions_on_its_earliest_day() -> None:
    # Four sessions on the earliest day kept, at different hours: all must be looked at.
    records = [
        session(days_ago(5), 8, pain_after=1),
        session(days_ago(5), 12, pain_after=2),
        session(days_ago(5), 18, pain_after=3),
        session(days_ago(5), 21, pain_after=4),
        session(days_ago(4), pain_after=5),
        session(days_ago(3), pain_after=6),
    ]
    assert pain_trend(records, limit=5) == [2, 3, 4, 5, 6]
    assert pain_trend(newest_first(records), limit=5, newest_first=True) == [2, 3, 4, 5, 6]


def test_a_tie_at_the_limit_is_settled_as_in_the_stores_order() -> None:
    latest = session(days_ago(0), 10, pain_after=1)
    first_made = session(days_ago(1), 9, pain_after=2)
    second_made = session(days_ago(1), 9, pain_after=3)
    oldest = session(days_ago(2), 9, pain_after=4)
    ordered = newest_first([latest, first_made, second_made, oldest])
    assert [record.id for record in ordered] == [latest.id, second_made.id, first_made.id, oldest.id]
    assert pain_trend(ordered, limit=2, newest_first=True) == pain_trend(ordered, limit=2)
    assert pain_trend(ordered, limit=3, newest_first=True) == pain_trend(ordered, limit=3) == [3, 2, 1]


def test_the_pain_trend_shows_thirty_sessions_unless_told_otherwise() -> None:
    records = [session(days_ago(n), pain_after=n % 11) for n in range(35)]
    assert pain_trend(records) == [n % 11 for n in range(29, -1, -1)]
    assert pain_trend(records, limit=1) == [0]
    assert pain_trend(newest_first(records), limit=1, newest_first=True) == [0]


def test_the_pain_trend_takes_records_in_any_order_unless_told_they_are_newest_first() -> None:
    middle = session(days_ago(5), pain_after=5)
    oldest = session(days_ago(9), pain_after=9)
    latest = session(days_ago(1), pain_after=1)
    assert pain_trend([middle, oldest, latest], limit=1) == [1]
    assert pain_trend([middle, oldest, latest], limit=2) == [5, 1]

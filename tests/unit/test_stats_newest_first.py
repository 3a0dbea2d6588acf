"""Given records newest first, the figures come out the same as from the records in any order."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare_tui.domain.models import SessionRecord, SessionStatus
from backcare_tui.domain.stats import pain_trend, summarize, weekly_totals

LOCAL = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 3, 31)  # a Sunday, the day the clocks go forward in Berlin
ZONES = [LOCAL, ZoneInfo("UTC"), ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati")]


@pytest.fixture(autouse=True, scope="module")
def berlin_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        yield
    time.tzset()


def session(
    number: int,
    days_back: int,
    minute_of_day: int,
    zone: ZoneInfo = LOCAL,
    status: SessionStatus = "completed",
    active_seconds: float = 600.0,
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> SessionRecord:
    day = TODAY - timedelta(days=days_back)
    started = datetime(day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60, tzinfo=zone)
    return SessionRecord(
        id=f"s{number:05d}",
        routine_id="test-routine",
        routine_name="Test routine",
        started_at=started,
        status=status,
        active_seconds=active_seconds,
        pain_before=pain_before,
        pain_after=pain_after,
    )


def newest_first(records: list[SessionRecord]) -> list[SessionRecord]:
    """In the store's order: latest start first, ties by id."""
    return sorted(records, key=lambda record: (record.started_at.timestamp(), record.id), reverse=True)


def assert_same_figures(records: list[SessionRecord], weeks: int = 8, limit: int = 30) -> None:
    ordered = newest_first(records)
    assert summarize(ordered, TODAY, newest_first=True) == summarize(records, TODAY)
    assert weekly_totals(ordered, TODAY, weeks, newest_first=True) == weekly_totals(records, TODAY, weeks)
    assert pain_trend(ordered, limit, newest_first=True) == pain_trend(ordered, limit)


scores = st.one_of(st.none(), st.integers(0, 10))
records_strategy = st.lists(
    st.builds(
        session,
        st.integers(0, 10**6),
        st.integers(-2, 400),
        st.integers(0, 24 * 60 - 1),
        zone=st.sampled_from(ZONES),
        status=st.sampled_from(["completed", "stopped", "stopped_for_pain", "in_progress"]),
        active_seconds=st.sampled_from([0.0, 30.0, 600.0]),
        pain_before=scores,
        pain_after=scores,
    ),
    max_size=80,
    unique_by=lambda record: record.id,
)


@given(records_strategy, st.integers(1, 20), st.integers(1, 40))
def test_newest_first_gives_the_same_figures(records: list[SessionRecord], weeks: int, limit: int) -> None:
    assert_same_figures(records, weeks, limit)


@pytest.mark.parametrize("length", [0, 1, 13, 14, 15, 16, 40, 61, 200, 1000])
def test_a_streak_longer_than_the_recent_weeks_is_counted_in_full(length: int) -> None:
    daily = [session(number, days_back, 8 * 60) for number, days_back in enumerate(range(length))]
    older = [session(10_000 + number, length + 2 + number * 2, 8 * 60) for number in range(50)]
    records = daily + older
    assert summarize(newest_first(records), TODAY, newest_first=True).streak == length
    assert_same_figures(records)


def test_same_start_times_keep_the_stores_order_in_the_pain_trend() -> None:
    tied = [session(number, 0, 9 * 60, pain_before=number % 10) for number in range(40)]
    assert_same_figures(tied, limit=30)
    assert pain_trend(newest_first(tied), 30, newest_first=True) == pain_trend(newest_first(tied), 30)


def test_only_old_sessions_still_say_when_the_last_one_was() -> None:
    records = [session(number, 500 + number, 23 * 60 + 30) for number in range(20)]
    summary = summarize(newest_first(records), TODAY, newest_first=True)
    assert summary.days_since_last == 500
    assert summary == summarize(records, TODAY)

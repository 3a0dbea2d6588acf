"""Given records newest first, the figures work out local days for the recent sessions only.

Years of sessions must cost little more than a few weeks: each figure converts the start
times it needs, not the whole history.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backcare_tui.domain import stats
from backcare_tui.domain.local_days import local_days
from backcare_tui.domain.models import SessionRecord

LOCAL = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 3, 14)  # a Thursday
EVERY_OTHER_DAY_FOR_THREE_YEARS = 550


@pytest.fixture(autouse=True, scope="module")
def berlin_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        yield
    time.tzset()


@pytest.fixture
def converted(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """Every start time whose local day the figures ask for."""
    asked: list[datetime] = []

    def counting(moments: Iterable[datetime]) -> list[date]:
        moments = list(moments)
        asked.extend(moments)
        return local_days(moments)

    monkeypatch.setattr(stats, "local_days", counting)
    return asked


def history() -> list[SessionRecord]:
    """A session every other day for three years, newest first, each with a pain score."""
    return [
        SessionRecord(
            id=f"s{n:05d}",
            routine_id="test-routine",
            routine_name="Test routine",
            started_at=datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=LOCAL) - timedelta(days=2 * n),
            status="completed",
            active_seconds=600.0,
            pain_after=n % 11,
        )
        for n in range(EVERY_OTHER_DAY_FOR_THREE_YEARS)
    ]


def sessions_within(records: list[SessionRecord], days: int) -> int:
    since = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=LOCAL) - timedelta(days=days)
    return sum(1 for record in records if record.started_at >= since)


def test_the_summary_looks_at_about_three_weeks(converted: list[datetime]) -> None:
    records = history()
    summary = stats.summarize(records, TODAY, newest_first=True)
    assert (summary.streak, summary.this_week, summary.days_since_last) == (1, 2, 0)
    assert summary.total_sessions == EVERY_OTHER_DAY_FOR_THREE_YEARS
    assert 0 < len(converted) <= sessions_within(records, 21)


def test_weekly_totals_look_at_the_weeks_asked_for(converted: list[datetime]) -> None:
    records = history()
    totals = stats.weekly_totals(records, TODAY, weeks=8, newest_first=True)
    assert [total.sessions for total in totals] == [4, 3, 4, 3, 4, 3, 4, 2]
    assert 0 < len(converted) <= sessions_within(records, 8 * 7 + 3)


def test_the_pain_trend_looks_at_its_latest_sessions_only(converted: list[datetime]) -> None:
    records = history()
    assert stats.pain_trend(records, limit=30, newest_first=True) == [n % 11 for n in range(29, -1, -1)]
    assert len(converted) <= 30

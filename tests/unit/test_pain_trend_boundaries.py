"""The pain-rise rule at its edges: how recent "lately" is, and which sessions make the usual level."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.pain_trend import RECENT_DAYS, USUAL_WINDOW, recent_pain_rise

START = date(2026, 1, 1)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def record(day: int, pain_before: int) -> SessionRecord:
    start = datetime.combine(START, datetime.min.time(), UTC) + timedelta(days=day, hours=9)
    return SessionRecord(
        id=f"r{day}",
        routine_id="nhs-daily",
        routine_name="Daily back set",
        started_at=start,
        status="completed",
        pain_before=pain_before,
    )


def test_a_rise_seven_days_ago_still_counts_but_not_eight() -> None:
    history = [record(0, 3), record(1, 3), record(2, 3), record(3, 6)]
    latest_day = START + timedelta(days=3)
    assert RECENT_DAYS == 7
    assert recent_pain_rise(history, latest_day + timedelta(days=7)) is not None
    assert recent_pain_rise(history, latest_day + timedelta(days=8)) is None


def test_the_usual_level_is_the_median_of_exactly_the_ten_sessions_before_the_latest() -> None:
    # Five low and five high scores before the latest: the usual level is 4, so a 6 is a rise.
    assert USUAL_WINDOW == 10
    ten = [*(record(day, 2) for day in range(1, 6)), *(record(day, 6) for day in range(6, 11))]
    rise = recent_pain_rise([*ten, record(11, 6)], START + timedelta(days=11))
    assert rise is not None and (rise.usual, rise.recent) == (4, 6)
    # An eleventh, older high score is outside the window and changes nothing.
    rise = recent_pain_rise([record(0, 9), *ten, record(11, 6)], START + timedelta(days=11))
    assert rise is not None and (rise.usual, rise.recent) == (4, 6)

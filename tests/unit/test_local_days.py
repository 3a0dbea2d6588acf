"""The local day of a moment follows the computer's time zone, even after it changes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from backcare_tui.domain import local_days as local_days_module
from backcare_tui.domain.local_days import local_day, local_days
from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.stats import streak, summarize

LATE_EVENING_UTC = datetime(2024, 3, 14, 22, 30, tzinfo=UTC)  # Thursday 23:30 in Berlin, 18:30 in New York
AFTER_MIDNIGHT_UTC = datetime(2024, 3, 15, 0, 30, tzinfo=UTC)  # Friday in Berlin, Thursday in New York


def set_zone(patch: pytest.MonkeyPatch, zone: str) -> None:
    patch.setenv("TZ", zone)
    time.tzset()


@pytest.fixture
def zone() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch
    time.tzset()


def test_each_moment_gets_its_own_local_day_in_order(zone: pytest.MonkeyPatch) -> None:
    set_zone(zone, "Europe/Berlin")
    moments = [AFTER_MIDNIGHT_UTC, LATE_EVENING_UTC, AFTER_MIDNIGHT_UTC, LATE_EVENING_UTC - timedelta(days=40)]
    expected = [date(2024, 3, 15), date(2024, 3, 14), date(2024, 3, 15), date(2024, 2, 3)]
    assert local_days(moments) == expected
    assert local_days(iter(moments)) == expected  # asked again, from memory
    assert [local_day(moment) for moment in moments] == expected
    assert local_days([]) == []


def test_a_change_of_time_zone_is_noticed_between_calls(zone: pytest.MonkeyPatch) -> None:
    set_zone(zone, "Europe/Berlin")
    assert local_days([AFTER_MIDNIGHT_UTC, LATE_EVENING_UTC]) == [date(2024, 3, 15), date(2024, 3, 14)]
    set_zone(zone, "America/New_York")
    assert local_days([AFTER_MIDNIGHT_UTC, LATE_EVENING_UTC]) == [date(2024, 3, 14), date(2024, 3, 14)]
    set_zone(zone, "Asia/Tokyo")
    assert local_days([LATE_EVENING_UTC]) == [date(2024, 3, 15)]
    set_zone(zone, "Europe/Berlin")
    assert local_days([AFTER_MIDNIGHT_UTC, LATE_EVENING_UTC]) == [date(2024, 3, 15), date(2024, 3, 14)]


def test_a_streak_follows_the_user_to_a_new_time_zone(zone: pytest.MonkeyPatch) -> None:
    # Sessions at 00:30 UTC on three days: just after midnight in Berlin, the evening before in New York.
    records = [
        SessionRecord(
            id=f"s{n}",
            routine_id="test-routine",
            routine_name="Test routine",
            started_at=AFTER_MIDNIGHT_UTC - timedelta(days=n),
            status="completed",
            active_seconds=300.0,
        )
        for n in range(3)
    ]
    friday = date(2024, 3, 15)
    set_zone(zone, "Europe/Berlin")
    assert streak(records, friday) == 3
    assert summarize(records, friday).days_since_last == 0
    set_zone(zone, "America/New_York")
    assert summarize(records, friday).days_since_last == 1  # the latest was Thursday evening there
    assert streak(records, friday) == 3
    assert streak(records, friday + timedelta(days=1)) == 0


def test_each_moment_is_converted_once_until_the_time_zone_changes(zone: pytest.MonkeyPatch) -> None:
    converted: list[datetime] = []

    def counting(moment: datetime) -> date:
        converted.append(moment)
        return moment.astimezone().date()

    zone.setattr(local_days_module, "local_day", counting)
    moments = [LATE_EVENING_UTC + timedelta(minutes=n) for n in range(3)]
    set_zone(zone, "Pacific/Auckland")
    assert local_days(moments) == [date(2024, 3, 15)] * 3
    assert local_days(moments[:2]) == [date(2024, 3, 15)] * 2
    assert local_days(reversed(moments)) == [date(2024, 3, 15)] * 3
    assert converted == moments  # asked three times, converted once
    set_zone(zone, "America/New_York")
    assert local_days(moments[:1]) == [date(2024, 3, 14)]
    assert converted == [*moments, moments[0]]

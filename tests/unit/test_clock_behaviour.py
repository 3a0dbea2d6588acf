"""The clocks: the fake one moves only forward and keeps wall and monotonic time together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backcare_tui.domain.clock import FIXED_START, FakeClock, MonotonicClock, local_zone_key


def test_a_fake_clock_needs_a_timezone_aware_start() -> None:
    with pytest.raises(ValueError, match=r"^FakeClock needs a timezone-aware start time$"):
        FakeClock(datetime(2026, 1, 5, 9, 0))


def test_a_fake_clock_starts_where_it_is_told() -> None:
    clock = FakeClock()
    assert (clock.wall(), clock.monotonic()) == (FIXED_START, 1000.0)
    other = FakeClock(datetime(2026, 3, 1, 8, 30, tzinfo=UTC), monotonic_start=5.0)
    assert (other.wall(), other.monotonic()) == (datetime(2026, 3, 1, 8, 30, tzinfo=UTC), 5.0)


def test_advancing_moves_wall_and_monotonic_time_forward_together() -> None:
    clock = FakeClock()
    clock.advance(90)
    clock.advance(0)
    assert clock.monotonic() == 1090.0
    assert clock.wall() == FIXED_START + timedelta(seconds=90)


def test_time_never_moves_backwards() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError, match=r"^time only moves forward$"):
        clock.advance(-0.5)
    assert (clock.wall(), clock.monotonic()) == (FIXED_START, 1000.0)


def test_setting_the_wall_clock_leaves_monotonic_time_alone() -> None:
    clock = FakeClock()
    next_day = FIXED_START + timedelta(days=1)
    clock.set_wall(next_day)
    assert (clock.wall(), clock.monotonic()) == (next_day, 1000.0)


def test_the_real_clock_gives_an_aware_time_of_now() -> None:
    clock = MonotonicClock()
    before = datetime.now(UTC)
    wall = clock.wall()
    assert wall.tzinfo is not None
    assert before - timedelta(seconds=5) <= wall <= datetime.now(UTC)
    first = clock.monotonic()
    assert clock.monotonic() >= first


def test_the_zone_key_changes_with_the_tz_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    paris = local_zone_key()
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert local_zone_key() != paris
    assert local_zone_key()[0] == "Asia/Tokyo"

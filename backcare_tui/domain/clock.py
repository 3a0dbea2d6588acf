"""Where time comes from. Domain code reads a `Clock`; tests drive a `FakeClock`.

`monotonic()` measures intervals (it never jumps with the wall clock); `wall()` stamps
records with an aware local time.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary start; only differences mean anything."""
        ...

    def wall(self) -> datetime:
        """The current time of day, timezone-aware."""
        ...


class MonotonicClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC).astimezone()


def local_zone_key() -> tuple[object, ...]:
    """Changes when the process's local time zone does (TZ set and `time.tzset()` called)."""
    return (os.environ.get("TZ"), time.tzname, time.timezone, time.altzone)


FIXED_START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock that moves only when told to; monotonic and wall time move together."""

    def __init__(self, start: datetime = FIXED_START, monotonic_start: float = 1000.0) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._wall = start
        self._monotonic = monotonic_start

    def monotonic(self) -> float:
        return self._monotonic

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward")
        self._monotonic += seconds
        self._wall += timedelta(seconds=seconds)

    def set_wall(self, when: datetime) -> None:
        """Jump the wall clock (a new day) without touching monotonic time."""
        self._wall = when

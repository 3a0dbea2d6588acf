"""The local calendar day of a moment: where the user is now, not where the session was.

A session started at 23:30 in one time zone belongs to the day it was in the local zone.
Converting is the costly step, so the day of each moment is remembered between calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .clock import local_zone_key


def local_day(moment: datetime) -> date:
    """The calendar day of `moment` in the local time zone."""
    return moment.astimezone().date()


class _LocalDays:
    """Remembers the local day of each start time, since converting is the costly step.

    The same records are summarised again and again, so each moment is converted once.
    Everything is forgotten when the local time zone changes or the memory grows large.
    """

    LIMIT = 200_000

    def __init__(self) -> None:
        self._days: dict[datetime, date] = {}
        self._zone: tuple[object, ...] = ()

    def of(self, moments: Iterable[datetime]) -> list[date]:
        zone = local_zone_key()
        if zone != self._zone or len(self._days) > self.LIMIT:
            self._days = {}
            self._zone = zone
        known = self._days.get
        return [known(moment) or self._convert(moment) for moment in moments]

    def _convert(self, moment: datetime) -> date:
        day = self._days[moment] = local_day(moment)
        return day


_local_days = _LocalDays()


def local_days(moments: Iterable[datetime]) -> list[date]:
    """The local calendar day of each moment, remembered between calls."""
    return _local_days.of(moments)

"""The weekly check-ins kept in the history file, as the app reaches them.

The app opens its history file only after the first screen is drawn. `HistoryCheckIns`
stands in for the file's check-in log until then: it asks for the app's `SessionKeeper`
only when a check-in is first read or saved, so building the app imports no storage code.
"""

from __future__ import annotations

from collections.abc import Callable

from .domain.checkin import CheckIn, CheckInLog


class HistoryCheckIns:
    """A `CheckInLog` that is the history file's, reached through `keeper()` when first used."""

    def __init__(self, keeper: Callable[[], CheckInLog]) -> None:
        self._keeper = keeper

    def checkins(self) -> list[CheckIn]:
        return self._keeper().checkins()

    def save_checkin(self, checkin: CheckIn) -> str | None:
        return self._keeper().save_checkin(checkin)

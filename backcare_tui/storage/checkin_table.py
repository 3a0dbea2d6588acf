"""The weekly check-ins in the history file (schema version 4): the store's `checkins` table.

`CheckInTable` is the part of `SessionStore` that reads and writes check-ins. A check-in is
written like a session: under the lock, in one atomic write. One that cannot be written
waits in memory with the store's other pending changes, is shown by `checkins()` for the
rest of the run and is written with the next save that succeeds. A stored check-in that
cannot be read is left out and kept on disk exactly as it is.
"""

from __future__ import annotations

from ..domain.checkin import CheckIn
from .checkin_codec import CHECKINS, checkin_key, encode_checkin, readable_checkins
from .history_file import HistoryFile


class CheckInTable(HistoryFile):
    """Check-ins for `SessionStore`."""

    def checkins(self) -> list[CheckIn]:
        """Every check-in that can be read (and any waiting to be saved), oldest first."""
        documents = {**self._table_or_empty(CHECKINS), **self._pending.get(CHECKINS, {})}
        return readable_checkins(documents)

    def save_checkin(self, checkin: CheckIn) -> None:
        """Keep one check-in; raises StorageError (the check-in waiting in memory) if it could
        not be written."""
        self._write(CHECKINS, {checkin_key(checkin): encode_checkin(checkin)})

"""Session records decoded from the file, kept while their documents are unchanged.

Decoding ten thousand sessions takes tens of milliseconds; a checkpoint changes one. The
cache keeps each record beside the document it came from and the newest-first list beside
the version of the data it was built from, so only what changed is decoded again.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..domain.models import SessionRecord
from .codec import decode_session
from .schema import collection_paused

Documents = dict[str, Any]  # dicts, or msgspec.Raw as read from the file
Version = tuple[int, int]


class DecodedSessions:
    def __init__(self) -> None:
        self._decoded: dict[str, tuple[Any, SessionRecord]] = {}
        self._newest_first: tuple[Version, list[SessionRecord]] | None = None
        self.damaged: dict[str, str] = {}  # id -> what is wrong, for sessions left out

    def decode(self, session_id: str, document: Any) -> SessionRecord:
        cached = self._decoded.get(session_id)
        if cached is not None and (cached[0] is document or cached[0] == document):
            return cached[1]
        record = decode_session(session_id, document)
        self._decoded[session_id] = (document, record)
        return record

    def newest_first(
        self, version: Version, stored: Documents, pending: dict[str, dict[str, Any] | None], *, skip_invalid: bool
    ) -> list[SessionRecord]:
        """Stored sessions with pending changes applied, newest first; `version` identifies
        the data, so the same version returns the same list. A session that cannot be
        decoded is left out and named in `damaged` (its document stays as it is); with
        `skip_invalid` (a newer file, read-only) it is left out without being named."""
        if self._newest_first is not None and self._newest_first[0] == version:
            return self._newest_first[1]
        records: dict[str, SessionRecord] = {}
        damaged: dict[str, str] = {}
        with collection_paused():
            for session_id, document in stored.items():
                try:
                    records[session_id] = self.decode(session_id, document)
                except msgspec.ValidationError as error:
                    if not skip_invalid:
                        damaged[session_id] = str(error)
            self.damaged = damaged
            self._decoded = {session_id: self._decoded[session_id] for session_id in records}
            for session_id, change in pending.items():
                if change is None:
                    records.pop(session_id, None)
                else:
                    records[session_id] = decode_session(session_id, change)
            newest_first = sorted(records.values(), key=_newest_first_key, reverse=True)
        self._newest_first = (version, newest_first)
        return newest_first


def _newest_first_key(record: SessionRecord) -> tuple[float, str]:
    return record.started_at.timestamp(), record.id

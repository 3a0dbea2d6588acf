"""SessionStore: the app's one way to read and write its sessions file.

Every change is a short transaction under `<db>.lock` (history_file.py), so two copies of
the app never lose each other's sessions.

The store is the only place where unsaved work waits. A saved session is either on disk or
pending here (retried with the next write), even when the file could not be opened at all;
`sessions()` shows both. A delete is all or nothing: if it cannot be written it is undone at
once, the session stays, and the caller gets the one error.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from ..domain.clock import Clock
from ..domain.models import SessionRecord, replace
from ..domain.stats import local_day
from . import errors
from .checkin_table import CheckInTable
from .codec import SESSION_STATUS_CODES, decode_session, encode_session
from .decoded import DecodedSessions
from .errors import CorruptDatabaseError, StorageError, UnsuitableFileError
from .ownership import RunningSessions
from .programme_tables import ProgrammeTables
from .schema import SCHEMA_VERSION, SESSIONS, SETTINGS, SINGLE_DOCUMENT, schema_version
from .target import check_target, foreign_file, is_writable

_IN_PROGRESS = SESSION_STATUS_CODES["in_progress"]
_IN_PROGRESS_MARK = f'"t":"{_IN_PROGRESS}"'.encode()
_COMPLETED = SESSION_STATUS_CODES["completed"]  # what a document without a status is


class SessionStore(CheckInTable, ProgrammeTables):
    """Sessions, the programme, check-ins and settings in one TinyDB file, safe against
    crashes and other copies. The file and its lock: history_file.py; check-ins:
    checkin_table.py; doses, their change log and "keep as is": programme_tables.py."""

    def __init__(
        self, path: Path, *, lock_timeout: float = 5.0, clock: Clock | None = None, read_only: bool = False
    ) -> None:
        super().__init__(path, lock_timeout=lock_timeout, clock=clock, read_only=read_only)
        self._running = RunningSessions(self.path)
        self._decoded = DecodedSessions()

    @classmethod
    def open(
        cls, path: Path, *, lock_timeout: float = 5.0, clock: Clock | None = None, read_only: bool = False
    ) -> SessionStore:
        """Open the history; a corrupt, older or newer file is dealt with and noted, not raised.

        A path that is not a regular file (or a place one can be created) is left untouched:
        the store keeps sessions in memory and says why (with `read_only`, it raises
        UnsuitableFileError). With `read_only` nothing is ever created, moved or written
        (no lock file either): an older file is upgraded in memory only, and a file that
        cannot be read raises StorageError instead of being moved aside.
        """
        store = cls(path, lock_timeout=lock_timeout, clock=clock, read_only=read_only)
        try:
            status = check_target(store.path)
        except UnsuitableFileError as error:
            if read_only:
                raise
            store.read_only = store._reading_only = store._unreadable = True  # touch nothing there
            store.notices.append(f"{error} Sessions are kept in memory until then.")
            return store
        if read_only:
            try:
                store._prepare_to_read()
            except CorruptDatabaseError:
                if not store._is_history_file():
                    raise foreign_file(store.path) from None
                raise
            return store
        if status is not None and not is_writable(store.path, status):
            store.read_only = True
            store.notices.append(
                f"{store.path} is marked read-only, so it was opened read-only and nothing will be saved to it. "
                "Make it writable (chmod u+w) to save sessions; until then they are kept in memory."
            )
            with contextlib.suppress(StorageError):
                store._prepare_to_read()
            return store
        store._prepare()
        return store

    @property
    def damaged_sessions(self) -> dict[str, str]:
        """Sessions left out of `sessions()` because they cannot be read: id -> what is wrong.
        Their documents are kept on disk exactly as they are."""
        return dict(self._decoded.damaged)

    # -- reading ---------------------------------------------------------------------------

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Saved sessions (and any waiting to be saved), newest first."""
        records = self._records_newest_first()
        if since is None:
            return list(records)
        return [record for record in records if local_day(record.started_at) >= since]

    def get_session(self, session_id: str) -> SessionRecord | None:
        with self._mutex:
            pending = self._pending.get(SESSIONS, {})
            if session_id in pending:
                document = pending[session_id]
                return None if document is None else decode_session(session_id, document)
            document = self._table_or_empty(SESSIONS).get(session_id)
            return None if document is None else self._decoded.decode(session_id, document)

    def legacy_settings(self) -> dict[str, Any]:
        """Settings kept in this file by versions before the settings file (empty if none)."""
        with self._mutex:
            return self._settings()

    # -- writing ---------------------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> None:
        """Insert or replace `record` by id; raises StorageError if it could not be written."""
        document = encode_session(record)
        self._write(SESSIONS, {record.id: document})

    def delete_session(self, session_id: str) -> bool:
        """Delete a session; raises StorageError, with the session kept, if it could not be written."""
        with self._mutex:
            if self.get_session(session_id) is None:
                return False
            pending = self._pending.setdefault(SESSIONS, {})
            if session_id in pending and self._table_or_empty(SESSIONS).get(session_id) is None:
                del pending[session_id]  # never written: dropping it is the whole delete
                self._pending_version += 1
                return True
            waiting = pending.get(session_id)
            try:
                self._write(SESSIONS, {session_id: None})
            except StorageError:
                restored = self._pending.setdefault(SESSIONS, {})
                if waiting is None:
                    restored.pop(session_id, None)
                else:
                    restored[session_id] = waiting
                self._pending_version += 1
                raise
            return True

    def forget_legacy_settings(self) -> None:
        """Remove the settings table once the settings file has taken them over."""
        with self._mutex:
            if self.read_only or not self._settings():
                return
            try:
                self._write(SETTINGS, {SINGLE_DOCUMENT: None})
            except StorageError:
                self._pending.pop(SETTINGS, None)  # harmless to leave: the settings file wins
                raise

    @property
    def pending_sessions(self) -> int:
        """Sessions kept in memory because they could not be written yet."""
        return sum(1 for document in self._pending.get(SESSIONS, {}).values() if document is not None)

    def flush(self) -> None:
        """Try again to write pending changes; raises StorageError if they are still waiting."""
        if any(self._pending.values()):
            self._write(SESSIONS, {})

    # -- running sessions ------------------------------------------------------------------

    def claim(self, session_id: str) -> None:
        """Mark a session as running in this process until `release` or exit."""
        if self._reading_only:
            return  # nothing is created beside a file that is not ours to write
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            claimed = self._running.claim(session_id)
        except OSError as error:
            raise errors.write_failed(self.path, error) from error
        if not claimed:
            message = f"Session {session_id} is already running in another copy of backcare-tui."
            raise errors.LockTimeoutError(message, self.path)

    def release(self, session_id: str) -> None:
        self._running.release(session_id)

    def recover_interrupted(self) -> list[SessionRecord]:
        """Mark checkpointed sessions that no running copy owns as stopped, save and return them."""
        if self.read_only:
            return []
        with self._mutex, self._locked():
            stored = self._read_for_write().get(SESSIONS, {})
            interrupted = [
                replace(record, status="stopped", recovered=True)
                for session_id, document in stored.items()
                if (record := self._in_progress(session_id, document)) is not None
                and session_id not in self._running
                and not self._running.is_running_elsewhere(session_id)
            ]
            if interrupted:
                self._commit(SESSIONS, {record.id: encode_session(record) for record in interrupted})
        return interrupted

    def close(self) -> None:
        self._running.release_all()
        self._db.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------

    def _in_progress(self, session_id: str, document: Any) -> SessionRecord | None:
        """The record if `document` is a checkpointed session that can be read."""
        if isinstance(document, msgspec.Raw):
            if _IN_PROGRESS_MARK not in bytes(document):
                return None
        elif document.get("t", _COMPLETED) != _IN_PROGRESS:
            return None
        try:
            record = self._decoded.decode(session_id, document)
        except msgspec.ValidationError:
            return None  # damaged: left as it is
        return record if record.status == "in_progress" else None

    def _settings(self) -> dict[str, Any]:
        pending = self._pending.get(SETTINGS, {})
        if SINGLE_DOCUMENT in pending:
            return dict(pending[SINGLE_DOCUMENT] or {})
        return dict(self._table_or_empty(SETTINGS).get(SINGLE_DOCUMENT, {}))

    def _records_newest_first(self) -> list[SessionRecord]:
        with self._mutex:
            stored = self._read().get(SESSIONS, {})
            version = (self._storage.generation, self._pending_version)
            pending = self._pending.get(SESSIONS, {})
            newer = schema_version(self._storage.read() if not self._unreadable else None) > SCHEMA_VERSION
            return self._decoded.newest_first(version, stored, pending, skip_invalid=newer)

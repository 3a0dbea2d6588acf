"""SessionStore: the app's one way to read and write its sessions file.

Every change is a short transaction under `<db>.lock`: read the file (or reuse its parsed
data if it has not changed), apply the change, write it atomically. Two copies of the app
therefore never lose each other's sessions.

The store is the only place where unsaved work waits. A saved session is either on disk or
pending here (retried with the next write), even when the file could not be opened at all;
`sessions()` shows both. A delete is all or nothing: if it cannot be written it is undone at
once, the session stays, and the caller gets the one error.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
from filelock import FileLock, Timeout

from ..domain.clock import Clock, MonotonicClock
from ..domain.models import DoseChange, KeepDecision, PersonalDose, SessionRecord, replace
from ..domain.stats import local_day
from . import errors
from .checkin_table import CheckInTable
from .codec import SESSION_STATUS_CODES, decode_session, encode_session
from .database import AtomicJSONStorage, KeyedTable, SessionDatabase, damaged
from .decoded import DecodedSessions
from .errors import CorruptDatabaseError, StorageError, UnsuitableFileError
from .files import stale_temp_files
from .ownership import RunningSessions
from .programme_codec import (
    DOSE_CHANGES,
    DOSES,
    KEEP_DECISIONS,
    change_key,
    decode_change,
    decode_decision,
    decode_dose_row,
    encode_change,
    encode_decision,
    encode_dose_row,
    slot_key,
)
from .recovery import migrate_file, quarantine
from .schema import META, SCHEMA_VERSION, SESSIONS, SETTINGS, SINGLE_DOCUMENT, Data, ShapeError, migrate, schema_version
from .target import check_target, foreign_file, is_writable, looks_like_history, read_regular

_IN_PROGRESS = SESSION_STATUS_CODES["in_progress"]
_IN_PROGRESS_MARK = f'"t":"{_IN_PROGRESS}"'.encode()
_COMPLETED = SESSION_STATUS_CODES["completed"]  # what a document without a status is
Changes = dict[str, dict[str, Any] | None]


class SessionStore(CheckInTable):
    """Sessions, the programme, check-ins and settings in one TinyDB file, safe against
    crashes and other copies. Check-ins: `checkins()` and `save_checkin()` (checkin_table.py)."""

    def __init__(
        self, path: Path, *, lock_timeout: float = 5.0, clock: Clock | None = None, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._reading_only = read_only  # asked for: create, move and write nothing, ever
        self.notices: list[str] = []
        self._clock = clock or MonotonicClock()
        self._lock_timeout = lock_timeout
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock = FileLock(self._lock_path, timeout=lock_timeout, thread_local=False)
        self._mutex = threading.RLock()
        self._db = SessionDatabase(self.path, storage=AtomicJSONStorage)
        self._storage = self._db.file_storage
        self._running = RunningSessions(self.path)
        self._pending: dict[str, Changes] = {}
        self._pending_version = 0
        self._unreadable = False
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

    # -- the programme: personal doses, their change log, "keep as is" ----------------------

    def doses(self) -> list[PersonalDose]:
        return self._programme_rows(DOSES, decode_dose_row)

    def dose_changes(self) -> list[DoseChange]:
        """The change log, oldest first."""
        return sorted(self._programme_rows(DOSE_CHANGES, decode_change), key=lambda change: change.at)

    def keep_decisions(self) -> list[KeepDecision]:
        return self._programme_rows(KEEP_DECISIONS, decode_decision)

    def save_dose_change(self, dose: PersonalDose, change: DoseChange) -> None:
        """Store a new personal dose and its log entry in one write: both or neither."""
        key = slot_key(dose.routine_id, dose.exercise_id)
        self._write_together(
            {DOSES: {key: encode_dose_row(dose)}, DOSE_CHANGES: {change_key(change): encode_change(change)}}
        )

    def save_keep_decisions(self, decisions: list[KeepDecision]) -> None:
        """Remember "keep as is" for each slot (only the latest per slot is kept)."""
        documents: Changes = {slot_key(d.routine_id, d.exercise_id): encode_decision(d) for d in decisions}
        if documents:
            self._write_together({KEEP_DECISIONS: documents})

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

    def _prepare_to_read(self) -> None:
        """Read the file without changing anything; raises StorageError if it cannot be read."""
        data = self._storage.read() or {}
        version = schema_version(data)
        if version > SCHEMA_VERSION:
            self.notices.append(
                f"{self.path} was written by a newer version of backcare-tui (schema {version}; "
                f"this version knows {SCHEMA_VERSION}); sessions it cannot read are left out."
            )
        elif version < SCHEMA_VERSION:
            try:
                self._storage.keep_in_memory(migrate(data))
            except ShapeError as error:
                raise damaged(self.path, str(error)) from None

    def _prepare(self) -> None:
        try:
            data = self._read()
            version = schema_version(data)
            if version > SCHEMA_VERSION:
                self.read_only = True
                self.notices.append(
                    f"{self.path} was written by a newer version of backcare-tui (schema {version}; "
                    f"this version knows {SCHEMA_VERSION}). It is open read-only: update backcare-tui to save."
                )
            elif version < SCHEMA_VERSION:
                with self._locked():
                    try:
                        self.notices.extend(migrate_file(self._storage))
                    except CorruptDatabaseError as error:
                        self._quarantine_locked(error, recheck=False)
        except StorageError as error:
            self.read_only = True
            self.notices.append(f"{error} Sessions are kept in memory until it can be saved.")
            try:
                self._storage.read()
            except StorageError:
                self._unreadable = True
        self._warn_if_folder_unwritable()
        self._remove_stale_temp_files()

    def _warn_if_folder_unwritable(self) -> None:
        """Say at once when saves cannot work, rather than at the first checkpoint."""
        folder = self.path.parent
        if not self.read_only and folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            self.notices.append(
                f"The folder {folder} is read-only, so sessions cannot be saved to {self.path.name} there. "
                "Fix its permissions or choose another file with --db; until then sessions are kept in memory."
            )

    def _remove_stale_temp_files(self) -> None:
        leftovers = stale_temp_files(self.path)
        if not leftovers or self.read_only:
            return
        with contextlib.suppress(Timeout, OSError), self._lock.acquire(timeout=0):
            for leftover in stale_temp_files(self.path):
                leftover.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout:
            raise errors.lock_timeout(self.path, self._lock_path, self._lock_timeout) from None
        except OSError as error:
            raise errors.write_failed(self.path, error) from error
        try:
            yield
        finally:
            self._lock.release()

    def _read(self) -> Data:
        """The file's data, quarantining it first if it cannot be read."""
        if self._unreadable:
            return {}
        try:
            return self._storage.read() or {}
        except CorruptDatabaseError as error:
            if self._reading_only:
                raise
            if not self._is_history_file():  # someone else's file: not even a lock beside it
                self._unreadable = self.read_only = True
                raise foreign_file(self.path) from None
            with self._locked():
                return self._quarantine_locked(error)

    def _read_for_write(self) -> Data:
        data = self._read()
        if self._unreadable:
            raise errors.read_only(self.path, "the file cannot be read or moved aside")
        version = schema_version(data)
        if version > SCHEMA_VERSION:
            self.read_only = True
            raise errors.read_only(self.path, f"another copy of a newer backcare-tui changed it to schema {version}")
        return data

    def _quarantine_locked(self, error: CorruptDatabaseError, *, recheck: bool = True) -> Data:
        if recheck:
            with contextlib.suppress(CorruptDatabaseError):
                return self._storage.read() or {}  # another copy may have dealt with it already
        notice, usable = quarantine(self.path, str(error), self._clock.wall())
        self.notices.append(notice)
        self._storage.forget()
        if not usable:
            self._unreadable = self.read_only = True
            return {}
        return self._storage.read() or {}

    def _write(self, table: str, changes: Changes) -> None:
        with self._mutex:
            self._pending.setdefault(table, {}).update(changes)
            self._pending_version += 1
            if self.read_only:
                raise errors.read_only(self.path, "nothing can be saved to it")
            with self._locked():
                data = self._read_for_write()
                if META not in data:
                    self._table(META).put_many({SINGLE_DOCUMENT: {"schema_version": SCHEMA_VERSION}})
                for name in list(self._pending):
                    self._commit(name, self._pending[name])
                    del self._pending[name]
                    self._pending_version += 1

    def _write_together(self, tables: dict[str, Changes]) -> None:
        """Apply changes to several tables (and anything pending) in one atomic write.

        Unlike `_write`, nothing is kept to retry: if the write fails the file is unchanged,
        the changes are dropped and StorageError says why.
        """
        with self._mutex:
            if self.read_only:
                raise errors.read_only(self.path, "nothing can be saved to it")
            with self._locked():
                data = self._read_for_write()
                merged: dict[str, dict[str, Any]] = dict(data)
                merged.setdefault(META, {SINGLE_DOCUMENT: {"schema_version": SCHEMA_VERSION}})
                for name, changes in [*self._pending.items(), *tables.items()]:
                    table = dict(merged.get(name, {}))
                    for key, document in changes.items():
                        if document is None:
                            table.pop(key, None)
                        else:
                            table[key] = dict(document)
                    merged[name] = table
                self._storage.write(merged)
                self._pending.clear()
                self._pending_version += 1

    def _programme_rows(self, table: str, decode: Any) -> list[Any]:
        with self._mutex:
            rows = []
            for document in self._table_or_empty(table).values():
                try:
                    rows.append(decode(document))
                except msgspec.ValidationError:
                    if not self.read_only:
                        raise
            return rows

    def _commit(self, table: str, changes: Changes) -> None:
        if changes:
            self._table(table).put_many(changes)

    def _is_history_file(self) -> bool:
        """Whether the damaged file is (what is left of) a history, and so ours to move aside."""
        try:
            raw, _ = read_regular(self.path)
        except FileNotFoundError:
            return True
        except (OSError, StorageError):
            return False
        return looks_like_history(raw)

    def _table(self, name: str) -> KeyedTable:
        return self._db.table(name)

    def _table_or_empty(self, name: str) -> dict[str, dict[str, Any]]:
        return {} if self._unreadable else self._table(name).raw()

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

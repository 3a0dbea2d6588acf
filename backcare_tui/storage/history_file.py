"""HistoryFile: the history file under its lock, the part of the store that reads and writes.

Every change is a short transaction under `<db>.lock`: read the file (or reuse its parsed
data if it has not changed), apply the change, write it atomically. Two copies of the app
therefore never lose each other's changes. A change that cannot be written waits in
`_pending` and is written with the next one that can. A file that cannot be read is moved
aside only when it is (what is left of) a history file; anything else is left alone.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from ..domain.clock import Clock, MonotonicClock
from . import errors
from .database import AtomicJSONStorage, KeyedTable, SessionDatabase, damaged
from .errors import CorruptDatabaseError, StorageError
from .files import stale_temp_files
from .recovery import migrate_file, quarantine
from .schema import META, SCHEMA_VERSION, SINGLE_DOCUMENT, Data, ShapeError, migrate, schema_version
from .target import foreign_file, looks_like_history, read_regular

Changes = dict[str, dict[str, Any] | None]


class HistoryFile:
    """The file, its lock and the changes waiting to be written; the tables build on it."""

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
        self._pending: dict[str, Changes] = {}
        self._pending_version = 0
        self._unreadable = False

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

"""TinyDB with a storage that is safe to crash and safe to share.

`AtomicJSONStorage` reads the whole file and closes it, keeps the parsed data while the
file's identity (inode, size, mtime, ctime) is unchanged, and writes by atomic replacement,
keeping the replaced version as `<name>.bak`. It raises on a file it cannot understand
instead of returning None, which TinyDB would take for an empty database and overwrite.
`KeyedTable` keys documents by string ids (session ids) and replaces whole documents.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ..domain.wording import printable
from .errors import CorruptDatabaseError, StorageError, write_failed
from .files import write_atomically
from .schema import Data, ShapeError, parse
from .target import read_regular

FileIdentity = tuple[int, int, int, int]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class AtomicJSONStorage(Storage):
    """Whole-file JSON storage with atomic writes and a parse cache."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.generation = 0  # changes whenever the data read() returns changes
        self._data: Data | None = None
        self._identity: FileIdentity | None = None

    def read(self) -> Data | None:
        try:
            identity = _identity(os.stat(self.path))
        except FileNotFoundError:
            self._remember(None, None)
            return None
        except OSError as error:
            raise unreadable(self.path, str(error.strerror or error), error.errno) from None
        if identity == self._identity:
            return self._data
        try:
            raw, status = read_regular(self.path)
        except FileNotFoundError:
            return self.read()
        except StorageError:
            raise
        except OSError as error:
            raise unreadable(self.path, str(error.strerror or error), error.errno) from None
        try:
            data = parse(raw)
        except ShapeError as error:
            raise damaged(self.path, str(error)) from None
        self._remember(data, _identity(status))
        return data

    def keep_in_memory(self, data: Data) -> None:
        """Use `data` (e.g. migrated in memory, never written) while the file is unchanged."""
        self._data = data
        self.generation += 1

    def write(self, data: Mapping[str, Any]) -> None:
        try:
            encoded = msgspec.json.encode(data)
            write_atomically(self.path, encoded, previous_to=backup_path(self.path))
        except OSError as error:
            self.forget()
            raise write_failed(self.path, error) from error
        except BaseException:
            self.forget()
            raise
        try:
            self._remember(dict(data), _identity(os.stat(self.path)))
        except OSError:
            self.forget()

    def forget(self) -> None:
        """Drop the cache; the next read parses the file again."""
        self._remember(None, None)

    def _remember(self, data: Data | None, identity: FileIdentity | None) -> None:
        if data is not self._data or identity != self._identity:
            self.generation += 1
        self._data, self._identity = data, identity


def _identity(stat: os.stat_result) -> FileIdentity:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def unreadable(path: Path, reason: str, errno: int | None = None) -> StorageError:
    """The operating system would not let the file be read: not a reason to move it aside."""
    return StorageError(printable(f"{path} cannot be read: {reason}. Check its permissions."), path, errno)


def damaged(path: Path, reason: str) -> CorruptDatabaseError:
    return CorruptDatabaseError(printable(f"{path} is damaged and cannot be read: {reason}."), path)


class KeyedTable(Table):
    """A table whose document ids are strings chosen by the caller."""

    document_id_class = str  # type: ignore[assignment]

    def put_many(self, documents: Mapping[str, Mapping[str, Any] | None]) -> None:
        """Insert or replace each document by id (None deletes it), in one write."""

        def apply(table: dict[str, Mapping[str, Any]]) -> None:
            for doc_id, document in documents.items():
                if document is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = dict(document)

        self._update_table(apply)  # type: ignore[arg-type]  # string ids: document_id_class

    def raw(self) -> dict[str, dict[str, Any]]:
        """The stored documents by id, without copying. Do not modify them."""
        return self._read_table()  # type: ignore[return-value]  # documents as stored


class SessionDatabase(TinyDB):
    table_class = KeyedTable
    default_table_name = "sessions"

    def table(self, name: str, **kwargs: Any) -> KeyedTable:
        return super().table(name, cache_size=0, **kwargs)  # type: ignore[return-value]

    @property
    def file_storage(self) -> AtomicJSONStorage:
        return self.storage  # type: ignore[return-value]

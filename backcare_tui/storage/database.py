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
from .errors import CorruptDatabaseError, write_failed
from .files import write_atomically
from .schema import Data, ShapeError, parse

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
            with open(self.path, "rb") as stream:
                raw = stream.read()
                identity = _identity(os.fstat(stream.fileno()))
        except FileNotFoundError:
            return self.read()
        except OSError as error:
            raise unreadable(self.path, str(error.strerror or error), error.errno) from None
        try:
            data = parse(raw)
        except ShapeError as error:
            raise unreadable(self.path, str(error)) from None
        self._remember(data, identity)
        return data

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


def unreadable(path: Path, reason: str, errno: int | None = None) -> CorruptDatabaseError:
    """The damaged-file error; the path and reason are made printable, as they reach the screen."""
    return CorruptDatabaseError(printable(f"{path} cannot be read: {reason}."), path, errno)


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

        self._update_table(apply)

    def raw(self) -> dict[str, dict[str, Any]]:
        """The stored documents by id, without copying. Do not modify them."""
        return self._read_table()


class SessionDatabase(TinyDB):
    table_class = KeyedTable
    default_table_name = "sessions"

    def table(self, name: str, **kwargs: Any) -> KeyedTable:
        return super().table(name, cache_size=0, **kwargs)  # type: ignore[return-value]

    @property
    def file_storage(self) -> AtomicJSONStorage:
        return self.storage  # type: ignore[return-value]

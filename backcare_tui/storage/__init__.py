"""The history file: the only part of backcare-tui that imports tinydb.

Names are imported when first used, so a command that only reads the file (`status`,
through `storage.snapshot`) does not pay for the store, the file lock or TinyDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .codec import decode_session, encode_session, normalise
    from .errors import (
        CorruptDatabaseError,
        LockTimeoutError,
        ReadOnlyDatabaseError,
        StorageError,
        UnsuitableFileError,
        WriteFailedError,
    )
    from .schema import SCHEMA_VERSION
    from .store import SessionStore

_WHERE = {
    "SCHEMA_VERSION": "schema",
    "CorruptDatabaseError": "errors",
    "LockTimeoutError": "errors",
    "ReadOnlyDatabaseError": "errors",
    "SessionStore": "store",
    "StorageError": "errors",
    "UnsuitableFileError": "errors",
    "WriteFailedError": "errors",
    "decode_session": "codec",
    "encode_session": "codec",
    "normalise": "codec",
}

__all__ = [
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "LockTimeoutError",
    "ReadOnlyDatabaseError",
    "SessionStore",
    "StorageError",
    "UnsuitableFileError",
    "WriteFailedError",
    "decode_session",
    "encode_session",
    "normalise",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)

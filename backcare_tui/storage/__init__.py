"""The history file: the only part of backcare-tui that imports tinydb."""

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

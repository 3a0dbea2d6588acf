"""Storage failures as exceptions whose text is a sentence for people.

Each error names the file and says what to do; `errno` keeps the operating system's code
(ENOSPC, EACCES, EROFS, ...) for callers that want to branch on it.
"""

from __future__ import annotations

import errno as errno_codes
from pathlib import Path


class StorageError(Exception):
    """A history file could not be read or written."""

    def __init__(self, message: str, path: Path, errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno


class CorruptDatabaseError(StorageError):
    """The file exists but is not a history this version can read."""


class ReadOnlyDatabaseError(StorageError):
    """The history is open read-only (written by a newer version, or not writable)."""


class UnsuitableFileError(StorageError):
    """The path is not a file the app may use (a folder, a device, someone else's file, ...);
    nothing was read, created, moved or written."""


class LockTimeoutError(StorageError):
    """Another copy of the app held the history's lock for too long."""


class WriteFailedError(StorageError):
    """Saving failed; the file on disk is unchanged."""


def describe_os_error(error: OSError) -> str:
    """A short reason and remedy for an operating-system error."""
    code = error.errno
    if code == errno_codes.ENOSPC or code == errno_codes.EDQUOT:
        return "the disk is full; free some space"
    if code in (errno_codes.EACCES, errno_codes.EPERM):
        return "permission was denied; check who owns the file and its folder"
    if code == errno_codes.EROFS:
        return "the file system is read-only; choose another location with --db or BACKCARE_TUI_DB"
    return f"{error.strerror or error}".rstrip(".")


def write_failed(path: Path, error: OSError) -> WriteFailedError:
    message = (
        f"Could not save to {path}: {describe_os_error(error)}. "
        "Your session is kept in memory and saving will be retried at the next checkpoint."
    )
    return WriteFailedError(message, path, error.errno)


def lock_timeout(path: Path, lock_path: Path, seconds: float) -> LockTimeoutError:
    message = (
        f"Another copy of backcare-tui has been using {path} for over {seconds:g} s. "
        f"Close the other copy and try again; if none is running, delete {lock_path}."
    )
    return LockTimeoutError(message, path)


def read_only(path: Path, reason: str) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(f"{path} is open read-only: {reason}. Nothing was changed.", path)

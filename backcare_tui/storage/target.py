"""Making sure a path given as the history (or settings) file is one the app may use.

The app only ever reads, replaces or moves aside a regular file of its own. Before anything
is opened the path is checked with `os.stat` (which follows links): a folder, a device such
as /dev/null or /dev/full, a FIFO or a socket is refused, as is a file too large to be a
history. Reading opens with O_NONBLOCK and checks the opened file again, so a path swapped
for a FIFO in between cannot hang the app. `looks_like_history` tells a damaged history
(which may be moved aside) from a file that is plainly something else (which is left alone).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .errors import UnsuitableFileError

MAX_HISTORY_BYTES = 256 * 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)
_REMEDY = "choose a file path with --db or BACKCARE_TUI_DB"
# A history file begins with one of its tables, or mentions its schema stamp early on.
_HISTORY_START = re.compile(rb'^\s*\{\s*(\}|"(meta|sessions|settings|doses)"\s*:)')
_SCHEMA_MARKER = b'"schema_version"'
_HEAD_BYTES = 64 * 1024
_OPENINGS = tuple(f'{{"{name}":'.encode() for name in ("meta", "sessions", "settings", "doses"))


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_target(path: Path, *, what: str = "history file", limit: int = MAX_HISTORY_BYTES) -> os.stat_result | None:
    """The file's status if it exists, None if it can be created; raises UnsuitableFileError
    (without touching anything) if the path is not a regular file or is too large."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        _check_folder(path, what)
        return None
    except NotADirectoryError:
        raise UnsuitableFileError(
            f"The {what} {path} is inside something that is not a folder; {_REMEDY}.", path, errno.ENOTDIR
        ) from None
    except OSError as error:
        raise UnsuitableFileError(
            f"The {what} {path} cannot be checked ({error.strerror or error}); {_REMEDY}.", path, error.errno
        ) from None
    check_status(path, status, what=what, limit=limit)
    return status


def check_status(path: Path, status: os.stat_result, *, what: str, limit: int) -> None:
    kind = kind_of(status.st_mode)
    if kind is not None:
        raise UnsuitableFileError(
            f"The {what} {path} is {kind}, not a file; it was left as it is. Please {_REMEDY}.", path, errno.EINVAL
        )
    if status.st_size > limit:
        raise UnsuitableFileError(
            f"The {what} {path} is {status.st_size // (1024 * 1024)} MB, more than the {limit // (1024 * 1024)} MB "
            f"a {what} can be; it was not read. Please {_REMEDY}.",
            path,
            errno.EFBIG,
        )


def _check_folder(path: Path, what: str) -> None:
    """A missing file is fine if whatever exists of its folder is a folder."""
    for parent in path.parents:
        try:
            status = os.stat(parent)
        except FileNotFoundError:
            continue
        except OSError:
            return  # reported when the file is written
        if not stat.S_ISDIR(status.st_mode):
            raise UnsuitableFileError(
                f"The {what} {path} cannot be created: {parent} is not a folder. Please {_REMEDY}.", path, errno.ENOTDIR
            )
        return


def read_regular(
    path: Path, *, what: str = "history file", limit: int = MAX_HISTORY_BYTES
) -> tuple[bytes, os.stat_result]:
    """The whole content of a regular file and its status; never blocks on a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        status = os.fstat(fd)
        check_status(path, status, what=what, limit=limit)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise UnsuitableFileError(f"The {what} {path} grew past {limit // (1024 * 1024)} MB while read.", path)
        return raw, os.fstat(fd)
    finally:
        os.close(fd)


def looks_like_history(raw: bytes) -> bool:
    """True if `raw` is (what is left of) a history file rather than some other file.

    Empty, blank or zero-filled content counts: there is nothing to lose by moving it aside,
    and it is what an interrupted write on some file systems leaves behind.
    """
    head = raw[:_HEAD_BYTES].removeprefix(b"\xef\xbb\xbf")
    if not head.strip(b" \t\r\n\0"):
        return True
    if _HISTORY_START.match(head) or _SCHEMA_MARKER in head:
        return True
    start = re.sub(rb"\s+", b"", head[:64])  # cut off before the first table's name ended?
    return len(start) < 16 and any(opening.startswith(start) for opening in _OPENINGS)


def is_writable(path: Path, status: os.stat_result) -> bool:
    """False for a file marked read-only (even for root, who could still write it)."""
    return bool(status.st_mode & 0o222) and os.access(path, os.W_OK)


def foreign_file(path: Path) -> UnsuitableFileError:
    return UnsuitableFileError(
        f"{path} does not look like a backcare-tui history file, so it was left untouched. "
        f"Please {_REMEDY}, or move that file away.",
        path,
        errno.EINVAL,
    )


def check_history_file(path: Path) -> None:
    """Raise UnsuitableFileError unless `path` is a history file, or one can be created there.

    Reads at most the file's beginning when it looks like a history, so it costs little.
    """
    if check_target(path) is None:
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        try:
            check_status(path, os.fstat(fd), what="history file", limit=MAX_HISTORY_BYTES)
            head = os.read(fd, _HEAD_BYTES)
        finally:
            os.close(fd)
        if looks_like_history(head):
            return
        raw, _ = read_regular(path)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: the store reports it with the reason
    from .schema import ShapeError, parse  # only for a file that does not look like a history

    try:
        parse(raw)
    except ShapeError:
        raise foreign_file(path) from None

"""File operations that never leave a half-written file behind.

`write_atomically` writes a temporary file in the same folder, fsyncs it, renames it over the
target and fsyncs the folder, so a reader (or a crash) sees either the old file or the new
one. Because files are only ever replaced, never rewritten in place, a hard link to an old
version keeps that version intact: `.bak` copies and moved-aside files cost no copying.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def write_atomically(path: Path, data: bytes, *, previous_to: Path | None = None) -> None:
    """Replace `path` with `data`; if `previous_to` is given, keep the old file there first.

    Raises OSError (with the temporary file removed) if anything fails; `path` is untouched.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if previous_to is not None:
            keep_copy(path, previous_to)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; some file systems refuse, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def keep_copy(source: Path, target: Path) -> bool:
    """Make `target` a copy of `source` (a hard link when possible). False if no source."""
    temp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    try:
        os.link(source, temp)
    except FileNotFoundError:
        return False
    except OSError:
        try:
            shutil.copyfile(source, temp)
        except FileNotFoundError:
            return False
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return True


def move_aside(path: Path, stem: str) -> Path:
    """Rename `path` to a new name starting with `stem`, never replacing an existing file."""
    for attempt in range(1000):
        target = path.with_name(stem if attempt == 0 else f"{stem}-{attempt}")
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(errno.EEXIST, "no free name to move the file aside", str(path))


def stale_temp_files(path: Path) -> list[Path]:
    """Temporary files a killed writer may have left next to `path`."""
    folder = path.parent
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"))

"""Library files as last parsed, kept between starts so that unchanged ones are not parsed again.

Parsing TOML is most of what loading the library costs, and the app loads some fifty files at
every start, before its first screen. A file whose bytes are exactly those parsed last time gets
last time's data; any other file is parsed as usual and remembered. Only plain data is kept
(text, numbers, true/false, lists and tables): a file holding a date, say, is parsed every time.

The cache is only ever a shortcut. A cache file that is missing, unreadable, from another
version or damaged counts as empty, and one that cannot be written is not written: the library
loads the same either way.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec

from .domain.library import Library, Problem, load_library, parse_toml, read_library_file

FORMAT = 1
PLAIN = (str, int, float, bool)


class CacheFile(msgspec.Struct, frozen=True):
    format: int
    python: str
    files: dict[str, tuple[bytes, dict[str, Any]]]


def _python() -> str:
    """The parser is Python's own: a different Python may parse differently."""
    return ".".join(map(str, sys.version_info[:2]))


def is_plain(data: dict[str, Any]) -> bool:
    """Whether the data holds only what the cache gives back unchanged."""
    stack: list[object] = [data]
    while stack:  # a loop, not recursion: a file may nest as deep as TOML allows
        value = stack.pop()
        if isinstance(value, dict):
            stack += value.values()
        elif isinstance(value, list):
            stack += value
        elif type(value) not in PLAIN:
            return False
    return True


class ParsedFiles:
    """Reads library files for `load_library`, parsing only the ones it has not seen as they are.

    `read` is given to `load_library`; `save` then keeps what this load read, if anything changed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known = self._load()
        self._read: dict[str, tuple[bytes, dict[str, Any]]] = {}

    def _load(self) -> dict[str, tuple[bytes, dict[str, Any]]]:
        try:
            cache = msgspec.msgpack.decode(self.path.read_bytes(), type=CacheFile)
        except (OSError, msgspec.DecodeError):
            return {}
        return cache.files if cache.format == FORMAT and cache.python == _python() else {}

    def read(self, path: Path) -> dict | Problem:
        raw = read_library_file(path)
        if isinstance(raw, Problem):
            return raw
        key = str(path)
        known = self._known.get(key)
        if known is not None and known[0] == raw:
            self._read[key] = known
            return known[1]
        data = parse_toml(path, raw)
        if isinstance(data, dict) and is_plain(data):
            self._read[key] = (raw, data)
        return data

    @property
    def changed(self) -> bool:
        return self._read.keys() != self._known.keys() or any(
            self._known[key] is not entry for key, entry in self._read.items()
        )

    def save(self) -> None:
        """Keep the files this load read, when they differ from the cache; errors are ignored."""
        if not self.changed:
            return
        try:
            content = msgspec.msgpack.encode(CacheFile(FORMAT, _python(), self._read))
        except (OverflowError, msgspec.EncodeError):  # e.g. a whole number too large for the format
            return
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(content)
            temporary.replace(self.path)  # whole or not at all, even with two apps starting at once
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def load_cached_library(folders: Sequence[Path], cache: Path) -> Library:
    """`load_library`, parsing only the files that changed since the cache was written."""
    files = ParsedFiles(cache)
    library = load_library(folders, read=files.read)
    files.save()
    return library

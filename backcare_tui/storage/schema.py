"""What a history file must look like, and how older files are brought up to date.

A file is a TinyDB database: a JSON object of tables, each an object of documents keyed by
id: `meta` (one document holding `schema_version`) and `sessions` (see codec.py). Version 1
stored sessions in a form that implied other values (see codec_v1.py) and kept the settings
in a `settings` table, which the settings file has since taken over; the table is still read
(and may still be present) until a settings change moves it. Later versions may add tables
such as `doses`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import msgspec
from msgspec import Struct

from .codec import StoredSession
from .codec_v1 import upgrade_v1_sessions

SCHEMA_VERSION = 2
META, SESSIONS, SETTINGS = "meta", "sessions", "settings"
SINGLE_DOCUMENT = "1"

Data = dict[str, dict[str, dict[str, Any]]]


class ShapeError(ValueError):
    """The file parses as JSON but is not a history database."""


class _Meta(Struct):
    schema_version: int


class _Current(Struct):
    """The typed shape of a current file; unknown tables are checked only for shape."""

    meta: dict[str, _Meta] = {}
    sessions: dict[str, StoredSession] = {}
    settings: dict[str, dict[str, Any]] = {}


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Decoding a large history creates about a million small containers; without the pause
    the collector rescans them again and again and decoding takes several times longer.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(raw: bytes) -> Data:
    """Decode and check a file's bytes; raises ShapeError with a reason a person can read."""
    with collection_paused():
        return _parse(raw)


def _parse(raw: bytes) -> Data:
    if not raw.strip():
        raise ShapeError("the file is empty")
    try:
        data = msgspec.json.decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError) as error:
        raise ShapeError(f"it is not valid UTF-8 JSON ({error})") from None
    except RecursionError:
        raise ShapeError("it is nested far too deeply to be a history file") from None
    check_shape(data)
    if schema_version(data) == SCHEMA_VERSION:
        try:
            msgspec.json.decode(raw, type=_Current)
        except msgspec.ValidationError as error:
            raise ShapeError(f"a value has the wrong type ({error})") from None
    return data


def check_shape(data: Any) -> None:
    if not isinstance(data, dict):
        raise ShapeError(f"the top level is a {type(data).__name__}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise ShapeError(f"the table {name!r} is not an object of documents")
    version = data.get(META, {}).get(SINGLE_DOCUMENT, {}).get("schema_version", 0)
    if type(version) is not int or version < 0:
        raise ShapeError(f"schema_version is {version!r}, not a whole number")


def schema_version(data: Data | None) -> int:
    """The file's version; a file without a `meta` table predates the stamp (version 0)."""
    if not data:
        return SCHEMA_VERSION
    return data.get(META, {}).get(SINGLE_DOCUMENT, {}).get("schema_version", 0)


def stamped(data: Data, version: int = SCHEMA_VERSION) -> Data:
    return {**data, META: {SINGLE_DOCUMENT: {"schema_version": version}}}


def _from_unstamped(data: Data) -> Data:
    """Version 0: a version-1 file without the schema stamp."""
    return stamped(data, 1)


def _from_version_one(data: Data) -> Data:
    """Version 1: sessions re-encoded in the more compact form of version 2."""
    try:
        sessions = upgrade_v1_sessions(data.get(SESSIONS, {}))
    except (msgspec.ValidationError, ValueError, OverflowError) as error:
        raise ShapeError(f"a value has the wrong type ({error})") from None
    return stamped({**data, SESSIONS: sessions}, 2)


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_unstamped, 1: _from_version_one}


def migrate(data: Data) -> Data:
    """Bring `data` to SCHEMA_VERSION in memory; raises ShapeError if the result is invalid."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = schema_version(data)
    try:
        msgspec.json.decode(msgspec.json.encode(data), type=_Current)
    except msgspec.ValidationError as error:
        raise ShapeError(f"a value has the wrong type ({error})") from None
    return data

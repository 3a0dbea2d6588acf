"""What a history file must look like, and how older files are brought up to date.

A file is a TinyDB database: a JSON object of tables, each an object of documents keyed by
id: `meta` (one document holding `schema_version`) and `sessions` (see codec.py). Version 1
stored sessions in a form that implied other values (see codec_v1.py) and kept the settings
in a `settings` table, which the settings file has since taken over; the table is still read
(and may still be present) until a settings change moves it. Version 3 added the person's
programme: the `doses`, `dose_changes` and `keep_decisions` tables (see programme_codec.py).
Version 4 added the weekly check-ins: the `checkins` table (see checkin_codec.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import msgspec
from msgspec import Struct

from .checkin_codec import CHECKINS, StoredCheckIn
from .codec import StoredSession
from .codec_v1 import upgrade_v1_sessions
from .programme_codec import PROGRAMME_TABLES, StoredDoseChange, StoredKeepDecision, StoredPersonalDose

SCHEMA_VERSION = 4
META, SESSIONS, SETTINGS = "meta", "sessions", "settings"
SINGLE_DOCUMENT = "1"

Data = dict[str, dict[str, Any]]  # documents are dicts, or msgspec.Raw for sessions


class ShapeError(ValueError):
    """The file parses as JSON but is not a history database."""


_Tables = dict[str, dict[str, msgspec.Raw]]


class _Meta(Struct):
    schema_version: int


class _Tables4(Struct):
    """The tables of a current file but its sessions."""

    meta: dict[str, _Meta] = {}
    settings: dict[str, dict[str, Any]] = {}
    doses: dict[str, StoredPersonalDose] = {}
    dose_changes: dict[str, StoredDoseChange] = {}
    keep_decisions: dict[str, StoredKeepDecision] = {}
    checkins: dict[str, StoredCheckIn] = {}


class _Current(_Tables4):
    """The typed shape of a current file."""

    sessions: dict[str, StoredSession] = {}


class _Migrated(_Tables4):
    """A migrated file, checked before it is written: its sessions are judged one by one when
    read, so that a damaged one is named and hides no other."""

    sessions: dict[str, msgspec.Raw] = {}


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
    """Decode and check a file's bytes; raises ShapeError with a reason a person can read.

    Session documents of a current or older file are kept as `msgspec.Raw` (the exact bytes on
    disk): each is decoded into a record only when read or upgraded, so one damaged session does
    not hide the others, is written back exactly as it was, and no session is decoded twice.
    """
    with collection_paused():
        try:
            return _parse(raw)
        except RecursionError:
            raise ShapeError("it is nested too deeply to be a history") from None


def _parse(raw: bytes) -> Data:
    if not raw.strip():
        raise ShapeError("the file is empty")
    try:
        tables = msgspec.json.decode(raw, type=_Tables)
    except msgspec.ValidationError as error:
        raise ShapeError(f"it is not an object of tables ({error})") from None
    except (msgspec.DecodeError, UnicodeDecodeError) as error:
        raise ShapeError(f"it is not valid UTF-8 JSON ({error})") from None
    if tables and not tables.keys() & {META, SESSIONS, SETTINGS}:
        raise ShapeError("it has none of the tables of a history (meta, sessions)")
    meta = _decoded_table(META, tables.get(META, {}))
    version = _version({META: meta})
    data: Data = {}
    for name, documents in tables.items():
        if name == SESSIONS and version <= SCHEMA_VERSION:
            data[name] = documents  # decoded one by one when read or migrated; see DecodedSessions
        else:
            data[name] = meta if name == META else _decoded_table(name, documents)
    return data


def _decoded_table(name: str, documents: dict[str, msgspec.Raw]) -> dict[str, Any]:
    try:
        table = {doc_id: msgspec.json.decode(document) for doc_id, document in documents.items()}
    except (msgspec.DecodeError, UnicodeDecodeError) as error:
        raise ShapeError(f"the table {name!r} is not valid UTF-8 JSON ({error})") from None
    if not all(isinstance(document, dict) for document in table.values()):
        raise ShapeError(f"the table {name!r} is not an object of documents")
    return table


def _version(data: Any) -> int:
    version = data.get(META, {}).get(SINGLE_DOCUMENT, {}).get("schema_version", 0)
    if type(version) is not int or version < 0:
        raise ShapeError(f"schema_version is {version!r}, not a whole number")
    return version


def check_shape(data: Any) -> None:
    if not isinstance(data, dict):
        raise ShapeError(f"the top level is a {type(data).__name__}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, (dict, msgspec.Raw)) for doc in table.values()):
            raise ShapeError(f"the table {name!r} is not an object of documents")
    _version(data)


def schema_version(data: Data | None) -> int:
    """The file's version; a file without a `meta` table predates the stamp (version 0)."""
    if not data:
        return SCHEMA_VERSION
    return int(data.get(META, {}).get(SINGLE_DOCUMENT, {}).get("schema_version", 0))


def stamped(data: Data, version: int = SCHEMA_VERSION) -> Data:
    return {**data, META: {SINGLE_DOCUMENT: {"schema_version": version}}}


def _from_unstamped(data: Data) -> Data:
    """Version 0: a version-1 file without the schema stamp."""
    return stamped(data, 1)


def _from_version_one(data: Data) -> Data:
    """Version 1: sessions re-encoded in the more compact form of version 2; a damaged one is
    kept as it was, to be named when read."""
    return stamped({**data, SESSIONS: upgrade_v1_sessions(data.get(SESSIONS, {}))}, 2)


def _from_version_two(data: Data) -> Data:
    """Version 2: the programme's tables added, empty; sessions are unchanged."""
    return stamped({**data, **{name: data.get(name, {}) for name in PROGRAMME_TABLES}}, 3)


def _from_version_three(data: Data) -> Data:
    """Version 3: the check-ins' table added, empty; everything else is unchanged."""
    return stamped({**data, CHECKINS: data.get(CHECKINS, {})}, 4)


MIGRATIONS: dict[int, Callable[[Data], Data]] = {
    0: _from_unstamped,
    1: _from_version_one,
    2: _from_version_two,
    3: _from_version_three,
}


def migrate(data: Data) -> Data:
    """Bring `data` to SCHEMA_VERSION in memory; raises ShapeError if the result is invalid."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = schema_version(data)
    try:
        msgspec.json.decode(msgspec.json.encode(data), type=_Migrated)
    except msgspec.ValidationError as error:
        raise ShapeError(f"a value has the wrong type ({error})") from None
    return data

"""Sessions for an export, read straight from a current file in one pass.

Exporting decades of history must be quick and light. A file of this schema version whose
every session can be read is decoded in one call into the stored form, and each session's
exported fields are computed from that form directly, without building a full record.
Anything else (an older or newer file, one damaged session) returns None: the caller then
reads through the store, which upgrades, names damaged sessions and says what it did.
Through `session_export.fields`, `StoredSessions.rows` gives exactly what
`session_export.session_fields` gives for each session's record (a test holds them equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from operator import attrgetter
from typing import Any

import msgspec
from msgspec import Struct, field

from ..domain.models import ExerciseResult
from ..domain.stats import local_day
from ..domain.wording import printable
from .codec import StoredExercise, StoredSession, _decode_end, _decode_exercise, _printable_id, session_status
from .schema import SCHEMA_VERSION, _Meta, collection_paused

Fields = Callable[..., dict[str, Any]]


class _ExportedSession(StoredSession, frozen=True, gc=False, forbid_unknown_fields=True, omit_defaults=True):
    """A stored session whose exercise rows are kept as their bytes: rows repeat from
    session to session, so each distinct row is decoded once (see `_KnownRows`)."""

    exercises: list[msgspec.Raw] = field(default_factory=list, name="x")  # type: ignore[assignment]


class _Sessions(Struct, frozen=True, gc=False):
    meta: dict[str, _Meta] = {}
    sessions: dict[str, _ExportedSession] = {}


_decoder = msgspec.json.Decoder(_Sessions)
_row_decoder = msgspec.json.Decoder(StoredExercise)


class _Row:
    """One distinct exercise row of the file: its status code, its result, and that result
    as exported (made once per export)."""

    __slots__ = ("code", "exported", "result")

    def __init__(self, stored: StoredExercise) -> None:
        self.code = stored.status
        self.result = _decode_exercise(stored)
        self.exported: Any = None


Counts = tuple[int, int, int]
Entry = tuple[str, _ExportedSession, list[_Row], Counts]


class _KnownRows(dict[bytes, _Row]):
    """The distinct exercise rows by their bytes; a row not seen before is decoded (raising
    msgspec.ValidationError if it cannot be read) and kept."""

    def __missing__(self, key: bytes) -> _Row:
        row = self[key] = _Row(_row_decoder.decode(key))
        return row


_code = attrgetter("code")


def _rows(sessions: Iterable[tuple[str, _ExportedSession]], known: _KnownRows) -> list[Entry]:
    """Each session with its rows and its counts of exercises done, planned and skipped."""
    entries = []
    for session_id, stored in sessions:
        rows = [known[bytes(raw)] for raw in stored.exercises]
        codes = list(map(_code, rows))
        entries.append((session_id, stored, rows, (codes.count("d"), len(codes), codes.count("s"))))
    return entries


class StoredSessions:
    """The sessions of a current file, newest first, as stored."""

    def __init__(self, sessions: list[Entry], distinct: Iterable[_Row]) -> None:
        self.sessions = sessions
        self._distinct = list(distinct)
        self._names: dict[str, str] = {}

    def since(self, day: date | None) -> StoredSessions:
        if day is None:
            return self
        kept = [entry for entry in self.sessions if local_day(entry[1].started_at) >= day]
        return StoredSessions(kept, self._distinct)

    def rows(self, fields: Fields, exercise: Callable[[ExerciseResult], Any] | None = None) -> Iterator[dict[str, Any]]:
        """Each session's `fields(...)` (see `session_export.fields`), newest first; with
        `exercise`, each also has an "exercises" list of `exercise(result)`."""
        if exercise is not None:
            for item in self._distinct:
                item.exported = exercise(item.result)
        for session_id, stored, rows, counts in self.sessions:
            status = session_status(stored.status)
            row = fields(
                session_id,
                stored.started_at,
                _decode_end(stored, status),
                _printable_id(stored.routine_id),
                self._name(stored.routine_name),
                status,
                float(stored.active),
                float(stored.rest),
                float(stored.paused),
                counts,
                stored.pain_before,
                stored.pain_after,
                stored.recovered,
                printable(stored.note),
            )
            if exercise is not None:
                row["exercises"] = [item.exported for item in rows]
            yield row

    def _name(self, name: str) -> str:
        shown = self._names.get(name)
        if shown is None:
            shown = self._names[name] = printable(name)
        return shown


def read_current_sessions(raw: bytes) -> StoredSessions | None:
    """The sessions of `raw` newest first, or None unless it is a file of this version whose
    every session can be read."""
    with collection_paused():
        try:
            typed = _decoder.decode(raw)
        except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError, RecursionError):
            return None
        meta = typed.meta.get("1")
        if meta is None or meta.schema_version != SCHEMA_VERSION:
            return None
        ordered = sorted(
            typed.sessions.items(), key=lambda pair: (pair[1].started_at.timestamp(), pair[0]), reverse=True
        )
        known = _KnownRows()
        try:
            return StoredSessions(_rows(ordered, known), known.values())
        except (msgspec.ValidationError, msgspec.DecodeError, ValueError, OverflowError):
            return None

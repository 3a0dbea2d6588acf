"""A read-only look at the history file, for commands that only report.

`read_snapshot` opens the file for reading only: it takes no lock, creates nothing, and
migrates an older file in memory without writing it back. Nothing is cached; a reader that
may run often (`status` in a shell start-up file) pays only for one read and one decode.

With `recent=True` only the sessions the plan, the streak and the return nudge can look at
are decoded in full: the newest `LOOK_BACK` of each routine, the latest `USUAL_PAIN_SESSIONS`
with a pain score, the last five weeks and the run of consecutive days behind the newest
session. The rest is only skimmed for its routine, start, status and pain score, which is
several times quicker at 10,000 sessions and gives the same plan, streak and nudge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct

from ..domain.checkin import CheckIn
from ..domain.models import DoseChange, KeepDecision, PersonalDose, SessionRecord
from ..domain.pain_monitoring import USUAL_PAIN_SESSIONS
from ..domain.progression import LOOK_BACK
from ..domain.stats import local_day
from .checkin_codec import CHECKINS, StoredCheckIn, readable_checkins
from .codec import Stamp, StoredSession, decode_session, record_from_stored
from .errors import CorruptDatabaseError, UnsuitableFileError
from .programme_codec import (
    DOSE_CHANGES,
    DOSES,
    KEEP_DECISIONS,
    StoredDoseChange,
    StoredKeepDecision,
    StoredPersonalDose,
    decode_change,
    decode_decision,
    decode_dose_row,
)
from .schema import (
    SCHEMA_VERSION,
    SESSIONS,
    ShapeError,
    _Current,
    _Meta,
    collection_paused,
    migrate,
    parse,
    schema_version,
)
from .target import check_target, foreign_file, looks_like_history, read_regular


@dataclass(frozen=True, slots=True)
class HistorySnapshot:
    """Everything a report needs, as it stood when the file was read."""

    sessions: list[SessionRecord] = field(default_factory=list)
    """Newest first."""
    doses: list[PersonalDose] = field(default_factory=list)
    changes: list[DoseChange] = field(default_factory=list)
    """Oldest first."""
    decisions: list[KeepDecision] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    """Oldest first; any that cannot be read are left out."""


def read_snapshot(path: Path, *, recent: bool = False) -> HistorySnapshot:
    """The history at `path` (empty if there is none); raises CorruptDatabaseError if unreadable."""
    try:
        if check_target(path) is None:  # a folder, device, FIFO or socket is refused untouched
            return HistorySnapshot()
        raw, _ = read_regular(path)
    except FileNotFoundError:
        return HistorySnapshot()
    except UnsuitableFileError:
        raise
    except OSError as error:
        raise unreadable(path, str(error.strerror or error), error.errno) from None
    with collection_paused():
        try:
            return _current_recent(raw) if recent else _current(raw)
        except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError, _NotCurrent):
            pass
        try:
            return _other_version(path, parse(raw))
        except ShapeError as error:
            if not looks_like_history(raw):
                raise foreign_file(path) from None
            raise unreadable(path, str(error)) from None


class _NotCurrent(Exception):
    pass


def unreadable(path: Path, reason: str, errno: int | None = None) -> CorruptDatabaseError:
    return CorruptDatabaseError(f"{path} cannot be read: {reason}.", path, errno)


def _current(raw: bytes) -> HistorySnapshot:
    """The fast path: a file of this version, decoded and validated in one pass."""
    typed = msgspec.json.decode(raw, type=_Current)
    meta = typed.meta.get("1")
    if meta is None or meta.schema_version != SCHEMA_VERSION:
        raise _NotCurrent
    sessions = [record_from_stored(session_id, stored) for session_id, stored in typed.sessions.items()]
    return _snapshot(
        sessions,
        [decode_dose_row(msgspec.to_builtins(row)) for row in typed.doses.values()],
        [decode_change(msgspec.to_builtins(row)) for row in typed.dose_changes.values()],
        [decode_decision(msgspec.to_builtins(row)) for row in typed.keep_decisions.values()],
        checkins=_checkins(typed.checkins),
    )


class _Outline(Struct, frozen=True, gc=False):
    """Just enough of a session document to choose which ones to decode in full."""

    r: str
    s: Stamp
    t: str = "c"
    a: float = 0.0
    b: int | None = None


class _Skim(Struct, frozen=True, gc=False):
    meta: dict[str, _Meta] = {}
    sessions: dict[str, msgspec.Raw] = {}
    doses: dict[str, StoredPersonalDose] = {}
    dose_changes: dict[str, StoredDoseChange] = {}
    keep_decisions: dict[str, StoredKeepDecision] = {}
    checkins: dict[str, StoredCheckIn] = {}


_skim = msgspec.json.Decoder(_Skim)
_outline = msgspec.json.Decoder(_Outline)
_full = msgspec.json.Decoder(StoredSession)
RECENT_DAYS = 36


def _current_recent(raw: bytes) -> HistorySnapshot:
    skimmed = _skim.decode(raw)
    meta = skimmed.meta.get("1")
    if meta is None or meta.schema_version != SCHEMA_VERSION:
        raise _NotCurrent
    outlines = sorted(
        ((_outline.decode(document), session_id) for session_id, document in skimmed.sessions.items()),
        key=lambda pair: (pair[0].s.timestamp(), pair[1]),
        reverse=True,
    )
    wanted = _wanted(outlines)
    sessions = [record_from_stored(session_id, _full.decode(skimmed.sessions[session_id])) for session_id in wanted]
    return _snapshot(
        sessions,
        [decode_dose_row(msgspec.to_builtins(row)) for row in skimmed.doses.values()],
        [decode_change(msgspec.to_builtins(row)) for row in skimmed.dose_changes.values()],
        [decode_decision(msgspec.to_builtins(row)) for row in skimmed.keep_decisions.values()],
        checkins=_checkins(skimmed.checkins),
    )


def _wanted(outlines: list[tuple[_Outline, str]]) -> list[str]:
    """The ids, newest first, of every session the plan, streak and nudge can look at."""
    wanted: list[str] = []
    per_routine: dict[str, int] = {}
    scored = 0
    newest = outlines[0][0].s if outlines else None
    run_day: date | None = None
    run_open = True
    for outline, session_id in outlines:
        finished = outline.t != "i"
        take = newest is not None and (newest - outline.s).days <= RECENT_DAYS
        if finished and per_routine.get(outline.r, 0) < LOOK_BACK:
            per_routine[outline.r] = per_routine.get(outline.r, 0) + 1
            take = True
        if finished and outline.b is not None and scored < USUAL_PAIN_SESSIONS:
            scored += 1
            take = True
        if run_open and (outline.t == "c" or (finished and outline.a > 0)):  # counts towards a streak
            day = local_day(outline.s)
            if run_day is None or (run_day - day).days <= 1:
                run_day, take = day, True
            else:
                run_open = False
        if take:
            wanted.append(session_id)
    return wanted


def _other_version(path: Path, data: dict[str, dict[str, Any]]) -> HistorySnapshot:
    version = schema_version(data)
    notices: list[str] = []
    if version < SCHEMA_VERSION:
        data = migrate(data)
        notices.append(f"{path} is from an older version (schema {version}); it is updated when the app next opens it.")
    elif version > SCHEMA_VERSION:
        notices.append(f"{path} was written by a newer version of backcare-tui; what this version can read is shown.")
    return _snapshot(
        _lenient(data.get(SESSIONS, {}), lambda key, document: decode_session(key, document)),
        _lenient(data.get(DOSES, {}), lambda key, document: decode_dose_row(document)),
        _lenient(data.get(DOSE_CHANGES, {}), lambda key, document: decode_change(document)),
        _lenient(data.get(KEEP_DECISIONS, {}), lambda key, document: decode_decision(document)),
        notices,
        readable_checkins(data.get(CHECKINS, {})),
    )


def _lenient(table: dict[str, Any], decode: Any) -> list[Any]:
    """Every document that decodes; a newer file may hold some this version cannot read."""
    rows = []
    for key, document in table.items():
        try:
            rows.append(decode(key, document))
        except (msgspec.ValidationError, ValueError, KeyError):
            continue
    return rows


def _snapshot(
    sessions: list[SessionRecord],
    doses: list[PersonalDose],
    changes: list[DoseChange],
    decisions: list[KeepDecision],
    notices: list[str] | None = None,
    checkins: list[CheckIn] | None = None,
) -> HistorySnapshot:
    sessions.sort(key=lambda record: (record.started_at.timestamp(), record.id), reverse=True)
    changes.sort(key=lambda change: change.at)
    return HistorySnapshot(sessions, doses, changes, decisions, notices or [], checkins or [])


def _checkins(table: dict[str, StoredCheckIn]) -> list[CheckIn]:
    return readable_checkins({key: msgspec.to_builtins(row) for key, row in table.items()})

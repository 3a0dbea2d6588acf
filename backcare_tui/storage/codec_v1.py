"""Reading sessions stored by schema version 1, to upgrade them to the current form.

Version 1 differs from the current codec in what a left-out value meant: the status
defaulted to in progress, the end was an absolute ISO 8601 time, a row's active time
defaulted to 0, and a done row's counts to (reps per block, sets, 1 or 2 sides).
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec
from msgspec import Struct, field

from ..domain.models import ExerciseResult, Pain, SessionRecord, TimedDose
from .codec import (
    Count,
    Seconds,
    Stamp,
    StoredDose,
    dose_facts,
    encode_session,
    exercise_status,
    session_status,
)

_ROW = {"array_like": True, "frozen": True, "gc": False}


class _Exercise(Struct, **_ROW):
    exercise_id: str
    dose: StoredDose
    active: Seconds = 0.0
    status: Literal["d", "p", "s", "n"] = "d"
    reps_done: Count | None = None
    sets_done: Count | None = None
    sides_done: Count | None = None
    planned: Seconds | None = None


class _Session(Struct, frozen=True, gc=False, forbid_unknown_fields=True, omit_defaults=True):
    routine_id: str = field(name="r")
    routine_name: str = field(name="n")
    started_at: Stamp = field(name="s")
    ended_at: Stamp | None = field(default=None, name="e")
    status: Literal["i", "c", "s", "p"] = field(default="i", name="t")
    exercises: list[_Exercise] = field(default_factory=list, name="x")
    active: Seconds = field(default=0.0, name="a")
    rest: Seconds = field(default=0.0, name="w")
    paused: Seconds = field(default=0.0, name="p")
    pain_before: Pain | None = field(default=None, name="b")
    pain_after: Pain | None = field(default=None, name="f")
    note: str = field(default="", name="m")
    recovered: bool = field(default=False, name="c")


def _exercise(stored: _Exercise) -> ExerciseResult:
    dose, work_seconds, _, _ = dose_facts(stored.dose)
    status = exercise_status(stored.status)
    done = status == "done"
    reps = 0 if isinstance(dose, TimedDose) else dose.reps
    return ExerciseResult(
        exercise_id=stored.exercise_id,
        dose=dose,
        planned_seconds=work_seconds if stored.planned is None else float(stored.planned),
        active_seconds=float(stored.active),
        reps_done=(reps if done else 0) if stored.reps_done is None else stored.reps_done,
        sets_done=(dose.sets if done else 0) if stored.sets_done is None else stored.sets_done,
        sides_done=((2 if dose.per_side else 1) if done else 0) if stored.sides_done is None else stored.sides_done,
        status=status,
    )


def decode_v1_session(session_id: str, document: Any) -> SessionRecord:
    """The record a version-1 document holds; raises msgspec.ValidationError if malformed."""
    stored = msgspec.convert(document, _Session)
    return SessionRecord(
        id=session_id,
        routine_id=stored.routine_id,
        routine_name=stored.routine_name,
        started_at=stored.started_at,
        ended_at=stored.ended_at,
        status=session_status(stored.status),
        exercises=tuple(_exercise(row) for row in stored.exercises),
        active_seconds=float(stored.active),
        rest_seconds=float(stored.rest),
        paused_seconds=float(stored.paused),
        pain_before=stored.pain_before,
        pain_after=stored.pain_after,
        note=stored.note,
        recovered=stored.recovered,
    )


def upgrade_v1_sessions(sessions: dict[str, Any]) -> dict[str, Any]:
    """Version-1 session documents in the current form (same records, compact again).

    A document that does not hold a version-1 session is kept exactly as it was, so that
    reading names it as damaged and no other session is lost with it."""
    return {session_id: _upgraded(session_id, document) for session_id, document in sessions.items()}


def _upgraded(session_id: str, document: Any) -> Any:
    try:
        value = msgspec.json.decode(document) if isinstance(document, msgspec.Raw) else document
        return encode_session(decode_v1_session(session_id, value))
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError, OverflowError, RecursionError):
        return document

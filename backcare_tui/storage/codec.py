"""The compact on-disk form of a session record.

A session is one TinyDB document in the `sessions` table, keyed by the session id:

    {"r": routine id, "n": routine name, "s": started at, "e": ended at,
     "t": status code, "x": [exercise, ...], "a": active s, "w": rest s, "p": paused s,
     "b": pain before, "f": pain after, "m": note, "h": exercise that hurt, "c": recovered}

Keys whose value is the default are left out. Times are ISO 8601 with their UTC offset, to
the second; durations are seconds to the tenth. Each exercise is a positional list

    [exercise id, dose, active s, status code, reps done, sets done, sides done, planned s]

and each dose is a list headed by its kind, `["h", hold, reps, per side, sets, rest, relax]`,
`["r", reps, tempo, per side, sets, rest]` or `["t", seconds, per side, sets, rest]`.
Trailing values equal to their defaults are dropped: the status defaults to done, the
counts to the full dose when done (else 0), and the planned time to the dose's work time. `decode_session(id, encode_session(r))` equals `normalise(r)`.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from ..domain.models import (
    Dose,
    ExerciseResult,
    HoldDose,
    Pain,
    RepsDose,
    SessionRecord,
    TimedDose,
)

SESSION_STATUS_CODES = {"in_progress": "i", "completed": "c", "stopped": "s", "stopped_for_pain": "p"}
EXERCISE_STATUS_CODES = {"done": "d", "partial": "p", "skipped": "s", "not_started": "n"}
_SESSION_STATUS = {code: status for status, code in SESSION_STATUS_CODES.items()}
_EXERCISE_STATUS = {code: status for status, code in EXERCISE_STATUS_CODES.items()}

Seconds = Annotated[float, Meta(ge=0)]
Count = Annotated[int, Meta(ge=0)]
Stamp = Annotated[datetime, Meta(tz=True)]
_ROW = {"array_like": True, "frozen": True, "gc": False}


class StoredHold(Struct, tag="h", **_ROW):
    hold: int
    reps: int = 1
    per_side: bool = False
    sets: int = 1
    rest: int = 15
    relax: int = 3


class StoredReps(Struct, tag="r", **_ROW):
    reps: int
    tempo: int = 3
    per_side: bool = False
    sets: int = 1
    rest: int = 15


class StoredTimed(Struct, tag="t", **_ROW):
    seconds: int
    per_side: bool = False
    sets: int = 1
    rest: int = 15


StoredDose = StoredHold | StoredReps | StoredTimed


class StoredExercise(Struct, **_ROW):
    exercise_id: str
    dose: StoredDose
    active: Seconds = 0.0
    status: Literal["d", "p", "s", "n"] = "d"
    reps_done: Count | None = None
    sets_done: Count | None = None
    sides_done: Count | None = None
    planned: Seconds | None = None


class StoredSession(Struct, frozen=True, gc=False, forbid_unknown_fields=True, omit_defaults=True):
    """The typed shape of a session document, used to validate a file in one pass."""

    routine_id: str = field(name="r")
    routine_name: str = field(name="n")
    started_at: Stamp = field(name="s")
    ended_at: Stamp | None = field(default=None, name="e")
    status: Literal["i", "c", "s", "p"] = field(default="i", name="t")
    exercises: list[StoredExercise] = field(default_factory=list, name="x")
    active: Seconds = field(default=0.0, name="a")
    rest: Seconds = field(default=0.0, name="w")
    paused: Seconds = field(default=0.0, name="p")
    pain_before: Pain | None = field(default=None, name="b")
    pain_after: Pain | None = field(default=None, name="f")
    note: str = field(default="", name="m")
    hurt_exercise: str | None = field(default=None, name="h")
    recovered: bool = field(default=False, name="c")


def _seconds(value: float) -> float | int:
    """Seconds to the tenth; whole numbers are written without a fraction."""
    if not math.isfinite(value):
        raise ValueError(f"cannot store a non-finite number of seconds: {value!r}")
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded


def _trimmed(values: list[Any], defaults: tuple[Any, ...]) -> list[Any]:
    """Drop trailing values equal to their defaults (`defaults` aligns with the tail)."""
    end = len(values)
    first_optional = len(values) - len(defaults)
    while end > first_optional and values[end - 1] == defaults[end - 1 - first_optional]:
        end -= 1
    return values[:end]


def _encode_dose(dose: Dose) -> list[Any]:
    tail = [dose.per_side, dose.sets, dose.rest]
    if isinstance(dose, HoldDose):
        return ["h", *_trimmed([dose.hold, dose.reps, *tail, dose.relax], (1, False, 1, 15, 3))]
    if isinstance(dose, RepsDose):
        return ["r", *_trimmed([dose.reps, dose.tempo, *tail], (3, False, 1, 15))]
    return ["t", *_trimmed([dose.seconds, *tail], (False, 1, 15))]


def full_counts(dose: Dose) -> tuple[int, int, int]:
    """Reps, sets and sides of a finished exercise: what a stored "done" row implies."""
    reps = 0 if isinstance(dose, TimedDose) else dose.reps
    return reps, dose.sets, 2 if dose.per_side else 1


def _implied_counts(status: str, dose: Dose) -> tuple[int, int, int]:
    return full_counts(dose) if status == "done" else (0, 0, 0)


def _encode_exercise(result: ExerciseResult) -> list[Any]:
    planned = None if result.planned_seconds == result.dose.work_seconds else _seconds(result.planned_seconds)
    values = [
        result.exercise_id,
        _encode_dose(result.dose),
        _seconds(result.active_seconds),
        EXERCISE_STATUS_CODES[result.status],
        result.reps_done,
        result.sets_done,
        result.sides_done,
        planned,
    ]
    return _trimmed(values, (0, "d", *_implied_counts(result.status, result.dose), None))


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("session times must be timezone-aware")
    return moment.replace(microsecond=0).isoformat()


def encode_session(record: SessionRecord) -> dict[str, Any]:
    """The compact document for `record` (its id is the document's key)."""
    document: dict[str, Any] = {"r": record.routine_id, "n": record.routine_name, "s": _stamp(record.started_at)}
    if record.ended_at is not None:
        document["e"] = _stamp(record.ended_at)
    if record.status != "in_progress":
        document["t"] = SESSION_STATUS_CODES[record.status]
    if record.exercises:
        document["x"] = [_encode_exercise(result) for result in record.exercises]
    for key, seconds in (("a", record.active_seconds), ("w", record.rest_seconds), ("p", record.paused_seconds)):
        if seconds:
            document[key] = _seconds(seconds)
    if record.pain_before is not None:
        document["b"] = record.pain_before
    if record.pain_after is not None:
        document["f"] = record.pain_after
    if record.note:
        document["m"] = record.note
    if record.hurt_exercise is not None:
        document["h"] = record.hurt_exercise
    if record.recovered:
        document["c"] = True
    return document


_NOTHING_DONE = (0, 0, 0)
_known_doses: dict[StoredDose, tuple[Dose, float, tuple[int, int, int]]] = {}


def _dose_facts(stored: StoredDose) -> tuple[Dose, float, tuple[int, int, int]]:
    """The model dose, its work time and full counts; doses repeat, so each is built once."""
    facts = _known_doses.get(stored)
    if facts is not None:
        return facts
    common = {"sets": stored.sets, "rest": stored.rest, "per_side": stored.per_side}
    dose: Dose
    if isinstance(stored, StoredHold):
        dose = HoldDose(hold=stored.hold, reps=stored.reps, relax=stored.relax, **common)
    elif isinstance(stored, StoredReps):
        dose = RepsDose(reps=stored.reps, tempo=stored.tempo, **common)
    else:
        dose = TimedDose(seconds=stored.seconds, **common)
    facts = (dose, float(dose.work_seconds), full_counts(dose))
    if len(_known_doses) < 4096:
        _known_doses[stored] = facts
    return facts


def _decode_exercise(stored: StoredExercise) -> ExerciseResult:
    dose, work_seconds, done_counts = _dose_facts(stored.dose)
    status = _EXERCISE_STATUS[stored.status]
    reps, sets, sides = done_counts if status == "done" else _NOTHING_DONE
    return ExerciseResult(
        exercise_id=stored.exercise_id,
        dose=dose,
        planned_seconds=work_seconds if stored.planned is None else float(stored.planned),
        active_seconds=float(stored.active),
        reps_done=reps if stored.reps_done is None else stored.reps_done,
        sets_done=sets if stored.sets_done is None else stored.sets_done,
        sides_done=sides if stored.sides_done is None else stored.sides_done,
        status=status,
    )


def decode_session(session_id: str, document: Any) -> SessionRecord:
    """The record stored as `document`; raises msgspec.ValidationError if it is malformed."""
    stored = msgspec.convert(document, StoredSession)
    return SessionRecord(
        id=session_id,
        routine_id=stored.routine_id,
        routine_name=stored.routine_name,
        started_at=stored.started_at,
        ended_at=stored.ended_at,
        status=_SESSION_STATUS[stored.status],
        exercises=tuple(_decode_exercise(row) for row in stored.exercises),
        active_seconds=float(stored.active),
        rest_seconds=float(stored.rest),
        paused_seconds=float(stored.paused),
        pain_before=stored.pain_before,
        pain_after=stored.pain_after,
        note=stored.note,
        hurt_exercise=stored.hurt_exercise,
        recovered=stored.recovered,
    )


def normalise(record: SessionRecord) -> SessionRecord:
    """`record` as it reads back from disk: times to the second, seconds to the tenth."""
    return decode_session(record.id, encode_session(record))

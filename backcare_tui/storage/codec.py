"""The compact on-disk form of a session record (schema versions 2 and 3).

A session is one TinyDB document in the `sessions` table, keyed by the session id:

    {"r": routine id, "n": routine name, "s": started at, "e": end, "t": status code,
     "x": [exercise, ...], "a": active s, "w": rest s, "p": paused s,
     "b": pain before, "f": pain after, "m": note, "h": exercise that hurt, "c": recovered,
     "q": the next-morning answer}

Keys whose value is implied are left out: the status defaults to completed, and a finished
session's end to its start plus active, rest and paused time. An end that differs is stored
as seconds after the start (or, if its UTC offset differs, as an ISO 8601 time; null when a
finished session has none). Times are to the second, durations to the tenth. Each exercise
is a positional list

    [exercise id, dose, active s, status code, reps done, sets done, sides done, planned s]

and each dose a list headed by its kind, `["h", hold, reps, per side, sets, rest, relax]`,
`["r", reps, tempo, per side, sets, rest, own pace]` or `["t", seconds, per side, sets, rest]`.
Trailing values equal to what the rest implies are dropped: the status defaults to done; a
done exercise's counts to the dose's full counts (`Dose.full_counts`, the definition the
engine uses) and its active time to the dose's active time, other statuses' to 0; the
planned time to the dose's work time. `decode_session(id, encode_session(r))` equals
`normalise(r)`. Version 1 (upgraded by `codec_v1`) had absolute ends, in-progress as the
default status and other implied counts.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from ..domain.models import (
    Dose,
    ExerciseResult,
    ExerciseStatus,
    FullCounts,
    HoldDose,
    Pain,
    RepsDose,
    SessionRecord,
    SessionStatus,
    TimedDose,
)
from ..domain.wording import printable

SESSION_STATUS_CODES: dict[SessionStatus, str] = {
    "in_progress": "i",
    "completed": "c",
    "stopped": "s",
    "stopped_for_pain": "p",
}
EXERCISE_STATUS_CODES: dict[ExerciseStatus, str] = {"done": "d", "partial": "p", "skipped": "s", "not_started": "n"}
_SESSION_STATUS: dict[str, SessionStatus] = {code: status for status, code in SESSION_STATUS_CODES.items()}
_NOTHING_DONE = FullCounts(0, 0, 0)
_EXERCISE_STATUS: dict[str, ExerciseStatus] = {code: status for status, code in EXERCISE_STATUS_CODES.items()}

# Over three centuries: longer than any session, and short enough that a start within
# _YEARS plus these stays within the calendar datetime can hold, in any time zone.
Seconds = Annotated[float, Meta(ge=0, le=1e10)]
_YEARS = (1000, 9000)
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
    own_pace: bool = False


class StoredTimed(Struct, tag="t", **_ROW):
    seconds: int
    per_side: bool = False
    sets: int = 1
    rest: int = 15


StoredDose = StoredHold | StoredReps | StoredTimed


class StoredExercise(Struct, **_ROW):
    exercise_id: str
    dose: StoredDose
    active: Seconds | None = None
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
    ended_at: float | str | msgspec.UnsetType | None = field(default=msgspec.UNSET, name="e")
    status: Literal["i", "c", "s", "p"] = field(default="c", name="t")
    exercises: list[StoredExercise] = field(default_factory=list, name="x")
    active: Seconds = field(default=0.0, name="a")
    rest: Seconds = field(default=0.0, name="w")
    paused: Seconds = field(default=0.0, name="p")
    pain_before: Pain | None = field(default=None, name="b")
    pain_after: Pain | None = field(default=None, name="f")
    note: str = field(default="", name="m")
    hurt_exercise: str | None = field(default=None, name="h")
    recovered: bool = field(default=False, name="c")
    next_morning: Literal["better", "same", "worse", "skipped"] | None = field(default=None, name="q")

    def __post_init__(self) -> None:
        """Times the record could not be built from, or shown from, are a validation error."""
        if not _YEARS[0] <= self.started_at.year <= _YEARS[1]:
            raise ValueError(f"the start in the year {self.started_at.year} is not a date a session can have")
        if isinstance(self.ended_at, str):
            try:
                end = datetime.fromisoformat(self.ended_at)
            except ValueError:
                raise ValueError(f"the end {self.ended_at!r} is not a date and time") from None
            if end.tzinfo is None or not _YEARS[0] <= end.year <= _YEARS[1]:
                raise ValueError(f"the end {self.ended_at!r} is not a date and time with its UTC offset")
        elif isinstance(self.ended_at, float | int) and not -1e10 < self.ended_at < 1e10:
            try:  # only an end centuries away can leave the calendar
                _decode_end(self, session_status(self.status))
            except OverflowError:
                raise ValueError("the end is outside the calendar") from None


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
        return ["r", *_trimmed([dose.reps, dose.tempo, *tail, dose.own_pace], (3, False, 1, 15, False))]
    return ["t", *_trimmed([dose.seconds, *tail], (False, 1, 15))]


def _active_in_full(dose: Dose) -> float:
    """Active seconds of a dose done in full without changes: every block, no rests."""
    return float(dose.blocks * dose.block_seconds)


def _implied(status: str, dose: Dose) -> tuple[float, FullCounts]:
    """What a row of this status leaves out: its active time and counts."""
    if status == "done":
        return _active_in_full(dose), dose.full_counts
    return 0.0, _NOTHING_DONE


def _encode_exercise(result: ExerciseResult) -> list[Any]:
    planned = None if result.planned_seconds == result.dose.work_seconds else _seconds(result.planned_seconds)
    active, counts = _implied(result.status, result.dose)
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
    trimmed = _trimmed(values, ("d", *counts, None))
    if len(trimmed) == 3 and trimmed[2] == _seconds(active):
        trimmed.pop()  # a done row's active time, when it is the dose's
    return trimmed


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("session times must be timezone-aware")
    return moment.replace(microsecond=0).isoformat()


def _to_second(moment: datetime) -> datetime:
    return datetime.fromisoformat(_stamp(moment))


def _implied_end(started_at: datetime, spent: float) -> datetime:
    return (started_at + timedelta(seconds=spent)).replace(microsecond=0)


def _encode_end(record: SessionRecord, spent: float) -> float | str | msgspec.UnsetType | None:
    """The end as stored: left out when implied, else seconds after the start if it can be."""
    started, ended = _to_second(record.started_at), record.ended_at
    if ended is None:
        return msgspec.UNSET if record.status == "in_progress" else None
    ended = _to_second(ended)
    if ended.utcoffset() != started.utcoffset():
        return _stamp(ended)
    if record.status != "in_progress" and ended == _implied_end(started, spent):
        return msgspec.UNSET
    return _seconds((ended - started).total_seconds())


def _decode_end(stored: StoredSession, status: str) -> datetime | None:
    end = stored.ended_at
    if end is None:
        return None
    if isinstance(end, str):
        return datetime.fromisoformat(end)
    if end is msgspec.UNSET:
        if status == "in_progress":
            return None
        return _implied_end(stored.started_at, stored.active + stored.rest + stored.paused)
    return stored.started_at + timedelta(seconds=end)


def encode_session(record: SessionRecord) -> dict[str, Any]:
    """The compact document for `record` (its id is the document's key)."""
    document: dict[str, Any] = {"r": record.routine_id, "n": record.routine_name, "s": _stamp(record.started_at)}
    if record.status != "completed":
        document["t"] = SESSION_STATUS_CODES[record.status]
    if record.exercises:
        document["x"] = [_encode_exercise(result) for result in record.exercises]
    spans = [_seconds(seconds) for seconds in (record.active_seconds, record.rest_seconds, record.paused_seconds)]
    for key, seconds in zip("awp", spans, strict=True):
        if seconds:
            document[key] = seconds
    end = _encode_end(record, sum(spans))
    if end is not msgspec.UNSET:
        document["e"] = end
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
    if record.next_morning is not None:
        document["q"] = record.next_morning
    return document


_known_doses: dict[StoredDose, tuple[Dose, float, float, FullCounts]] = {}


def dose_facts(stored: StoredDose) -> tuple[Dose, float, float, FullCounts]:
    """The model dose, its work time, active time and full counts; doses repeat, so each is
    built once."""
    facts = _known_doses.get(stored)
    if facts is not None:
        return facts
    sets, rest, per_side = stored.sets, stored.rest, stored.per_side
    dose: Dose
    if isinstance(stored, StoredHold):
        dose = HoldDose(hold=stored.hold, reps=stored.reps, relax=stored.relax, sets=sets, rest=rest, per_side=per_side)
    elif isinstance(stored, StoredReps):
        dose = RepsDose(
            reps=stored.reps, tempo=stored.tempo, sets=sets, rest=rest, per_side=per_side, own_pace=stored.own_pace
        )
    else:
        dose = TimedDose(seconds=stored.seconds, sets=sets, rest=rest, per_side=per_side)
    facts = (dose, float(dose.work_seconds), _active_in_full(dose), dose.full_counts)
    if len(_known_doses) < 4096:
        _known_doses[stored] = facts
    return facts


_known_rows: dict[StoredExercise, ExerciseResult] = {}

_printable_ids: dict[str, str] = {}


def _printable_id(text: str) -> str:
    """`printable(text)` for ids, which repeat in every session: each is checked once."""
    shown = _printable_ids.get(text)
    if shown is None:
        shown = printable(text)
        if len(_printable_ids) < 4096:
            _printable_ids[text] = shown
    return shown


def _decode_exercise(stored: StoredExercise) -> ExerciseResult:
    """The result a row stands for; rows repeat (most are a done exercise at its dose), and
    results are immutable, so each distinct row is built once and shared."""
    result = _known_rows.get(stored)
    if result is None:
        result = _build_exercise(stored)
        if len(_known_rows) < 65536:
            _known_rows[stored] = result
    return result


def _build_exercise(stored: StoredExercise) -> ExerciseResult:
    dose, work_seconds, active, done_counts = dose_facts(stored.dose)
    status = exercise_status(stored.status)
    if status != "done":
        active, done_counts = 0.0, _NOTHING_DONE
    reps, sets, sides = done_counts
    return ExerciseResult(
        exercise_id=_printable_id(stored.exercise_id),
        dose=dose,
        planned_seconds=work_seconds if stored.planned is None else float(stored.planned),
        active_seconds=active if stored.active is None else float(stored.active),
        reps_done=reps if stored.reps_done is None else stored.reps_done,
        sets_done=sets if stored.sets_done is None else stored.sets_done,
        sides_done=sides if stored.sides_done is None else stored.sides_done,
        status=status,
    )


def decode_session(session_id: str, document: Any) -> SessionRecord:
    """The record stored as `document` (a dict, or the raw JSON bytes of one); raises
    msgspec.ValidationError, saying what is wrong, for anything malformed."""
    try:
        if isinstance(document, msgspec.Raw):
            stored = msgspec.json.decode(document, type=StoredSession)
        else:
            stored = msgspec.convert(document, StoredSession)
        return record_from_stored(session_id, stored)
    except msgspec.ValidationError:
        raise
    except msgspec.DecodeError as error:
        raise msgspec.ValidationError(f"it is not valid JSON ({error})") from None
    except UnicodeDecodeError:
        raise msgspec.ValidationError("it is not valid UTF-8") from None
    except RecursionError:
        raise msgspec.ValidationError("it is nested too deeply") from None
    except (ValueError, OverflowError) as error:
        raise msgspec.ValidationError(f"a time is out of range ({error})") from None


def record_from_stored(session_id: str, stored: StoredSession) -> SessionRecord:
    """The record a validated session document stands for.

    Text read back (names, note, ids) has any control character made visible, so a file
    edited by hand cannot drive the terminal it is shown on."""
    status = session_status(stored.status)
    return SessionRecord(
        id=session_id,
        routine_id=_printable_id(stored.routine_id),
        routine_name=printable(stored.routine_name),
        started_at=stored.started_at,
        ended_at=_decode_end(stored, status),
        status=status,
        exercises=tuple(map(_decode_exercise, stored.exercises)),
        active_seconds=float(stored.active),
        rest_seconds=float(stored.rest),
        paused_seconds=float(stored.paused),
        pain_before=stored.pain_before,
        pain_after=stored.pain_after,
        note=printable(stored.note),
        hurt_exercise=None if stored.hurt_exercise is None else printable(stored.hurt_exercise),
        recovered=stored.recovered,
        next_morning=stored.next_morning,
    )


def session_status(code: str) -> SessionStatus:
    return _SESSION_STATUS[code]


def exercise_status(code: str) -> ExerciseStatus:
    return _EXERCISE_STATUS[code]


def normalise(record: SessionRecord) -> SessionRecord:
    """`record` as it reads back from disk: times to the second, seconds to the tenth."""
    return decode_session(record.id, encode_session(record))

"""The on-disk form of a person's programme (schema version 3): doses, changes, decisions.

Three tables sit beside `sessions`:

- `doses`, keyed `<routine>/<exercise>`: `{"r": routine, "x": exercise as the routine names
  it, "c": exercise done now (left out when the same), "d": dose}`.
- `dose_changes`, keyed `<UTC time>/<routine>/<exercise>/<random>`: `{"s": when, "r", "x", "fc": from
  exercise, "fd": from dose, "tc": to exercise (both left out when the same as "x"), "td": to
  dose, "k": reason code, "m": why}`.
- `keep_decisions`, keyed `<routine>/<exercise>` (only the latest matters): `{"s", "r", "x"}`.

Doses are the same positional lists as in a session (see codec.py).
"""

from __future__ import annotations

import uuid
from datetime import UTC
from typing import Any, Literal

import msgspec
from msgspec import Struct, field

from ..domain.models import Dose, DoseChange, KeepDecision, PersonalDose
from .codec import Stamp, StoredDose, _encode_dose, _stamp, dose_facts

DOSES, DOSE_CHANGES, KEEP_DECISIONS = "doses", "dose_changes", "keep_decisions"
PROGRAMME_TABLES = (DOSES, DOSE_CHANGES, KEEP_DECISIONS)
_DOC = {"frozen": True, "gc": False, "forbid_unknown_fields": True, "omit_defaults": True}

Reason = Literal["build_up", "ease_back", "by_hand_up", "by_hand_down", "reset"]


class StoredPersonalDose(Struct, **_DOC):
    routine_id: str = field(name="r")
    exercise_id: str = field(name="x")
    dose: StoredDose = field(name="d")
    current_exercise: str | None = field(default=None, name="c")


class StoredDoseChange(Struct, **_DOC):
    at: Stamp = field(name="s")
    routine_id: str = field(name="r")
    exercise_id: str = field(name="x")
    from_dose: StoredDose = field(name="fd")
    to_dose: StoredDose = field(name="td")
    reason: Reason = field(name="k")
    from_exercise: str | None = field(default=None, name="fc")
    to_exercise: str | None = field(default=None, name="tc")
    why: str = field(default="", name="m")


class StoredKeepDecision(Struct, **_DOC):
    at: Stamp = field(name="s")
    routine_id: str = field(name="r")
    exercise_id: str = field(name="x")


def slot_key(routine_id: str, exercise_id: str) -> str:
    return f"{routine_id}/{exercise_id}"


def change_key(change: DoseChange) -> str:
    """A new key for a log entry: in time order, and never the same for two entries."""
    stamp = change.at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{stamp}/{slot_key(change.routine_id, change.exercise_id)}/{uuid.uuid4().hex[:8]}"


def _dose(stored: StoredDose) -> Dose:
    return dose_facts(stored)[0]


def encode_dose_row(dose: PersonalDose) -> dict[str, Any]:
    document: dict[str, Any] = {"r": dose.routine_id, "x": dose.exercise_id, "d": _encode_dose(dose.dose)}
    if dose.current_exercise != dose.exercise_id:
        document["c"] = dose.current_exercise
    return document


def encode_change(change: DoseChange) -> dict[str, Any]:
    document: dict[str, Any] = {
        "s": _stamp(change.at),
        "r": change.routine_id,
        "x": change.exercise_id,
        "fd": _encode_dose(change.from_dose),
        "td": _encode_dose(change.to_dose),
        "k": change.reason,
    }
    for key, exercise in (("fc", change.from_exercise), ("tc", change.to_exercise)):
        if exercise != change.exercise_id:
            document[key] = exercise
    if change.why:
        document["m"] = change.why
    return document


def encode_decision(decision: KeepDecision) -> dict[str, Any]:
    return {"s": _stamp(decision.at), "r": decision.routine_id, "x": decision.exercise_id}


def decode_dose_row(document: Any) -> PersonalDose:
    stored = msgspec.convert(document, StoredPersonalDose)
    return PersonalDose(
        routine_id=stored.routine_id,
        exercise_id=stored.exercise_id,
        current_exercise=stored.current_exercise or stored.exercise_id,
        dose=_dose(stored.dose),
    )


def decode_change(document: Any) -> DoseChange:
    stored = msgspec.convert(document, StoredDoseChange)
    return DoseChange(
        at=stored.at,
        routine_id=stored.routine_id,
        exercise_id=stored.exercise_id,
        from_exercise=stored.from_exercise or stored.exercise_id,
        from_dose=_dose(stored.from_dose),
        to_exercise=stored.to_exercise or stored.exercise_id,
        to_dose=_dose(stored.to_dose),
        reason=stored.reason,
        why=stored.why,
    )


def decode_decision(document: Any) -> KeepDecision:
    stored = msgspec.convert(document, StoredKeepDecision)
    return KeepDecision(at=stored.at, routine_id=stored.routine_id, exercise_id=stored.exercise_id)

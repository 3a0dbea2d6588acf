"""Sessions of bundled routines done at a given dose, and history files holding them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from backcare_tui.domain.models import DoseChange, ExerciseResult, PersonalDose, RoutinePlan, SessionRecord
from backcare_tui.storage import SessionStore, encode_session


def done_session(
    plan: RoutinePlan,
    started_at: datetime,
    before: int | None = 2,
    after: int | None = 2,
    **changes: object,
) -> SessionRecord:
    """Every exercise of `plan` done in full, as the engine records it."""
    results = tuple(
        ExerciseResult(
            exercise_id=item.exercise.id,
            dose=item.dose,
            planned_seconds=float(item.dose.work_seconds),
            active_seconds=float(item.dose.blocks * item.dose.block_seconds),
            reps_done=item.dose.full_counts[0],
            sets_done=item.dose.full_counts[1],
            sides_done=item.dose.full_counts[2],
            status="done",
        )
        for item in plan.items
    )
    active = sum(result.active_seconds for result in results)
    fields: dict[str, object] = {
        "id": uuid.uuid4().hex,
        "routine_id": plan.routine.id,
        "routine_name": plan.routine.name,
        "started_at": started_at,
        "ended_at": started_at + timedelta(seconds=active),
        "status": "completed",
        "exercises": results,
        "active_seconds": active,
        "pain_before": before,
        "pain_after": after,
    }
    fields.update(changes)
    return SessionRecord(**fields)  # type: ignore[arg-type]


def write_history(
    path: Path,
    sessions: Iterable[SessionRecord] = (),
    changes: Iterable[tuple[PersonalDose, DoseChange]] = (),
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with SessionStore.open(path) as store:
        for record in sessions:
            store.save_session(record)
        for dose, change in changes:
            store.save_dose_change(dose, change)
    return path


def write_at_once(path: Path | str, sessions: Iterable[SessionRecord]) -> Path:
    """A current history file holding `sessions`, written in one go (quick for thousands)."""
    from backcare_tui.storage.database import AtomicJSONStorage
    from backcare_tui.storage.schema import META, SCHEMA_VERSION, SESSIONS, SINGLE_DOCUMENT

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    AtomicJSONStorage(path).write(
        {
            META: {SINGLE_DOCUMENT: {"schema_version": SCHEMA_VERSION}},
            SESSIONS: {record.id: encode_session(record) for record in sessions},
        }
    )
    return path

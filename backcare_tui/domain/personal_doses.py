"""A person's own doses: what each exercise of a routine is done at, and how it changes.

Every change is one step and comes with a change-log entry; nothing here changes a dose by
itself. The caller stores the `PersonalDose` and `DoseChange` it gets back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from .dose_steps import Step, gentle, step_down, step_up
from .library import Library
from .models import (
    DoseChange,
    DoseChangeReason,
    KeepDecision,
    PersonalDose,
    PlannedExercise,
    RoutinePlan,
    replace,
)

if TYPE_CHECKING:
    from .progression import Suggestion

DoseKey = tuple[str, str]
"""(routine id, exercise id as the routine names it)."""


def dose_table(doses: Iterable[PersonalDose] | Mapping[DoseKey, PersonalDose]) -> dict[DoseKey, PersonalDose]:
    """Personal doses keyed by (routine, exercise), from a list of rows or an existing table."""
    if isinstance(doses, Mapping):
        return dict(doses)
    return {(dose.routine_id, dose.exercise_id): dose for dose in doses}


def starting_step(library: Library, routine_id: str, exercise_id: str) -> Step:
    """The exercise and dose the routine itself names for `exercise_id`."""
    routine = library.routines[routine_id]
    for step in routine.steps:
        if step.exercise == exercise_id:
            return Step(exercise_id, step.dose or library.exercises[exercise_id].dose)
    raise KeyError(f"{routine_id} has no exercise {exercise_id}")


def current_step(library: Library, routine_id: str, exercise_id: str, doses: Mapping[DoseKey, PersonalDose]) -> Step:
    """The person's current exercise and dose, or the routine's when none is stored or it is unknown."""
    personal = doses.get((routine_id, exercise_id))
    if personal is not None and personal.current_exercise in library.exercises:
        return Step(personal.current_exercise, personal.dose)
    return starting_step(library, routine_id, exercise_id)


def personal_plan(library: Library, routine_id: str, doses: Mapping[DoseKey, PersonalDose]) -> RoutinePlan:
    """The routine as this person does it: their dose and variant for every exercise."""
    plan = library.plan(routine_id)
    items = []
    for item in plan.items:
        step = current_step(library, routine_id, item.exercise.id, doses)
        items.append(PlannedExercise(exercise=library.exercises[step.exercise_id], dose=step.dose))
    return replace(plan, items=tuple(items))


def gentle_plan(plan: RoutinePlan) -> RoutinePlan:
    """The same routine one step down on every exercise, for one session when pain is high.

    It never goes below an exercise's own minimum and is never stored as a personal dose.
    """
    items = tuple(replace(item, dose=gentle(item.exercise, item.dose)) for item in plan.items)
    return replace(plan, items=items)


def change(
    routine_id: str, exercise_id: str, before: Step, after: Step, reason: DoseChangeReason, at: datetime, why: str = ""
) -> tuple[PersonalDose, DoseChange]:
    """The new personal dose and its change-log entry."""
    personal = PersonalDose(
        routine_id=routine_id, exercise_id=exercise_id, current_exercise=after.exercise_id, dose=after.dose
    )
    entry = DoseChange(
        at=at,
        routine_id=routine_id,
        exercise_id=exercise_id,
        from_exercise=before.exercise_id,
        from_dose=before.dose,
        to_exercise=after.exercise_id,
        to_dose=after.dose,
        reason=reason,
        why=why[:400],
    )
    return personal, entry


def step_by_hand(
    library: Library,
    routine_id: str,
    exercise_id: str,
    doses: Mapping[DoseKey, PersonalDose],
    direction: Literal["up", "down"],
    at: datetime,
) -> tuple[PersonalDose, DoseChange] | None:
    """One step up or down chosen on the plan screen; None when there is no step that way."""
    start = starting_step(library, routine_id, exercise_id)
    now = current_step(library, routine_id, exercise_id, doses)
    exercise = library.exercises[now.exercise_id]
    if direction == "up":
        after = step_up(exercise, now.dose, library.exercises)
        reason: DoseChangeReason = "by_hand_up"
    else:
        floor = start.dose if now.exercise_id == exercise_id else exercise.dose
        after = step_down(exercise, now.dose, floor, library.exercises, slot=start)
        reason = "by_hand_down"
    if after is None or after == now:
        return None
    return change(routine_id, exercise_id, now, after, reason, at, "changed by hand")


def reset(
    library: Library, routine_id: str, exercise_id: str, doses: Mapping[DoseKey, PersonalDose], at: datetime
) -> tuple[PersonalDose, DoseChange] | None:
    """Back to the routine's own dose; None when it is already there."""
    start = starting_step(library, routine_id, exercise_id)
    now = current_step(library, routine_id, exercise_id, doses)
    if now == start:
        return None
    return change(routine_id, exercise_id, now, start, "reset", at, "reset to the routine's dose")


def accept(suggestion: Suggestion, at: datetime) -> tuple[PersonalDose, DoseChange] | None:
    """The person accepted a suggestion: the new dose and its log entry; None for a hold."""
    if suggestion.to is None or suggestion.action == "hold":
        return None
    reason: DoseChangeReason = "build_up" if suggestion.action == "build_up" else "ease_back"
    return change(
        suggestion.routine_id, suggestion.exercise_id, suggestion.current, suggestion.to, reason, at, suggestion.reason
    )


def keep_as_is(suggestion: Suggestion, at: datetime) -> KeepDecision:
    """The person chose to keep the dose: remembered until a newer session."""
    return KeepDecision(at=at, routine_id=suggestion.routine_id, exercise_id=suggestion.exercise_id)

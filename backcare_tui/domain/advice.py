"""The words for suggestions: before a routine starts, on the summary and beside a routine.

Plain strings built from library names; screens wrap them in `Content` so a name such as
"Back [easy]" shows literally.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from .dose_steps import Step, describe_amount
from .models import Exercise, Routine
from .progression import Plan, Suggestion

ARROW = "→"


def _name(exercises: Mapping[str, Exercise], exercise_id: str) -> str:
    exercise = exercises.get(exercise_id)
    return exercise.name if exercise else exercise_id


def describe_step(exercises: Mapping[str, Exercise], step: Step) -> str:
    """ "Glute bridge, 10 reps" """
    return f"{_name(exercises, step.exercise_id)}, {describe_amount(step.dose)}"


def headline(suggestion: Suggestion, exercises: Mapping[str, Exercise]) -> str:
    """One line per suggestion: "Glute bridge: 8 → 10 reps" or "Glute bridge → Single-leg bridge, 5 reps"."""
    current = suggestion.current
    name = _name(exercises, current.exercise_id)
    if suggestion.to is None:
        return f"{name}: {describe_amount(current.dose)}"
    to = suggestion.to
    if to.exercise_id != current.exercise_id:
        return f"{name} {ARROW} {describe_step(exercises, to)}"
    return f"{name}: {describe_amount(current.dose)} {ARROW} {describe_amount(to.dose)}"


def suggestion_line(suggestion: Suggestion, exercises: Mapping[str, Exercise]) -> str:
    """The headline and its reason: "Glute bridge: 8 → 9 reps, comfortable twice this week." """
    reason = suggestion.reason[:1].lower() + suggestion.reason[1:]
    return f"{headline(suggestion, exercises)}: {reason}"


def outlook(
    plan: Plan, routine_id: str, exercises: Mapping[str, Exercise], routines: Mapping[str, Routine]
) -> list[str]:
    """What will be suggested next time for a routine, and why: the summary's "Next time" lines."""
    lines = [suggestion_line(s, exercises) for s in plan.pending(routine_id)]
    stage = plan.stages.get(routine_id)
    if stage is not None:
        routine = routines.get(stage.next_routine_id)
        lines.append(f"Ready for the next stage, {routine.name if routine else stage.next_routine_id}: {stage.reason}.")
    if any(s.flare_up for s in plan.for_routine(routine_id)):
        lines.append("Two hard sessions in a row: go gently for a few days, and get advice if it does not settle.")
    if not lines:
        holds = plan.for_routine(routine_id)
        if any(s.code == "unscored" for s in holds):
            lines.append("Same doses next time. Scoring your pain before and after lets the app help you build up.")
        else:
            lines.append("Same doses next time: two comfortable sessions on different days lead to a small step up.")
    return lines


def routine_note(plan: Plan, routine_id: str, routines: Mapping[str, Routine]) -> str | None:
    """A few words beside a routine in the list, or None when nothing is suggested."""
    pending = plan.pending(routine_id)
    stage = plan.stages.get(routine_id)
    if any(s.action == "ease_back" for s in pending):
        return "ease back suggested"
    if stage is not None:
        routine = routines.get(stage.next_routine_id)
        return f"ready for {routine.name if routine else stage.next_routine_id}"
    if pending:
        return "build up suggested" if len(pending) == 1 else f"{len(pending)} build-ups suggested"
    return None


def plan_rows(plan: Plan, routine_id: str | None = None) -> list[dict[str, Any]]:
    """The plan as plain data for `plan --json`: one object per exercise of each routine.

    `dose` and `suggested` are doses as the library writes them (`{"kind": "reps", ...}`);
    `suggested` is None for a hold.
    """
    return [
        {
            "routine": s.routine_id,
            "exercise": s.exercise_id,
            "doing": s.current.exercise_id,
            "dose": msgspec.to_builtins(s.current.dose),
            "routine_dose": msgspec.to_builtins(s.start.dose),
            "action": s.action,
            "suggested_exercise": s.to.exercise_id if s.to else None,
            "suggested": msgspec.to_builtins(s.to.dose) if s.to else None,
            "reason": s.reason,
            "code": s.code,
        }
        for s in plan.suggestions.values()
        if routine_id is None or s.routine_id == routine_id
    ]


def today_line(plan: Plan, routines: Mapping[str, Routine]) -> str:
    """What is suggested today, in a few words, for `status`: "2 changes in Core and glutes"."""
    if plan.flare_up_advised:
        return "the flare-up routine, and advice if it does not settle"
    by_routine: dict[str, int] = {}
    for suggestion in plan.pending():
        by_routine[suggestion.routine_id] = by_routine.get(suggestion.routine_id, 0) + 1
    if plan.stages:
        stage = next(iter(plan.stages.values()))
        routine = routines.get(stage.next_routine_id)
        return f"ready for {routine.name if routine else stage.next_routine_id}"
    if not by_routine:
        return "same doses"
    parts = []
    for routine_id, count in by_routine.items():
        routine = routines.get(routine_id)
        changes = "1 change" if count == 1 else f"{count} changes"
        parts.append(f"{changes} in {routine.name if routine else routine_id}")
    return ", ".join(parts)

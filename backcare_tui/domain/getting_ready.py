"""Time to get into position: more of it before an exercise done in another position.

Going from standing to the floor, or from lying on the back to lying on the front, takes
longer than a change of exercise in the same position. Each exercise's posture comes from its
pose file; an exercise without one counts as a change, to be safe. The first exercise starts
from sitting, where the person answered the pain check.
"""

from __future__ import annotations

from collections.abc import Mapping

from .models import RoutinePlan, replace
from .poses import ExercisePoses, Posture, changes_position

POSITION_CHANGE_SECONDS = 10  # at least this long before an exercise in a new position
STARTING_POSTURE: Posture = "sitting"


def needs_position_change(before: ExercisePoses | None, after: ExercisePoses | None, *, first: bool = False) -> bool:
    """Whether getting ready for `after` means moving into a new position."""
    if first:
        return after is None or after.posture != STARTING_POSTURE
    return changes_position(before, after)


def get_ready_seconds(routine_seconds: int, *, position_changes: bool) -> int:
    """The routine's get-ready time, raised to POSITION_CHANGE_SECONDS for a change of position."""
    return max(routine_seconds, POSITION_CHANGE_SECONDS) if position_changes else routine_seconds


def with_time_to_change_position(plan: RoutinePlan, figures: Mapping[str, ExercisePoses]) -> RoutinePlan:
    """The plan with longer get-ready times where the position changes between exercises."""
    items = []
    before: ExercisePoses | None = None
    for index, item in enumerate(plan.items):
        after = figures.get(item.exercise.id)
        changes = needs_position_change(before, after, first=index == 0)
        seconds = get_ready_seconds(plan.routine.get_ready, position_changes=changes)
        items.append(replace(item, get_ready=None if seconds == plan.routine.get_ready else seconds))
        before = after
    fitted: RoutinePlan = replace(plan, items=tuple(items))
    return fitted

"""Time to get into position: more of it before an exercise done in another position.

Going from standing to the floor, or from lying on the back to lying on the front, takes
longer than a change of exercise in the same position. Each exercise says its position in its
file (`posture`); the first exercise starts from sitting, where the person answered the pain
check. Where an exercise does not say its position, the routine's own get-ready time stands.

`RoutinePlan.get_ready_before` asks this module, so a routine's length on the routines list,
the plan screen and the run itself all use the same get-ready times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Posture

POSITION_CHANGE_SECONDS = 10  # at least this long before an exercise in a new position
STARTING_POSTURE: Posture = "sitting"


def changes_position(before: Posture | None, after: Posture | None) -> bool:
    """Whether moving from one position to the next is a change (floor to standing, back to
    front). Without both positions known, it is not counted as one."""
    return before is not None and after is not None and before != after


def get_ready_seconds(routine_seconds: int, before: Posture | None, after: Posture | None, *, first: bool) -> int:
    """The routine's get-ready time, raised to POSITION_CHANGE_SECONDS for a change of position.

    `before` is the position of the exercise before; for the first exercise it is sitting.
    """
    if first:
        before = STARTING_POSTURE
    if changes_position(before, after):
        return max(routine_seconds, POSITION_CHANGE_SECONDS)
    return routine_seconds

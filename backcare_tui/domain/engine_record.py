"""What the session engine counts per exercise, and how it becomes a stored result."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .engine_timeline import block_position
from .models import (
    Dose,
    ExerciseResult,
    ExerciseStatus,
    PlannedExercise,
    RoutinePlan,
    SessionRecord,
    SessionStatus,
)


@dataclass(slots=True)
class ExerciseTally:
    """The work done on one exercise so far, over every visit to it.

    Going back to an exercise and doing it again does not count its blocks twice: a block
    is done once it has been finished in full in any visit, and its reps are the most
    reached. A block finished with time taken off is only shortened: the exercise is then
    partial, not done, unless another visit does that block in full.
    """

    active_seconds: float = 0.0
    block_reps: dict[int, int] = field(default_factory=dict)
    blocks_done: set[int] = field(default_factory=set)
    skipped: bool = False
    blocks_shortened: set[int] = field(default_factory=set)

    def add_reps(self, block: int, reps: int) -> None:
        self.block_reps[block] = max(self.block_reps.get(block, 0), reps)

    def copy(self) -> ExerciseTally:
        return ExerciseTally(
            self.active_seconds,
            dict(self.block_reps),
            set(self.blocks_done),
            self.skipped,
            set(self.blocks_shortened),
        )

    def finish_block(self, block: int, *, shortened: bool) -> None:
        (self.blocks_shortened if shortened else self.blocks_done).add(block)

    def status(self, dose: Dose) -> ExerciseStatus:
        if len(self.blocks_done) == dose.blocks:
            return "done"
        if self.blocks_done or self.blocks_shortened or any(self.block_reps.values()) or self.active_seconds > 0:
            return "partial"
        return "skipped" if self.skipped else "not_started"

    def result(self, item: PlannedExercise) -> ExerciseResult:
        """The stored result: sets count when every side is done, sides when every set is."""
        dose = item.dose
        status = self.status(dose)
        if status == "done":
            reps, sets, sides = dose.full_counts
            return self._result(item, status, reps, sets, sides)
        done_by_set: dict[int, int] = {}
        done_by_side: dict[str | None, int] = {}
        for block in self.blocks_done:
            set_number, side = block_position(dose, block)
            done_by_set[set_number] = done_by_set.get(set_number, 0) + 1
            done_by_side[side] = done_by_side.get(side, 0) + 1
        sides = 2 if dose.per_side else 1
        return self._result(
            item,
            status,
            reps=sum(self.block_reps.values()),
            sets=sum(1 for count in done_by_set.values() if count == sides),
            sides=sum(1 for side, count in done_by_side.items() if side and count == dose.sets),
        )

    def _result(
        self, item: PlannedExercise, status: ExerciseStatus, reps: int, sets: int, sides: int
    ) -> ExerciseResult:
        return ExerciseResult(
            exercise_id=item.exercise.id,
            dose=item.dose,
            planned_seconds=float(item.planned_seconds),
            active_seconds=round(self.active_seconds, 1),
            reps_done=reps,
            sets_done=sets,
            sides_done=sides,
            status=status,
        )


def split_tenths(total: float, parts: Sequence[float]) -> list[float]:
    """Round `parts` to 0.1 s so that they still add up to `total` rounded to 0.1 s.

    Largest remainder rounding: each part moves by less than 0.1 s.
    """
    target = round(total * 10)
    scaled = [part * 10 for part in parts]
    tenths = [math.floor(value) for value in scaled]
    by_remainder = sorted(range(len(parts)), key=lambda i: scaled[i] - tenths[i], reverse=True)
    shortfall = target - sum(tenths)
    for i in by_remainder[: max(shortfall, 0)]:
        tenths[i] += 1
    for i in reversed(by_remainder):  # only when float noise put the floors over the total
        if shortfall >= 0:
            break
        if tenths[i] > 0:
            tenths[i] -= 1
            shortfall += 1
    return [value / 10 for value in tenths]


def build_record(
    plan: RoutinePlan,
    session_id: str,
    *,
    started_at: datetime,
    status: SessionStatus,
    tallies: Sequence[ExerciseTally],
    elapsed: float,
    active: float,
    rest: float,
    paused: float,
) -> SessionRecord:
    """The session record; the end time is the start plus the monotonic time elapsed."""
    active, rest, paused = split_tenths(elapsed, (active, rest, paused))
    return SessionRecord(
        id=session_id,
        routine_id=plan.routine.id,
        routine_name=plan.routine.name,
        started_at=started_at,
        ended_at=None if status == "in_progress" else started_at + timedelta(seconds=elapsed),
        status=status,
        exercises=tuple(tally.result(item) for tally, item in zip(tallies, plan.items, strict=True)),
        active_seconds=active,
        rest_seconds=rest,
        paused_seconds=paused,
    )

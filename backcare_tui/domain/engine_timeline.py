"""The planned timeline of a guided session: every phase of every exercise, in order.

The session engine walks this list. Each `Segment` is one phase of known planned length:

    per exercise:  get ready -> block -> rest -> block -> ... -> rest between exercises
    per block:     one set on one side; sides alternate (set 1 left, set 1 right, set 2 left ...)
    hold dose:     hold -> release -> hold ... (one WORK segment per hold)
    reps dose:     one WORK segment of reps x tempo; the engine paces the reps inside it
    timed dose:    one WORK segment that counts down

Phases of zero planned length (no get ready, no rest) are left out, so every segment lasts
at least a second. The planned lengths add up to `RoutinePlan.estimated_seconds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate

from .models import Dose, HoldDose, RoutinePlan


class Phase(StrEnum):
    GET_READY = "get_ready"
    WORK = "work"
    RELAX = "relax"  # the release between holds of a hold dose
    REST = "rest"  # between sets or sides
    REST_EXERCISE = "rest_exercise"  # between exercises
    DONE = "done"


SIDES = ("left", "right")


@dataclass(frozen=True, slots=True)
class Segment:
    """One planned phase. Rest-like phases carry the rep, set and side that come next."""

    exercise_index: int
    phase: Phase
    seconds: float
    rep: int = 1
    set: int = 1
    side: str | None = None
    block: int | None = None  # 0-based work block of a WORK or RELAX segment
    ends_block: bool = False  # finishing this WORK segment finishes its block


@dataclass(frozen=True, slots=True)
class Timeline:
    segments: tuple[Segment, ...]
    first_segment: tuple[int, ...]  # index of each exercise's first segment
    offsets: tuple[float, ...]  # planned seconds before each segment
    total_seconds: float

    @classmethod
    def from_plan(cls, plan: RoutinePlan) -> Timeline:
        segments: list[Segment] = []
        first_segment: list[int] = []
        last = len(plan.items) - 1
        for index, item in enumerate(plan.items):
            first_segment.append(len(segments))
            get_ready = plan.get_ready_before(index)
            if get_ready > 0:
                segments.append(Segment(index, Phase.GET_READY, get_ready))
            segments.extend(_exercise_segments(index, item.dose))
            if index < last and plan.routine.rest_between > 0:
                segments.append(Segment(index, Phase.REST_EXERCISE, plan.routine.rest_between))
        offsets = tuple(accumulate((s.seconds for s in segments), initial=0.0))
        return cls(tuple(segments), tuple(first_segment), offsets[:-1], offsets[-1])


def block_position(dose: Dose, block: int) -> tuple[int, str | None]:
    """The 1-based set and the side (or None) of a 0-based block."""
    if dose.per_side:
        return block // 2 + 1, SIDES[block % 2]
    return block + 1, None


def _exercise_segments(index: int, dose: Dose) -> list[Segment]:
    segments: list[Segment] = []
    for block in range(dose.blocks):
        set_number, side = block_position(dose, block)
        if block > 0 and dose.rest > 0:
            segments.append(Segment(index, Phase.REST, dose.rest, 1, set_number, side))
        if isinstance(dose, HoldDose):
            for rep in range(1, dose.reps + 1):
                if rep > 1 and dose.relax > 0:
                    segments.append(Segment(index, Phase.RELAX, dose.relax, rep, set_number, side, block))
                segments.append(
                    Segment(
                        index,
                        Phase.WORK,
                        dose.hold,
                        rep,
                        set_number,
                        side,
                        block,
                        ends_block=rep == dose.reps,
                    )
                )
        else:
            segments.append(
                Segment(
                    index,
                    Phase.WORK,
                    dose.block_seconds,
                    1,
                    set_number,
                    side,
                    block,
                    ends_block=True,
                )
            )
    return segments

"""What the session screen shows, as one immutable snapshot of the engine."""

from __future__ import annotations

from dataclasses import dataclass

from .engine_timeline import Phase, Segment
from .models import Dose, Exercise, HoldDose, RepsDose, RoutinePlan, SessionStatus


@dataclass(frozen=True, slots=True)
class SessionView:
    exercise: Exercise
    dose: Dose
    index: int  # 0-based
    count: int  # number of exercises
    phase: Phase
    label: str
    remaining: float  # seconds left in this phase, >= 0
    phase_seconds: float  # full length of this phase, adjustments included
    rep: int  # 1-based; rest-like phases show the rep, set and side that come next
    reps: int  # 1 for a timed dose
    set: int
    sets: int
    side: str | None  # "left", "right" or None
    paused: bool
    finished: bool
    status: SessionStatus
    progress: float  # 0..1 of the routine's planned time
    next_exercise: Exercise | None
    next_dose: Dose | None
    can_mark_done: bool  # mark_done() does something now
    own_pace: bool = False  # reps at the person's own pace: remaining is 0, phase_seconds the time so far


_REST_LABELS = {
    Phase.GET_READY: "Get ready",
    Phase.RELAX: "Release",
    Phase.REST: "Rest",
    Phase.REST_EXERCISE: "Next up soon",
    Phase.DONE: "Finished",
}


def phase_label(phase: Phase, dose: Dose) -> str:
    """A short word for the phase: "Hold", "Move" or "Keep going" while working."""
    if phase is Phase.WORK:
        if isinstance(dose, HoldDose):
            return "Hold"
        if isinstance(dose, RepsDose):
            return "Your own pace" if dose.own_pace else "Move"
        return "Keep going"
    return _REST_LABELS[phase]


def paced_rep(dose: Dose, elapsed: float) -> int:
    """The 1-based rep a reps dose is on after `elapsed` seconds of work, at its tempo."""
    assert isinstance(dose, RepsDose)
    return min(dose.reps, int(elapsed // dose.tempo) + 1)


def build_view(
    plan: RoutinePlan,
    segment: Segment,
    *,
    elapsed: float,
    remaining: float,
    phase_seconds: float,
    paused: bool,
    finished: bool,
    status: SessionStatus,
    progress: float,
    can_mark_done: bool,
    own_pace: bool = False,
) -> SessionView:
    """The view of the engine sitting in `segment`, `elapsed` seconds into it."""
    index = segment.exercise_index
    item = plan.items[index]
    dose = item.dose
    phase = Phase.DONE if finished else segment.phase
    reps = dose.reps_per_block
    rep, set_number, side = segment.rep, segment.set, segment.side
    if phase in (Phase.REST_EXERCISE, Phase.DONE):
        rep, set_number, side = reps, dose.sets, None
    elif phase is Phase.WORK and isinstance(dose, RepsDose):
        rep = paced_rep(dose, elapsed)
    following = plan.items[index + 1] if index + 1 < len(plan.items) and not finished else None
    return SessionView(
        exercise=item.exercise,
        dose=dose,
        index=index,
        count=len(plan.items),
        phase=phase,
        label=phase_label(phase, dose),
        remaining=0.0 if finished else remaining,
        phase_seconds=0.0 if finished else phase_seconds,
        rep=rep,
        reps=reps,
        set=set_number,
        sets=dose.sets,
        side=side,
        paused=paused,
        finished=finished,
        status=status,
        progress=progress,
        next_exercise=None if following is None else following.exercise,
        next_dose=None if following is None else following.dose,
        can_mark_done=can_mark_done,
        own_pace=own_pace,
    )

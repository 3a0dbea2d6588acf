"""The guided-session state machine, driven by readings of an injected clock.

Time is kept on a *running* axis: monotonic seconds since `start()` minus the time spent
paused. Every phase has a deadline on that axis, so remaining time is always
`deadline - running time`; a late or missing tick cannot drift it, paused time is excluded
exactly, and one `tick(now)` after a long gap walks through every phase boundary it crossed.

Controls read the clock themselves (they tick first) and are harmless no-ops where they do
not apply: before `start()`, after the session ends, or (for `mark_done`) outside the work of
a reps dose. Details:

- `next_exercise` leaves the current exercise (it is "skipped" if nothing of it was done,
  "partial" if some was); on the last exercise it completes the routine, or stops it if no
  exercise was even begun. During the rest after an exercise it just ends that rest.
- `previous_exercise` goes to the start of the exercise before; on the first it restarts it.
  The rest after an exercise belongs to that exercise, so `restart_exercise` there redoes it.
- Blocks finished in any visit stay finished: going back never loses or double counts work.
- `adjust(seconds)` lengthens or shortens the current phase; a shortening never leaves less
  than a second (and never lengthens a phase that already has less). Work finished with time
  taken off counts as partial, not done: the exercise was not done as prescribed.
- A reps dose at the person's own pace (`own_pace`) has no deadline and no countdown: its
  work lasts until `mark_done`, the only work `mark_done` finishes.
- Pausing freezes everything; jumps made while paused stay paused.
- `view()` and `record()` are pure: they describe the state as of the last tick or control.

The engine makes no noise: it returns `Event`s that the screen turns into cues. A tick
that crosses several boundaries returns every phase start in order, and at most one
countdown (the latest) for the phase it lands in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import uuid4

from .clock import Clock
from .engine_record import ExerciseTally, build_record
from .engine_timeline import Phase, Segment, Timeline
from .engine_view import SessionView, build_view
from .models import (
    Dose,
    Exercise,
    HoldDose,
    PlannedExercise,
    RepsDose,
    RoutinePlan,
    SessionRecord,
    SessionStatus,
    replace,
)

__all__ = ["Event", "EventKind", "Phase", "SessionEngine", "SessionView"]

COUNTDOWN_FROM = 3
COUNTDOWN_MIN_PHASE = 5.0  # shorter phases get no 3-2-1, it would be all beeps
MIN_REMAINING = 1.0
ACTIVE_PHASES = (Phase.WORK, Phase.RELAX)


class EventKind(StrEnum):
    PHASE_STARTED = "phase_started"
    COUNTDOWN = "countdown"
    EXERCISE_DONE = "exercise_done"
    ROUTINE_DONE = "routine_done"


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    exercise_index: int
    phase: Phase | None = None
    count: int | None = None  # 3, 2, 1 for COUNTDOWN


class SessionEngine:
    """Runs one routine plan: phases, controls, cues and the session record."""

    def __init__(self, plan: RoutinePlan, clock: Clock, *, session_id: str | None = None) -> None:
        self.plan = plan
        self.session_id = session_id or uuid4().hex
        self._clock = clock
        self._timeline = Timeline.from_plan(plan)
        self._tallies = [ExerciseTally() for _ in plan.items]
        self._started_at: datetime | None = None
        self._start = 0.0  # monotonic reading at start()
        self._now = 0.0  # monotonic reading at the last tick or control
        self._run = 0.0  # running seconds since start, as of self._now
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._active_total = 0.0
        self._rest_total = 0.0
        self._position = 0
        self._segment_start = 0.0
        self._segment_length = self._timeline.segments[0].seconds
        self._countdown_next = COUNTDOWN_FROM
        self._shortened = False  # time was taken off the work of the block in hand
        self._status: SessionStatus = "in_progress"
        self._end: float | None = None  # monotonic reading when the session ended

    # -- state --------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def finished(self) -> bool:
        return self._end is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def _running(self) -> bool:
        return self.started and not self.finished

    @property
    def _segment(self) -> Segment:
        return self._timeline.segments[self._position]

    @property
    def _at_own_pace(self) -> bool:
        """In the work of a reps dose the person paces: it ends when they say it is done."""
        dose = self.plan.items[self._segment.exercise_index].dose
        return self._segment.phase is Phase.WORK and isinstance(dose, RepsDose) and dose.own_pace

    @property
    def _deadline(self) -> float:
        if self._at_own_pace:
            return math.inf
        return self._segment_start + self._segment_length

    # -- time ---------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Stamp the start time and enter the first phase. Starting twice does nothing."""
        if self.started:
            return []
        self._started_at = self._clock.wall()
        self._start = self._now = self._clock.monotonic()
        return self._enter(0, 0.0)

    def tick(self, now: float | None = None) -> list[Event]:
        """Bring the state up to `now` (the clock's reading by default)."""
        if not self._running:
            return []
        self._now = max(self._now, self._clock.monotonic() if now is None else now)
        if self.paused:
            return []
        self._run = self._now - self._start - self._paused_total
        events: list[Event] = []
        while not self.finished and self._run >= self._deadline:
            events += self._complete_segment(self._deadline)
        if not self.finished:
            events += self._countdown()
        return events

    # -- controls -----------------------------------------------------------------------

    def pause(self) -> list[Event]:
        events = self.tick()
        if self._running and not self.paused:
            self._paused_at = self._now
        return events

    def resume(self) -> list[Event]:
        events = self.tick()
        if self._running:
            self._close_pause()
        return events

    def next_exercise(self) -> list[Event]:
        """Skip the rest of this exercise; on the last one, complete the routine."""
        events = self.tick()
        if not self._running:
            return events
        index = self._segment.exercise_index
        self._interrupt()
        self._tallies[index].skipped = True
        if index + 1 < len(self.plan.items):
            return events + self._enter(self._timeline.first_segment[index + 1], self._run)
        # Skipping through to the end with nothing done is stopping, not completing.
        did_work = any(
            tally.status(item.dose) in ("done", "partial")
            for tally, item in zip(self._tallies, self.plan.items, strict=True)
        )
        return events + self._finish("completed" if did_work else "stopped", self._run)

    def previous_exercise(self) -> list[Event]:
        """Back to the start of the exercise before (or of this one, if it is the first)."""
        return self._jump_to_exercise(lambda index: max(index - 1, 0))

    def restart_exercise(self) -> list[Event]:
        return self._jump_to_exercise(lambda index: index)

    def adjust(self, seconds: float) -> list[Event]:
        """Add (or with a negative number, take) seconds to the current phase."""
        events = self.tick()
        if not self._running or self._at_own_pace:
            return events
        remaining = self._deadline - self._run
        target = remaining + seconds
        if seconds < 0:
            target = max(target, min(remaining, MIN_REMAINING))
        self._segment_length += target - remaining
        rearm = min(COUNTDOWN_FROM, math.ceil(target) - 1)
        self._countdown_next = max(self._countdown_next, rearm)
        return events

    def swap_exercise(self, index: int, exercise: Exercise, dose: Dose) -> list[Event]:
        """Do `exercise` at `dose` in place of exercise `index` (the current one or one to come).

        The current exercise starts again from its first phase as the new one; what was done
        of the old one still counts in the session's totals, not in the new one's row.
        """
        events = self.tick()
        if not self._running or index < self._segment.exercise_index or index >= len(self.plan.items):
            return events
        current = self._segment.exercise_index
        offset = self._position - self._timeline.first_segment[current]
        if index == current:
            self._interrupt()
        items = list(self.plan.items)
        items[index] = PlannedExercise(exercise=exercise, dose=dose)
        self.plan = replace(self.plan, items=tuple(items))
        self._timeline = Timeline.from_plan(self.plan)
        self._tallies[index] = ExerciseTally()
        if index != current:  # the current exercise keeps its place in the new timeline
            self._position = self._timeline.first_segment[current] + offset
            return events
        return events + self._enter(self._timeline.first_segment[current], self._run)

    def mark_done(self) -> list[Event]:
        """Own pace: finish the current work block of a reps dose now, counted as done."""
        events = self.tick()
        if not self._can_mark_done():
            return events
        return events + self._complete_segment(self._run)

    def stop(self) -> list[Event]:
        """End the session, keeping what was done."""
        return self._stop("stopped")

    def stop_for_pain(self) -> list[Event]:
        """End the session because it hurts; the record says so."""
        return self._stop("stopped_for_pain")

    # -- reading ------------------------------------------------------------------------

    def view(self) -> SessionView:
        """Everything the screen shows, as of the last tick or control."""
        elapsed = self._run - self._segment_start
        own_pace = self._at_own_pace and not self.finished
        return build_view(
            self.plan,
            self._segment,
            elapsed=elapsed,
            remaining=0.0 if own_pace else max(0.0, self._deadline - self._run),
            phase_seconds=max(0.0, elapsed) if own_pace else self._segment_length,
            own_pace=own_pace,
            paused=self.paused,
            finished=self.finished,
            status=self._status,
            progress=self._progress(elapsed),
            can_mark_done=self._can_mark_done(),
        )

    def record(self) -> SessionRecord:
        """A checkpoint of the session as plain data; status "in_progress" until it ends."""
        started_at = self._started_at or self._clock.wall()
        tallies = [tally.copy() for tally in self._tallies]
        active, rest = self._active_total, self._rest_total
        if self._running:
            spent = self._run - self._segment_start
            if self._segment.phase in ACTIVE_PHASES:
                active += spent
                tallies[self._segment.exercise_index].active_seconds += spent
            else:
                rest += spent
            self._count_partial_reps(tallies, spent)
        paused = self._paused_total + (0.0 if self._paused_at is None else self._now - self._paused_at)
        end = self._now if self._end is None else self._end
        elapsed = end - self._start if self.started else 0.0
        return build_record(
            self.plan,
            self.session_id,
            started_at=started_at,
            status=self._status,
            tallies=tallies,
            elapsed=elapsed,
            active=active,
            rest=rest,
            paused=paused,
        )

    # -- internals ----------------------------------------------------------------------

    def _enter(self, position: int, at: float) -> list[Event]:
        if position != self._position + 1:  # a jump: the next block starts afresh
            self._shortened = False
        self._position = position
        self._segment_start = at
        self._segment_length = self._segment.seconds
        self._countdown_next = COUNTDOWN_FROM
        return [Event(EventKind.PHASE_STARTED, self._segment.exercise_index, self._segment.phase)]

    def _account(self, end: float) -> float:
        """Book the time spent in the current segment up to `end`; return it."""
        segment = self._segment
        spent = end - self._segment_start
        if segment.phase in ACTIVE_PHASES:
            self._active_total += spent
            self._tallies[segment.exercise_index].active_seconds += spent
        else:
            self._rest_total += spent
        return spent

    def _complete_segment(self, end: float) -> list[Event]:
        """Finish the current segment at running time `end` and move on."""
        segment = self._segment
        spent = self._account(end)
        events: list[Event] = []
        if segment.phase is Phase.WORK:
            dose = self.plan.items[segment.exercise_index].dose
            tally = self._tallies[segment.exercise_index]
            shortened = self._segment_length < segment.seconds and not self._at_own_pace
            self._shortened = self._shortened or shortened
            if isinstance(dose, HoldDose):
                done = segment.rep
            elif isinstance(dose, RepsDose) and shortened:
                done = min(dose.reps, int(spent // dose.tempo))
            else:
                done = dose.reps_per_block
            assert segment.block is not None  # work always belongs to a block
            tally.add_reps(segment.block, done)
            if segment.ends_block:
                tally.finish_block(segment.block, shortened=self._shortened)
                self._shortened = False
                if segment.block == dose.blocks - 1:
                    events.append(Event(EventKind.EXERCISE_DONE, segment.exercise_index))
        if self._position + 1 < len(self._timeline.segments):
            return events + self._enter(self._position + 1, end)
        return events + self._finish("completed", end)

    def _interrupt(self) -> None:
        """Leave the current segment part-way, at the current running time."""
        spent = self._account(self._run)
        self._count_partial_reps(self._tallies, spent)

    def _count_partial_reps(self, tallies: list[ExerciseTally], spent: float) -> None:
        """Credit the reps paced so far in an unfinished reps-dose work segment."""
        segment = self._segment
        dose = self.plan.items[segment.exercise_index].dose
        if segment.phase is Phase.WORK and isinstance(dose, RepsDose) and segment.block is not None:
            tallies[segment.exercise_index].add_reps(segment.block, min(dose.reps, int(spent // dose.tempo)))

    def _jump_to_exercise(self, choose: Callable[[int], int]) -> list[Event]:
        events = self.tick()
        if not self._running:
            return events
        target = choose(self._segment.exercise_index)
        self._interrupt()
        return events + self._enter(self._timeline.first_segment[target], self._run)

    def _stop(self, status: SessionStatus) -> list[Event]:
        events = self.tick()
        if not self._running:
            return events
        self._interrupt()
        return events + self._finish(status, self._run)

    def _finish(self, status: SessionStatus, end: float) -> list[Event]:
        self._close_pause()
        self._run = end
        self._status = status
        self._end = self._start + self._paused_total + end
        index = self._segment.exercise_index
        events = [Event(EventKind.PHASE_STARTED, index, Phase.DONE)]
        if status == "completed":
            events.append(Event(EventKind.ROUTINE_DONE, index))
        return events

    def _close_pause(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._now - self._paused_at
            self._paused_at = None

    def _countdown(self) -> list[Event]:
        if self._segment_length < COUNTDOWN_MIN_PHASE or self._at_own_pace:
            return []
        count = math.ceil(self._deadline - self._run)
        if count > self._countdown_next:
            return []
        self._countdown_next = count - 1
        segment = self._segment
        return [Event(EventKind.COUNTDOWN, segment.exercise_index, segment.phase, count)]

    def _can_mark_done(self) -> bool:
        return self._running and self._at_own_pace

    def _progress(self, elapsed: float) -> float:
        if self._status == "completed":
            return 1.0
        timeline = self._timeline
        fraction = min(1.0, elapsed / self._segment_length) if self._segment_length else 1.0
        done = timeline.offsets[self._position] + fraction * self._segment.seconds
        return min(1.0, done / timeline.total_seconds)

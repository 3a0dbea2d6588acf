"""One guided session from the pain check before it to the note after it.

`GuidedSession` owns the engine running the routine plan, the pain scores, the note and which
exercise hurt, and decides when the session is written: at the start, at each exercise
boundary, after a jump (next, back, restart), when it ends, and when the pain score or the
note after it changes. Writing goes through the `save` callable it is given, which returns an
error sentence or None, so this module never touches storage.

Every way out of the app ends with `finish()`: it stops a session still running (saved as
"stopped"), then writes whatever is not written yet. Calling it again writes nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from .clock import Clock
from .engine import Event, EventKind, SessionEngine, SessionView
from .models import Dose, Exercise, RoutinePlan, SessionRecord, replace
from .wording import printable

SaveRecord = Callable[[SessionRecord], "str | None"]
StopReason = Literal["stopped", "stopped_for_pain"]


class GuidedSession:
    """The running (or just ended) session: controls, checkpoints and the final record."""

    # Both are first set by the checkpoint that start() always makes; nothing reads them
    # before the session has started.
    _covered: set[int]  # exercise indexes the last checkpoint already covers
    _unsaved: bool  # something changed since the last write

    def __init__(
        self,
        plan: RoutinePlan,
        clock: Clock,
        *,
        save: SaveRecord,
        release: Callable[[str], None] = lambda session_id: None,
        pain_before: int | None = None,
        session_id: str | None = None,
    ) -> None:
        self.plan = plan
        self.engine = SessionEngine(plan, clock, session_id=session_id)
        self.pain_before = pain_before
        self.pain_after: int | None = None
        self.note = ""
        self.hurt_exercise: str | None = None
        self._save = save
        self._release = release
        self._ended_saved = False  # the record of the routine's end was written
        self.saved = False  # the last write reached the disk
        self.save_error: str | None = None  # why the last write did not, if it did not
        self._unreported_error: str | None = None

    # -- state ---------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.engine.session_id

    @property
    def running(self) -> bool:
        """Started and not yet ended: the clock is (or may be) counting."""
        return self.engine.started and not self.engine.finished

    @property
    def ended(self) -> bool:
        """The routine is over (completed or stopped); pain after and a note may still come."""
        return self.engine.finished

    @property
    def paused(self) -> bool:
        return self.engine.paused

    def view(self) -> SessionView:
        return self.engine.view()

    def record(self) -> SessionRecord:
        """The session as it would be saved now."""
        return replace(
            self.engine.record(),
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            note=self.note,
            hurt_exercise=self.hurt_exercise,
        )

    def take_save_error(self) -> str | None:
        """The error of a failed write not yet shown to the user, once."""
        error, self._unreported_error = self._unreported_error, None
        return error

    # -- controls: each returns the engine's events, for cues ---------------------------
    def start(self) -> list[Event]:
        events = self.engine.start()
        self._checkpoint()
        return self._after(events)

    def tick(self) -> list[Event]:
        return self._after(self.engine.tick())

    def pause(self) -> list[Event]:
        return self._after(self.engine.pause())

    def resume(self) -> list[Event]:
        return self._after(self.engine.resume())

    def next_exercise(self) -> list[Event]:
        return self._after(self.engine.next_exercise(), jumped=True)

    def previous_exercise(self) -> list[Event]:
        return self._after(self.engine.previous_exercise(), jumped=True)

    def restart_exercise(self) -> list[Event]:
        return self._after(self.engine.restart_exercise(), jumped=True)

    def adjust(self, seconds: float) -> list[Event]:
        return self._after(self.engine.adjust(seconds))

    def mark_done(self) -> list[Event]:
        return self._after(self.engine.mark_done())

    def skip_because_it_hurts(self) -> list[Event]:
        """ "This hurts", then "skip this exercise": noted as the exercise that hurt, and skipped."""
        if not self.running:
            return []
        self.hurt_exercise = self.view().exercise.id
        return self._after(self.engine.next_exercise(), jumped=True)

    def switch_to_easier(self, easier: Exercise, dose: Dose) -> list[Event]:
        """ "This hurts", then "easier version": the current exercise, and any later turn of the
        same exercise, become `easier` at `dose` for the rest of the session."""
        if not self.running:
            return []
        current = self.view()
        self.hurt_exercise = current.exercise.id
        events: list[Event] = []
        for index in range(len(self.plan.items) - 1, current.index - 1, -1):
            if self.engine.plan.items[index].exercise.id == current.exercise.id:
                events += self.engine.swap_exercise(index, easier, dose)
        self.plan = self.engine.plan
        return self._after(events, jumped=True)

    def stop(self, reason: StopReason = "stopped") -> list[Event]:
        """End a running session and save it; does nothing once it has ended."""
        if not self.running:
            return []
        if reason == "stopped_for_pain":
            self.hurt_exercise = self.view().exercise.id
            return self._after(self.engine.stop_for_pain())
        return self._after(self.engine.stop())

    # -- after the routine ---------------------------------------------------------------
    def set_pain_after(self, pain: int | None) -> str | None:
        """Record the pain score after the session and save it at once."""
        if pain != self.pain_after:
            self.pain_after = pain
            self._unsaved = True
        return self.finish_error()

    def set_note(self, note: str) -> None:
        """Keep the note as typed, less any control character; `finish()` saves it."""
        note = printable(note.strip())
        if note != self.note:
            self.note = note
            self._unsaved = True

    def finish(self) -> SessionRecord:
        """Stop the session if it still runs, then save what is not saved yet. Safe to repeat."""
        if self.running:
            self.stop()
        elif self.engine.started and self._unsaved:
            self._write()
        return self.record()

    def finish_error(self) -> str | None:
        """`finish()`, answering with the error sentence of a write that failed."""
        self.finish()
        return self.save_error  # None once a write has reached the disk

    # -- internals -------------------------------------------------------------------------
    def _after(self, events: list[Event], *, jumped: bool = False) -> list[Event]:
        """Checkpoints at exercise boundaries and after jumps; the final save when it ends."""
        if not self.engine.started:
            return events
        if self.engine.finished:
            if not self._ended_saved:
                self._ended_saved = True
                self._write()
                self._release(self.id)
            return events
        done = [event.exercise_index for event in events if event.kind is EventKind.EXERCISE_DONE]
        if done:
            self._checkpoint()
            # The rest after it and the next exercise starting add nothing worth another write.
            self._covered = {max(done), max(done) + 1}
        elif jumped or self.view().index not in self._covered:
            self._checkpoint()
        return events

    def _checkpoint(self) -> None:
        self._write()
        self._covered = {self.view().index}

    def _write(self) -> None:
        error = self._save(self.record())
        self.saved = error is None
        self.save_error = error
        self._unreported_error = error
        self._unsaved = False

"""The guided run: one exercise at a time, a big countdown, every control on a key.

The screen owns a `SessionEngine` and asks it, four times a second, what to show. Only
widgets whose text changed are repainted, so a running routine costs little CPU. The running
session is saved at every exercise boundary, so a crash loses at most the exercise in hand.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer, Static

from ..domain.engine import Event, EventKind, Phase, SessionEngine, SessionView
from ..domain.models import RoutinePlan, SessionRecord, replace
from ..widgets.element_badges import ElementBadges
from ..widgets.routine_progress import RoutineProgress

TICK_SECONDS = 0.25


def clock_text(seconds: float) -> str:
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"


def counter_text(view: SessionView) -> str:
    parts = []
    if view.phase in (Phase.WORK, Phase.RELAX) and view.reps > 1:
        parts.append(f"rep {view.rep} of {view.reps}")
    if view.sets > 1:
        parts.append(f"set {view.set} of {view.sets}")
    if view.side:
        parts.append(f"{view.side} side")
    return "  ·  ".join(parts)


class RunScreen(Screen[None]):
    TITLE = "Exercise"
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Back"),
        Binding("r", "restart", "Restart", show=False),
        Binding("plus,equals_sign", "adjust(10)", "+10s"),
        Binding("minus,underscore", "adjust(-10)", "-10s", show=False),
        Binding("enter", "done", "Done"),
        Binding("x", "hurts", "This hurts"),
        Binding("q,escape", "stop", "Stop"),
        Binding("m", "mute", "Mute", show=False),
    ]

    def __init__(self, plan: RoutinePlan, *, pain_before: int | None) -> None:
        super().__init__()
        self.plan = plan
        self.pain_before = pain_before
        self.engine = SessionEngine(plan, self.app.clock) if False else None  # set in on_mount
        self._shown: dict[str, object] = {}
        self._saved_for: set[int] = set()  # exercise indexes the last checkpoint already covers
        self._auto_paused = False
        self._final_saved = False
        self._saved_ok = True
        self.timer: Timer | None = None

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="run-top"):
            yield Static(id="run-routine")
            yield ElementBadges((), show_missing=False, id="run-elements")
        yield Static(id="run-exercise")
        with Horizontal(id="run-main"):
            with Vertical(id="run-clock"):
                yield Static(id="run-phase")
                yield Digits("0:00", id="run-digits")
                yield Static(id="run-counter")
                yield Static(id="run-hint")
            with VerticalScroll(id="run-info"):
                yield Static(id="run-dose")
                yield Static(id="run-safety")  # before the steps: it must show on a small terminal
                yield Static(id="run-steps")
        yield Static(id="run-next")
        yield RoutineProgress(id="run-progress")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.digits = self.query_one("#run-digits", Digits)  # the two widgets every tick touches
        self.progress = self.query_one(RoutineProgress)
        self.engine = SessionEngine(self.plan, self.app.clock)
        self.handle(self.engine.start())
        self.app.store.claim(self.engine.record().id)
        self.checkpoint()
        self.app.show_history_notices()
        self.timer = self.set_interval(TICK_SECONDS, self.tick)
        self.render_view()

    # -- the loop ------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.engine is not None and self.engine.started and not self.engine.finished

    def tick(self) -> None:
        if self.engine is None or self.engine.finished:
            return
        self.handle(self.engine.tick())
        self.render_view()

    def handle(self, events: list[Event]) -> None:
        """Cues for the user, checkpoints at exercise boundaries, and the end of the run."""
        if any(e.kind in (EventKind.COUNTDOWN, EventKind.PHASE_STARTED) for e in events):
            self.app.cue()
        if self.engine.finished:
            self.finish()  # the final save is the checkpoint
            return
        done = [e.exercise_index for e in events if e.kind is EventKind.EXERCISE_DONE]
        if done:
            self.checkpoint()
            # The rest after it and the next exercise starting add nothing worth another write.
            self._saved_for = {max(done), max(done) + 1}

    def checkpoint(self) -> None:
        error = self.app.store.save(self.current_record())
        if error:
            self.notify(error, title="Not saved yet", severity="warning", timeout=8)
        self._saved_for = {self.engine.view().index}

    def current_record(self) -> SessionRecord:
        return replace(self.engine.record(), pain_before=self.pain_before)

    def render_view(self) -> None:
        view = self.engine.view()
        if view.index not in self._saved_for and not view.finished:  # a jump: next, back, restart
            self.checkpoint()
        if self._changed("exercise", view.index):
            self.show_exercise(view)
        phase_class = f"-{view.phase.value.replace('_', '-')}"
        if self._changed("phase-class", (phase_class, view.paused)):
            clock = self.query_one("#run-clock")
            clock.set_classes(f"{phase_class}{' -paused' if view.paused else ''}")
        self._show("#run-phase", ("PAUSED · " if view.paused else "") + view.label.upper(), layout=False)
        digits = clock_text(view.remaining)
        if self._changed("digits", digits):
            self.digits.update(digits)
        self._show("#run-counter", counter_text(view), layout=False)
        hint = "Space to resume" if view.paused else ("Enter when you have done them" if view.can_mark_done else "")
        self._show("#run-hint", hint, layout=False)
        self.progress.percent = int(view.progress * 100)  # repaints only on change
        if self._changed("bindings", (view.paused, view.can_mark_done)):  # the Footer rebuilds its keys
            self.refresh_bindings()

    def show_exercise(self, view: SessionView) -> None:
        """What stays the same for the whole exercise: painted once when it starts."""
        exercise = view.exercise
        self._show(
            "#run-routine",
            Content.assemble(
                (self.plan.routine.name, "bold"), (f"   exercise {view.index + 1} of {view.count}", "dim")
            ),
            layout=False,
        )
        self.query_one("#run-elements", ElementBadges).show(exercise.elements)
        self._show("#run-exercise", Content.styled(exercise.name, "bold"))
        self._show("#run-dose", Content.assemble(("Dose: ", "dim"), view.dose.describe()))
        self._show("#run-steps", "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)))
        self._show("#run-safety", Content.assemble(("Take care: ", "bold"), " ".join(exercise.safety)))
        if view.next_exercise is not None:
            self._show(
                "#run-next",
                Content.assemble(
                    ("Next: ", "dim"), (view.next_exercise.name, "bold"), f"  {view.next_dose.describe()}"
                ),
            )
        else:
            self._show("#run-next", Content.styled("Last exercise", "dim"))

    def _changed(self, key: str, value: object) -> bool:
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        return True

    def _show(self, selector: str, content: object, *, layout: bool = True) -> None:
        """Repaint one widget if its text changed; one-line widgets skip the layout pass."""
        if self._changed(selector, str(content)):
            self.query_one(selector, Static).update(content, layout=layout)

    # -- the end -------------------------------------------------------------------------
    def finish(self) -> None:
        """Save the final record, then pain check and summary."""
        from .pain import PainCheckScreen
        from .safety import WhenToStopScreen
        from .summary import SummaryScreen

        if self._final_saved:
            return
        if self.timer is not None:
            self.timer.stop()
        record = self.save_final()

        def to_summary(pain_after: int | None) -> None:
            final = replace(record, pain_after=pain_after)
            error = self.app.store.save(final)  # on disk before anything else can happen
            if error:
                self.notify(error, title="Not saved yet", severity="warning", timeout=10)
            self.app.switch_screen(SummaryScreen(final))

        def ask_pain(_: object = None) -> None:
            self.app.push_screen(PainCheckScreen(moment="after", routine_name=self.plan.routine.name), to_summary)

        if record.status == "stopped_for_pain":
            self.app.push_screen(WhenToStopScreen(saved=self._saved_ok), ask_pain)
        else:
            ask_pain()

    def save_final(self) -> SessionRecord:
        record = self.current_record()
        self._final_saved = True
        error = self.app.store.save(record)
        self._saved_ok = error is None
        if error:
            self.notify(error, title="Not saved yet", severity="warning", timeout=10)
        self.app.store.release(record.id)
        return record

    def stop_and_save(self) -> None:
        """Quit, SIGTERM or SIGHUP: stop a running session and save it. Safe to repeat."""
        if self.engine is None or self._final_saved:
            return
        if not self.engine.finished:
            self.engine.stop()
        self.save_final()

    def on_unmount(self) -> None:
        self.stop_and_save()  # any way out of the app, even one that skips quit and the signals

    # -- pausing while something covers the screen ----------------------------------------
    def on_screen_suspend(self) -> None:
        if self.is_running and not self.engine.paused:
            self.engine.pause()
            self._auto_paused = True

    def on_screen_resume(self) -> None:
        if self._auto_paused and self.is_running:
            self.engine.resume()
        self._auto_paused = False
        if self.engine is not None and not self.engine.finished:
            self.render_view()

    # -- keys ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.engine is None or not self.is_running:
            return action not in ("pause", "resume", "done") or None
        if action == "pause":
            return not self.engine.paused
        if action == "resume":
            return self.engine.paused
        if action == "done":
            return True if self.engine.view().can_mark_done else None
        return True

    def _control(self, events: list[Event]) -> None:
        self.handle(events)
        if not self._final_saved:
            self.render_view()

    def action_pause(self) -> None:
        self._control(self.engine.pause())

    def action_resume(self) -> None:
        self._control(self.engine.resume())

    def action_next(self) -> None:
        self._control(self.engine.next_exercise())

    def action_previous(self) -> None:
        self._control(self.engine.previous_exercise())

    def action_restart(self) -> None:
        self._control(self.engine.restart_exercise())

    def action_adjust(self, seconds: float) -> None:
        self._control(self.engine.adjust(seconds))

    def action_done(self) -> None:
        self._control(self.engine.mark_done())

    def action_mute(self) -> None:
        self.app.action_toggle_sound()

    def action_hurts(self) -> None:
        if self.is_running:
            self._control(self.engine.stop_for_pain())

    def action_stop(self) -> None:
        from .dialogs import ConfirmScreen

        if not self.is_running:
            return

        def answer(stop: bool | None) -> None:
            if stop and self.is_running:
                self._control(self.engine.stop())

        self.app.push_screen(
            ConfirmScreen("Stop this session?", "What you have done so far is kept.", yes="Stop", no="Keep going"),
            answer,
        )

"""The guided run: one exercise at a time, a big countdown, every control on a key.

The screen shows the app's `GuidedSession` and forwards the keys to it; the session decides
when to save. Four times a second the screen asks what to show and sets the clock panel's
reactives, which repaint only what changed, so a running routine costs little CPU.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from ..domain.engine import Event, EventKind, Phase, SessionEngine, SessionView
from ..domain.session import GuidedSession
from ..widgets.clock_panel import ClockPanel
from ..widgets.element_badges import ElementBadges
from ..widgets.routine_progress import RoutineProgress

TICK_SECONDS = 0.25


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

    exercise_index: reactive[int] = reactive(-1, init=False, repaint=False)  # repaints the exercise's texts
    paused: reactive[bool] = reactive(
        False, init=False, repaint=False, bindings=True
    )  # the Footer shows pause or resume
    can_mark_done: reactive[bool] = reactive(False, init=False, repaint=False, bindings=True)

    def __init__(self, session: GuidedSession) -> None:
        super().__init__()
        self.session = session
        self._auto_paused = False
        self.timer: Timer | None = None

    @property
    def engine(self) -> SessionEngine:
        return self.session.engine

    @property
    def is_running(self) -> bool:
        return self.session.running

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="run-top"):
            yield Static(id="run-routine")
            yield ElementBadges((), show_missing=False, id="run-elements")
        yield Static(id="run-exercise")
        with Horizontal(id="run-main"):
            yield ClockPanel(id="run-clock")
            with VerticalScroll(id="run-info"):
                yield Static(id="run-dose")
                yield Static(id="run-safety")  # before the steps: it must show on a small terminal
                yield Static(id="run-steps")
        yield Static(id="run-next")
        yield RoutineProgress(id="run-progress")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.clock_panel = self.query_one(ClockPanel)  # the two widgets every tick touches
        self.progress = self.query_one(RoutineProgress)
        self._control(self.session.start)
        self.app.show_history_notices()
        self.timer = self.set_interval(TICK_SECONDS, self.tick)

    # -- the loop ------------------------------------------------------------------------
    def tick(self) -> None:
        if self.session.running:
            self._control(self.session.tick)

    def _control(self, control: Callable[[], list[Event]]) -> None:
        """Run one control of the session, then cue, report, show, or move on to the end."""
        was_running = self.session.running
        events = control()
        if any(e.kind in (EventKind.COUNTDOWN, EventKind.PHASE_STARTED) for e in events):
            self.app.cue()
        error = self.session.take_save_error()
        if error:
            self.notify(error, title="Not saved yet", severity="warning", timeout=10, markup=False)
        if self.session.ended:
            if was_running:  # this control ended it
                if self.timer is not None:
                    self.timer.stop()
                self.after_the_routine()
            return
        self.show(self.session.view())

    def show(self, view: SessionView) -> None:
        self.exercise_index = view.index
        panel = self.clock_panel
        panel.phase = view.phase.value
        panel.paused = view.paused
        panel.label = view.label
        panel.remaining = view.remaining
        panel.counter = counter_text(view)
        panel.hint = (
            "Space to resume" if view.paused else ("Enter when you have done them" if view.can_mark_done else "")
        )
        self.progress.percent = int(view.progress * 100)  # repaints only on change
        self.paused = view.paused
        self.can_mark_done = view.can_mark_done

    def watch_exercise_index(self) -> None:
        """What stays the same for the whole exercise: painted once when it starts."""
        view = self.session.view()
        exercise = view.exercise
        routine = Content.assemble(
            (self.session.plan.routine.name, "bold"), (f"   exercise {view.index + 1} of {view.count}", "dim")
        )
        self.query_one("#run-routine", Static).update(routine, layout=False)
        self.query_one("#run-elements", ElementBadges).show(exercise.elements)
        self.query_one("#run-exercise", Static).update(Content.styled(exercise.name, "bold"))
        self.query_one("#run-dose", Static).update(Content.assemble(("Dose: ", "dim"), view.dose.describe()))
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
        self.query_one("#run-steps", Static).update(Content(steps))
        safety = Content.assemble(("Take care: ", "bold"), " ".join(exercise.safety))
        self.query_one("#run-safety", Static).update(safety)
        if view.next_exercise is not None and view.next_dose is not None:
            coming = Content.assemble(
                ("Next: ", "dim"), (view.next_exercise.name, "bold"), f"  {view.next_dose.describe()}"
            )
        else:
            coming = Content.styled("Last exercise", "dim")
        self.query_one("#run-next", Static).update(coming)

    # -- the end -------------------------------------------------------------------------
    def after_the_routine(self) -> None:
        """The session is saved: "when to stop" if it hurt, then pain check and summary."""
        from .pain import PainCheckScreen
        from .safety import WhenToStopScreen
        from .summary import SummaryScreen

        session = self.session

        def to_summary(pain_after: int | None) -> None:
            error = session.set_pain_after(pain_after)  # on disk before anything else can happen
            if error:
                self.notify(error, title="Not saved yet", severity="warning", timeout=10, markup=False)
            self.app.switch_screen(SummaryScreen(session))

        def ask_pain(_: object = None) -> None:
            self.app.push_screen(PainCheckScreen(moment="after", routine_name=session.plan.routine.name), to_summary)

        if session.record().status == "stopped_for_pain":
            self.app.push_screen(WhenToStopScreen(saved=session.saved), ask_pain)
        else:
            ask_pain()

    # -- pausing while something covers the screen ----------------------------------------
    def on_screen_suspend(self) -> None:
        if self.session.running and not self.session.paused:
            self.session.pause()
            self._auto_paused = True

    def on_screen_resume(self) -> None:
        if self._auto_paused and self.session.running:
            self.session.resume()
        self._auto_paused = False
        if self.session.running:
            self.show(self.session.view())

    # -- keys ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.session.running:
            return action not in ("pause", "resume", "done") or None
        if action == "pause":
            return not self.session.paused
        if action == "resume":
            return self.session.paused
        if action == "done":
            return True if self.session.view().can_mark_done else None
        return True

    def action_pause(self) -> None:
        self._control(self.session.pause)

    def action_resume(self) -> None:
        self._control(self.session.resume)

    def action_next(self) -> None:
        self._control(self.session.next_exercise)

    def action_previous(self) -> None:
        self._control(self.session.previous_exercise)

    def action_restart(self) -> None:
        self._control(self.session.restart_exercise)

    def action_adjust(self, seconds: float) -> None:
        self._control(lambda: self.session.adjust(seconds))

    def action_done(self) -> None:
        self._control(self.session.mark_done)

    def action_mute(self) -> None:
        self.app.action_toggle_sound()

    def action_hurts(self) -> None:
        if self.session.running:
            self._control(lambda: self.session.stop("stopped_for_pain"))

    def action_stop(self) -> None:
        from .dialogs import ConfirmScreen

        if not self.session.running:
            return

        def answer(stop: bool | None) -> None:
            if stop and self.session.running:
                self._control(self.session.stop)

        self.app.push_screen(
            ConfirmScreen("Stop this session?", "What you have done so far is kept.", yes="Stop", no="Keep going"),
            answer,
        )

"""The guided run: one exercise at a time, a big countdown, a moving figure, every control on a key.

The screen shows the app's `GuidedSession` and forwards the keys to it; the session decides
when to save. The screen looks at the session when what it shows is next due to change (the
countdown's next second, the rep cue's next word, the figure's next picture: up to eight
times a second while the figure moves, once a second while it holds still) and sets the clock
panel's and the figure's reactives, which repaint only what changed, so a running routine
costs little CPU. While getting ready (and in the rest before), the screen shows the exercise to
come: its name, its figure in the start pose, the starting position and the first step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from ..domain.care import caution_notes
from ..domain.engine import Event, EventKind, Phase, SessionEngine, SessionView
from ..domain.poses import ExercisePoses, load_poses
from ..domain.rep_cue import next_change_in, rep_cue
from ..domain.session import GuidedSession
from ..widgets.clock_panel import ClockPanel
from ..widgets.element_badges import ElementBadges
from ..widgets.exercise_figure import ExerciseFigure
from ..widgets.routine_progress import RoutineProgress
from .run_texts import (
    clock_lines,
    coming_after,
    counter_text,
    dose_text,
    exercise_title,
    getting_ready_text,
    hint_text,
    safety_text,
    steps_text,
)

if TYPE_CHECKING:
    from ..app import BackcareApp

GETTING_READY = (Phase.GET_READY, Phase.REST_EXERCISE)
FIGURE_MIN_SIZE = (72, 22)  # below this many columns or rows the figure hides
SHORT_HEIGHT = 28  # below this many rows the screen drops its spacing

__all__ = ["RunScreen", "counter_text", "figures_in"]


@cache
def figures_in(folders: tuple[Path, ...]) -> Mapping[str, ExercisePoses]:
    """Every exercise's poses in the library folders, read once (about 20 ms)."""
    return load_poses(folders).figures


class RunScreen(Screen[None]):
    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    TITLE = "Exercise"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("enter", "done", "Done"),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Back", show=False),
        Binding("x", "hurts", "This hurts"),
        Binding("q,escape", "stop", "Stop"),
        Binding("r", "restart", "Restart", show=False),
        Binding("plus,equals_sign", "adjust(10)", "+10s", show=False),
        Binding("minus,underscore", "adjust(-10)", "-10s", show=False),
        Binding("m", "mute", "Mute", show=False),
        Binding("h", "history_later", "History (from the routines list)", show=False),
    ]

    # The exercise on show and whether the person is getting ready for it: repaints the texts.
    shown: reactive[tuple[int, bool]] = reactive((-1, False), init=False, repaint=False)
    paused: reactive[bool] = reactive(
        False, init=False, repaint=False, bindings=True
    )  # the Footer shows pause or resume
    can_mark_done: reactive[bool] = reactive(False, init=False, repaint=False, bindings=True)
    sound_on: reactive[bool] = reactive(True, init=False, repaint=False)

    def __init__(self, session: GuidedSession) -> None:
        super().__init__()
        self.session = session
        self._auto_paused = False
        self.timer: Timer | None = None
        self.figures: Mapping[str, ExercisePoses] = {}

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
            yield Static(id="run-sound")
            yield ElementBadges((), show_missing=False, id="run-elements")
        with Horizontal(id="run-title"):  # the dose beside the name: it shows at every size
            yield Static(id="run-exercise")
            yield Static(id="run-dose")
        with Horizontal(id="run-main"):
            with Vertical(id="run-left"):
                yield ClockPanel(id="run-clock")
                yield ExerciseFigure(id="run-figure")
            with VerticalScroll(id="run-info"):
                yield Static(id="run-position")  # only while getting ready
                yield Static(id="run-safety")  # before the steps: it must show on a small terminal
                yield Static(id="run-steps")
        yield Static(id="run-next")
        yield RoutineProgress(id="run-progress")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.clock_panel = self.query_one(ClockPanel)  # the widgets every tick touches
        self.figure = self.query_one(ExerciseFigure)
        self.progress = self.query_one(RoutineProgress)
        self.figures = figures_in(tuple(self.app.library.folders))
        self._fit_to(self.app.size.width, self.app.size.height)
        self.sound_on = self.app.sound
        self.watch_sound_on()
        self._control(self.session.start)
        self.app.show_history_notices()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_to(event.size.width, event.size.height)

    def _fit_to(self, width: int, height: int) -> None:
        """Hide the figure on a small terminal, and drop spacing on a short one."""
        no_figure = width < FIGURE_MIN_SIZE[0] or height < FIGURE_MIN_SIZE[1]
        self.set_class(no_figure, "-no-figure")
        self.set_class(width < FIGURE_MIN_SIZE[0], "-tight")  # not "-narrow": the app sets that below 100
        self.set_class(height < SHORT_HEIGHT, "-short")
        self.figure.display = not no_figure
        self._fit_left_column()

    def _fit_left_column(self) -> None:
        """The clock as wide as its texts; with the figure, a little wider on a wide screen."""
        width = self.clock_panel.styles.width.value if self.clock_panel.styles.width else 0
        if self.figure.display:
            width = max(width, min(46, int(self.app.size.width * 0.36)))
        self.query_one("#run-left").styles.width = int(width)

    # -- the loop ------------------------------------------------------------------------
    def tick(self) -> None:
        self.sound_on = self.app.sound
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
        getting_ready = view.phase in GETTING_READY
        coming = view.phase is Phase.REST_EXERCISE and view.next_exercise is not None
        self.shown = (view.index + 1 if coming else view.index, getting_ready)
        poses = self.figures.get(view.exercise.id)
        cue = rep_cue(view, poses)
        panel = self.clock_panel
        panel.phase = view.phase.value
        panel.paused = view.paused
        panel.label = view.label
        panel.remaining = view.phase_seconds if view.own_pace else view.remaining
        panel.cue = str(cue) if cue is not None else ""
        panel.counter = counter_text(view)
        panel.hint = hint_text(view)
        if self.figure.display:
            self.figure.show_view(view, self.figures)  # redraws only when its picture changes
        self.progress.percent = int(view.progress * 100)  # repaints only on change
        self.paused = view.paused
        self.can_mark_done = view.can_mark_done
        self._look_again_in(next_change_in(view, poses))

    def _look_again_in(self, seconds: float) -> None:
        """Tick once more when the picture next changes; a key in between shows at once."""
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(seconds, self.tick, name="run-tick")

    def watch_shown(self, shown: tuple[int, bool]) -> None:
        """What stays the same while one exercise is on show: painted once, scrolled to the top."""
        index, getting_ready = shown
        plan = self.session.plan
        item = plan.items[index]
        exercise = item.exercise
        routine = Content.assemble(
            (plan.routine.name, "bold"), (f"   exercise {index + 1} of {len(plan.items)}", "dim")
        )
        self.query_one("#run-routine", Static).update(routine)
        self.query_one("#run-elements", ElementBadges).show(exercise.elements)
        view = self.session.view()
        coming_next = index != view.index
        self.query_one("#run-exercise", Static).update(exercise_title(exercise, coming_next=coming_next))
        position = self.query_one("#run-position", Static)
        position.update(getting_ready_text(exercise) if getting_ready else Content())
        position.display = getting_ready
        self.query_one("#run-dose", Static).update(dose_text(item.dose))
        self.query_one("#run-safety", Static).update(safety_text(exercise.safety, caution_notes(exercise)))
        self.query_one("#run-steps", Static).update(steps_text(exercise.steps))
        self.query_one("#run-next", Static).update(coming_after(plan, index))
        self.query_one("#run-info", VerticalScroll).scroll_home(animate=False)
        poses = self.figures.get(exercise.id)
        self.clock_panel.fit(clock_lines(item.dose, poses))
        self._fit_left_column()

    def watch_sound_on(self) -> None:
        sound = (
            Content.styled("♪ sound on", "$text-muted")
            if self.sound_on
            else Content.styled("sound off", "$text-warning")
        )
        self.query_one("#run-sound", Static).update(sound)

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
            self.show(self.session.view())  # the screen behind the dialog says it is paused

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
            return self.session.view().can_mark_done  # shown only where it applies: own pace
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
        self.sound_on = self.app.sound

    def action_history_later(self) -> None:
        """The history opens from the routines list; here the key only says so."""
        self.notify("The history opens from the routines list, after the session.", timeout=3)

    def action_hurts(self) -> None:
        """Ask what to do: skip this exercise, its easier version from now on, or stop."""
        from .hurts_choice import HurtsChoice, HurtsChoiceScreen

        if not self.session.running:
            return
        exercise = self.session.view().exercise
        easier = self.app.library.exercises.get(exercise.easier) if exercise.easier else None
        session = self.session

        def chosen(choice: HurtsChoice | None) -> None:
            if not session.running:
                return
            if choice == "skip":
                self._control(session.skip_because_it_hurts)
            elif choice == "easier" and easier is not None:
                self._control(lambda: session.switch_to_easier(easier, easier.dose))
                if session.running:  # the same place in the routine, another exercise
                    self.watch_shown(self.shown)
            elif choice == "stop":
                self._control(lambda: session.stop("stopped_for_pain"))

        self.app.push_screen(HurtsChoiceScreen(exercise, easier), chosen)

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

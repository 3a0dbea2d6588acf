"""BackcareApp: wiring of library, history, clock and screens. Build it with `make_app()`."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from . import paths
from .domain import wording
from .domain.clock import Clock, MonotonicClock
from .domain.library import Library, load_library

if TYPE_CHECKING:  # imported when first used: the first screen is drawn without them
    from textual.command import Provider

    from .domain.checkin import CheckInLog
    from .domain.models import RoutinePlan
    from .domain.session import GuidedSession
    from .session_keeper import SessionKeeper
    from .settings import Settings

MIN_WIDTH, MIN_HEIGHT = 60, 20
START_WAIT_SECONDS = 1.0  # an exit asked for while the app starts waits at most this long


def _routine_commands() -> type[Provider]:  # imported when the palette opens
    from .routine_commands import RoutineCommands

    return RoutineCommands


TYPING_BLOCKS = frozenset({"safety", "guide", "history", "help"})
"""App actions bound to printable keys: while a text box has the focus, those keys type."""


class BackcareApp(App[int]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {_routine_commands}
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [  # noqa: RUF012 - Textual declares it an instance default
        (0, "-narrow"),
        (100, "-wide"),
    ]  # "-narrow": a narrower routine list
    MIN_WIDTH, MIN_HEIGHT = MIN_WIDTH, MIN_HEIGHT
    TITLE = "backcare-tui"
    SUB_TITLE = "gradual, progressive back care"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        # "This hurts" must work even while a dialog covers a running session.
        Binding("x", "hurts_under_dialog", "This hurts", priority=True, show=False),
        Binding("s", "safety", "Safety"),
        Binding("g", "guide", "Guide", show=False),  # shown on the routines screen; listed by ?
        Binding("h", "history", "History"),
        Binding("question_mark", "help", "Keys"),
    ]

    def __init__(
        self,
        *,
        library: Library,
        clock: Clock,
        today: Callable[[], date],
        store: SessionKeeper | None = None,
        db_path: Path | None = None,
        start_routine: str | None = None,
        checkins: CheckInLog | None = None,
    ) -> None:
        super().__init__()
        self.checkins = checkins  # where weekly check-ins are kept; None: not offered
        self.library = library
        self._store = store
        self._db_path = db_path
        self.clock = clock
        self.today = today
        self.start_routine = start_routine
        self.sound = True
        self._settings: Settings | None = None
        self.session: GuidedSession | None = None  # the guided session, from its start to its summary
        self.history_loaded = False  # the history and settings are read just after the first paint
        self._started = False

    @property
    def store(self) -> SessionKeeper:
        """The sessions file; the storage code is imported on first use, after the first paint."""
        if self._store is None:
            from .session_keeper import SessionKeeper

            self._store = SessionKeeper(self._db_path or paths.resolve_db_path())
        return self._store

    @property
    def settings(self) -> Settings:
        """The settings file, read on first use (just after the first paint)."""
        if self._settings is None:
            from .settings import Settings

            self._settings = Settings.load(paths.settings_path(), legacy=self.store)
        return self._settings

    # -- start and stop ------------------------------------------------------------------
    def on_load(self) -> None:
        self._install_signal_handlers()

    def get_default_screen(self) -> Screen:
        from .screens.routines import RoutinesScreen

        return RoutinesScreen()

    def on_mount(self) -> None:
        """The routines are drawn first; the history, settings and the rest come straight after."""
        self.call_after_refresh(self.after_first_paint)

    def after_first_paint(self) -> None:
        from .first_paint import load_after_first_paint

        load_after_first_paint(self)
        self._started = True
        self.cover_if_too_small(self.size)
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def show_history_notices(self) -> None:
        """Anything the history file needs the user to know (moved aside, read-only, ...)."""
        for notice in self.store.take_notices():
            self.notify(wording.printable(notice), title="History file", severity="warning", timeout=12, markup=False)

    def _install_signal_handlers(self) -> None:
        """Textual handles no SIGTERM or SIGHUP: save the running session and exit cleanly."""
        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.save_and_exit)
        except (NotImplementedError, RuntimeError, AttributeError):  # not on this platform
            pass

    def get_driver_class(self) -> type[Driver]:
        """On Linux and macOS, a driver that ends the app when the terminal goes away."""
        driver = super().get_driver_class()
        if sys.platform == "win32":
            return driver
        from textual.drivers.linux_driver import LinuxDriver

        from .terminal import TerminalDriver

        return TerminalDriver if driver is LinuxDriver else driver

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: save the session, keep the traceback in a file, say where.

        Textual's own handling still runs (it ends the app with exit code 1, and lets tests see
        the error); only its long traceback on the terminal becomes one line."""
        from .crash_log import crash_message, write_crash_log

        with contextlib.suppress(Exception):  # the error may have come from the session itself
            self.end_session()
        super()._handle_exception(error)
        try:
            log = write_crash_log(error)
        except OSError:
            return  # nowhere to write: Textual's traceback on the terminal is all there is
        self._exit_renderables[:] = [Text(crash_message(log))]

    def on_terminal_gone(self) -> None:
        """Nobody can see the app any more: save the session as stopped and exit."""
        self.save_and_exit()

    def save_and_exit(self, *, waited: float = 0.0) -> None:
        """SIGTERM, SIGHUP, the terminal gone, or a confirmed quit: save the session and exit."""
        if waited < START_WAIT_SECONDS and not (self._started and all(s.is_mounted for s in self.screen_stack)):
            # Exiting while a screen mounts removes its widgets under its feet: wait a moment.
            self.set_timer(0.05, lambda: self.save_and_exit(waited=waited + 0.05))
            return
        self.end_session()
        self.exit(0)

    def end_session(self) -> str | None:
        """Stop the session if it runs, save what is not saved yet, and let it go.

        Safe to call more than once. Answers with the error sentence of a failed save."""
        session, self.session = self.session, None
        return session.finish_error() if session is not None else None

    def on_unmount(self) -> None:
        self.end_session()  # any way out of the app, even one that skips quit and the signals
        self.store.flush()  # a last try for anything a failed save left in memory
        self.store.close()

    def remember_theme(self, theme: Theme) -> None:
        """Keep a theme chosen in the palette (the one restored at start is already kept)."""
        if self.settings.theme != theme.name:
            self.settings.change(theme=theme.name)

    # -- actions -------------------------------------------------------------------------
    async def action_quit(self) -> None:
        from .screens.dialogs import ConfirmScreen

        def answer(quit_now: bool | None) -> None:
            if quit_now:
                self.save_and_exit()

        if self.session is not None and self.session.running:
            detail = "The session so far is saved as stopped."
            self.push_screen(ConfirmScreen("Quit now?", detail, yes="Quit", no="Keep going"), answer)
            return
        error = self.store.flush()
        if error is None:
            self.exit(0)
            return
        count = self.store.unsaved_count
        detail = (
            f"{wording.count(count, 'session')} could not be saved to {self.store.path}, "
            f"and will be lost if you quit now. {error}"
        )
        self.push_screen(ConfirmScreen("Quit without saving?", detail, yes="Quit anyway", no="Stay"), answer)

    def action_safety(self) -> None:
        from .screens.safety import SafetyScreen

        if not isinstance(self.screen, SafetyScreen):
            self.push_screen(SafetyScreen(first_run=False))

    def action_guide(self) -> None:
        from .screens.guide import GuideScreen

        if not isinstance(self.screen, GuideScreen):
            self.push_screen(GuideScreen())

    def history_allowed(self) -> bool:
        """History opens from the routines screen only: not mid-session, mid-dialog or twice."""
        from .screens.routines import RoutinesScreen

        if isinstance(self.screen, RoutinesScreen):
            return True  # asked at every footer refresh, the first screen's too: help is not imported for it
        from .screens.help import HelpScreen

        return isinstance(self.screen, HelpScreen) and isinstance(self.screen.under, RoutinesScreen)

    def action_history(self) -> None:
        from .screens.help import HelpScreen
        from .screens.history import HistoryScreen

        if not self.history_allowed():
            return  # the palette too: a running session must not be deleted from under itself
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        if not any(isinstance(screen, HistoryScreen) for screen in self.screen_stack):
            self.push_screen(HistoryScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_sound(self) -> None:
        self.sound = not self.sound
        error = self.settings.change(sound=self.sound)
        if error:
            self.notify(wording.printable(error), severity="warning", markup=False)
        self.notify("Sound cues on" if self.sound else "Sound cues muted", timeout=3, markup=False)

    def offer_checkin(self) -> None:
        """The weekly check-in, when it is due and turned on."""
        from .screens.checkin import offer_checkin

        if self.checkins is not None:
            now = self.clock.wall()
            enabled = self.settings.weekly_checkin
            offer_checkin(
                self, self.checkins, self.today(), now, enabled, lambda: self.settings.change(weekly_checkin=False)
            )

    def action_toggle_checkin(self) -> None:
        on = not self.settings.weekly_checkin
        error = self.settings.change(weekly_checkin=on)
        if error:
            self.notify(error, title="Settings", severity="warning", timeout=8)
        self.notify("Weekly check-in on: asked once a week at start" if on else "Weekly check-in off", timeout=3)

    def cue(self) -> None:
        """A short terminal bell, unless muted."""
        if self.sound:
            self.bell()

    def begin_routine(self, routine_id: str) -> None:
        """Pain check, suggested dose changes (or the high-pain question), then the guided run."""
        from .start_flow import StartFlow

        self.end_session()  # a summary left open keeps its note
        StartFlow(self, routine_id).begin()

    def start_session(self, plan: RoutinePlan, pain_before: int | None) -> None:
        """The guided run of `plan` (the person's own doses), starting its countdown now."""
        from .domain.session import GuidedSession
        from .screens.run import RunScreen

        self.session = GuidedSession(
            plan, self.clock, save=self.store.save, release=self.store.release, pain_before=pain_before
        )
        self.store.claim(self.session.id)
        self.push_screen(RunScreen(self.session))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TYPING_BLOCKS and isinstance(self.focused, Input):
            return False  # its key types into the box: neither works nor is shown
        if action == "history" and not self.history_allowed():
            return None
        if action == "hurts_under_dialog":
            # Only over a running session, and never while text is being typed (the palette).
            typing = isinstance(self.focused, Input)
            return self.session_under_dialogs() and not typing
        return True

    def session_under_dialogs(self) -> bool:
        """A session runs and dialogs cover its screen (uncovered, its own `x` key answers)."""
        if self.session is None or not self.session.running:
            return False  # asked at every footer refresh: the run screen is not imported for it
        from .screens.run import RunScreen

        return not isinstance(self.screen, RunScreen)

    def action_hurts_under_dialog(self) -> None:
        from .screens.run import RunScreen

        if not self.session_under_dialogs():
            return
        while not isinstance(self.screen, RunScreen):
            self.pop_screen()
        self.screen.action_hurts()
        self.cover_if_too_small(self.size)  # the cover, if it was one, comes back on top

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own commands; none of Textual's defaults that do nothing useful here."""
        from .screens.routines import RoutinesScreen

        if isinstance(screen, RoutinesScreen):
            yield SystemCommand("History", "Past sessions, streak and pain trend", self.action_history)
            yield SystemCommand("Plan", "Your own doses, and what is suggested next", screen.action_plan)
        yield SystemCommand("Guide", "How to look after your back, and when to get checked", self.action_guide)
        yield SystemCommand("Safety advice", "When to stop and when to get help", self.action_safety)
        yield SystemCommand("Sound cues", "Turn the countdown bell on or off", self.action_toggle_sound)
        yield SystemCommand("Theme", "Change the colours (light and dark themes)", self.action_change_theme)
        yield SystemCommand(
            "Weekly check-in", "Turn the weekly activity check-in on or off", self.action_toggle_checkin
        )
        yield SystemCommand("Keys", "Every key of this screen", self.action_help)
        yield SystemCommand("Quit", "Quit backcare-tui", self.action_quit)

    # -- small terminals -----------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        # event.size, not self.size: the app records the new size after this handler runs
        self.cover_if_too_small(event.size)

    def cover_if_too_small(self, size: Size) -> None:
        """Show the "too small" cover while the terminal is too small, and only then."""
        if not self._started:
            return  # on_mount checks once the first screens are up
        from .screens.dialogs import TooSmallScreen

        too_small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        showing = any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif not too_small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        # a cover under a dialog goes when the dialog does (TooSmallScreen.on_screen_resume)


def make_app(
    *,
    db_path: Path | None = None,
    library: Library | None = None,
    clock: Clock | None = None,
    today: Callable[[], date] | None = None,
    start_routine: str | None = None,
    checkins: CheckInLog | None = None,
) -> BackcareApp:
    """Build the app for the command line, tests, snapshots and screenshots alike.

    Weekly check-ins are kept in the history file unless another `checkins` log is given."""
    from .history_checkins import HistoryCheckIns

    clock = clock or MonotonicClock()
    app = BackcareApp(
        library=library if library is not None else load_library(paths.library_folders()),
        db_path=db_path,
        clock=clock,
        today=today or (lambda: clock.wall().date()),
        start_routine=start_routine,
        checkins=checkins,
    )
    if checkins is None:
        app.checkins = HistoryCheckIns(lambda: app.store)
    return app

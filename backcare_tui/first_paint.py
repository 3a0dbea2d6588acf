"""What the app reads and says just after its first screen is drawn.

The routines are drawn before anything else is read: the history, the settings, what the
last start left behind and any library file that was left out come straight after, with the
dialogs they call for (safety advice on first use, the morning-after question, a check-in).
A second later the history screen's code is loaded, ready for the first `h`.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from .domain import wording

if TYPE_CHECKING:
    from .app import BackcareApp

PRELOAD_AFTER = 1.0  # seconds after the history is read


def preload_history_screens() -> None:
    """Load the history screen and its charts (with their plotting library) ahead of the
    first `h` and `c`, while the person reads the routines: it halves the first wait."""
    from .screens import history  # noqa: F401 - imported to be loaded, nothing used
    from .widgets import progress_charts  # noqa: F401


def load_after_first_paint(app: BackcareApp) -> None:
    """Read the history and settings, fill in the routines screen, say what needs saying."""
    from .screens.routines import RoutinesScreen
    from .screens.safety import SafetyScreen
    from .start_flow import ask_next_morning

    app.store.open()
    app.store.sessions()  # decoded once here, then kept while the file is unchanged
    gc.freeze()  # years of history are long-lived: keep them out of every later GC pass
    gc.enable()  # the command line pauses the collector until the first screen is up
    if app.settings.problem:
        app.notify(app.settings.problem, title="Settings", severity="warning", timeout=12, markup=False)
    app.sound = app.settings.sound
    theme = app.settings.theme
    if theme is not None and theme in app.available_themes:
        app.theme = theme
    app.history_loaded = True
    for screen in app.screen_stack:
        if isinstance(screen, RoutinesScreen):
            screen.refresh_history()
    app.show_history_notices()
    if app.store.recovered:
        count = len(app.store.recovered)
        app.notify(
            f"{wording.count(count, 'session')} interrupted last time "
            f"{'were' if count != 1 else 'was'} saved as stopped.",
            title="Recovered",
            timeout=8,
            markup=False,
        )
    for problem in app.library.problems:
        app.notify(
            wording.printable(f"{problem} (left out)"),
            title="Library file skipped",
            severity="warning",
            timeout=12,
            markup=False,
        )
    if app.start_routine is not None:
        app.begin_routine(app.start_routine)
    ask_next_morning(app)  # on top of the pain check: it is about the last session
    if not app.settings.safety_acknowledged:
        app.push_screen(SafetyScreen(first_run=True))
    elif app.start_routine is None:
        app.offer_checkin()
    app.set_timer(PRELOAD_AFTER, preload_history_screens)

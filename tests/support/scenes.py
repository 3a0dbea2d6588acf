"""Every screen of the app, set up the same way for snapshot tests and for screenshots/.

A scene is a name, a way to build the app (fixed clock, fixed dates, a temporary history
file) and the keys that bring the screen up. Local time is pinned to UTC by the callers so
the dates shown never depend on the machine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from backcare_tui import paths
from backcare_tui.app import BackcareApp, make_app
from backcare_tui.domain.clock import FIXED_START, FakeClock
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore
from tests.support.records import make_records

SIZE = (100, 32)


@dataclass(frozen=True)
class Scene:
    name: str
    keys: tuple[str, ...] = ()
    history: int = 0  # how many past sessions the history file holds
    acknowledged: bool = True  # first-run safety already read
    advance: float = 0.0  # seconds the clock moves after the keys
    then: tuple[str, ...] = ()  # keys pressed after the clock has moved
    size: tuple[int, int] = SIZE


SCENES = (
    Scene("safety", acknowledged=False),
    Scene("routines", history=12),
    Scene("filter", keys=("slash", "c", "h", "a", "i", "r"), history=12),
    Scene("pain-check", keys=("enter",), history=12),
    Scene("run", keys=("enter", "3"), advance=11.2, history=12),
    Scene("run-paused", keys=("enter", "3"), advance=14.6, history=12),
    Scene("this-hurts", keys=("enter", "3", "x"), advance=0, history=12),
    Scene("summary", keys=("enter", "4"), advance=160, then=("2",), history=12),
    Scene("history", keys=("h",), history=40),
    Scene("session-detail", keys=("h", "enter"), history=40),
    Scene("help", keys=("question_mark",), history=12),
    Scene("too-small", size=(56, 18)),
)

SMALL = (80, 24)
LIGHT = "textual-light"

SMALL_SCENES = (  # every screen but the run screen at 80x24, the smallest size in use
    Scene("routines", history=12, size=SMALL),
    Scene("routines-last", keys=("end",), history=12, size=SMALL),
    Scene("filter", keys=("slash", "c", "h", "a", "i", "r"), history=12, size=SMALL),
    Scene("pain-check", keys=("enter",), history=12, size=SMALL),
    Scene("pain-check-typing", keys=("enter", "tab"), history=12, size=SMALL),
    Scene("this-hurts", keys=("enter", "3", "x"), history=12, size=SMALL),
    Scene("pain-after-stopping", keys=("enter", "3", "x", "enter"), history=12, size=SMALL),
    Scene("quit-during-session", keys=("enter", "3", "ctrl+q"), history=12, size=SMALL),
    Scene("summary", keys=("enter", "4"), advance=150, then=("2",), history=12, size=SMALL),
    Scene("history", keys=("h",), history=40, size=SMALL),
    Scene("history-delete", keys=("h", "d"), history=40, size=SMALL),
    Scene("session-detail", keys=("h", "enter"), history=40, size=SMALL),
    Scene("help", keys=("question_mark",), history=12, size=SMALL),
    Scene("help-history", keys=("h", "question_mark"), history=12, size=SMALL),
    Scene("safety", acknowledged=False, size=SMALL),
    Scene("guide", keys=("g",), history=12, size=SMALL),
)
LIGHT_SCENES = (  # shown again in a light theme
    "routines",
    "pain-check",
    "summary",
    "history",
    "session-detail",
    "help",
    "guide",
)


def prepare_history(path: Path, count: int, acknowledged: bool) -> None:
    store = SessionStore.open(path)
    if acknowledged:
        Settings.load(paths.settings_path()).change(safety_acknowledged=True, weekly_checkin=False)
    start = FIXED_START - timedelta(days=count * 1.2 + 1)
    for record in make_records(count, exercises_per_session=5, seed=7, start=start):
        store.save_session(record)
    store.close()


def build(scene: Scene, folder: Path) -> tuple[BackcareApp, Callable[[Pilot], Awaitable[None]]]:
    """The app for a scene and the steps that bring its screen up."""
    db = folder / f"{scene.name}.json"
    prepare_history(db, scene.history, scene.acknowledged)
    clock = FakeClock()
    app = make_app(db_path=db, clock=clock, today=lambda: clock.wall().date())
    app.animation_level = "none"

    async def steps(pilot: Pilot) -> None:
        await pilot.pause()
        for key in scene.keys:
            await pilot.press(key)
            await pilot.pause()
        if scene.name == "run-paused":
            await pilot.press("space")
        if scene.advance:
            clock.advance(scene.advance)
            if hasattr(app.screen, "tick"):
                app.screen.tick()
        await pilot.pause()
        for key in scene.then:
            await pilot.press(key)
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    return app, steps

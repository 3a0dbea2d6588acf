"""Screens the shared scenes do not reach: dialogs that need a particular history, the weekly
check-in, the progress charts and the run screen at 80x24.

Each shot builds its app the way the snapshot tests do (their builders are imported, not
copied, wherever they can be), so a screenshot shows what a test checks.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from backcare_tui import paths
from backcare_tui.app import BackcareApp, make_app
from backcare_tui.domain.clock import FIXED_START, FakeClock
from backcare_tui.domain.library import load_library
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.settings import Settings
from tests.snapshots.test_care_screens import first_run_app
from tests.snapshots.test_checkin_screen import log
from tests.snapshots.test_progress_charts import build as charts_app
from tests.snapshots.test_progress_charts import steps as chart_steps
from tests.snapshots.test_run_screen import MOMENTS
from tests.support.programme import done_session, write_history
from tests.support.scenes import SIZE, SMALL, Scene, build

Steps = Callable[[Pilot[Any]], Awaitable[None]]
Maker = Callable[[Path], tuple[BackcareApp, Steps]]
ROUTINE = "core-and-glutes"  # a routine whose doses can build up


@dataclass(frozen=True)
class Shot:
    name: str
    size: tuple[int, int]
    make: Maker


def pressing(*keys: str) -> Steps:
    """Press the keys one by one, then take away any notification and the cursor's blink."""

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause()

    return steps


def scene(name: str, size: tuple[int, int] = SIZE, **fields: object) -> Maker:
    """One of the shared scenes, with keys of its own."""
    return lambda folder: build(Scene(name, size=size, **fields), folder)  # type: ignore[arg-type]


def app_with(folder: Path, sessions_ago: tuple[timedelta, ...], before: int, after: int) -> BackcareApp:
    """The app over a history of the routine done in full `sessions_ago`."""
    Settings.load(paths.settings_path()).change(safety_acknowledged=True, weekly_checkin=False)
    plan = load_library([paths.builtin_library_dir()]).plan(ROUTINE)
    db = write_history(
        folder / "history.json", [done_session(plan, FIXED_START - ago, before, after) for ago in sessions_ago]
    )
    clock = FakeClock()
    app = make_app(db_path=db, clock=clock, today=lambda: clock.wall().date())
    app.animation_level = "none"
    return app


def on_built_up_routine(*keys: str) -> Maker:
    """Comfortable twice this week at the routine's doses, which may now build up; the
    routine highlighted, then the keys."""

    def make(folder: Path) -> tuple[BackcareApp, Steps]:
        app = app_with(folder, (timedelta(days=3), timedelta(days=2)), 2, 2)
        then = pressing(*keys)

        async def steps(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            routines = app.screen
            assert isinstance(routines, RoutinesScreen)
            routines.query_one("#routine-list", OptionList).highlighted = next(
                index for index, plan in enumerate(routines.plans) if plan.routine.id == ROUTINE
            )
            await then(pilot)

        return app, steps

    return make


def morning_check(folder: Path) -> tuple[BackcareApp, Steps]:
    """A session yesterday evening with pain scores: the next morning asks how the back is."""
    return app_with(folder, (timedelta(hours=16),), 3, 4), pressing()


def checkin(kind: str, *keys: str) -> Maker:
    def make(folder: Path) -> tuple[BackcareApp, Steps]:
        Settings.load(paths.settings_path()).change(safety_acknowledged=True)
        clock = FakeClock()
        app = make_app(
            db_path=folder / "history.json",
            clock=clock,
            today=lambda: clock.wall().date(),
            checkins=log(kind, clock),
        )
        app.animation_level = "none"
        return app, pressing(*keys)

    return make


def guide(*keys: str) -> Maker:
    return lambda folder: (first_run_app(folder), pressing("enter", "g", *keys))


def charts(*keys: str) -> Maker:
    return lambda folder: (charts_app(folder, "sixty"), chart_steps(*keys))


def run_moment(moment: str) -> Maker:
    """The run screen at one of the moments its snapshot tests stop at."""
    routine, keys, seconds = MOMENTS[moment]

    def make(folder: Path) -> tuple[BackcareApp, Steps]:
        Settings.load(paths.settings_path()).change(safety_acknowledged=True)
        clock = FakeClock()
        app = make_app(db_path=folder / "history.json", clock=clock, start_routine=routine)
        app.animation_level = "none"

        async def bring_up(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            await pilot.press("3")  # the pain check
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            clock.advance(seconds)
            app.screen.tick()  # type: ignore[attr-defined]
            await pilot.pause()
            app.clear_notifications()
            await pilot.pause()

        return app, bring_up

    return make


SHOTS = (
    Shot("guide", SIZE, scene("guide", keys=("g",), history=12)),
    Shot("small-guide-when-to-get-checked", SMALL, guide(*("n",) * 9)),
    Shot("plan", SIZE, on_built_up_routine("p")),
    Shot("high-pain", SIZE, scene("high-pain", keys=("enter", "8"), history=12)),
    Shot("suggestions", SIZE, on_built_up_routine("enter", "2")),
    Shot("morning-check", SIZE, morning_check),
    Shot("stop", SIZE, scene("stop", keys=("enter", "3"), advance=11.2, then=("q",), history=12)),
    Shot("small-checkin-first", SMALL, checkin("first")),
    Shot("small-checkin-weekly", SMALL, checkin("weekly")),
    Shot("charts-pain", SIZE, charts()),
    Shot("small-charts-pain", SMALL, charts()),
    Shot("small-charts-minutes", SMALL, charts("right")),
    Shot("small-charts-active-days", SMALL, charts("right", "right")),
    Shot("small-run-reps", SMALL, run_moment("reps")),
    Shot("small-run-hold", SMALL, run_moment("hold")),
    Shot("small-run-timed", SMALL, run_moment("timed")),
    Shot("small-run-get-ready-new-position", SMALL, run_moment("get-ready-new-position")),
)

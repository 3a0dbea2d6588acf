"""Helpers for Pilot tests: reading the history file, driving fake time, starting a run."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from backcare_tui import paths
from backcare_tui.app import BackcareApp
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.models import SessionRecord
from backcare_tui.screens.run import RunScreen
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore

SIZE = (100, 32)
TODAY = date(2026, 1, 5)  # the FakeClock's start day

TINY_ROUTINE = "tiny-routine"
TINY_EXERCISES = ("tiny-hold", "tiny-reps", "tiny-timed")
TINY_SECONDS = 46  # get ready 2 + hold 5, relax 2, hold 5 + rest 3 + 2 + 3 reps x 4 s + rest 3 + 2 + 10
FIRST_EXERCISE_ENDS = 14  # get ready 2 + hold 5, relax 2, hold 5

OpenApp = Callable[..., contextlib.AbstractAsyncContextManager[tuple[BackcareApp, Pilot]]]


def acknowledge_safety(*, weekly_checkin: bool = False) -> None:
    """Record that the first-run safety advice was read, as the app would. The weekly
    check-in, offered at start once the advice is read, is off unless a test is about it."""
    Settings.load(paths.settings_path()).change(safety_acknowledged=True, weekly_checkin=weekly_checkin)


def stored_sessions(db_path: Path) -> list[SessionRecord]:
    """What the history file holds now, newest first, read by a separate store."""
    with SessionStore.open(db_path) as store:
        return store.sessions()


def stored_setting(key: str) -> Any:
    """A setting as the settings file holds it now."""
    return getattr(Settings.load(paths.settings_path()), key)


def save_sessions(db_path: Path, records: Iterable[SessionRecord]) -> None:
    with SessionStore.open(db_path) as store:
        for record in records:
            store.save_session(record)


def text_of(app: BackcareApp, selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    return str(app.screen.query_one(selector, Static).visual)


async def advance(pilot: Pilot, clock: FakeClock, seconds: float) -> None:
    """Move fake time on and let the run screen process it at once (no waiting for its timer)."""
    clock.advance(seconds)
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, RunScreen):
        screen.tick()
        await pilot.pause()


async def start_run(pilot: Pilot, routine_id: str, pain: str = "3") -> RunScreen:
    """Start `routine_id` as the routines screen would, answer the pain check, return the run."""
    app = pilot.app
    app.begin_routine(routine_id)
    await pilot.pause()
    await pilot.press(pain)
    await pilot.pause()
    if type(app.screen).__name__ == "HighPainScreen":  # pain of 7 or more: go ahead gently
        await pilot.press("g")
        await pilot.pause()
    assert isinstance(app.screen, RunScreen), app.screen
    return app.screen


def run_screen(app: BackcareApp) -> RunScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, RunScreen))

"""A terminal too small to lay out gets a cover; no key in any state crashes the app."""

from __future__ import annotations

import random

from backcare_tui.screens.dialogs import TooSmallScreen
from backcare_tui.screens.history import HistoryScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.safety import SafetyScreen, WhenToStopScreen
from tests.support.records import make_records
from tests.ui.helpers import SIZE, TINY_ROUTINE, advance, save_sessions, start_run

TINY = (50, 15)
# Every key the app binds anywhere, plus the ones widgets use. Ctrl+Q is left out: it exits.
SWEEP = (
    "space",
    "n",
    "right",
    "p",
    "left",
    "r",
    "plus",
    "minus",
    "enter",
    "m",
    "x",
    "q",
    "escape",
    "s",
    "h",
    "question_mark",
    "slash",
    "t",
    "0",
    "5",
    "9",
    "d",
    "delete",
    "y",
    "tab",
    "shift+tab",
    "up",
    "down",
    "home",
    "end",
    "pageup",
    "pagedown",
    "ctrl+end",
    "backspace",
    "a",
    "1",
)


def covers(app) -> int:
    return sum(isinstance(screen, TooSmallScreen) for screen in app.screen_stack)


async def test_tiny_terminal_shows_one_cover_until_resized(open_app):
    async with open_app(size=TINY) as (app, pilot):
        assert isinstance(app.screen, TooSmallScreen)
        assert covers(app) == 1
        assert "too small" in str(app.screen.query_one("#too-small").visual)
        await pilot.press("escape")
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(*SIZE)
        assert isinstance(app.screen, RoutinesScreen)
        assert covers(app) == 0


async def test_first_run_safety_stays_under_the_cover(open_app):
    async with open_app(size=TINY, acknowledged=False) as (app, pilot):
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(*SIZE)
        assert isinstance(app.screen, SafetyScreen) and app.screen.first_run


async def test_shrinking_mid_session_pauses_it(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.resize_terminal(*TINY)
        assert isinstance(app.screen, TooSmallScreen)
        assert run.engine.paused
        clock.advance(100)
        await pilot.resize_terminal(*SIZE)
        assert app.screen is run
        assert not run.engine.paused
        assert run.engine.view().index == 0


async def test_s_on_the_when_to_stop_advice_shows_the_warning_signs(open_app, tiny_library):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        await pilot.press("x", "q")  # this hurts: stop the session
        assert isinstance(app.screen, WhenToStopScreen)
        await pilot.press("s")  # the advice says "press s to see them"
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WhenToStopScreen)


async def sweep(pilot, keys=SWEEP) -> None:
    for key in keys:
        await pilot.press(key)
        assert pilot.app.is_running, key


async def test_every_key_on_the_tiny_cover_is_safe(open_app, tiny_library, clock):
    async with open_app(library=tiny_library, size=TINY) as (app, pilot):
        await sweep(pilot)
        assert isinstance(app.screen, TooSmallScreen)


async def test_random_keys_through_a_session_are_safe(open_app, tiny_library, clock):
    """Walk a session with random keys and clock jumps: it never crashes or exits."""
    rng = random.Random(7)
    seen: set[str] = set()
    async with open_app(library=tiny_library) as (app, pilot):
        for _ in range(2):
            if isinstance(app.screen, RoutinesScreen):
                await start_run(pilot, TINY_ROUTINE)
            for key in rng.choices(SWEEP, k=16):
                seen.add(type(app.screen).__name__)
                await pilot.press(key)
                assert app.is_running, key
                if rng.random() < 0.2:
                    await advance(pilot, clock, rng.choice((1, 5, 15)))
            await pilot.press("escape", "enter", "escape")  # back towards the routines
    assert {"RunScreen", "ConfirmScreen", "PainCheckScreen"} <= seen, seen


async def test_every_key_on_the_history_screens_is_safe(open_app, db_path):
    save_sessions(db_path, make_records(4, exercises_per_session=3))
    async with open_app() as (app, pilot):
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await sweep(
            pilot,
            (
                "down",
                "ctrl+end",
                "pageup",
                "home",
                "space",
                "x",
                "m",
                "question_mark",
                "escape",
                "s",
                "escape",
                "enter",
                "d",
                "q",
                "enter",
                "escape",
                "d",
                "n",
                "delete",
                "y",
            ),
        )
        assert isinstance(app.screen, HistoryScreen)
        await sweep(pilot, ("d", "y") * 3)  # down to none left
        assert app.screen.query_one("#history-empty").display
        await sweep(pilot, ("enter", "d", "delete", "up", "down", "h"))
        assert isinstance(app.screen, RoutinesScreen)

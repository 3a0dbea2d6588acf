"""First-run safety advice, and `s` showing it again from anywhere."""

from __future__ import annotations

from backcare_tui.screens.checkin import CheckInScreen
from backcare_tui.screens.history import HistoryScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.safety import SafetyScreen
from tests.ui.helpers import TINY_ROUTINE, run_screen, start_run, stored_setting


async def test_first_run_shows_safety_and_enter_is_remembered(open_app, db_path):
    async with open_app(acknowledged=False) as (app, pilot):
        assert isinstance(app.screen, SafetyScreen)
        assert app.screen.first_run
        assert "Before you start" in str(app.screen.query_one(".dialog-title").visual)

        await pilot.press("escape")  # must be read and acknowledged the first time
        assert isinstance(app.screen, SafetyScreen)
        assert stored_setting("safety_acknowledged") is False

        await pilot.press("enter")
        assert isinstance(app.screen, RoutinesScreen)
        assert stored_setting("safety_acknowledged") is True

    async with open_app(acknowledged=False) as (app, pilot):  # the next start skips it
        assert isinstance(app.screen, CheckInScreen)  # and offers the first weekly check-in
        assert not any(isinstance(screen, SafetyScreen) for screen in app.screen_stack)


async def test_s_shows_safety_from_routines_and_escape_closes_it(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("s")
        assert isinstance(app.screen, SafetyScreen)
        assert not app.screen.first_run
        assert str(app.screen.query_one(".dialog-title").visual) == "Safety advice"

        await pilot.press("s")  # already showing: not stacked twice
        assert sum(isinstance(screen, SafetyScreen) for screen in app.screen_stack) == 1

        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)

        await pilot.press("s", "enter")  # Enter closes it too
        assert isinstance(app.screen, RoutinesScreen)


async def test_s_shows_safety_from_history(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("s")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_s_mid_session_pauses_the_run_until_closed(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await pilot.press("s")
        assert isinstance(app.screen, SafetyScreen)
        assert run.engine.paused

        clock.advance(60)  # reading the advice does not use up the exercise
        await pilot.press("escape")
        assert app.screen is run_screen(app)
        assert not run.engine.paused
        assert run.engine.view().index == 0
        assert run.engine.record().paused_seconds == 60


async def test_an_unreadable_settings_file_is_reported_and_defaults_apply(open_app):
    from backcare_tui import paths

    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text("{not json")
    async with open_app(acknowledged=False) as (app, pilot):
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen) and app.sound
        assert any(str(paths.settings_path()) in notice.message for notice in app._notifications)

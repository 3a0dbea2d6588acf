"""App-wide keys: `?` help for the current screen, and Ctrl+Q; the chosen theme is kept."""

from __future__ import annotations

from textual.widgets import DataTable

from backcare_tui.screens.dialogs import ConfirmScreen
from backcare_tui.screens.help import HelpScreen
from backcare_tui.screens.routines import RoutinesScreen
from tests.ui.helpers import TINY_ROUTINE, advance, start_run, stored_sessions, stored_setting


def help_rows(app) -> dict[str, tuple[str, str]]:
    """What the help table lists: description -> (key, whether it applies now)."""
    table = app.screen.query_one("#keys", DataTable)
    return {str(row[1]): (str(row[0]), str(row[2])) for row in map(table.get_row_at, range(table.row_count))}


async def test_help_lists_the_routines_keys(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        assert rows["Filter"] == ("/", "yes")
        assert rows["History"] == ("h", "yes")
        assert rows["Safety"] == ("s", "yes")
        assert rows["Keys"] == ("?", "yes")
        assert "Pause" not in rows
        await pilot.press("question_mark")
        assert isinstance(app.screen, RoutinesScreen)


async def test_help_lists_the_run_keys_and_what_applies_now(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)  # holding: Enter (done) does not apply
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert run.engine.paused
        rows = help_rows(app)
        for description in ("Next", "Back", "Restart", "+10s", "-10s", "This hurts", "Stop", "Mute", "Safety"):
            assert rows[description][1] == "yes", description
        assert rows["Done"][1] == "not now"
        assert "Start" not in rows
        await pilot.press("escape")
        assert app.screen is run
        assert not run.engine.paused


async def test_ctrl_q_mid_session_asks_and_saves_as_stopped(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is run and run.is_running

        await pilot.press("ctrl+q")
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running

    [record] = stored_sessions(db_path)
    assert record.status == "stopped"
    assert record.exercises[0].status == "partial"


async def test_ctrl_q_on_routines_exits_at_once(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_a_chosen_theme_is_kept_and_restored(open_app, db_path):
    async with open_app() as (app, pilot):
        assert app.theme != "nord"
        app.theme = "nord"  # as the command palette does
        await pilot.pause()
    assert stored_setting("theme") == "nord"

    async with open_app() as (app, pilot):
        assert app.theme == "nord"

"""Every way out of the app keeps what was done: quitting on the summary, an exit that skips
the quit dialog, unsaved sessions at quit time, a cover left under a dialog, the terminal
going away and an unexpected error."""

from __future__ import annotations

import pytest

from backcare_tui.screens.dialogs import ConfirmScreen, TooSmallScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.summary import SummaryScreen
from backcare_tui.terminal import TerminalGone
from tests.ui.helpers import SIZE, TINY_ROUTINE, TINY_SECONDS, advance, start_run, stored_sessions
from tests.ui.test_storage_errors_flow import FailingSaves


async def test_pain_after_and_a_half_typed_note_survive_quitting_on_the_summary(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE, pain="4")
        await advance(pilot, clock, TINY_SECONDS)
        await pilot.press("2")
        assert isinstance(app.screen, SummaryScreen)
        [record] = stored_sessions(db_path)
        assert (record.status, record.pain_after) == ("completed", 2)  # saved before the summary shows
        await pilot.press(*"stiff")
        app.save_and_exit()  # what SIGTERM and SIGHUP do
        await pilot.pause()

    [record] = stored_sessions(db_path)
    assert (record.status, record.pain_before, record.pain_after, record.note) == ("completed", 4, 2, "stiff")


async def test_an_exit_that_skips_the_quit_dialog_still_saves_the_run(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 20)
        app.exit()
        await pilot.pause()

    [record] = stored_sessions(db_path)
    assert record.status == "stopped"
    assert [result.status for result in record.exercises] == ["done", "partial", "not_started"]


async def test_quitting_with_unsaved_sessions_asks_first(open_app, tiny_library, clock, db_path, monkeypatch):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        saves = FailingSaves(monkeypatch)
        await advance(pilot, clock, TINY_SECONDS)
        await pilot.press("escape", "enter")  # no pain score; save the summary (fails)
        assert isinstance(app.screen, RoutinesScreen)
        assert app.store.unsaved_count == 1

        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "could not be saved" in str(app.screen.detail)
        await pilot.press("n")
        assert app.is_running and isinstance(app.screen, RoutinesScreen)

        saves.failing = False
        await pilot.press("ctrl+q")  # saving works again: it goes through and quits
        await pilot.pause()
        assert not app.is_running

    [record] = stored_sessions(db_path)
    assert record.status == "completed"


async def test_a_cover_left_under_a_dialog_goes_once_the_dialog_does(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await pilot.resize_terminal(50, 15)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.resize_terminal(*SIZE)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is run
        assert not run.engine.paused


async def test_the_terminal_going_away_saves_the_run_as_stopped_and_exits(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 20)
        app.post_message(TerminalGone())  # what the driver says when input ends or fails
        await pilot.pause()
        assert not app.is_running
        assert app.session is None

    [record] = stored_sessions(db_path)
    assert record.status == "stopped"


async def test_an_unexpected_error_saves_the_run_and_writes_a_crash_log(
    open_app, tiny_library, clock, db_path, tmp_path, monkeypatch
):
    crashes = tmp_path / "crashes"
    monkeypatch.setenv("BACKCARE_TUI_CRASH_DIR", str(crashes))
    with pytest.raises(RuntimeError, match="planted bug"):  # Pilot hands the app's error on
        async with open_app(library=tiny_library) as (app, pilot):
            run = await start_run(pilot, TINY_ROUTINE)
            await advance(pilot, clock, 20)

            def broken() -> None:
                raise RuntimeError("planted bug")

            run.action_next = broken
            await pilot.press("n")
            await pilot.pause()

    assert app.return_code == 1
    [log] = list(crashes.iterdir())
    assert "RuntimeError: planted bug" in log.read_text()
    [record] = stored_sessions(db_path)
    assert record.status == "stopped"


async def test_quitting_a_run_asks_then_saves_it_once_as_stopped(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 20)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
        assert run.session.ended and app.session is None

    [record] = stored_sessions(db_path)
    assert record.status == "stopped"

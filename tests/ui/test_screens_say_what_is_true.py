"""Names and notes show literally, dialogs default to the safe answer, the running session
cannot be deleted, and the palette offers the app's own commands."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.widgets import Button, DataTable, OptionList

from backcare_tui.domain.library import Library, load_library
from backcare_tui.domain.models import replace
from backcare_tui.screens.dialogs import ConfirmScreen
from backcare_tui.screens.history import HistoryScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.session_detail import SessionDetailScreen
from tests.support.records import make_records
from tests.ui.helpers import TINY_ROUTINE, save_sessions, start_run, stored_sessions, text_of

BRACKETED = "Back [easy]"
NOTE = "[/]"


def bracketed_library(library_maker: Any) -> Library:
    folder = library_maker.folder("brackets")
    library_maker.exercise(folder, "held", name="Hold [b]not bold[/b]", dose={"kind": "hold", "hold": 5, "reps": 2})
    library_maker.routine(folder, "bracketed", ("held",), name=BRACKETED, elements=["stretch"])
    library = load_library([folder])
    assert not library.problems, library.problems
    return library


async def test_names_and_notes_with_brackets_show_literally(open_app, library_maker, db_path) -> None:
    [record] = make_records(1, exercises_per_session=1, seed=3)
    save_sessions(db_path, [replace(record, routine_name=BRACKETED, note=NOTE)])
    async with open_app(library=bracketed_library(library_maker)) as (app, pilot):
        assert text_of(app, "#detail-title") == BRACKETED
        assert "Hold [b]not bold[/b]" in text_of(app, "#detail-exercises")
        prompt = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        assert BRACKETED in str(prompt)

        await pilot.press("enter")
        assert isinstance(app.screen, PainCheckScreen)
        assert any(str(static.visual) == BRACKETED for static in app.screen.query("Static"))
        await pilot.press("escape")

        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        assert str(app.screen.query_one(DataTable).get_row_at(0)[1]) == BRACKETED
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetailScreen)
        shown = " ".join(str(static.visual) for static in app.screen.query("Static"))
        assert f"Note: {NOTE}" in shown and BRACKETED in shown
        await pilot.press("escape", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert BRACKETED in " ".join(str(static.visual) for static in app.screen.query("Static"))


async def test_confirm_dialogs_keep_things_on_enter(open_app, db_path) -> None:
    save_sessions(db_path, make_records(2, seed=5))
    async with open_app() as (app, pilot):
        await pilot.press("h", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.focused is app.screen.query_one("#no", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert len(stored_sessions(db_path)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(stored_sessions(db_path)) == 1


async def test_quit_during_a_session_goes_on_with_enter(open_app, tiny_library) -> None:
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.running
        assert app.is_running


async def test_the_running_session_cannot_be_deleted_even_through_the_palette(open_app, tiny_library, db_path) -> None:
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        app.action_history()  # what the palette's History command would call
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
        commands = [command.title for command in app.get_system_commands(run)]
        assert "History" not in commands
        history = HistoryScreen()
        await app.push_screen(history)  # even if it were open, its row is not deletable
        await pilot.pause()
        assert history.records[0].status == "in_progress"
        assert history.check_action("delete", ()) is None
        history.action_delete()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert [record.status for record in stored_sessions(db_path)] == ["in_progress"]


async def test_the_palette_offers_the_apps_commands_and_routines_by_name(open_app) -> None:
    async with open_app() as (app, pilot):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"History", "Guide", "Safety advice", "Sound cues", "Theme", "Keys", "Quit"} <= set(titles)
        assert not {"Screenshot", "Maximize", "Minimize"} & set(titles)
        assert titles.count("Keys") == 1
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"desk break")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        assert app.screen.routine_name == "Desk break"


async def test_typing_in_a_text_box_runs_no_app_key_and_no_hint_names_one(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("slash")
        shown = {active.binding.action for active in app.screen.active_bindings.values() if active.binding.show}
        assert not shown & {"safety", "history", "help", "guide", "care_filter", "start"}
        await pilot.press("s", "h", "g", "c")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
        assert app.screen.query_one("#filter").value == "shgc"

"""Text from files and people shows exactly as written, on every screen and in notifications.

A person's library names a routine "Back [easy]" and writes "[/]" and "[bold]x[/bold]" in its
description and steps: none of it is read as markup, none of it disappears, and "[/]" cannot
raise MarkupError. A file holding an escape character is rejected with its file and field,
left out of the app and reported in a notification that shows its path as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from backcare_tui.app import BackcareApp
from backcare_tui.domain.library import Library, load_library
from backcare_tui.screens.history import HistoryScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.session_detail import SessionDetailScreen
from backcare_tui.screens.summary import SummaryScreen
from tests.ui.helpers import advance, start_run, stored_sessions

ROUTINE = "odd-routine"
NAME = "Back [easy]"
DESCRIPTION = "Slow [/] and steady: [bold]x[/bold] marks the spot."
EXERCISE_NAME = "Knees [to] chest"
STEPS = ["Lie down [/] gently.", "[bold]x[/bold] hug your knees.", "Let go [red]slowly[/red]."]
SAFETY = ["Stop if it hurts [more]."]
NOTE = "Felt [loose] after [/] it"


@pytest.fixture
def odd_library(library_maker) -> tuple[Library, Path, Path]:
    """A routine whose texts look like markup, and an exercise file holding an escape character."""
    folder = library_maker.folder("odd [lib]")
    library_maker.exercise(
        folder,
        "odd-hold",
        name=EXERCISE_NAME,
        summary="[/]",
        steps=STEPS,
        safety=SAFETY,
        dose={"kind": "hold", "hold": 5, "reps": 1},
    )
    escaped = library_maker.exercise(folder, "escape-hold", summary="Looks \x1b[31mred\x1b[0m here")
    library_maker.routine(folder, ROUTINE, ("odd-hold",), name=NAME, description=DESCRIPTION, get_ready=2)
    return load_library([folder]), folder, escaped


def screen_text(app: BackcareApp) -> str:
    """Everything the current screen shows in its Statics, option lists and tables."""
    screen = app.screen
    parts = [str(static.visual) for static in screen.query(Static)]
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    for table in screen.query(DataTable):
        parts += [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
    return "\n".join(parts)


def test_check_library_rejects_the_escape_character_with_file_and_field(odd_library) -> None:
    library, _, escaped = odd_library

    [problem] = library.problems
    assert (problem.file, problem.location) == (escaped, "summary")
    assert "control character (U+001B)" in problem.message
    assert set(library.exercises) == {"odd-hold"}
    assert library.routines[ROUTINE].name == NAME


async def test_markup_like_text_shows_as_written_everywhere(open_app, odd_library, clock, db_path) -> None:
    library, _, escaped = odd_library
    async with open_app(library=library) as (app, pilot):
        # The left-out file is named in a notification, brackets in its path and all.
        messages = [notification.message for notification in app._notifications]
        [skipped] = [message for message in messages if "control character" in message]
        assert str(escaped) in skipped and "[lib]" in skipped and "\x1b" not in skipped

        assert isinstance(app.screen, RoutinesScreen)
        shown = screen_text(app)
        for text in (NAME, DESCRIPTION, f"1. {EXERCISE_NAME}"):
            assert text in shown

        await start_run(pilot, ROUTINE)
        shown = screen_text(app)
        for text in (NAME, EXERCISE_NAME, *STEPS, *SAFETY):
            assert text in shown, text

        await advance(pilot, clock, 60)  # get-ready (longer for a change of position), then the work
        await pilot.press("escape")  # no pain score after
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert NAME in screen_text(app)
        await pilot.press(*NOTE, "enter")
        assert isinstance(app.screen, RoutinesScreen)

        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        assert NAME in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetailScreen)
        shown = screen_text(app)
        assert NAME in shown and NOTE in shown and EXERCISE_NAME in shown

    [record] = stored_sessions(db_path)
    assert (record.routine_name, record.note) == (NAME, NOTE)


async def test_a_typed_note_keeps_no_escape_character(open_app, odd_library, clock, db_path) -> None:
    library, _, _ = odd_library
    async with open_app(library=library) as (app, pilot):
        await start_run(pilot, ROUTINE)
        await advance(pilot, clock, 60)  # get-ready (longer for a change of position), then the work
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        app.screen.session.set_note("bell\x07 and \x1b[2J clear")
        await pilot.press("enter")

    [record] = stored_sessions(db_path)
    assert record.note == "bell\N{REPLACEMENT CHARACTER} and \N{REPLACEMENT CHARACTER}[2J clear"


async def test_notifications_show_brackets_literally(open_app, monkeypatch) -> None:
    async with open_app() as (app, pilot):
        notice = "The file [/]odd[bold].json cannot be read."
        monkeypatch.setattr(app.store, "take_notices", lambda: [notice])
        app.show_history_notices()
        await pilot.pause()
        [notification] = [n for n in app._notifications if "[/]odd" in n.message]
        assert notification.message == notice
        assert notification.markup is False

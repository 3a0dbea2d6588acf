"""The summary after a session: counts, pain change, the note, and back to the routines."""

from __future__ import annotations

import pytest

from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.summary import SummaryScreen
from tests.ui.helpers import TINY_ROUTINE, TINY_SECONDS, advance, start_run, stored_sessions, text_of


async def finish_tiny_routine(pilot, clock, pain_before: str, pain_after: str) -> None:
    await start_run(pilot, TINY_ROUTINE, pain=pain_before)
    await advance(pilot, clock, TINY_SECONDS)
    await pilot.press(pain_after)
    assert isinstance(pilot.app.screen, SummaryScreen)


async def test_counts_done_partial_and_skipped(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await pilot.press("n")  # skip the hold before it starts
        await advance(pilot, clock, 6)  # 4 s into the reps
        await pilot.press("n")  # leave them part-done
        assert run.engine.view().index == 2
        await advance(pilot, clock, 12)  # the walk, to the end
        await pilot.press("escape")  # no pain score after
        assert isinstance(app.screen, SummaryScreen)
        counts = text_of(app, "#summary-counts")
        assert "1 done   1 part-done   1 skipped   0 not reached" in counts
        assert "skipped" in text_of(app, "#summary-status")
        assert "rate both before and after" in text_of(app, "#summary-pain")


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ("6", "3", "6 → 3: 3 points better, a meaningful change"),
        ("8", "7", "8 → 7: 1 point better, within normal variation"),
        ("2", "2", "2 → 2: no change"),
    ],
)
async def test_pain_change(open_app, tiny_library, clock, before, after, shown):
    async with open_app(library=tiny_library) as (app, pilot):
        await finish_tiny_routine(pilot, clock, before, after)
        assert text_of(app, "#summary-pain") == f"Pain: {shown}"


async def test_note_is_saved_with_the_session_and_enter_returns_to_routines(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await finish_tiny_routine(pilot, clock, "5", "3")
        await pilot.press(*"Looser after")
        await pilot.press("enter")
        assert isinstance(app.screen, RoutinesScreen)
        assert "done today" in text_of(app, "#detail-meta")
        assert "Streak 1 day" in text_of(app, "#status-line")

    [record] = stored_sessions(db_path)
    assert (record.status, record.pain_before, record.pain_after) == ("completed", 5, 3)
    assert record.note == "Looser after"


@pytest.mark.parametrize(
    ("before", "after", "advice"),
    [("4", "3", "add one or two reps"), ("2", "5", "ease back")],
)
async def test_advice_for_next_time_follows_the_pain_change(open_app, tiny_library, clock, before, after, advice):
    async with open_app(library=tiny_library) as (app, pilot):
        await finish_tiny_routine(pilot, clock, before, after)
        assert advice in text_of(app, "#summary-next")

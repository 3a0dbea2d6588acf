"""Strong or rising pain gets caution, never reassurance."""

from __future__ import annotations

from backcare_tui.domain.safety import EXPECT_SOME_SORENESS, WHEN_TO_STOP
from backcare_tui.screens.safety import WhenToStopScreen
from backcare_tui.screens.summary import SummaryScreen
from tests.ui.helpers import TINY_ROUTINE, TINY_SECONDS, advance, start_run, text_of
from tests.ui.test_storage_errors_flow import FailingSaves


def titles(app) -> list[str]:
    return [notice.title for notice in app._notifications]


async def test_strong_pain_before_starting_gets_a_caution(open_app, tiny_library):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE, pain="6")
        assert "Pain 6 out of 10" in titles(app)


async def test_mild_pain_before_starting_gets_none(open_app, tiny_library):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE, pain="3")
        assert not any(title.startswith("Pain") for title in titles(app))


async def summary_care(open_app, tiny_library, clock, before, after) -> str:
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE, pain=before)
        await advance(pilot, clock, TINY_SECONDS)
        await pilot.press(after)
        assert isinstance(app.screen, SummaryScreen)
        return text_of(app, "#summary-care")


async def test_the_summary_reassures_only_when_pain_is_mild_and_steady(open_app, tiny_library, clock):
    assert await summary_care(open_app, tiny_library, clock, "3", "3") == EXPECT_SOME_SORENESS
    for before, after in (("2", "5"), ("6", "7")):  # meaningfully worse; strong afterwards
        care = await summary_care(open_app, tiny_library, clock, before, after)
        # the note box has the focus, where `s` would type: the hint names a way that works
        assert care.startswith(WHEN_TO_STOP[1]) and "ctrl+p" in care.lower()
        assert "press s" not in care.lower()


async def test_the_this_hurts_advice_does_not_claim_a_failed_save(open_app, tiny_library, clock, monkeypatch):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        FailingSaves(monkeypatch)
        await advance(pilot, clock, 3)
        await pilot.press("x", "q")
        assert isinstance(app.screen, WhenToStopScreen)
        assert not app.screen.saved
        text = " ".join(str(static.visual) for static in app.screen.query("Static"))
        assert "kept in memory" in text and "is saved" not in text


async def test_this_hurts_works_while_a_dialog_covers_the_session(open_app, tiny_library, clock, db_path):
    from backcare_tui.screens.dialogs import ConfirmScreen
    from tests.ui.helpers import stored_sessions

    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("x", "q")
        assert isinstance(app.screen, WhenToStopScreen)
    [record] = stored_sessions(db_path)
    assert record.status == "stopped_for_pain"
    assert record.hurt_exercise == "tiny-hold"


async def test_x_is_an_ordinary_letter_when_no_session_runs(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("slash", "x")
        assert app.screen.query_one("#filter").value == "x"

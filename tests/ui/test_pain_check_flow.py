"""The 0-10 pain check: digit keys, `t` for 10, typing "10", Enter for no score, and Escape:
back to the routines before a session, skipping the score after one."""

from __future__ import annotations

import pytest

from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.run import RunScreen
from tests.ui.helpers import TINY_ROUTINE, stored_sessions


async def ask(pilot, *keys: str) -> list[int | None]:
    """Show a pain check, press `keys`, and return what it was dismissed with (if it was)."""
    answers: list[int | None] = []
    pilot.app.push_screen(PainCheckScreen(moment="after", routine_name="Test"), answers.append)
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()
    return answers


async def test_every_digit_and_t_answer_at_once(open_app):
    async with open_app() as (app, pilot):
        for score in range(10):
            assert await ask(pilot, str(score)) == [score]
        assert await ask(pilot, "t") == [10]
        assert not isinstance(app.screen, PainCheckScreen)


async def test_typed_10_after_tab_refusing_over_10_and_escape(open_app):
    async with open_app() as (app, pilot):
        assert await ask(pilot, "tab", "1", "0", "enter") == [10]

        assert await ask(pilot, "tab", "1", "1", "enter") == []  # over 10: refused
        assert isinstance(app.screen, PainCheckScreen)
        assert any("0 to 10" in notice.message for notice in app._notifications)
        await pilot.press("backspace", "enter")  # now "1"
        assert not isinstance(app.screen, PainCheckScreen)

        assert await ask(pilot, "escape") == [None]


@pytest.mark.parametrize(("keys", "pain_before"), [(("7", "g"), 7), (("enter",), None), (("tab", "enter"), None)])
async def test_pain_before_goes_into_the_session_record(open_app, tiny_library, db_path, keys, pain_before):
    async with open_app(library=tiny_library) as (app, pilot):
        app.begin_routine(TINY_ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        assert app.screen.moment == "before"
        await pilot.press(*keys)
        assert isinstance(app.screen, RunScreen)
        assert app.screen.session.pain_before == pain_before
        [record] = stored_sessions(db_path)  # the first checkpoint is saved at the start
        assert record.status == "in_progress"
        assert record.pain_before == pain_before


async def test_escape_before_a_session_goes_back_without_starting(open_app, tiny_library, db_path):
    from backcare_tui.screens.routines import RoutinesScreen

    async with open_app(library=tiny_library) as (app, pilot):
        app.begin_routine(TINY_ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
        assert app.session is None
        assert stored_sessions(db_path) == []


async def test_digits_type_into_the_box_and_their_hint_goes(open_app):
    async with open_app() as (app, pilot):
        await ask(pilot)
        shown = {active.binding.action for active in app.screen.active_bindings.values()}
        assert "choose(0)" in shown
        await pilot.press("tab")
        shown = {active.binding.action for active in app.screen.active_bindings.values()}
        assert "choose(0)" not in shown  # a digit now types into the box

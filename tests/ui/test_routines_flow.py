"""The routines screen: the list, the detail pane, and the `/` filter."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from backcare_tui.domain import wording
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.widgets.element_badges import ElementBadges
from tests.ui.helpers import text_of

NO_MATCH = "No routine matches that filter. Press Escape to clear it."


def listed_ids(app) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]


async def highlight(pilot, routine_id: str) -> None:
    option_list = pilot.app.screen.query_one(OptionList)
    option_list.highlighted = listed_ids(pilot.app).index(routine_id)
    await pilot.pause()


async def type_filter(pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await pilot.pause()


async def test_list_shows_every_routine_shortest_first(open_app, bundled_library):
    async with open_app() as (app, _pilot):
        assert isinstance(app.screen, RoutinesScreen)
        ids = listed_ids(app)
        assert sorted(ids) == sorted(bundled_library.routines)
        seconds = [bundled_library.plan(routine_id).estimated_seconds for routine_id in ids]
        assert seconds == sorted(seconds)
        assert "no sessions yet" in text_of(app, "#status-line")


async def test_detail_pane_shows_exercises_doses_minutes_and_elements(open_app, bundled_library):
    plan = bundled_library.plan("flare-up-gentle")
    async with open_app() as (app, pilot):
        await highlight(pilot, "flare-up-gentle")
        assert text_of(app, "#detail-title") == "Gentle flare-up set"
        meta = text_of(app, "#detail-meta")
        assert f"{wording.routine_length(plan.estimated_seconds)} with rests" in meta
        assert "3 exercises" in meta
        assert "not done yet" in meta
        exercises = text_of(app, "#detail-exercises")
        assert "1. Knee rolls  5 reps, 8 s each" in exercises
        assert "2. Pelvic tilt  5 reps, 5 s each" in exercises
        assert "3. Standing back bend  5 reps, 5 s each" in exercises
        badges = app.screen.query_one("#detail-elements", ElementBadges)
        assert badges.elements == ("mobilise", "strengthen")
        assert text_of(app, "#detail-elements").split() == ["Stretch", "Mobilise", "Strengthen"]  # stretch struck out

        await highlight(pilot, "desk-break")
        assert text_of(app, "#detail-title") == "Desk break"
        assert "chair" in text_of(app, "#detail-meta")


async def test_filter_by_name_element_and_equipment(open_app, bundled_library):
    strengthen = {plan.routine.id for plan in bundled_library.plans() if "strengthen" in plan.elements}
    chair = {plan.routine.id for plan in bundled_library.plans() if "chair" in plan.equipment}
    assert 0 < len(strengthen) < len(bundled_library.routines)
    assert "desk-break" in chair
    async with open_app() as (app, pilot):
        await type_filter(pilot, "desk")
        assert listed_ids(app) == ["desk-break"]
        assert text_of(app, "#detail-title") == "Desk break"

        await pilot.press("escape")
        await type_filter(pilot, "strengthen")
        assert set(listed_ids(app)) == strengthen

        await pilot.press("escape")
        await type_filter(pilot, "chair")
        assert set(listed_ids(app)) == chair


async def test_no_match_message_and_escape_clears(open_app, bundled_library):
    async with open_app() as (app, pilot):
        await type_filter(pilot, "zzzz")
        assert listed_ids(app) == []
        assert text_of(app, "#detail-title") == NO_MATCH
        assert text_of(app, "#detail-exercises") == ""

        await pilot.press("enter")  # nothing to start
        assert isinstance(app.screen, RoutinesScreen)

        await pilot.press("escape")
        filter_input = app.screen.query_one("#filter", Input)
        assert filter_input.value == ""
        assert not filter_input.display
        assert len(listed_ids(app)) == len(bundled_library.routines)
        assert app.focused is app.screen.query_one(OptionList)


async def test_enter_in_filter_returns_to_list_and_enter_starts(open_app):
    async with open_app() as (app, pilot):
        await type_filter(pilot, "flare")
        await pilot.press("enter")
        assert app.focused is app.screen.query_one(OptionList)
        await pilot.press("enter")
        assert isinstance(app.screen, PainCheckScreen)
        assert app.screen.routine_name == "Gentle flare-up set"

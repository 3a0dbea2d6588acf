"""The guide on `g`, the care filter on `c`, and the flare-up offer when pain has risen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import OptionList

from backcare_tui.domain.care import plan_fits
from backcare_tui.domain.models import SessionRecord
from backcare_tui.screens.guide import GuideScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.safety import SafetyScreen
from tests.ui.helpers import TODAY, save_sessions


def listed_ids(app) -> list[str]:
    option_list = app.screen.query_one("#routine-list", OptionList)
    return [option_list.get_option_at_index(index).id for index in range(option_list.option_count)]


def sessions_with_pain(*scores: int) -> list[SessionRecord]:
    """One completed session a day up to yesterday, with these pain-before scores, oldest first."""
    first = datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=UTC) - timedelta(days=len(scores))
    return [
        SessionRecord(
            id=f"s{index}",
            routine_id="nhs-daily",
            routine_name="Daily back set",
            started_at=first + timedelta(days=index),
            ended_at=first + timedelta(days=index, minutes=10),
            status="completed",
            active_seconds=300.0,
            pain_before=score,
            next_morning="same",  # answered, so the next-morning check does not come up
        )
        for index, score in enumerate(scores)
    ]


async def test_g_opens_the_guide_and_n_moves_through_its_sections(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("g")
        assert isinstance(app.screen, GuideScreen)
        contents = app.screen.query_one("#guide-contents", OptionList)
        assert contents.highlighted == 0

        await pilot.press("n", "n")
        assert contents.highlighted == 2
        await pilot.press("p")
        assert contents.highlighted == 1

        await pilot.press("s")  # the safety page from inside the guide
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, GuideScreen)

        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)


async def test_c_cycles_care_filters_and_leaves_out_routines_that_need_care(open_app, bundled_library):
    async with open_app() as (app, pilot):
        everything = listed_ids(app)

        await pilot.press("c")  # without floor work
        no_floor = listed_ids(app)
        assert "chair-and-standing" in no_floor and "desk-break" in no_floor
        assert "full-programme" not in no_floor
        assert all(plan_fits(bundled_library.plan(routine_id), "floor") for routine_id in no_floor)
        assert "floor" in str(app.screen.query_one("#routine-list").border_title)

        await pilot.press("c")  # without pregnancy cautions
        assert "nhs-daily" not in listed_ids(app)
        assert all(plan_fits(bundled_library.plan(routine_id), "pregnancy") for routine_id in listed_ids(app))

        await pilot.press("c", "c", "c")  # osteoporosis, spinal surgery, then back to everything
        assert listed_ids(app) == everything
        assert not app.screen.query_one("#routine-list").border_title


async def test_flare_up_routine_is_offered_when_pain_has_risen(open_app, db_path):
    save_sessions(db_path, sessions_with_pain(3, 3, 4, 3, 6))
    async with open_app() as (app, pilot):
        offer = app.screen.query_one("#flare-up-offer")
        assert "6 out of 10" in str(offer.visual) and "usual 3" in str(offer.visual)

        await pilot.press("f")
        assert isinstance(app.screen, PainCheckScreen)
        assert app.screen.routine_name == "Gentle flare-up set"


async def test_no_flare_up_offer_when_pain_is_steady(open_app, db_path):
    save_sessions(db_path, sessions_with_pain(3, 3, 4, 3, 4))
    async with open_app() as (app, pilot):
        assert not app.screen.query("#flare-up-offer")
        await pilot.press("f")  # does nothing
        assert isinstance(app.screen, RoutinesScreen)

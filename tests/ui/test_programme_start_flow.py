"""In the app: "this hurts" choices, the high-pain question and the next-morning check."""

from __future__ import annotations

from datetime import timedelta

from backcare_tui.domain.clock import FIXED_START
from backcare_tui.screens.high_pain import HighPainScreen
from backcare_tui.screens.hurts_choice import HurtsChoiceScreen
from backcare_tui.screens.morning_check import MorningCheckScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.run import RunScreen
from tests.support.programme import done_session, write_history
from tests.ui.helpers import advance, start_run, stored_sessions, text_of

ROUTINE = "core-and-glutes"


async def test_this_hurts_then_easier_switches_the_exercise_for_the_rest(open_app, clock, db_path):
    async with open_app() as (app, pilot):
        run = await start_run(pilot, ROUTINE, pain="2")
        await advance(pilot, clock, 8)
        await pilot.press("x")
        assert isinstance(app.screen, HurtsChoiceScreen)
        assert run.session.paused  # nothing runs while the question is open
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is run and not run.session.paused
        assert text_of(app, "#run-exercise") == "Pelvic tilt"
        assert run.session.view().index == 0
    [record] = stored_sessions(db_path)
    assert record.hurt_exercise == "glute-bridge"
    assert record.exercises[0].exercise_id == "pelvic-tilt"
    assert record.status == "stopped"  # closing the app stopped it, not the pain


async def test_this_hurts_then_skip_goes_on_to_the_next_exercise(open_app, clock, db_path):
    async with open_app() as (app, pilot):
        run = await start_run(pilot, ROUTINE, pain="2")
        await advance(pilot, clock, 8)
        await pilot.press("x", "n")
        await pilot.pause()
        assert app.screen is run and run.session.view().index == 1
    [record] = stored_sessions(db_path)
    assert (record.hurt_exercise, record.exercises[0].exercise_id) == ("glute-bridge", "glute-bridge")


async def test_this_hurts_then_carry_on_changes_nothing(open_app, clock, db_path):
    async with open_app() as (app, pilot):
        run = await start_run(pilot, ROUTINE, pain="2")
        await advance(pilot, clock, 8)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert app.screen is run and run.session.view().index == 0 and run.session.record().hurt_exercise is None


async def test_high_pain_asks_before_the_countdown_and_can_switch_to_the_flare_up_routine(open_app, db_path):
    async with open_app() as (app, pilot):
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, HighPainScreen)
        assert app.session is None  # no countdown yet
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.session.plan.routine.id == "flare-up-gentle"


async def test_high_pain_can_stop_for_today(open_app, db_path):
    async with open_app() as (app, pilot):
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("7", "q")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen) and app.session is None
    assert not db_path.exists() or stored_sessions(db_path) == []


async def test_going_ahead_gently_lowers_every_dose_for_this_session_only(open_app, db_path, bundled_library):
    async with open_app() as (app, pilot):
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("9", "g")
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen)
        usual = bundled_library.plan(ROUTINE).items
        assert run.session.plan.items[0].dose.work_seconds < usual[0].dose.work_seconds
    with_doses = app.store.programme()
    assert with_doses.doses == [] and with_doses.changes == []


async def test_pain_three_above_the_usual_score_also_asks(open_app, db_path, bundled_library):
    plan = bundled_library.plan(ROUTINE)
    write_history(db_path, [done_session(plan, FIXED_START - timedelta(days=d), 1, 1) for d in (5, 4, 3)])
    async with open_app() as (app, pilot):
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, HighPainScreen)


async def test_the_next_morning_check_is_asked_once(open_app, db_path, bundled_library):
    plan = bundled_library.plan(ROUTINE)
    yesterday = done_session(plan, FIXED_START - timedelta(hours=16), 3, 4)
    write_history(db_path, [yesterday])
    async with open_app() as (app, pilot):
        assert isinstance(app.screen, MorningCheckScreen)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
    assert stored_sessions(db_path)[0].next_morning == "worse"
    async with open_app() as (app, _pilot):
        assert isinstance(app.screen, RoutinesScreen)


async def test_the_next_morning_check_can_be_skipped_and_is_not_asked_again(open_app, db_path, bundled_library):
    plan = bundled_library.plan(ROUTINE)
    write_history(db_path, [done_session(plan, FIXED_START - timedelta(hours=20), 3, 3)])
    async with open_app() as (app, pilot):
        await pilot.press("escape")
        await pilot.pause()
    assert stored_sessions(db_path)[0].next_morning == "skipped"
    async with open_app() as (app, _pilot):
        assert isinstance(app.screen, RoutinesScreen)


async def test_no_next_morning_check_too_soon_too_late_or_without_pain_scores(open_app, db_path, bundled_library):
    plan = bundled_library.plan(ROUTINE)
    for session in (
        done_session(plan, FIXED_START - timedelta(hours=5), 3, 3),
        done_session(plan, FIXED_START - timedelta(hours=40), 3, 3),
        done_session(plan, FIXED_START - timedelta(hours=20), None, None),
    ):
        db_path.unlink(missing_ok=True)
        write_history(db_path, [session])
        async with open_app() as (app, _pilot):
            assert isinstance(app.screen, RoutinesScreen)

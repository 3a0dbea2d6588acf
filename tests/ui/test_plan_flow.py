"""The plan screen: personal doses beside the routine's, and changes made only by hand."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from backcare_tui.domain.clock import FIXED_START
from backcare_tui.screens.dialogs import ConfirmScreen
from backcare_tui.screens.plan import PlanScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.storage import SessionStore
from tests.support.programme import done_session, write_history
from tests.ui.helpers import text_of

ROUTINE = "core-and-glutes"


def _stored(db_path):
    with SessionStore.open(db_path) as store:
        return store.doses(), store.dose_changes()


async def _open_plan(app, pilot, routine_id: str = ROUTINE) -> PlanScreen:
    routines = app.screen
    assert isinstance(routines, RoutinesScreen)
    routines.query_one("#routine-list").highlighted = next(
        i for i, plan in enumerate(routines.plans) if plan.routine.id == routine_id
    )
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PlanScreen)
    return app.screen


def _row(screen: PlanScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(cell) for cell in table.get_row_at(table.cursor_row)]


async def test_the_routines_footer_shows_the_plan_key_and_opens_on_that_routine(open_app):
    async with open_app() as (app, pilot):
        assert any(b.key == "p" and b.description == "Plan" for b in app.screen.BINDINGS)  # type: ignore[union-attr]
        screen = await _open_plan(app, pilot)
        assert _row(screen)[:4] == ["Core and glutes for beginners", "Glute bridge", "10 reps", "10 reps"]
        assert "Routine's dose: Glute bridge, 10 reps" in text_of(app, "#plan-detail")
        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)


async def test_stepping_up_by_hand_stores_the_dose_and_its_log_entry(open_app, db_path):
    async with open_app() as (app, pilot):
        screen = await _open_plan(app, pilot)
        await pilot.press("plus")
        await pilot.pause()
        assert _row(screen)[2:4] == ["12 reps", "10 reps"]
        assert "stepped up by hand" in _row(screen)[5]
        assert "Last change:" in text_of(app, "#plan-detail")
    [dose], [change] = _stored(db_path)
    assert (dose.exercise_id, dose.dose.reps) == ("glute-bridge", 12)  # type: ignore[union-attr]
    assert (change.reason, change.from_dose.reps, change.to_dose.reps) == ("by_hand_up", 10, 12)
    assert change.at == FIXED_START


async def test_below_the_routines_dose_only_the_easier_version_remains(open_app, db_path):
    async with open_app() as (app, pilot):
        screen = await _open_plan(app, pilot)
        await pilot.press("minus")
        await pilot.pause()
        assert _row(screen)[1] == "Pelvic tilt"
    [dose], [change] = _stored(db_path)
    assert (dose.current_exercise, change.reason) == ("pelvic-tilt", "by_hand_down")


async def test_reset_asks_first_and_is_logged(open_app, db_path):
    async with open_app() as (app, pilot):
        screen = await _open_plan(app, pilot)
        await pilot.press("plus", "plus")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert _row(screen)[2] == "14 reps"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert _row(screen)[2] == "10 reps"
    doses, changes = _stored(db_path)
    assert [c.reason for c in changes] == ["by_hand_up", "by_hand_up", "reset"]
    assert doses[0].dose.reps == 10  # type: ignore[union-attr]


async def test_accepting_a_suggestion_from_the_plan(open_app, db_path, bundled_library):
    plan = bundled_library.plan(ROUTINE)
    sessions = [done_session(plan, FIXED_START - timedelta(days=days), 2, 2) for days in (3, 2)]
    write_history(db_path, sessions)
    async with open_app() as (app, pilot):
        screen = await _open_plan(app, pilot)
        assert _row(screen)[4] == "build up: 12 reps"
        assert "comfortable twice this week" in text_of(app, "#plan-detail")
        await pilot.press("a")
        await pilot.pause()
        assert _row(screen)[2] == "12 reps" and "built up" in _row(screen)[5]
    [dose], [change] = _stored(db_path)
    assert dose.dose.reps == 12  # type: ignore[union-attr]
    assert change.reason == "build_up" and change.why == "Comfortable twice this week."

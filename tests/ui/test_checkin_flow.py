"""The weekly check-in at start: naming activities once, scoring them, skipping, turning it off."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from textual.widgets import Button, Input

from backcare_tui import paths
from backcare_tui.app import make_app
from backcare_tui.domain.checkin import ActivityScore, CheckIn, MemoryCheckIns
from backcare_tui.domain.clock import FakeClock
from backcare_tui.screens.checkin import CheckInScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore
from tests.ui.helpers import SIZE, acknowledge_safety, text_of


@contextlib.asynccontextmanager
async def started(db_path, library, log, clock=None, size=SIZE):
    if not paths.settings_path().exists():  # a later start keeps what the person chose
        acknowledge_safety(weekly_checkin=True)
    clock = clock or FakeClock()
    app = make_app(db_path=db_path, library=library, clock=clock, today=lambda: clock.wall().date(), checkins=log)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


async def press_button(pilot, selector: str) -> None:
    """Press a dialog button (not a click: a notice may be shown over it)."""
    pilot.app.screen.query_one(selector, Button).press()
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector, Input).value = text
    await pilot.pause()


async def test_first_check_in_names_activities_then_scores_them(db_path, bundled_library):
    log = MemoryCheckIns()
    async with started(db_path, bundled_library, log, size=(80, 24)) as (app, pilot):
        assert isinstance(app.screen, CheckInScreen)
        await type_into(pilot, "#name-0", "putting on socks")
        await type_into(pilot, "#score-0", "4")
        await type_into(pilot, "#name-1", "walking [20] minutes")
        await type_into(pilot, "#score-1", "6")
        await type_into(pilot, "#relief", "3")
        await press_button(pilot, "#save")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
    [saved] = log.checkins()
    assert saved.activities == ("putting on socks", "walking [20] minutes")
    assert [item.score for item in saved.scores] == [4, 6]
    assert saved.pain_relief_days == 3 and saved.average == 5


async def test_later_check_ins_ask_only_for_scores_and_once_a_week(db_path, bundled_library):
    clock = FakeClock()
    earlier = CheckIn(
        at=clock.wall() - timedelta(days=7),
        scores=(ActivityScore(activity="lifting [my] child", score=2),),
        pain_relief_days=4,
    )
    log = MemoryCheckIns([earlier])
    async with started(db_path, bundled_library, log, clock) as (app, pilot):
        assert isinstance(app.screen, CheckInScreen)
        assert not app.screen.query("#name-0")
        assert "lifting [my] child" in text_of(app, ".checkin-label")
        await type_into(pilot, "#score-0", "5")
        await pilot.press("enter")
        await pilot.pause()
    assert [c.average for c in log.checkins()] == [2, 5]
    async with started(db_path, bundled_library, log, clock) as (app, pilot):
        assert isinstance(app.screen, RoutinesScreen)  # answered this week: not asked again


async def test_a_score_out_of_range_is_explained(db_path, bundled_library):
    log = MemoryCheckIns()
    async with started(db_path, bundled_library, log) as (app, pilot):
        await type_into(pilot, "#name-0", "socks")
        await type_into(pilot, "#score-0", "12")
        await press_button(pilot, "#save")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "from 0 to 10" in text_of(app, "#checkin-error")
        await press_button(pilot, "#save")  # nothing named and scored at all
        await type_into(pilot, "#name-0", "")
        await type_into(pilot, "#score-0", "")
        await press_button(pilot, "#save")
        await pilot.pause()
        assert "at least one activity" in text_of(app, "#checkin-error")
    assert log.checkins() == []


async def test_skip_counts_as_this_weeks_check_in(db_path, bundled_library):
    log = MemoryCheckIns()
    async with started(db_path, bundled_library, log) as (app, pilot):
        await press_button(pilot, "#skip")
        await pilot.pause()
    assert [c.skipped for c in log.checkins()] == [True]
    async with started(db_path, bundled_library, log) as (app, pilot):
        assert isinstance(app.screen, RoutinesScreen)


async def test_not_now_asks_again_next_start(db_path, bundled_library):
    log = MemoryCheckIns()
    async with started(db_path, bundled_library, log) as (app, pilot):
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
    assert log.checkins() == []
    async with started(db_path, bundled_library, log) as (app, pilot):
        assert isinstance(app.screen, CheckInScreen)


async def test_turned_off_it_is_not_asked_and_the_palette_turns_it_on(db_path, bundled_library):
    log = MemoryCheckIns()
    async with started(db_path, bundled_library, log) as (app, pilot):
        await press_button(pilot, "#turn-off")
        await pilot.pause()
    assert not Settings.load(paths.settings_path()).weekly_checkin
    clock = FakeClock()
    clock.set_wall(clock.wall() + timedelta(days=30))
    async with started(db_path, bundled_library, log, clock) as (app, pilot):
        assert isinstance(app.screen, RoutinesScreen)
        app.action_toggle_checkin()
    assert Settings.load(paths.settings_path()).weekly_checkin


async def test_by_default_it_is_kept_in_the_history_file(db_path, bundled_library):
    clock = FakeClock()
    async with started(db_path, bundled_library, None, clock) as (app, pilot):
        assert isinstance(app.screen, CheckInScreen)
        await type_into(pilot, "#name-0", "putting on socks")
        await type_into(pilot, "#score-0", "4")
        await press_button(pilot, "#save")
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
    with SessionStore.open(db_path) as store:
        [saved] = store.checkins()
    assert saved.activities == ("putting on socks",) and saved.average == 4
    async with started(db_path, bundled_library, None, clock) as (app, pilot):
        assert isinstance(app.screen, RoutinesScreen)  # answered this week, as the file says
        assert app.checkins is not None and app.checkins.checkins() == [saved]

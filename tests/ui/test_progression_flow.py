"""The programme end to end, a day at a time: the app is opened each day on a fake clock.

Someone who does a routine comfortably on two different days is offered a one-step build-up
the next time, accepts it and runs the new dose; someone whose session ends at pain 7 is
never told to build up.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from backcare_tui.app import BackcareApp, make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.library import Library
from backcare_tui.domain.models import RepsDose
from backcare_tui.screens.morning_check import MorningCheckScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.run import RunScreen
from backcare_tui.screens.suggestions import SuggestionsScreen
from backcare_tui.screens.summary import SummaryScreen
from backcare_tui.storage import SessionStore
from tests.ui.helpers import SIZE, acknowledge_safety, advance, text_of

ROUTINE = "core-and-glutes"


@contextlib.asynccontextmanager
async def day(db_path: Path, clock: FakeClock, library: Library) -> AsyncIterator[tuple[BackcareApp, Pilot]]:
    """The app as opened on the clock's day."""
    acknowledge_safety()
    app = make_app(db_path=db_path, library=library, clock=clock, today=lambda: clock.wall().date())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield app, pilot


async def answer_the_morning(app: BackcareApp, pilot: Pilot, key: str = "m") -> None:
    assert isinstance(app.screen, MorningCheckScreen)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, RoutinesScreen)


async def do_the_routine(
    app: BackcareApp, pilot: Pilot, clock: FakeClock, before: str, after: str, offer_key: str = "k"
) -> RunScreen:
    """Start the routine from the pain check and let the fake clock run it to the end; any
    suggested changes are answered with `offer_key`."""
    assert isinstance(app.screen, PainCheckScreen)
    await pilot.press(before)
    await pilot.pause()
    if isinstance(app.screen, SuggestionsScreen):
        await pilot.press(offer_key)
        await pilot.pause()
    run = app.screen
    assert isinstance(run, RunScreen)
    await advance(pilot, clock, 60 * 60)
    assert isinstance(app.screen, PainCheckScreen) and app.screen.moment == "after"
    await pilot.press(after)
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    return run


def next_day(clock: FakeClock) -> None:
    clock.set_wall(clock.wall().replace(hour=9, minute=0, second=0) + timedelta(days=1))


def bridge_doses(db_path: Path) -> list[int]:
    """The glute bridge's reps in each stored session, oldest first."""
    with SessionStore.open(db_path) as store:
        sessions = store.sessions()[::-1]
    return [
        result.dose.reps
        for record in sessions
        for result in record.exercises
        if result.exercise_id == "glute-bridge" and isinstance(result.dose, RepsDose)
    ]


async def test_comfortable_twice_offers_one_step_which_is_accepted_and_run(db_path, clock, bundled_library):
    async with day(db_path, clock, bundled_library) as (app, pilot):
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await do_the_routine(app, pilot, clock, "2", "2")
        assert "Same doses next time" in text_of(app, "#summary-next")
        await pilot.press("enter")

    next_day(clock)
    async with day(db_path, clock, bundled_library) as (app, pilot):
        await answer_the_morning(app, pilot, "m")  # about the same
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await do_the_routine(app, pilot, clock, "2", "2")
        summary = text_of(app, "#summary-next")
        assert "Glute bridge: 10 reps → 12 reps: comfortable twice this week." in summary
        await pilot.press("enter")
        await pilot.pause()
        assert "build-ups suggested" in str(app.screen.query_one("#routine-list").get_option(ROUTINE).prompt)

    next_day(clock)
    async with day(db_path, clock, bundled_library) as (app, pilot):
        await answer_the_morning(app, pilot, "b")  # better
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("2")  # pain before
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, SuggestionsScreen)
        assert "Glute bridge: 10 reps → 12 reps: comfortable twice this week." in offer.lines
        assert all("→" in line for line in offer.lines)  # one step each, nothing else
        await pilot.press("a")  # accept all
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen)
        bridge = next(item for item in run.session.plan.items if item.exercise.id == "glute-bridge")
        assert bridge.dose.reps == 12  # type: ignore[union-attr]
        await advance(pilot, clock, 60 * 60)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")

    assert bridge_doses(db_path) == [10, 10, 12]
    with SessionStore.open(db_path) as store:
        [morning_1, morning_2, _] = [r.next_morning for r in store.sessions()[::-1]]
        assert (morning_1, morning_2) == ("same", "better")
        changes = store.dose_changes()
    assert {c.reason for c in changes} == {"build_up"} and all(c.why.startswith("Comfortable twice") for c in changes)


async def test_a_session_ending_at_pain_seven_is_never_followed_by_a_build_up(db_path, clock, bundled_library):
    for before, after in (("2", "2"), ("2", "2"), ("3", "7")):
        async with day(db_path, clock, bundled_library) as (app, pilot):
            if isinstance(app.screen, MorningCheckScreen):
                await answer_the_morning(app, pilot, "m")
            app.begin_routine(ROUTINE)
            await pilot.pause()
            await do_the_routine(app, pilot, clock, before, after, offer_key="k")  # keep as is
            summary = text_of(app, "#summary-next")
            await pilot.press("enter")
        next_day(clock)
    assert "build" not in summary.lower().replace("build up again slowly", "")
    assert "ease back" in summary.lower() or "→" in summary

    async with day(db_path, clock, bundled_library) as (app, pilot):
        await answer_the_morning(app, pilot, "m")
        app.begin_routine(ROUTINE)
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, SuggestionsScreen)
        plan = app.store.plan(bundled_library, app.today(), [ROUTINE])
        assert plan.pending(ROUTINE) and all(s.action == "ease_back" for s in plan.pending(ROUTINE))
        await pilot.press("escape")  # back: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, RoutinesScreen)
    with SessionStore.open(db_path) as store:
        assert store.dose_changes() == []
        assert len(store.keep_decisions()) > 0  # the "keep as is" on the third day

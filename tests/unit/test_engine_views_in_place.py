"""What the screen is told as a session runs: progress through the routine's planned time,
and the side of a per-side hold during each hold and each release."""

from __future__ import annotations

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Phase, SessionEngine
from backcare_tui.domain.models import Dose
from tests.support.plans import hold, make_plan, reps, timed


def started(*doses: Dose, get_ready: int = 2, rest_between: int = 3) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, get_ready=get_ready, rest_between=rest_between), clock)
    engine.start()
    return engine, clock


@pytest.mark.parametrize(("seconds", "progress"), [(0, 0.0), (1, 0.04), (6, 0.24), (14, 0.56), (20, 0.8)])
def test_progress_is_the_share_of_the_routine_planned_time_gone(seconds: float, progress: float) -> None:
    # get ready 2, work 10, rest 3, get ready 2, work 8: 25 s planned
    engine, clock = started(timed(10), timed(8))
    clock.advance(seconds)
    engine.tick()
    assert engine.view().progress == pytest.approx(progress)


def test_a_per_side_hold_names_its_side_in_every_hold_and_release() -> None:
    # left: hold 2, release 1, hold 2; rest 1; right: the same
    engine, clock = started(hold(2, reps=2, relax=1, per_side=True, rest=1), get_ready=0)
    seen = []
    for _ in range(11):
        view = engine.view()
        seen.append((view.phase, view.rep, view.side))
        clock.advance(1)
        engine.tick()
    assert seen == [
        (Phase.WORK, 1, "left"),
        (Phase.WORK, 1, "left"),
        (Phase.RELAX, 2, "left"),
        (Phase.WORK, 2, "left"),
        (Phase.WORK, 2, "left"),
        (Phase.REST, 1, "right"),
        (Phase.WORK, 1, "right"),
        (Phase.WORK, 1, "right"),
        (Phase.RELAX, 2, "right"),
        (Phase.WORK, 2, "right"),
        (Phase.WORK, 2, "right"),
    ]
    assert engine.finished


def test_the_view_names_the_exercise_after_the_current_one() -> None:
    engine, _ = started(timed(10), hold(5), timed(20), timed(30))
    named = []
    for _ in range(4):
        view = engine.view()
        named.append(None if view.next_exercise is None else view.next_exercise.id)
        engine.next_exercise()
    assert named == ["exercise-2", "exercise-3", "exercise-4", None]
    assert engine.finished


def test_a_finished_session_shows_no_time_left_in_any_phase() -> None:
    engine, clock = started(timed(10), timed(8))
    clock.advance(30)
    engine.tick()
    view = engine.view()
    assert (view.phase, view.remaining, view.phase_seconds, view.progress) == (Phase.DONE, 0.0, 0.0, 1.0)


def test_own_pace_work_that_runs_long_never_counts_for_more_than_its_planned_time() -> None:
    # own pace 5 reps x 2 s = 10 s planned, then rest 3, get ready 0, work 8: 21 s planned
    engine, clock = started(reps(5, tempo=2, own_pace=True), timed(8), get_ready=0)
    clock.advance(25)
    engine.tick()
    assert engine.view().progress == pytest.approx(10 / 21)

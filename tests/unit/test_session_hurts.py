""" "This hurts" without stopping: skip the exercise, or swap it for its easier version."""

from __future__ import annotations

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Phase, SessionEngine
from backcare_tui.domain.models import PlannedExercise, RoutinePlan, SessionRecord, replace
from backcare_tui.domain.session import GuidedSession
from tests.support.plans import make_exercise, make_plan, timed

EASIER = make_exercise("easier-one", timed(4))


def repeated_plan() -> RoutinePlan:
    """exercise-1, exercise-2, then exercise-1 again (10 s each)."""
    plan = make_plan(timed(10), timed(10), get_ready=2, rest_between=3)
    return replace(plan, items=(*plan.items, plan.items[0]))


def started(plan: RoutinePlan, clock: FakeClock) -> tuple[GuidedSession, list[SessionRecord]]:
    writes: list[SessionRecord] = []
    session = GuidedSession(plan, clock, save=lambda record: writes.append(record) or None)
    session.start()
    return session, writes


def test_skip_records_the_exercise_that_hurt_and_goes_on():
    clock = FakeClock()
    session, writes = started(make_plan(timed(10), timed(10), get_ready=2), clock)
    clock.advance(5)
    session.tick()
    session.skip_because_it_hurts()
    assert session.running and session.view().index == 1
    record = writes[-1]
    assert record.hurt_exercise == "exercise-1" and record.exercises[0].status in ("partial", "skipped")
    assert record.status == "in_progress"


def test_the_easier_version_replaces_this_and_later_turns_of_the_exercise():
    clock = FakeClock()
    session, writes = started(repeated_plan(), clock)
    clock.advance(5)
    session.tick()
    session.switch_to_easier(EASIER, timed(4))
    view = session.view()
    assert (view.index, view.exercise.id, view.phase) == (0, "easier-one", Phase.GET_READY)
    assert [item.exercise.id for item in session.plan.items] == ["easier-one", "exercise-2", "easier-one"]
    assert writes[-1].hurt_exercise == "exercise-1"
    clock.advance(600)
    session.tick()
    record = session.finish()
    assert record.status == "completed"
    assert [(r.exercise_id, r.status) for r in record.exercises] == [
        ("easier-one", "done"),
        ("exercise-2", "done"),
        ("easier-one", "done"),
    ]
    assert record.active_seconds >= 4 + 10 + 4 + 3  # the time on the first version still counts


def test_a_later_exercise_can_be_swapped_without_moving_the_current_one():
    clock = FakeClock()
    engine = SessionEngine(repeated_plan(), clock)
    engine.start()
    clock.advance(4)
    engine.tick()
    before = engine.view()
    engine.swap_exercise(2, EASIER, timed(4))
    after = engine.view()
    assert (after.index, after.exercise.id, after.phase) == (before.index, before.exercise.id, before.phase)
    assert after.remaining == before.remaining
    assert engine.plan.items[2] == PlannedExercise(exercise=EASIER, dose=timed(4))


def test_an_exercise_already_done_is_never_rewritten():
    clock = FakeClock()
    engine = SessionEngine(repeated_plan(), clock)
    engine.start()
    engine.next_exercise()
    plan = engine.plan
    engine.swap_exercise(0, EASIER, timed(4))
    assert engine.plan == plan


def test_nothing_happens_once_the_session_has_ended():
    clock = FakeClock()
    session, writes = started(make_plan(timed(10), get_ready=2), clock)
    session.stop()
    count = len(writes)
    assert session.skip_because_it_hurts() == [] and session.switch_to_easier(EASIER, timed(4)) == []
    assert len(writes) == count and session.record().hurt_exercise is None

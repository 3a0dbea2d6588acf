"""GuidedSession beyond the basics: a plan changed before the start, writes after jumps made
in the rest between exercises, nothing written twice once it has ended, and the easier version
of an exercise that comes back later in the routine."""

from __future__ import annotations

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Event, EventKind, Phase
from backcare_tui.domain.models import PlannedExercise, RoutinePlan, SessionRecord, replace
from backcare_tui.domain.session import GuidedSession
from tests.support.plans import make_exercise, make_plan, reps, timed

# Each exercise: get ready 2 s, work 10 s, then 3 s rest before the next one.
FIRST_WORK_ENDS = 12


class Disk:
    def __init__(self) -> None:
        self.writes: list[SessionRecord] = []
        self.released: list[str] = []

    def save(self, record: SessionRecord) -> str | None:
        self.writes.append(record)
        return None


def three_timed() -> RoutinePlan:
    return make_plan(timed(10), timed(10), timed(10), get_ready=2, rest_between=3)


def session_on(plan: RoutinePlan, disk: Disk, clock: FakeClock, session_id: str | None = None) -> GuidedSession:
    return GuidedSession(plan, clock, save=disk.save, release=disk.released.append, session_id=session_id)


def test_a_session_keeps_the_id_it_is_given() -> None:
    session = session_on(three_timed(), Disk(), FakeClock(), session_id="morning-1")
    assert session.id == "morning-1"
    session.start()
    assert session.record().id == "morning-1"


def test_a_new_session_has_no_note_no_write_and_no_error() -> None:
    session = session_on(three_timed(), Disk(), FakeClock())
    assert session.note == ""
    assert session.record().note == ""
    assert session.saved is False
    assert session.save_error is None
    assert session.take_save_error() is None


def in_rest_after_first(disk: Disk, clock: FakeClock) -> GuidedSession:
    """A session in the rest after its first exercise, that exercise's end already written."""
    session = session_on(three_timed(), disk, clock)
    session.start()
    clock.advance(FIRST_WORK_ENDS + 1)
    session.tick()
    assert session.view().phase is Phase.REST_EXERCISE
    return session


def test_next_in_the_rest_between_exercises_writes_a_checkpoint() -> None:
    disk, clock = Disk(), FakeClock()
    session = in_rest_after_first(disk, clock)
    writes = len(disk.writes)
    session.next_exercise()
    assert session.view().index == 1
    assert len(disk.writes) == writes + 1


def test_this_hurts_in_the_rest_between_exercises_writes_the_exercise_that_hurt() -> None:
    disk, clock = Disk(), FakeClock()
    session = in_rest_after_first(disk, clock)
    writes = len(disk.writes)
    session.skip_because_it_hurts()
    assert session.view().index == 1
    assert len(disk.writes) == writes + 1
    assert disk.writes[-1].hurt_exercise == "exercise-1"


def test_adjusting_a_phase_goes_through_to_the_engine() -> None:
    disk, clock = Disk(), FakeClock()
    session = session_on(three_timed(), disk, clock)
    session.start()
    clock.advance(2)
    session.tick()
    assert session.adjust(15) == []
    assert session.view().remaining == 25
    assert session.adjust(-20) == []
    assert session.view().remaining == 5


def test_marking_own_pace_reps_done_finishes_the_exercise_and_writes_it() -> None:
    disk, clock = Disk(), FakeClock()
    plan = make_plan(reps(5, own_pace=True), timed(10), get_ready=0, rest_between=3)
    session = session_on(plan, disk, clock)
    session.start()
    clock.advance(4)
    events = session.mark_done()
    assert Event(EventKind.EXERCISE_DONE, 0) in events
    assert disk.writes[-1].exercises[0].status == "done"
    assert disk.writes[-1].exercises[0].reps_done == 5


def test_nothing_is_written_again_once_the_routine_has_ended() -> None:
    disk, clock = Disk(), FakeClock()
    session = session_on(three_timed(), disk, clock)
    session.start()
    clock.advance(60)
    session.tick()
    assert session.ended and session.record().status == "completed"
    writes = len(disk.writes)
    clock.advance(5)
    for control in (session.tick, session.pause, session.resume, session.next_exercise, session.previous_exercise):
        assert control() == []
    assert session.stop() == []
    assert len(disk.writes) == writes
    assert disk.released == [session.id]


def plan_of(*exercise_ids: str) -> RoutinePlan:
    """A plan whose exercises have the given ids (an id may come back), each timed 10 s."""
    dose = timed(10)
    base = make_plan(*(dose for _ in exercise_ids), get_ready=2, rest_between=3)
    items = tuple(PlannedExercise(exercise=make_exercise(name, dose), dose=dose) for name in exercise_ids)
    return replace(base, items=items)


def test_the_easier_version_replaces_every_later_turn_of_the_same_exercise() -> None:
    disk, clock = Disk(), FakeClock()
    session = session_on(plan_of("bridge", "cat", "bridge", "cat"), disk, clock)
    session.start()
    clock.advance(4)
    session.tick()
    easier = make_exercise("half-bridge", timed(5))
    session.switch_to_easier(easier, timed(5))
    assert [item.exercise.id for item in session.plan.items] == ["half-bridge", "cat", "half-bridge", "cat"]
    assert session.plan is session.engine.plan
    assert session.hurt_exercise == "bridge"
    assert session.view().exercise.id == "half-bridge"


def test_switching_keeps_the_phase_changes_that_came_before_it() -> None:
    disk, clock = Disk(), FakeClock()
    session = session_on(plan_of("bridge", "cat", "bridge"), disk, clock)
    session.start()
    clock.advance(2)  # the get ready is over, but nothing has ticked yet
    easier = make_exercise("half-bridge", timed(5))
    events = session.switch_to_easier(easier, timed(5))
    assert events == [
        Event(EventKind.PHASE_STARTED, 0, Phase.WORK),
        Event(EventKind.PHASE_STARTED, 0, Phase.GET_READY),
    ]

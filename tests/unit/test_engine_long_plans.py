"""The engine on plans of four exercises and phases that start late: next and previous move
one exercise at a time, swaps keep the place, adjusted phases re-arm their 3-2-1, partial reps
are counted per block, and the record carries the session's own numbers."""

from __future__ import annotations

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Event, EventKind, Phase, SessionEngine
from backcare_tui.domain.models import Dose
from tests.support.plans import hold, make_exercise, make_plan, reps, timed


def started(*doses: Dose, get_ready: int = 2, rest_between: int = 3) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, get_ready=get_ready, rest_between=rest_between), clock, session_id="s1")
    engine.start()
    return engine, clock


def advance(engine: SessionEngine, clock: FakeClock, seconds: float) -> list[Event]:
    clock.advance(seconds)
    return engine.tick()


def four_timed() -> tuple[SessionEngine, FakeClock]:
    return started(timed(10), timed(10), timed(10), timed(10))


def countdowns(events: list[Event]) -> list[int | None]:
    return [event.count for event in events if event.kind is EventKind.COUNTDOWN]


def test_next_moves_forward_one_exercise_at_a_time() -> None:
    engine, clock = four_timed()
    seen = [engine.view().index]
    for _ in range(3):
        advance(engine, clock, 1)
        engine.next_exercise()
        seen.append(engine.view().index)
    assert seen == [0, 1, 2, 3]
    assert engine.view().phase is Phase.GET_READY


def test_previous_goes_back_exactly_one_exercise() -> None:
    engine, clock = four_timed()
    engine.next_exercise()
    engine.next_exercise()
    engine.next_exercise()
    seen = [engine.view().index]
    for _ in range(4):
        advance(engine, clock, 1)
        engine.previous_exercise()
        seen.append(engine.view().index)
    assert seen == [3, 2, 1, 0, 0]


def test_skipping_the_last_after_finishing_the_others_completes_the_routine() -> None:
    engine, clock = started(timed(10), timed(10))
    advance(engine, clock, 15)  # the first is done, its rest is over: the second is getting ready
    assert (engine.view().index, engine.view().phase) == (1, Phase.GET_READY)
    events = engine.next_exercise()
    assert Event(EventKind.ROUTINE_DONE, 1) in events
    record = engine.record()
    assert record.status == "completed"
    assert [result.status for result in record.exercises] == ["done", "skipped"]


def test_an_adjusted_phase_counts_down_again_from_where_it_now_ends() -> None:
    engine, clock = started(timed(10), get_ready=0)
    counted = countdowns(advance(engine, clock, 7)) + countdowns(advance(engine, clock, 1))
    assert counted == [3, 2]
    engine.adjust(1)  # 2 s left become 3
    assert engine.view().remaining == 3
    counted = []
    for step in (0.2, 0.8, 1, 1):
        counted += countdowns(advance(engine, clock, step))
    assert counted == [2, 1]
    assert engine.finished


def test_adding_time_with_half_a_second_left_counts_the_new_seconds_down() -> None:
    engine, clock = started(timed(10), get_ready=0)
    for _ in range(9):
        advance(engine, clock, 1)
    advance(engine, clock, 0.5)
    engine.adjust(4)  # 4.5 s left
    counted = []
    for _ in range(9):
        counted += countdowns(advance(engine, clock, 0.5))
    assert counted == [3, 2, 1]


def test_a_swap_past_the_last_exercise_does_nothing() -> None:
    engine, clock = four_timed()
    advance(engine, clock, 1)
    before = engine.plan
    assert engine.swap_exercise(4, make_exercise("other", timed(5)), timed(5)) == []
    assert engine.plan is before


def test_swapping_a_later_exercise_keeps_the_current_one_where_it_is() -> None:
    engine, clock = four_timed()
    engine.next_exercise()
    advance(engine, clock, 6)  # 4 s into the work of the second exercise
    assert (engine.view().index, engine.view().phase, engine.view().remaining) == (1, Phase.WORK, 6)
    engine.swap_exercise(3, make_exercise("other", timed(20)), timed(20))
    view = engine.view()
    assert (view.index, view.phase, view.remaining, view.exercise.id) == (1, Phase.WORK, 6, "exercise-2")
    assert engine.plan.items[3].exercise.id == "other"
    advance(engine, clock, 6)
    assert engine.record().exercises[1].active_seconds == 10.0


def test_swapping_the_current_exercise_keeps_the_time_already_done() -> None:
    engine, clock = four_timed()
    advance(engine, clock, 6)  # 4 s into the first exercise's work
    engine.swap_exercise(0, make_exercise("other", timed(20)), timed(20))
    view = engine.view()
    assert (view.index, view.phase, view.exercise.id) == (0, Phase.GET_READY, "other")
    record = engine.record()
    assert record.active_seconds == 4.0
    assert record.exercises[0].status == "not_started"


def test_paced_reps_of_a_phase_that_starts_late_count_from_its_own_start() -> None:
    engine, clock = started(timed(10), reps(4, tempo=3))
    advance(engine, clock, 15)  # the second exercise is getting ready
    advance(engine, clock, 2)  # and starts its work
    seen = []
    for _ in range(4):
        view = engine.view()
        seen.append((view.index, view.phase, view.rep))
        advance(engine, clock, 2)
    assert seen == [(1, Phase.WORK, 1), (1, Phase.WORK, 1), (1, Phase.WORK, 2), (1, Phase.WORK, 3)]


def test_a_view_says_not_paused_and_in_progress_while_running() -> None:
    engine, clock = four_timed()
    advance(engine, clock, 1)
    view = engine.view()
    assert view.paused is False
    assert view.status == "in_progress"


def test_own_pace_work_shows_no_time_spent_at_its_start() -> None:
    engine, clock = started(reps(5, own_pace=True), get_ready=0)
    assert engine.view().phase_seconds == 0.0
    advance(engine, clock, 4)
    assert engine.view().phase_seconds == 4.0


def test_a_record_before_the_start_has_no_time_in_it() -> None:
    engine = SessionEngine(make_plan(timed(10)), FakeClock(), session_id="s1")
    record = engine.record()
    assert (record.id, record.active_seconds, record.rest_seconds, record.paused_seconds) == ("s1", 0.0, 0.0, 0.0)


def test_the_record_carries_the_session_id() -> None:
    engine, clock = four_timed()
    advance(engine, clock, 3)
    assert engine.record().id == "s1"


def test_holds_of_two_sets_stopped_part_way_count_every_hold_done() -> None:
    engine, clock = started(hold(3, reps=2, relax=1, sets=2, rest=2), get_ready=0)
    advance(engine, clock, 7 + 2 + 3)  # set 1 (3 + 1 + 3), the rest, the first hold of set 2
    engine.stop()
    result = engine.record().exercises[0]
    assert (result.status, result.reps_done, result.sets_done) == ("partial", 3, 1)


def test_reps_done_in_two_visits_to_an_exercise_count_once_per_set() -> None:
    engine, clock = started(reps(4, tempo=2, sets=2, rest=5), get_ready=0)
    advance(engine, clock, 6.5)  # 3 reps of set 1
    engine.restart_exercise()
    advance(engine, clock, 8 + 5 + 4)  # set 1 in full, the rest, 2 reps of set 2
    engine.stop()
    result = engine.record().exercises[0]
    assert (result.status, result.reps_done, result.sets_done) == ("partial", 6, 1)


def test_two_pauses_add_up() -> None:
    engine, clock = four_timed()
    for paused in (5, 7):
        engine.pause()
        clock.advance(paused)
        engine.resume()
    assert engine.record().paused_seconds == 12.0

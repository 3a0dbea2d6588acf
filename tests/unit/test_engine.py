"""The guided-session engine: phases per dose kind, sides, sets, controls and the record."""

from __future__ import annotations

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Event, EventKind, Phase, SessionEngine
from backcare_tui.domain.models import replace
from tests.support.plans import hold, make_plan, reps, timed


def started(*doses, **options) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, **options), clock, session_id="s1")
    engine.start()
    return engine, clock


def advance(engine: SessionEngine, clock: FakeClock, seconds: float) -> list[Event]:
    clock.advance(seconds)
    return engine.tick()


def phases(events: list[Event]) -> list[tuple[Phase, int]]:
    return [(e.phase, e.exercise_index) for e in events if e.kind is EventKind.PHASE_STARTED]


def test_start_enters_get_ready_of_the_first_exercise() -> None:
    clock = FakeClock()
    engine = SessionEngine(make_plan(timed(10)), clock)
    assert not engine.started and engine.view().remaining == 5
    events = engine.start()
    assert events == [Event(EventKind.PHASE_STARTED, 0, Phase.GET_READY)]
    view = engine.view()
    assert (view.phase, view.label, view.remaining, view.index, view.count) == (
        Phase.GET_READY,
        "Get ready",
        5,
        0,
        1,
    )
    assert engine.start() == []
    assert len(engine.session_id) == 32


def test_hold_dose_counts_each_hold_and_release() -> None:
    engine, clock = started(hold(4, reps=3, relax=2))
    advance(engine, clock, 5)
    seen = []
    for _ in range(4 * 3 + 2 * 2):
        view = engine.view()
        seen.append((view.label, view.rep, view.reps))
        advance(engine, clock, 1)
    assert seen == (
        [("Hold", 1, 3)] * 4
        + [("Release", 2, 3)] * 2
        + [("Hold", 2, 3)] * 4
        + [("Release", 3, 3)] * 2
        + [("Hold", 3, 3)] * 4
    )
    assert engine.finished and engine.view().label == "Finished"
    result = engine.record().exercises[0]
    assert (result.status, result.reps_done, result.active_seconds) == ("done", 3, 16.0)


def test_reps_dose_paces_reps_at_the_tempo() -> None:
    engine, clock = started(reps(4, tempo=2), get_ready=0)
    view = engine.view()
    assert (view.label, view.rep, view.reps, view.remaining) == ("Move", 1, 4, 8)
    reps_seen = [view.rep]
    for _ in range(7):
        advance(engine, clock, 1)
        reps_seen.append(engine.view().rep)
    assert reps_seen == [1, 1, 2, 2, 3, 3, 4, 4]


def test_timed_dose_counts_down_with_a_3_2_1() -> None:
    engine, clock = started(timed(10), get_ready=0)
    assert engine.view().label == "Keep going" and engine.view().reps == 1
    assert advance(engine, clock, 6.5) == []
    assert advance(engine, clock, 0.5) == [Event(EventKind.COUNTDOWN, 0, Phase.WORK, 3)]
    assert advance(engine, clock, 1) == [Event(EventKind.COUNTDOWN, 0, Phase.WORK, 2)]
    assert advance(engine, clock, 1) == [Event(EventKind.COUNTDOWN, 0, Phase.WORK, 1)]
    assert advance(engine, clock, 1) == [
        Event(EventKind.EXERCISE_DONE, 0),
        Event(EventKind.PHASE_STARTED, 0, Phase.DONE),
        Event(EventKind.ROUTINE_DONE, 0),
    ]


def test_a_late_tick_gives_only_the_latest_countdown() -> None:
    engine, clock = started(timed(10), get_ready=0)
    assert advance(engine, clock, 8.5) == [Event(EventKind.COUNTDOWN, 0, Phase.WORK, 2)]
    assert advance(engine, clock, 0.2) == []


def test_per_side_sets_alternate_sides_with_rests_between() -> None:
    engine, clock = started(timed(5, per_side=True, sets=2, rest=3), get_ready=0)
    seen = []
    while not engine.finished:
        view = engine.view()
        seen.append((view.phase, view.set, view.side))
        advance(engine, clock, view.remaining)
    assert seen == [
        (Phase.WORK, 1, "left"),
        (Phase.REST, 1, "right"),
        (Phase.WORK, 1, "right"),
        (Phase.REST, 2, "left"),
        (Phase.WORK, 2, "left"),
        (Phase.REST, 2, "right"),
        (Phase.WORK, 2, "right"),
    ]
    result = engine.record().exercises[0]
    assert (result.sets_done, result.sides_done, result.reps_done) == (2, 2, 4)


def test_routine_takes_exactly_its_estimate_and_records_it() -> None:
    doses = (hold(5, reps=2, per_side=True), reps(6, sets=2, rest=10), timed(30))
    engine, clock = started(*doses, get_ready=5, rest_between=15)
    estimate = engine.plan.estimated_seconds
    advance(engine, clock, estimate - 0.5)
    assert not engine.finished
    events = advance(engine, clock, 1000)
    assert events[-1] == Event(EventKind.ROUTINE_DONE, 2)
    record = engine.record()
    assert record.status == "completed"
    assert (record.ended_at - record.started_at).total_seconds() == estimate
    assert record.active_seconds + record.rest_seconds == pytest.approx(estimate)
    assert record.paused_seconds == 0
    assert [r.status for r in record.exercises] == ["done"] * 3
    assert [r.planned_seconds for r in record.exercises] == [d.work_seconds for d in doses]


def test_rest_between_exercises_shows_what_comes_next() -> None:
    engine, clock = started(timed(5), reps(3), get_ready=2, rest_between=10)
    advance(engine, clock, 7)
    view = engine.view()
    assert (view.phase, view.label, view.index) == (Phase.REST_EXERCISE, "Next up soon", 0)
    assert view.next_exercise.id == "exercise-2" and view.next_dose == reps(3)
    advance(engine, clock, 10)
    assert engine.view().index == 1 and engine.view().next_exercise is None


def test_pause_freezes_remaining_and_is_counted_exactly() -> None:
    engine, clock = started(timed(20), get_ready=0)
    advance(engine, clock, 4)
    engine.pause()
    advance(engine, clock, 100)
    assert engine.paused and engine.view().remaining == 16
    engine.resume()
    advance(engine, clock, 6)
    assert engine.view().remaining == 10
    record = engine.record()
    assert (record.active_seconds, record.paused_seconds, record.status) == (10, 100, "in_progress")
    assert record.ended_at is None


def test_pause_and_resume_are_no_ops_where_they_do_not_apply() -> None:
    engine, clock = started(timed(10), get_ready=0)
    engine.resume()
    assert not engine.paused
    engine.pause()
    clock.advance(3)
    engine.pause()
    engine.resume()
    assert engine.record().paused_seconds == 3


def test_next_skips_the_exercise_and_on_the_last_completes_the_routine() -> None:
    engine, clock = started(timed(10), timed(20), rest_between=5)
    assert phases(engine.next_exercise()) == [(Phase.GET_READY, 1)]
    advance(engine, clock, 8)
    events = engine.next_exercise()
    assert events[-1] == Event(EventKind.ROUTINE_DONE, 1)
    record = engine.record()
    assert record.status == "completed"
    assert [r.status for r in record.exercises] == ["skipped", "partial"]
    assert record.exercises[1].active_seconds == 3
    assert engine.view().progress == 1.0


def test_skipping_through_every_exercise_is_a_stop_not_a_completion() -> None:
    engine, _clock = started(timed(10), timed(20), rest_between=5)
    engine.next_exercise()
    events = engine.next_exercise()  # still getting ready for the last one: nothing was done
    assert EventKind.ROUTINE_DONE not in [event.kind for event in events]
    record = engine.record()
    assert record.status == "stopped"
    assert [r.status for r in record.exercises] == ["skipped", "skipped"]


def test_next_during_the_rest_between_exercises_only_ends_the_rest() -> None:
    engine, clock = started(timed(5), timed(5), get_ready=0, rest_between=15)
    advance(engine, clock, 6)
    assert phases(engine.next_exercise()) == [(Phase.WORK, 1)]
    assert engine.record().exercises[0].status == "done"


def test_previous_goes_to_the_start_of_the_exercise_before() -> None:
    engine, clock = started(timed(5), timed(10), get_ready=3, rest_between=0)
    advance(engine, clock, 10)
    assert engine.view().index == 1
    assert phases(engine.previous_exercise()) == [(Phase.GET_READY, 0)]
    assert engine.view().remaining == 3
    assert phases(engine.previous_exercise()) == [(Phase.GET_READY, 0)]


def test_restart_redoes_the_exercise_without_counting_blocks_twice() -> None:
    engine, clock = started(timed(5, sets=2, rest=2), get_ready=0)
    advance(engine, clock, 9)
    engine.restart_exercise()
    view = engine.view()
    assert (view.phase, view.set, view.remaining) == (Phase.WORK, 1, 5)
    advance(engine, clock, 12)
    result = engine.record().exercises[0]
    assert (result.status, result.sets_done, result.reps_done) == ("done", 2, 2)
    assert result.active_seconds == 5 + 2 + 10


def test_adjust_adds_and_removes_time_but_never_below_a_second() -> None:
    engine, clock = started(timed(30), get_ready=0)
    engine.adjust(10)
    assert engine.view().remaining == 40 and engine.view().phase_seconds == 40
    advance(engine, clock, 35)
    engine.adjust(-10)
    assert engine.view().remaining == 1
    clock.advance(0.5)
    engine.adjust(-10)
    assert engine.view().remaining == 0.5
    advance(engine, clock, 0.5)
    assert engine.finished


def test_adjust_rearms_the_countdown() -> None:
    engine, clock = started(timed(10), get_ready=0)
    assert advance(engine, clock, 7)[0].count == 3
    engine.adjust(10)
    assert advance(engine, clock, 10)[0].count == 3


def test_mark_done_finishes_a_reps_block_at_the_users_own_pace() -> None:
    engine, clock = started(reps(10, tempo=3, sets=2, rest=5, own_pace=True), get_ready=0)
    view = engine.view()
    assert view.can_mark_done and view.own_pace and view.label == "Your own pace"
    assert advance(engine, clock, 500) == []  # no deadline and no countdown
    view = engine.view()
    assert (view.phase, view.remaining, view.phase_seconds) == (Phase.WORK, 0, 500)
    engine.adjust(-10)  # nothing to shorten
    assert engine.view().phase is Phase.WORK
    assert phases(engine.mark_done()) == [(Phase.REST, 0)]
    assert not engine.view().can_mark_done
    assert engine.mark_done() == []
    assert engine.view().phase is Phase.REST
    result = engine.record().exercises[0]
    assert (result.reps_done, result.sets_done, result.status) == (10, 1, "partial")


def test_mark_done_is_a_no_op_for_paced_reps_holds_and_timed_work() -> None:
    for dose in (reps(5), hold(5), timed(10)):
        engine, _clock = started(dose, get_ready=0)
        assert not engine.view().can_mark_done
        assert engine.mark_done() == [] and engine.view().phase is Phase.WORK


@pytest.mark.parametrize("dose", [reps(5, tempo=4), hold(15, reps=2, relax=2), timed(30)])
def test_work_with_time_taken_off_is_partial_not_done(dose) -> None:
    engine, clock = started(dose, get_ready=0)
    engine.adjust(-10)
    advance(engine, clock, 100)
    assert engine.finished and engine.record().status == "completed"
    assert engine.record().exercises[0].status == "partial"


def test_time_taken_off_and_given_back_is_still_done() -> None:
    engine, clock = started(timed(30), get_ready=0)
    engine.adjust(-10)
    engine.adjust(10)
    advance(engine, clock, 100)
    assert engine.record().exercises[0].status == "done"


def test_shortened_reps_count_only_the_reps_paced() -> None:
    engine, clock = started(reps(5, tempo=4), get_ready=0)
    engine.adjust(-10)  # 10 s left of 20: two reps at 4 s, then the end
    advance(engine, clock, 10)
    result = engine.record().exercises[0]
    assert (result.status, result.reps_done) == ("partial", 2)


def test_a_shortened_block_redone_in_full_is_done() -> None:
    engine, clock = started(timed(30), timed(10), get_ready=0, rest_between=0)
    engine.adjust(-20)
    advance(engine, clock, 10)
    assert engine.view().index == 1
    engine.previous_exercise()
    advance(engine, clock, 30)
    assert engine.record().exercises[0].status == "done"


def test_a_longer_get_ready_where_the_position_changes() -> None:
    plan = make_plan(timed(10), timed(10), get_ready=5, rest_between=0)
    first, second = (
        replace(item, exercise=replace(item.exercise, posture=posture))
        for item, posture in zip(plan.items, ("sitting", "back"), strict=True)
    )
    plan = replace(plan, items=(first, second))
    assert plan.estimated_seconds == 5 + 10 + 10 + 10
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    engine.start()
    advance(engine, clock, 15)
    view = engine.view()
    assert (view.index, view.phase, view.remaining) == (1, Phase.GET_READY, 10)


def test_stop_keeps_what_was_done_and_marks_the_rest_not_started() -> None:
    engine, clock = started(reps(10, tempo=2), timed(10), get_ready=0, rest_between=5)
    advance(engine, clock, 7)
    assert phases(engine.stop()) == [(Phase.DONE, 0)]
    record = engine.record()
    assert record.status == "stopped" and record.ended_at is not None
    first, second = record.exercises
    assert (first.status, first.reps_done, first.active_seconds) == ("partial", 3, 7)
    assert second.status == "not_started"
    assert engine.stop() == [] and engine.tick() == []


def test_stop_for_pain_records_the_reason_and_closes_a_pause() -> None:
    engine, clock = started(timed(60))
    advance(engine, clock, 10)
    engine.pause()
    clock.advance(20)
    engine.stop_for_pain()
    record = engine.record()
    assert record.status == "stopped_for_pain"
    assert (record.active_seconds, record.rest_seconds, record.paused_seconds) == (5, 5, 20)
    assert not engine.paused and engine.view().finished


def test_controls_before_start_and_after_the_end_do_nothing() -> None:
    clock = FakeClock()
    engine = SessionEngine(make_plan(timed(10)), clock)
    controls = (
        engine.pause,
        engine.resume,
        engine.next_exercise,
        engine.previous_exercise,
        engine.restart_exercise,
        engine.mark_done,
        engine.stop,
        engine.stop_for_pain,
        lambda: engine.adjust(10),
        engine.tick,
    )
    for control in controls:
        assert control() == []
    assert not engine.started and engine.record().status == "in_progress"
    engine.start()
    engine.stop()
    before = engine.record()
    for control in controls:
        clock.advance(1)
        assert control() == []
    assert engine.record() == before


def test_a_long_jump_lands_in_the_right_phase() -> None:
    engine, clock = started(hold(5, reps=2, relax=3), timed(10), get_ready=5, rest_between=15)
    events = advance(engine, clock, 5 + 13 + 15 + 5 + 4)
    assert phases(events) == [
        (Phase.WORK, 0),
        (Phase.RELAX, 0),
        (Phase.WORK, 0),
        (Phase.REST_EXERCISE, 0),
        (Phase.GET_READY, 1),
        (Phase.WORK, 1),
    ]
    assert Event(EventKind.EXERCISE_DONE, 0) in events
    assert engine.view().remaining == 6


def test_progress_runs_from_zero_to_one() -> None:
    engine, clock = started(timed(10), get_ready=0)
    assert engine.view().progress == 0
    advance(engine, clock, 5)
    assert engine.view().progress == 0.5
    advance(engine, clock, 5)
    assert engine.view().progress == 1


def test_record_is_a_checkpoint_that_rounds_to_tenths() -> None:
    engine, clock = started(reps(5, tempo=2), get_ready=1)
    advance(engine, clock, 4.26)
    record = engine.record()
    assert record.status == "in_progress"
    assert (record.rest_seconds, record.active_seconds) == (1.0, 3.3)
    assert record.exercises[0].reps_done == 1
    assert record.exercises[0].status == "partial"


def test_a_shortened_exercise_is_not_comfortable_for_the_programme() -> None:
    from backcare_tui.domain.pain_monitoring import judge

    def session_record(take_time_off: bool):
        engine, clock = started(timed(30), get_ready=0)
        if take_time_off:
            engine.adjust(-10)
        advance(engine, clock, 100)
        return replace(engine.record(), pain_before=2, pain_after=2)

    assert judge(session_record(False), "exercise-1", 2.0).judgement == "comfortable"
    assert judge(session_record(True), "exercise-1", 2.0).judgement == "not_in_full"

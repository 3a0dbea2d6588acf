"""Properties of the session engine over random routines, controls and clock advances."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Event, EventKind, Phase, SessionEngine
from backcare_tui.domain.models import Dose, HoldDose, RoutinePlan
from tests.support.plans import hold, make_plan, reps, timed

EIGHTH = 0.125  # clock steps are multiples of 1/8 s, so sums of them are exact

common = {
    "per_side": st.booleans(),
    "sets": st.integers(1, 3),
    "rest": st.integers(0, 4),
}
doses = st.one_of(
    st.builds(hold, st.integers(1, 4), reps=st.integers(1, 3), relax=st.integers(0, 2), **common),
    st.builds(reps, st.integers(1, 4), tempo=st.integers(1, 3), **common),
    st.builds(timed, st.integers(5, 8), **common),
)
plans = st.builds(
    lambda ds, get_ready, rest_between: make_plan(*ds, get_ready=get_ready, rest_between=rest_between),
    st.lists(doses, min_size=1, max_size=4),
    st.integers(0, 5),
    st.integers(0, 5),
)
advances = st.one_of(
    st.integers(0, 8 * 6).map(lambda n: n * EIGHTH),  # a few seconds
    st.integers(0, 8 * 300).map(lambda n: n * EIGHTH),  # a large jump
)
TIMING_CONTROLS = ("tick", "pause", "resume", "add", "remove")
ALL_CONTROLS = (*TIMING_CONTROLS, "next", "previous", "restart", "mark_done", "stop", "pain")
timing_steps = st.lists(st.tuples(advances, st.sampled_from(TIMING_CONTROLS)), max_size=25)
any_steps = st.lists(st.tuples(advances, st.sampled_from(ALL_CONTROLS + ("tick",) * 6)), max_size=25)


def apply(engine: SessionEngine, control: str) -> list[Event]:
    actions = {
        "tick": engine.tick,
        "pause": engine.pause,
        "resume": engine.resume,
        "add": lambda: engine.adjust(10),
        "remove": lambda: engine.adjust(-10),
        "next": engine.next_exercise,
        "previous": engine.previous_exercise,
        "restart": engine.restart_exercise,
        "mark_done": engine.mark_done,
        "stop": engine.stop,
        "pain": engine.stop_for_pain,
    }
    return actions[control]()


def prescribed_phases(plan: RoutinePlan) -> list[tuple[Phase, int]]:
    """The phases a routine prescribes, written out from the doses."""
    sequence: list[tuple[Phase, int]] = []
    for index, item in enumerate(plan.items):
        dose: Dose = item.dose
        if plan.get_ready_before(index):
            sequence.append((Phase.GET_READY, index))
        for block in range(dose.sets * (2 if dose.per_side else 1)):
            if block and dose.rest:
                sequence.append((Phase.REST, index))
            holds = dose.reps if isinstance(dose, HoldDose) else 1
            for rep in range(holds):
                if rep and dose.relax:
                    sequence.append((Phase.RELAX, index))
                sequence.append((Phase.WORK, index))
        if index < len(plan.items) - 1 and plan.routine.rest_between:
            sequence.append((Phase.REST_EXERCISE, index))
    return [*sequence, (Phase.DONE, len(plan.items) - 1)]


def phase_starts(events: list[Event]) -> list[tuple[Phase, int]]:
    return [(e.phase, e.exercise_index) for e in events if e.kind is EventKind.PHASE_STARTED]


def run(plan: RoutinePlan, steps, *, finish: bool) -> tuple[SessionEngine, FakeClock, list[Event]]:
    clock = FakeClock()
    engine = SessionEngine(plan, clock, session_id="s1")
    events = engine.start()
    paused = 0.0  # paused time as the test sees it
    for seconds, control in steps:
        paused += seconds if engine.paused else 0.0
        clock.advance(seconds)
        events += engine.tick()
        events += apply(engine, control)
        check_invariants(engine, clock)
        assert abs(engine.record().paused_seconds - paused) < 0.1  # tenths that add up
    if finish:
        events += engine.resume()
        clock.advance(10_000)
        events += engine.tick()
        check_invariants(engine, clock)
    return engine, clock, events


def check_invariants(engine: SessionEngine, clock: FakeClock) -> None:
    view = engine.view()
    assert 0 <= view.remaining <= view.phase_seconds
    assert 0 <= view.progress <= 1
    assert 1 <= view.rep <= view.reps and 1 <= view.set <= view.sets
    record = engine.record()
    elapsed = (record.ended_at - record.started_at).total_seconds() if engine.finished else clock.monotonic() - 1000.0
    total = record.active_seconds + record.rest_seconds + record.paused_seconds
    assert abs(total - round(elapsed, 1)) < 1e-6
    per_exercise = sum(result.active_seconds for result in record.exercises)
    assert abs(per_exercise - record.active_seconds) <= 0.1 * len(record.exercises) + 1e-6


@settings(max_examples=150, deadline=None)
@given(plans, timing_steps)
def test_without_jumps_the_phases_are_the_ones_prescribed(plan, steps) -> None:
    engine, _clock, events = run(plan, steps, finish=True)
    assert phase_starts(events) == prescribed_phases(plan)
    record = engine.record()
    assert record.status == "completed"
    if not any(control == "remove" for _, control in steps):
        assert all(result.status == "done" for result in record.exercises)
    assert all(result.status in ("done", "partial") for result in record.exercises)


@settings(max_examples=150, deadline=None)
@given(plans)
def test_a_routine_left_alone_takes_exactly_its_estimate(plan) -> None:
    engine, _clock, _ = run(plan, [], finish=True)
    record = engine.record()
    assert (record.ended_at - record.started_at).total_seconds() == plan.estimated_seconds
    assert record.paused_seconds == 0


@settings(max_examples=200, deadline=None)
@given(plans, any_steps, st.booleans())
def test_controls_keep_the_phases_and_the_books_straight(plan, steps, finish) -> None:
    engine, _clock, events = run(plan, steps, finish=finish)
    prescribed = prescribed_phases(plan)
    follows = set(itertools.pairwise(prescribed))
    exercise_starts = {}
    for phase, index in prescribed:
        exercise_starts.setdefault(index, (phase, index))
    starts = phase_starts(events)
    for before, after in itertools.pairwise(starts):
        assert (before, after) in follows or after in exercise_starts.values() or after[0] is Phase.DONE
    finished_exercises = {e.exercise_index for e in events if e.kind is EventKind.EXERCISE_DONE}
    for index, (item, result) in enumerate(zip(plan.items, engine.record().exercises, strict=False)):
        dose = item.dose
        if result.status == "done":  # finished, and not with time taken off
            assert index in finished_exercises
        if result.status == "done":
            assert result.sets_done == dose.sets
            assert result.sides_done == (2 if dose.per_side else 0)
            assert result.reps_done == dose.blocks * getattr(dose, "reps", 1)
        if result.status in ("skipped", "not_started"):
            assert result.active_seconds == 0 and result.reps_done == 0 and result.sets_done == 0


@st.composite
def split(draw, seconds: float) -> list[float]:
    """`seconds` cut into up to 12 pieces, each a whole number of eighths."""
    eighths = round(seconds / EIGHTH)
    cuts = sorted(draw(st.lists(st.integers(0, eighths), max_size=11)))
    edges = [0, *cuts, eighths]
    return [(b - a) * EIGHTH for a, b in itertools.pairwise(edges)]


@settings(max_examples=150, deadline=None)
@given(plans, any_steps, st.data())
def test_one_big_tick_lands_where_many_small_ones_do(plan, steps, data) -> None:
    one_clock, many_clock = FakeClock(), FakeClock()
    one = SessionEngine(plan, one_clock, session_id="s1")
    many = SessionEngine(plan, many_clock, session_id="s1")
    one_events, many_events = one.start(), many.start()
    for seconds, control in steps:
        one_clock.advance(seconds)
        one_events += one.tick()
        for piece in data.draw(split(seconds)):
            many_clock.advance(piece)
            many_events += many.tick()
        one_events += apply(one, control)
        many_events += apply(many, control)
        assert one.view() == many.view()
        assert one.record() == many.record()
    cues = [e for e in one_events if e.kind is not EventKind.COUNTDOWN]
    assert cues == [e for e in many_events if e.kind is not EventKind.COUNTDOWN]

"""The rep cue and the figure's place in its movement follow the engine's deadlines."""

from __future__ import annotations

from itertools import pairwise

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.engine_timeline import Phase
from backcare_tui.domain.engine_view import SessionView
from backcare_tui.domain.poses import ExercisePoses, Pose, PoseSet
from backcare_tui.domain.rep_cue import (
    FRAMES_PER_SECOND,
    LONGEST_WAIT,
    PAST_THE_CHANGE,
    SHORTEST_WAIT,
    figure_exercise,
    figure_fraction,
    figure_mirrored,
    next_change_in,
    rep_cue,
    rep_step,
)
from tests.support.plans import hold, make_plan, reps, timed

START = 1000.0  # FakeClock's first monotonic reading


def words_figure(**changes: object) -> ExercisePoses:
    start = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0), word="lower")
    end = Pose(trunk=90, head=90, arm=(-90, -90), leg=(0, -90, 0), word="lift")
    return ExercisePoses(poses=PoseSet(start=start, end=end), **changes)  # type: ignore[arg-type]


def view_at(engine: SessionEngine, clock: FakeClock, seconds: float) -> SessionView:
    """The view `seconds` after the session started, reached with one (late) tick."""
    clock.advance(START + seconds - clock.monotonic())
    engine.tick()
    return engine.view()


def started(*doses: object, get_ready: int = 5) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, get_ready=get_ready), clock)  # type: ignore[arg-type]
    engine.start()
    return engine, clock


def test_rep_step_moves_out_holds_and_comes_back() -> None:
    # Tempo 5: 1.75 s out, 1.5 s hold, 1.75 s back.
    assert rep_step(5, 0).fraction == 0 and rep_step(5, 0).word == "move"
    assert rep_step(5, 0.875).fraction == pytest.approx(0.5)
    assert rep_step(5, 2.0).word == "hold" and rep_step(5, 2.0).fraction == 1
    assert rep_step(5, 4.125).word == "back" and rep_step(5, 4.125).fraction == pytest.approx(0.5)
    assert rep_step(5, 2.0).seconds_left == pytest.approx(1.25)


def test_long_tempo_moves_at_most_two_and_a_half_seconds() -> None:
    assert rep_step(10, 2.6).word == "hold"
    assert rep_step(10, 7.4).word == "hold"
    assert rep_step(10, 7.6).word == "back"


def test_reps_count_at_the_tempo_with_the_exercise_words() -> None:
    engine, clock = started(reps(8, tempo=3), get_ready=5)
    figure = words_figure()
    cue = rep_cue(view_at(engine, clock, 5.0), figure)
    assert cue is not None and str(cue) == "Rep 1 of 8 · lift"
    cue = rep_cue(view_at(engine, clock, 5 + 3 * 2 + 1.5), figure)
    assert cue is not None and (cue.rep, cue.word) == (3, "hold")
    cue = rep_cue(view_at(engine, clock, 5 + 3 * 7 + 2.5), figure)
    assert cue is not None and (cue.label, cue.word) == ("Rep 8 of 8", "lower")
    assert cue.changes_in == pytest.approx(0.5)


def test_a_phase_first_seen_late_is_already_in_step() -> None:
    """The first tick of a work phase arrives 6.5 s late: the cue is where the clock says."""
    engine, clock = started(reps(8, tempo=3), get_ready=5)
    view = view_at(engine, clock, 5 + 6.5)
    assert view.phase is Phase.WORK
    cue = rep_cue(view)
    assert cue is not None and (cue.rep, cue.word) == (3, "move")
    # Same reading via many small ticks: same cue.
    small, small_clock = started(reps(8, tempo=3), get_ready=5)
    for _ in range(115):
        small_clock.advance(0.1)
        small.tick()
    again = rep_cue(small.view())
    assert again is not None and (again.label, again.word) == (cue.label, cue.word)
    assert again.changes_in == pytest.approx(cue.changes_in)


def test_a_lengthened_phase_stops_counting_after_the_last_rep() -> None:
    engine, clock = started(reps(2, tempo=3), get_ready=0)
    engine.adjust(10)
    cue = rep_cue(view_at(engine, clock, 8))
    assert cue is not None and cue.label == "Rep 2 of 2" and cue.word == ""
    assert figure_fraction(engine.view()) == 0.0


def test_holds_move_in_then_hold_and_release_between() -> None:
    engine, clock = started(hold(10, reps=3, relax=4), get_ready=5)
    figure = words_figure(hold_word="brace")
    cue = rep_cue(view_at(engine, clock, 5.5), figure)
    assert cue is not None and (cue.label, cue.word) == ("Hold 1 of 3", "lift")
    assert 0 < figure_fraction(engine.view(), figure) < 1
    cue = rep_cue(view_at(engine, clock, 8), figure)
    assert cue is not None and cue.word == "brace" and cue.changes_in == pytest.approx(7)
    assert figure_fraction(engine.view(), figure) == 1.0
    view = view_at(engine, clock, 15.5)
    assert view.phase is Phase.RELAX
    cue = rep_cue(view, figure)
    assert cue is not None and (cue.label, cue.word, cue.rep) == ("Release", "lower", 2)
    assert figure_fraction(view_at(engine, clock, 18.5), figure) == 0.0


def test_still_in_the_start_pose_while_getting_ready_and_resting() -> None:
    engine, clock = started(reps(2, tempo=3, per_side=True, rest=5), get_ready=5)
    view = view_at(engine, clock, 2)
    assert view.phase is Phase.GET_READY and figure_fraction(view) == 0 and rep_cue(view) is None
    view = view_at(engine, clock, 12)
    assert view.phase is Phase.REST and figure_fraction(view) == 0
    assert figure_mirrored(view)  # the rest before the right side shows the right side


def test_timed_work_holds_the_end_pose_or_cycles() -> None:
    engine, clock = started(timed(60), get_ready=0)
    assert figure_fraction(view_at(engine, clock, 5)) == 1.0
    assert rep_cue(engine.view()) is None
    walking = words_figure(timed="cycle", cycle_seconds=1.0)
    assert figure_fraction(view_at(engine, clock, 10.0), walking) == 0.0
    assert figure_fraction(view_at(engine, clock, 10 + 1 / 6), walking) == pytest.approx(1 / 3)
    # between two frames the figure stays at the earlier one
    assert figure_fraction(view_at(engine, clock, 10.3), walking) == pytest.approx(1 / 3)
    assert figure_fraction(view_at(engine, clock, 10.5), walking) == 1.0


def test_the_figure_changes_at_most_six_times_a_second() -> None:
    engine, clock = started(reps(8, tempo=3), get_ready=0)
    fractions = []
    for step in range(100):  # a second, read every 10 ms
        fractions.append(figure_fraction(view_at(engine, clock, step / 100)))
    changes = sum(1 for a, b in pairwise(fractions) if a != b)
    assert changes <= FRAMES_PER_SECOND


def test_the_rest_before_an_exercise_shows_the_next_one() -> None:
    engine, clock = started(reps(1, tempo=3), timed(30), get_ready=0)
    view = view_at(engine, clock, 4)
    assert view.phase is Phase.REST_EXERCISE
    assert figure_exercise(view).id == "exercise-2"


def test_at_your_own_pace_nothing_is_counted_and_the_figure_keeps_moving() -> None:
    engine, clock = started(reps(3, tempo=4, own_pace=True), get_ready=0)
    view = view_at(engine, clock, 1)
    cue = rep_cue(view)
    assert cue is not None and str(cue) == "3 reps · at your own pace"
    late = view_at(engine, clock, 3 * 4 + 1)  # past the tempo's estimate: still moving
    assert figure_fraction(late) == figure_fraction(view) > 0


def test_the_screen_looks_again_when_the_countdown_or_the_figure_next_changes() -> None:
    figure = words_figure()
    engine, clock = started(reps(8, tempo=8), get_ready=5)
    assert next_change_in(view_at(engine, clock, 1.4), figure) == pytest.approx(0.6 + PAST_THE_CHANGE)  # get ready
    moving = view_at(engine, clock, 5.1)  # 0.1 s into the first rep: the figure moves at every frame
    assert next_change_in(moving, figure) == pytest.approx(1 / FRAMES_PER_SECOND - 0.1 + PAST_THE_CHANGE)
    holding = view_at(engine, clock, 5 + 3.0)  # held at the top: the countdown's next second
    assert next_change_in(holding, figure) == pytest.approx(1.0 + PAST_THE_CHANGE)
    engine.pause()
    assert next_change_in(engine.view(), figure) == LONGEST_WAIT


def test_waits_are_never_shorter_than_the_floor() -> None:
    engine, clock = started(hold(10), get_ready=5)
    view = view_at(engine, clock, 4.9999)
    assert SHORTEST_WAIT <= next_change_in(view, words_figure()) <= 0.05

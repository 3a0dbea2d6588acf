"""The rep cue and the figure at the exact edges of a rep, a hold and a phase."""

from __future__ import annotations

import math

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.engine_timeline import Phase
from backcare_tui.domain.engine_view import SessionView
from backcare_tui.domain.poses import ExercisePoses, Pose, PoseSet
from backcare_tui.domain.rep_cue import (
    DEFAULT_WORDS,
    RepCue,
    figure_exercise,
    figure_fraction,
    figure_mirrored,
    rep_cue,
    rep_step,
    rep_words,
    settle_seconds,
)
from tests.support.plans import hold, make_plan, reps, timed

START = 1000.0  # FakeClock's first monotonic reading


def figure(start_word: str | None = "lower", end_word: str | None = "lift", **changes: object) -> ExercisePoses:
    start = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0), word=start_word)
    end = Pose(trunk=90, head=90, arm=(-90, -90), leg=(0, -90, 0), word=end_word)
    return ExercisePoses(poses=PoseSet(start=start, end=end), **changes)  # type: ignore[arg-type]


def started(*doses: object, get_ready: int = 0) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, get_ready=get_ready), clock)  # type: ignore[arg-type]
    engine.start()
    return engine, clock


def view_at(engine: SessionEngine, clock: FakeClock, seconds: float) -> SessionView:
    """The view `seconds` after the session started, reached with one tick."""
    clock.advance(START + seconds - clock.monotonic())
    engine.tick()
    return engine.view()


def assert_cue(cue: RepCue | None, label: str, word: str, rep: int, reps: int, changes_in: float) -> None:
    assert cue is not None
    assert (cue.label, cue.word, cue.rep, cue.reps) == (label, word, rep, reps)
    assert cue.changes_in == pytest.approx(changes_in)


# rep_step: the parts of one rep. At tempo 10 a move takes its longest, 2.5 s, and the hold 5 s.


def test_a_rep_moves_out_until_exactly_the_end_of_the_move() -> None:
    assert rep_step(10, 1.0) == rep_step(10, 1.0, DEFAULT_WORDS)
    assert rep_step(10, 1.0).word == "move"
    assert rep_step(10, 1.0).fraction == pytest.approx(0.4)
    assert rep_step(10, 1.0).seconds_left == pytest.approx(1.5)


def test_a_rep_holds_from_the_moment_the_move_ends() -> None:
    step = rep_step(10, 2.5)
    assert (step.word, step.fraction, step.seconds_left) == ("hold", 1.0, 5.0)


def test_a_rep_comes_back_from_the_moment_the_hold_ends() -> None:
    step = rep_step(10, 7.5)
    assert (step.word, step.fraction, step.seconds_left) == ("back", 1.0, 2.5)
    assert rep_step(10, 8.75).fraction == pytest.approx(0.5)


def test_past_the_end_of_a_rep_the_figure_stays_at_the_start_pose() -> None:
    step = rep_step(10, 12.0)
    assert (step.word, step.fraction, step.seconds_left) == ("back", 0.0, 0.0)


def test_rep_step_uses_the_words_it_is_given() -> None:
    words = ("lift", "brace", "lower")
    assert [rep_step(10, t, words).word for t in (0.0, 3.0, 8.0)] == ["lift", "brace", "lower"]


# The words of a movement.


def test_without_a_figure_the_default_words_are_used() -> None:
    assert rep_words(None) == ("move", "hold", "back")


def test_a_figure_without_words_falls_back_to_move_and_back() -> None:
    assert rep_words(figure(None, None, hold_word="brace")) == ("move", "brace", "back")


def test_a_figure_with_words_uses_them() -> None:
    assert rep_words(figure("lower", "lift")) == ("lift", "hold", "lower")


# How long moving into a held pose takes: 1.5 s, or 30% of a short phase (at least 0.5 s of it).


@pytest.mark.parametrize(
    ("phase_seconds", "settle"),
    [(10.0, 1.5), (5.0, 1.5), (4.0, 1.2), (2.0, 0.6), (1.0, 0.3), (0.5, 0.15), (0.0, 0.15)],
)
def test_settling_into_a_hold_takes_at_most_a_second_and_a_half(phase_seconds: float, settle: float) -> None:
    assert settle_seconds(phase_seconds) == pytest.approx(settle)


# Paced reps.


def test_the_first_moment_of_a_rep_is_the_start_of_the_move() -> None:
    engine, clock = started(reps(8, tempo=10))
    view = view_at(engine, clock, 0.0)
    assert view.phase is Phase.WORK
    assert_cue(rep_cue(view), "Rep 1 of 8", "move", 1, 8, 2.5)
    assert figure_fraction(view) == 0.0


def test_a_rep_cue_in_the_middle_of_a_plan_counts_reps_and_says_when_it_changes() -> None:
    engine, clock = started(reps(8, tempo=10))
    cue = rep_cue(view_at(engine, clock, 21.0), figure())
    assert_cue(cue, "Rep 3 of 8", "lift", 3, 8, 1.5)
    assert str(cue) == "Rep 3 of 8 · lift"


def test_the_figure_keeps_moving_through_the_second_rep() -> None:
    engine, clock = started(reps(8, tempo=3))
    assert figure_fraction(view_at(engine, clock, 3.5)) == pytest.approx(0.5 / 1.05)


def test_a_lengthened_phase_says_the_reps_are_done_from_the_last_reps_end() -> None:
    engine, clock = started(reps(2, tempo=3))
    engine.adjust(10)
    view = view_at(engine, clock, 6.0)
    cue = rep_cue(view, figure())
    assert_cue(cue, "Rep 2 of 2", "", 2, 2, 10.0)
    assert str(cue) == "Rep 2 of 2"
    assert figure_fraction(view) == 0.0
    later = rep_cue(view_at(engine, clock, 8.0))
    assert_cue(later, "Rep 2 of 2", "", 2, 2, 8.0)


def test_at_your_own_pace_the_cue_counts_nothing_and_never_changes() -> None:
    engine, clock = started(reps(3, tempo=4, own_pace=True))
    assert rep_cue(view_at(engine, clock, 1.0)) == RepCue("3 reps", "at your own pace", 0, 3, math.inf)


# Holds.


def test_a_hold_settles_then_holds_from_exactly_the_settle_time() -> None:
    engine, clock = started(hold(10, reps=3, relax=4))
    shape = figure(hold_word="brace")
    view = view_at(engine, clock, 0.5)
    assert_cue(rep_cue(view, shape), "Hold 1 of 3", "lift", 1, 3, 1.0)
    assert figure_fraction(view, shape) == pytest.approx(1 / 3)
    view = view_at(engine, clock, 1.5)
    assert_cue(rep_cue(view, shape), "Hold 1 of 3", "brace", 1, 3, 8.5)
    assert figure_fraction(view, shape) == 1.0


def test_a_release_says_the_hold_that_comes_next_and_when_it_starts() -> None:
    engine, clock = started(hold(10, reps=3, relax=4))
    view = view_at(engine, clock, 11.0)
    assert view.phase is Phase.RELAX
    assert_cue(rep_cue(view, figure()), "Release", "lower", 2, 3, 3.0)
    assert str(rep_cue(view)) == "Release · back"


def test_a_hold_exercise_has_no_cue_while_getting_ready_or_resting() -> None:
    engine, clock = started(hold(5, reps=1, sets=2, rest=10), timed(30), get_ready=5)
    view = view_at(engine, clock, 1.0)
    assert view.phase is Phase.GET_READY
    assert rep_cue(view) is None
    view = view_at(engine, clock, 12.0)
    assert view.phase is Phase.REST
    assert rep_cue(view) is None


# Timed work that cycles.


def test_a_cycling_figure_turns_at_half_its_cycle() -> None:
    engine, clock = started(timed(60))
    walking = figure(timed="cycle", cycle_seconds=2.0)
    assert figure_fraction(view_at(engine, clock, 10.0), walking) == 0.0
    assert figure_fraction(view_at(engine, clock, 10.5), walking) == pytest.approx(0.5)
    assert figure_fraction(view_at(engine, clock, 11.0), walking) == 1.0
    assert figure_fraction(view_at(engine, clock, 11.5), walking) == pytest.approx(0.5)


# Which exercise is drawn, and which way round.


def test_while_working_the_figure_is_the_current_exercise_not_the_next() -> None:
    engine, clock = started(reps(2, tempo=3), timed(30), reps(3), hold(5))
    view = view_at(engine, clock, 1.0)
    assert view.phase is Phase.WORK and view.next_exercise is not None
    assert figure_exercise(view).id == "exercise-1"


def test_the_left_side_is_drawn_the_right_way_round_and_the_right_side_mirrored() -> None:
    engine, clock = started(reps(2, tempo=3, per_side=True, rest=5))
    view = view_at(engine, clock, 1.0)
    assert (view.phase, view.side) == (Phase.WORK, "left")
    assert not figure_mirrored(view)
    view = view_at(engine, clock, 12.0)
    assert (view.phase, view.side) == (Phase.WORK, "right")
    assert figure_mirrored(view)


def test_the_rest_before_the_next_exercise_is_never_mirrored() -> None:
    engine, clock = started(reps(2, tempo=3, per_side=True, rest=5), timed(30))
    view = view_at(engine, clock, 6.0 + 5.0 + 6.0 + 1.0)
    assert view.phase is Phase.REST_EXERCISE
    assert not figure_mirrored(view)

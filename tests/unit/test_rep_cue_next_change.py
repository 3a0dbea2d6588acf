"""When the run screen must next redraw: the exact moment the next change is due.

Every expected wait below is the time until the first of: the countdown's next second, the
phase's end, the rep cue's next word, the figure's next picture (at FRAMES_PER_SECOND), plus
PAST_THE_CHANGE so that the clock has passed it when the screen looks.
"""

from __future__ import annotations

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.engine_view import SessionView
from backcare_tui.domain.poses import ExercisePoses, Pose, PoseSet
from backcare_tui.domain.rep_cue import LONGEST_WAIT, PAST_THE_CHANGE, next_change_in
from tests.support.plans import hold, make_plan, reps, timed

START = 1000.0  # FakeClock's first monotonic reading


def figure(**changes: object) -> ExercisePoses:
    start = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0), word="lower")
    end = Pose(trunk=90, head=90, arm=(-90, -90), leg=(0, -90, 0), word="lift")
    return ExercisePoses(poses=PoseSet(start=start, end=end), **changes)  # type: ignore[arg-type]


WALKING = figure(timed="cycle", cycle_seconds=2.0)  # end pose at 1 s, start pose at 0 s and 2 s


def started(*doses: object, get_ready: int = 0) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses, get_ready=get_ready), clock)  # type: ignore[arg-type]
    engine.start()
    return engine, clock


def view_at(engine: SessionEngine, clock: FakeClock, seconds: float) -> SessionView:
    """The view `seconds` after the session started, reached with one (late) tick."""
    clock.advance(START + seconds - clock.monotonic())
    engine.tick()
    return engine.view()


NEXT_FRAME_AFTER_0_3 = 1 / 3 - 0.3  # frames fall every 1/6 s of a phase: 0.3 s in, the next is at 1/3 s


def looks_again_in(seconds: float) -> object:
    return pytest.approx(seconds + PAST_THE_CHANGE, abs=1e-6)


# Reps at a set tempo. At tempo 10 a rep moves out for 2.5 s, holds 5 s, comes back 2.5 s.


def test_while_a_rep_moves_the_screen_looks_again_at_the_next_frame() -> None:
    engine, clock = started(reps(8, tempo=10))
    assert next_change_in(view_at(engine, clock, 0.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_while_a_rep_moves_in_a_later_rep_the_next_frame_is_still_due() -> None:
    engine, clock = started(reps(8, tempo=10))
    assert next_change_in(view_at(engine, clock, 10.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_a_rep_held_at_the_top_looks_again_when_the_cue_says_lower() -> None:
    engine, clock = started(reps(8, tempo=10))
    # the hold ends at 7.5 s; the figure first moves back at the 7 2/3 s frame
    assert next_change_in(view_at(engine, clock, 7.3), figure()) == looks_again_in(0.2)
    assert next_change_in(view_at(engine, clock, 7.45), figure()) == looks_again_in(0.05)


def test_a_rep_held_at_the_top_otherwise_looks_again_at_the_countdowns_next_second() -> None:
    engine, clock = started(reps(8, tempo=10))
    assert next_change_in(view_at(engine, clock, 4.3), figure()) == looks_again_in(0.7)


def test_reps_in_a_phase_starting_late_follow_its_own_clock() -> None:
    engine, clock = started(hold(4), reps(8, tempo=10))  # a 4 s hold, a 15 s rest: the reps begin at 19 s
    assert next_change_in(view_at(engine, clock, 19 + 7.45), figure()) == looks_again_in(0.05)
    assert next_change_in(view_at(engine, clock, 19 + 10.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


# Reps at the person's own pace: the clock counts up, the figure keeps moving at the tempo.


def test_at_your_own_pace_the_clock_counting_up_shows_its_next_second() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    # at 4.3 s the figure is held (2.5 s to 7.5 s): only the count-up clock changes, at 5 s
    assert next_change_in(view_at(engine, clock, 4.3), figure()) == looks_again_in(0.7)


def test_at_your_own_pace_a_whole_second_shows_the_next_one_a_second_later() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    assert next_change_in(view_at(engine, clock, 4.0), figure()) == looks_again_in(1.0)


def test_at_your_own_pace_the_figure_moving_out_changes_at_the_next_frame() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    assert next_change_in(view_at(engine, clock, 0.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_at_your_own_pace_the_figure_moves_back_after_the_hold() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    # the 7.5 s frame still shows the end pose; the 7 2/3 s frame is the first one back
    assert next_change_in(view_at(engine, clock, 7.4), figure()) == looks_again_in(7.5 + 1 / 6 - 7.4)


def test_at_your_own_pace_a_figure_just_held_waits_for_the_next_second() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    assert next_change_in(view_at(engine, clock, 2.55), figure()) == looks_again_in(0.45)


def test_at_your_own_pace_past_the_tempos_estimate_the_figure_keeps_moving() -> None:
    engine, clock = started(reps(3, tempo=10, own_pace=True))
    assert next_change_in(view_at(engine, clock, 30 + 0.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


# Holds: settling into the pose, holding, and the release between.


def test_a_hold_settling_in_changes_at_every_frame() -> None:
    engine, clock = started(hold(10, reps=2))
    assert next_change_in(view_at(engine, clock, 0.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_a_hold_once_settled_looks_again_at_the_countdowns_next_second() -> None:
    engine, clock = started(hold(10, reps=2))
    assert next_change_in(view_at(engine, clock, 3.3), figure()) == looks_again_in(0.7)


def test_a_hold_near_its_end_looks_again_when_it_ends() -> None:
    engine, clock = started(hold(10, reps=2))
    assert next_change_in(view_at(engine, clock, 9.96), figure()) == looks_again_in(0.04)


def test_the_release_between_holds_moves_back_at_every_frame() -> None:
    engine, clock = started(hold(10, reps=2, relax=3))
    assert next_change_in(view_at(engine, clock, 10.3), figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_the_release_once_back_waits_for_the_countdown() -> None:
    engine, clock = started(hold(10, reps=2, relax=3))
    # the release settles over 0.9 s (30% of 3 s)
    assert next_change_in(view_at(engine, clock, 11.3), figure()) == looks_again_in(0.7)


# Timed work: a plank holds, walking cycles.


def test_walking_changes_at_every_frame_long_after_it_began() -> None:
    engine, clock = started(timed(60))
    assert next_change_in(view_at(engine, clock, 10.3), WALKING) == looks_again_in(NEXT_FRAME_AFTER_0_3)


def test_walking_reaches_the_end_pose_at_the_next_frame() -> None:
    engine, clock = started(timed(60))
    assert next_change_in(view_at(engine, clock, 10.93), WALKING) == looks_again_in(0.07)


def test_a_slower_walk_reaches_its_end_pose_between_two_seconds() -> None:
    engine, clock = started(timed(60))
    strolling = figure(timed="cycle", cycle_seconds=2.4)  # end pose at 1.2 s, 3.6 s, ... 10.8 s
    # 10.8 s falls between the frames at 10 2/3 s and 10 5/6 s: the next picture is due at the latter
    assert next_change_in(view_at(engine, clock, 10.75), strolling) == looks_again_in(10 + 5 / 6 - 10.75)


def test_a_walk_whose_frames_either_side_of_the_end_pose_look_the_same_waits_for_the_one_after() -> None:
    engine, clock = started(timed(60))
    strolling = figure(timed="cycle", cycle_seconds=2.5)  # end pose at 11.25 s, between the 11 1/6 and 11 1/3 s frames
    # both frames show the figure the same way short of the end pose: the next new picture is at 11.5 s
    assert next_change_in(view_at(engine, clock, 11.2), strolling) == looks_again_in(11.5 - 11.2)


def test_walking_leaves_the_end_pose_at_the_next_frame() -> None:
    engine, clock = started(timed(60))
    assert next_change_in(view_at(engine, clock, 11.03), WALKING) == looks_again_in(11 + 1 / 6 - 11.03)


def test_a_plank_once_settled_waits_for_the_countdown() -> None:
    engine, clock = started(timed(60))
    assert next_change_in(view_at(engine, clock, 10.3), figure()) == looks_again_in(0.7)


def test_walking_in_its_last_moment_looks_again_when_the_phase_ends() -> None:
    engine, clock = started(timed(60), timed(60))
    assert next_change_in(view_at(engine, clock, 59.96), WALKING) == looks_again_in(0.04)


# Still screens: getting ready, resting, paused.


def test_getting_ready_looks_again_at_the_countdowns_next_second() -> None:
    engine, clock = started(reps(8, tempo=10), get_ready=5)
    assert next_change_in(view_at(engine, clock, 1.3), figure()) == looks_again_in(0.7)


def test_resting_between_exercises_looks_again_at_the_countdowns_next_second() -> None:
    engine, clock = started(timed(10), timed(10))  # rest 15 s from 10 s
    assert next_change_in(view_at(engine, clock, 12.3), WALKING) == looks_again_in(0.7)


def test_paused_the_screen_looks_again_after_the_longest_wait() -> None:
    engine, clock = started(reps(8, tempo=10))
    view_at(engine, clock, 0.3)
    engine.pause()
    assert next_change_in(engine.view(), figure()) == LONGEST_WAIT


# Per-side exercises: each side has its own phase, with the same timing.


def test_the_second_side_of_a_per_side_hold_settles_at_every_frame() -> None:
    engine, clock = started(hold(10, per_side=True))  # left 0-10 s, a 15 s rest, right from 25 s
    left = view_at(engine, clock, 0.3)
    assert left.side == "left"
    assert next_change_in(left, figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)
    changing_sides = view_at(engine, clock, 12.3)
    assert next_change_in(changing_sides, figure()) == looks_again_in(0.7)
    right = view_at(engine, clock, 25 + 0.3)
    assert right.side == "right"
    assert next_change_in(right, figure()) == looks_again_in(NEXT_FRAME_AFTER_0_3)
    assert next_change_in(view_at(engine, clock, 25 + 3.3), figure()) == looks_again_in(0.7)

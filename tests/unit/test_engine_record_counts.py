"""How a session's work becomes its stored numbers: per-side sets and sides, the most reps
reached in a block over two visits, active time to the tenth, and times that add up."""

from __future__ import annotations

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.engine_record import ExerciseTally, split_tenths
from backcare_tui.domain.models import Dose, ExerciseResult, PlannedExercise
from tests.support.plans import hold, make_exercise, make_plan, reps, timed


def run_then_stop(dose: Dose, seconds: float, *, restart_at: float | None = None) -> ExerciseResult:
    """Do `dose` (no get ready) for `seconds`, restarting it once at `restart_at`, then stop."""
    clock = FakeClock()
    engine = SessionEngine(make_plan(dose, get_ready=0), clock, session_id="s1")
    engine.start()
    if restart_at is not None:
        clock.advance(restart_at)
        engine.restart_exercise()
    clock.advance(seconds)
    engine.stop()
    return engine.record().exercises[0]


# Each side holds 2 s once, 1 s rest between blocks: set 1 left 0-2, rest, set 1 right 3-5,
# rest, set 2 left 6-8, rest, set 2 right 9-11.
PER_SIDE = hold(2, reps=1, per_side=True, sets=2, rest=1)


def test_per_side_holds_with_one_set_on_both_sides_count_the_set_but_no_side() -> None:
    result = run_then_stop(PER_SIDE, 5.5)
    assert (result.status, result.sets_done, result.sides_done, result.reps_done) == ("partial", 1, 0, 2)


def test_per_side_holds_count_a_side_once_it_has_every_set() -> None:
    result = run_then_stop(PER_SIDE, 8.5)
    assert (result.status, result.sets_done, result.sides_done, result.reps_done) == ("partial", 1, 1, 3)


def test_per_side_holds_done_in_full_count_every_set_and_both_sides() -> None:
    result = run_then_stop(PER_SIDE, 20)
    assert (result.status, result.sets_done, result.sides_done, result.reps_done) == ("done", 2, 2, 4)


def test_a_block_keeps_the_most_reps_reached_in_any_visit() -> None:
    # 3 reps paced in the first visit; after a restart only 1 before stopping.
    result = run_then_stop(reps(5, tempo=2), 2.5, restart_at=6.5)
    assert (result.status, result.reps_done) == ("partial", 3)


def test_a_rep_not_yet_finished_does_not_count() -> None:
    result = run_then_stop(reps(5, tempo=3), 2.9)
    assert (result.status, result.reps_done) == ("partial", 0)


def test_active_time_is_stored_to_the_tenth_of_a_second() -> None:
    result = run_then_stop(timed(10), 3.33)
    assert result.active_seconds == 3.3


def test_a_block_done_or_cut_short_makes_the_exercise_partial() -> None:
    dose = timed(10, sets=3)
    assert ExerciseTally(blocks_done={0}).status(dose) == "partial"
    assert ExerciseTally(blocks_shortened={0}).status(dose) == "partial"
    assert ExerciseTally(block_reps={0: 2}).status(dose) == "partial"
    assert ExerciseTally(skipped=True).status(dose) == "skipped"
    assert ExerciseTally().status(dose) == "not_started"


def test_every_block_done_gives_the_full_counts() -> None:
    dose = hold(5, reps=3, per_side=True)
    item = PlannedExercise(exercise=make_exercise("side-plank", dose), dose=dose)
    result = ExerciseTally(blocks_done={0, 1}).result(item)
    assert (result.status, result.reps_done, result.sets_done, result.sides_done) == ("done", 6, 1, 2)


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        (1.0, (0.46, 0.27, 0.27), [0.4, 0.3, 0.3]),  # the largest remainders get the tenths
        (1.0, (0.5, 0.5, 0.1), [0.5, 0.5, 0.0]),  # floors over the total: the last part gives
        (1.0, (0.5, 0.5, 0.1, 0.1), [0.5, 0.5, 0.0, 0.0]),
        (0.9, (0.5, 0.5, 0.0), [0.5, 0.4, 0.0]),  # a part at zero never goes below it
    ],
)
def test_split_tenths_rounds_parts_so_they_add_up_to_the_total(
    total: float, parts: tuple[float, ...], expected: list[float]
) -> None:
    assert split_tenths(total, parts) == expected


def test_a_copy_of_a_tally_is_equal_and_independent() -> None:
    tally = ExerciseTally(4.5, {0: 3}, {0}, True, {1})
    copy = tally.copy()
    assert copy == tally
    copy.add_reps(1, 2)
    copy.finish_block(1, shortened=False)
    copy.finish_block(2, shortened=True)
    assert tally == ExerciseTally(4.5, {0: 3}, {0}, True, {1})

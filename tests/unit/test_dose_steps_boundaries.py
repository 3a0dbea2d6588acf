"""One step up or down a dose: the exact amounts where the size of a step changes, and the limits."""

from __future__ import annotations

import pytest

from backcare_tui.domain.dose_steps import (
    Bounds,
    Step,
    amount,
    amount_down,
    amount_up,
    at_limit,
    bounds,
    describe_amount,
    gentle,
    step_down,
    step_up,
    with_amount,
)
from backcare_tui.domain.models import Dose, HoldDose, Limits, RepsDose, TimedDose
from tests.support.progression import exercise

BRIDGE = exercise("bridge", RepsDose(reps=10), easier="tilt", harder="one-leg-bridge")
ONE_LEG = exercise("one-leg-bridge", RepsDose(reps=5, tempo=2), easier="bridge")
TILT = exercise("tilt", RepsDose(reps=6))
STRETCH = exercise("stretch", HoldDose(hold=8), elements=("stretch",))
HOLD = exercise("hold", HoldDose(hold=8))
PLANK = exercise("plank", TimedDose(seconds=20))
WALK = exercise("walk", TimedDose(seconds=600), elements=("activity", "strengthen"))
EXERCISES = {e.id: e for e in (BRIDGE, ONE_LEG, TILT, STRETCH, HOLD, PLANK, WALK)}


# --- amounts and their defaults ----------------------------------------------------------------


def test_the_amount_is_reps_seconds_held_or_seconds_of_work() -> None:
    assert amount(RepsDose(reps=7, sets=2)) == 7
    assert amount(HoldDose(hold=12, reps=3)) == 12
    assert amount(TimedDose(seconds=90)) == 90
    assert with_amount(RepsDose(reps=7, sets=2), 9) == RepsDose(reps=9, sets=2)
    assert with_amount(HoldDose(hold=12, reps=3), 15) == HoldDose(hold=15, reps=3)
    assert with_amount(TimedDose(seconds=90), 100) == TimedDose(seconds=100)


@pytest.mark.parametrize(
    ("ex", "dose", "expected"),
    [
        (BRIDGE, RepsDose(reps=10), Bounds(most=15, most_sets=3, least=1)),
        (STRETCH, HoldDose(hold=8), Bounds(most=30, most_sets=3, least=1)),
        (HOLD, HoldDose(hold=8), Bounds(most=30, most_sets=3, least=1)),
        (PLANK, TimedDose(seconds=20), Bounds(most=60, most_sets=3, least=5)),
        (WALK, TimedDose(seconds=600), Bounds(most=1800, most_sets=3, least=5)),
    ],
)
def test_default_limits_by_kind_of_dose(ex: object, dose: Dose, expected: Bounds) -> None:
    assert bounds(ex, dose) == expected  # type: ignore[arg-type]


def test_limits_written_in_the_library_win() -> None:
    limits = Limits(max_reps=12, max_sets=2, max_hold=45, max_seconds=90, min_reps=4, min_hold=6, min_seconds=20)
    custom = exercise("custom", RepsDose(reps=5), limits=limits)
    assert bounds(custom, RepsDose(reps=5)) == Bounds(most=12, most_sets=2, least=4)
    assert bounds(custom, HoldDose(hold=10)) == Bounds(most=45, most_sets=2, least=6)
    assert bounds(custom, TimedDose(seconds=30)) == Bounds(most=90, most_sets=2, least=20)


# --- one step up -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dose", "most", "expected"),
    [
        (RepsDose(reps=9), 15, RepsDose(reps=10)),  # +1 below 10
        (RepsDose(reps=10), 15, RepsDose(reps=12)),  # +2 from 10
        (RepsDose(reps=14), 15, RepsDose(reps=15)),  # capped
        (RepsDose(reps=15), 15, None),
        (RepsDose(reps=16), 15, None),
        (HoldDose(hold=9), 30, HoldDose(hold=11)),  # +2 s below 10 s
        (HoldDose(hold=10), 30, HoldDose(hold=15)),  # +5 s from 10 s
        (TimedDose(seconds=8), 60, TimedDose(seconds=10)),  # short timed work steps like a hold
        (TimedDose(seconds=10), 60, TimedDose(seconds=15)),
        (TimedDose(seconds=119), 1800, TimedDose(seconds=124)),
        (TimedDose(seconds=120), 1800, TimedDose(seconds=150)),  # 10%, but at least 30 s
        (TimedDose(seconds=400), 1800, TimedDose(seconds=440)),  # 10%
        (TimedDose(seconds=1000), 1800, TimedDose(seconds=1100)),
        (TimedDose(seconds=315), 1800, TimedDose(seconds=347)),  # 31.5 rounds to 32
    ],
)
def test_one_step_more_of_the_amount(dose: Dose, most: int, expected: Dose | None) -> None:
    assert amount_up(dose, most) == expected


def test_at_the_most_per_set_another_set_is_added_up_to_the_most_sets() -> None:
    assert step_up(BRIDGE, RepsDose(reps=15), EXERCISES) == Step("bridge", RepsDose(reps=15, sets=2))
    assert step_up(BRIDGE, RepsDose(reps=15, sets=2), EXERCISES) == Step("bridge", RepsDose(reps=15, sets=3))


def test_at_the_top_the_harder_variant_starts_at_its_own_dose() -> None:
    assert step_up(BRIDGE, RepsDose(reps=15, sets=3), EXERCISES) == Step("one-leg-bridge", RepsDose(reps=5, tempo=2))


def test_without_a_harder_variant_in_the_library_the_top_is_the_end() -> None:
    assert step_up(BRIDGE, RepsDose(reps=15, sets=3), {"bridge": BRIDGE}) is None
    assert step_up(TILT, RepsDose(reps=15, sets=3), EXERCISES) is None


@pytest.mark.parametrize(
    ("dose", "top"),
    [
        (RepsDose(reps=15, sets=3), True),
        (RepsDose(reps=16, sets=3), True),
        (RepsDose(reps=14, sets=3), False),
        (RepsDose(reps=15, sets=2), False),
    ],
)
def test_at_the_limit_needs_both_the_most_per_set_and_the_most_sets(dose: Dose, top: bool) -> None:
    assert at_limit(BRIDGE, dose) is top


# --- one step down -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dose", "least", "expected"),
    [
        (RepsDose(reps=12), 1, RepsDose(reps=10)),  # -2 while it stays at 10 or more
        (RepsDose(reps=11), 1, RepsDose(reps=10)),  # -1 below that
        (RepsDose(reps=10), 1, RepsDose(reps=9)),
        (RepsDose(reps=2), 1, RepsDose(reps=1)),
        (RepsDose(reps=9), 8, RepsDose(reps=8)),
        (RepsDose(reps=8), 8, None),
        (RepsDose(reps=7), 8, None),
        (HoldDose(hold=15), 1, HoldDose(hold=10)),  # -5 s while it stays at 10 s or more
        (HoldDose(hold=14), 1, HoldDose(hold=12)),  # -2 s below that
        (HoldDose(hold=10), 1, HoldDose(hold=8)),
        (HoldDose(hold=2), 1, HoldDose(hold=1)),
        (HoldDose(hold=12), 11, HoldDose(hold=11)),  # never under the least
        (TimedDose(seconds=60), 5, TimedDose(seconds=55)),
        (TimedDose(seconds=119), 5, TimedDose(seconds=114)),
        (TimedDose(seconds=120), 5, TimedDose(seconds=90)),  # long work: at least 30 s
        (TimedDose(seconds=150), 5, TimedDose(seconds=120)),
        (TimedDose(seconds=660), 5, TimedDose(seconds=600)),  # one eleventh: the step up, reversed
        (TimedDose(seconds=1100), 5, TimedDose(seconds=1000)),
    ],
)
def test_one_step_less_of_the_amount(dose: Dose, least: int, expected: Dose | None) -> None:
    assert amount_down(dose, least) == expected


def test_a_set_comes_off_before_the_amount_but_not_below_the_starting_sets() -> None:
    floor = RepsDose(reps=8, sets=2)
    assert step_down(BRIDGE, RepsDose(reps=12, sets=3), floor, EXERCISES) == Step("bridge", RepsDose(reps=12, sets=2))
    assert step_down(BRIDGE, RepsDose(reps=12, sets=2), floor, EXERCISES) == Step("bridge", RepsDose(reps=10, sets=2))


def test_easing_back_stops_at_the_starting_amount_or_the_exercise_minimum() -> None:
    minimum = exercise("m", RepsDose(reps=10), limits=Limits(min_reps=7))
    assert step_down(minimum, RepsDose(reps=8), RepsDose(reps=5), {}) == Step("m", RepsDose(reps=7))
    assert step_down(minimum, RepsDose(reps=7), RepsDose(reps=5), {}) is None
    assert step_down(minimum, RepsDose(reps=9), RepsDose(reps=8), {}) == Step("m", RepsDose(reps=8))


def test_a_dose_of_another_kind_than_the_starting_one_only_moves_to_the_easier_variant() -> None:
    assert step_down(BRIDGE, RepsDose(reps=12), HoldDose(hold=5), EXERCISES) == Step("tilt", RepsDose(reps=6))


def test_below_the_start_the_easier_variant_at_its_own_dose_or_the_routines() -> None:
    at_start = RepsDose(reps=5, tempo=2)
    assert step_down(ONE_LEG, at_start, at_start, EXERCISES) == Step("bridge", RepsDose(reps=10))
    slot = Step("bridge", RepsDose(reps=8))
    assert step_down(ONE_LEG, at_start, at_start, EXERCISES, slot=slot) == slot
    other_slot = Step("tilt", RepsDose(reps=3))
    assert step_down(ONE_LEG, at_start, at_start, EXERCISES, slot=other_slot) == Step("bridge", RepsDose(reps=10))


def test_without_an_easier_variant_there_is_no_step_down() -> None:
    assert step_down(TILT, RepsDose(reps=6), RepsDose(reps=6), EXERCISES) is None
    assert step_down(ONE_LEG, RepsDose(reps=5), RepsDose(reps=5), {}) is None


# --- one gentle session ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ex", "dose", "expected"),
    [
        (BRIDGE, RepsDose(reps=10, sets=2), RepsDose(reps=10)),
        (BRIDGE, RepsDose(reps=10), RepsDose(reps=9)),
        (BRIDGE, RepsDose(reps=1), RepsDose(reps=1)),
        (HOLD, HoldDose(hold=2), HoldDose(hold=1)),
        (HOLD, HoldDose(hold=1), HoldDose(hold=1)),
        (PLANK, TimedDose(seconds=8), TimedDose(seconds=6)),
        (PLANK, TimedDose(seconds=6), TimedDose(seconds=5)),
        (PLANK, TimedDose(seconds=5), TimedDose(seconds=5)),
    ],
)
def test_a_gentle_session_is_one_step_down_to_the_exercise_minimum(ex: object, dose: Dose, expected: Dose) -> None:
    assert gentle(ex, dose) == expected  # type: ignore[arg-type]


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (RepsDose(reps=10), "10 reps"),
        (RepsDose(reps=10, sets=2), "10 reps x 2 sets"),
        (HoldDose(hold=12, reps=3), "hold 12 s"),
        (HoldDose(hold=12, sets=3), "hold 12 s x 3 sets"),
        (TimedDose(seconds=45), "45 s"),
        (TimedDose(seconds=60), "1 min"),
        (TimedDose(seconds=150, sets=2), "2 min 30 s x 2 sets"),
    ],
)
def test_describe_amount(dose: Dose, words: str) -> None:
    assert describe_amount(dose) == words

"""Models at their edges: a hold said twice, the limits' minimum-over-maximum messages, an
exercise's own get-ready time and copies of frozen records."""

from __future__ import annotations

import pytest

from backcare_tui.domain.models import Limits, PlannedExercise, replace
from tests.support.plans import hold, make_plan, timed


@pytest.mark.parametrize(("reps", "text"), [(1, "hold 5 s"), (2, "hold 5 s x 2"), (3, "hold 5 s x 3")])
def test_a_hold_names_its_count_from_two_holds_on(reps: int, text: str) -> None:
    assert hold(5, reps=reps).describe() == text


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        ({"min_reps": 9, "max_reps": 8}, "min_reps (9) must not be more than max_reps (8)"),
        ({"min_hold": 21, "max_hold": 20}, "min_hold (21) must not be more than max_hold (20)"),
        ({"min_seconds": 61, "max_seconds": 60}, "min_seconds (61) must not be more than max_seconds (60)"),
    ],
)
def test_a_minimum_above_its_maximum_is_refused_by_name(limits: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        Limits(**limits)
    assert str(raised.value) == message


def test_a_minimum_equal_to_its_maximum_is_allowed() -> None:
    limits = Limits(min_reps=8, max_reps=8, min_hold=20, max_hold=20, min_seconds=60, max_seconds=60)
    assert (limits.min_reps, limits.min_hold, limits.min_seconds) == (8, 20, 60)


def test_get_ready_is_longer_only_where_the_position_changes() -> None:
    plan = make_plan(timed(10), timed(10), timed(10), timed(10), get_ready=5)
    postures = ["back", "back", "standing", None]
    items = tuple(
        PlannedExercise(exercise=replace(item.exercise, posture=posture), dose=item.dose)
        for item, posture in zip(plan.items, postures, strict=True)
    )
    plan = replace(plan, items=items)
    # From sitting to the floor, the same again, up to standing, then a position not given.
    assert [plan.get_ready_before(index) for index in range(4)] == [10, 5, 10, 5]


def test_replace_copies_with_the_changes_and_leaves_the_original() -> None:
    dose = timed(10, sets=2)
    longer = replace(dose, seconds=20)
    assert (longer.seconds, longer.sets) == (20, 2)
    assert dose.seconds == 10

"""Dose arithmetic and plan estimates: the numbers every duration shown to the user rests on."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.domain.models import (
    Dose,
    Exercise,
    HoldDose,
    PlannedExercise,
    RepsDose,
    Routine,
    RoutinePlan,
    TimedDose,
)


@pytest.mark.parametrize(
    ("dose", "blocks", "block_seconds", "work_seconds"),
    [
        (HoldDose(hold=10), 1, 10, 10),
        (HoldDose(hold=10, reps=3, relax=5), 1, 3 * 10 + 2 * 5, 40),
        (HoldDose(hold=5, reps=5, relax=0, per_side=True, rest=10), 2, 25, 2 * 25 + 10),
        (RepsDose(reps=10), 1, 30, 30),
        (RepsDose(reps=8, tempo=6, sets=2, rest=20), 2, 48, 2 * 48 + 20),
        (RepsDose(reps=5, tempo=2, sets=3, per_side=True, rest=0), 6, 10, 60),
        (TimedDose(seconds=30), 1, 30, 30),
        (TimedDose(seconds=20, sets=2, per_side=True, rest=15), 4, 20, 4 * 20 + 3 * 15),
    ],
)
def test_dose_seconds(dose: Dose, blocks: int, block_seconds: int, work_seconds: int) -> None:
    assert dose.blocks == blocks
    assert dose.block_seconds == block_seconds
    assert dose.work_seconds == work_seconds


@pytest.mark.parametrize(
    ("dose", "text"),
    [
        (HoldDose(hold=10), "hold 10 s"),
        (HoldDose(hold=5, reps=8), "hold 5 s x 8"),
        (HoldDose(hold=20, reps=3, per_side=True), "hold 20 s x 3, each side"),
        (RepsDose(reps=10), "10 reps, 3 s each"),
        (RepsDose(reps=10, tempo=4, sets=2, rest=30), "10 reps, 4 s each, 2 sets, 30 s rest"),
        (RepsDose(reps=5, per_side=True, sets=3), "5 reps, 3 s each, each side, 3 sets, 15 s rest"),
        (TimedDose(seconds=45), "45 s"),
        (TimedDose(seconds=60), "1 min"),
        (TimedDose(seconds=90, per_side=True), "1 min 30 s, each side"),
        (TimedDose(seconds=600), "10 min"),
    ],
)
def test_dose_describe(dose: Dose, text: str) -> None:
    assert dose.describe() == text


def test_dose_decodes_by_kind_with_defaults() -> None:
    dose = msgspec.convert({"kind": "hold", "hold": 15}, Dose)

    assert dose == HoldDose(hold=15, reps=1, relax=3, per_side=False, sets=1, rest=15)


def make_exercise(
    exercise_id: str, dose: Dose, elements: tuple[str, ...] = ("stretch",), equipment: tuple[str, ...] = ()
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id,
        elements=elements,
        summary="s",
        targets=("back",),
        position="lying",
        equipment=equipment,
        steps=("a", "b", "c"),
        safety=("careful",),
        dose=dose,
        sources=("TEST",),
    )


def make_plan(*items: PlannedExercise, get_ready: int = 5, rest_between: int = 15) -> RoutinePlan:
    routine = msgspec.convert(
        {
            "id": "r",
            "name": "R",
            "description": "d",
            "elements": ["stretch"],
            "sources": ["TEST"],
            "steps": [{"exercise": item.exercise.id} for item in items],
            "get_ready": get_ready,
            "rest_between": rest_between,
        },
        Routine,
    )
    return RoutinePlan(routine, items)


def test_estimate_adds_get_ready_work_and_rests_between() -> None:
    stretch = make_exercise("a", HoldDose(hold=10, reps=3, relax=5))  # 40 s
    press = make_exercise("b", RepsDose(reps=10, sets=2, rest=20))  # 2 x 30 + 20 = 80 s
    plan = make_plan(
        PlannedExercise(stretch, stretch.dose), PlannedExercise(press, press.dose), get_ready=5, rest_between=15
    )

    assert [item.planned_seconds for item in plan.items] == [40, 80]
    assert plan.estimated_seconds == (5 + 40) + (5 + 80) + 15
    assert plan.estimated_minutes == 2


def test_estimate_uses_the_planned_dose_not_the_exercise_default() -> None:
    stretch = make_exercise("a", HoldDose(hold=10))
    plan = make_plan(PlannedExercise(stretch, TimedDose(seconds=120)), get_ready=0, rest_between=30)

    assert plan.estimated_seconds == 120


def test_estimated_minutes_is_rounded_and_at_least_one() -> None:
    short = make_exercise("a", HoldDose(hold=5))
    assert make_plan(PlannedExercise(short, short.dose), get_ready=0).estimated_minutes == 1
    walk = make_exercise("w", TimedDose(seconds=150))  # 2.5 min + 5 s get-ready
    assert make_plan(PlannedExercise(walk, walk.dose)).estimated_minutes == 3


def test_plan_elements_are_in_canonical_order_and_equipment_deduplicated() -> None:
    a = make_exercise("a", HoldDose(hold=5), elements=("strengthen", "stretch"), equipment=("mat",))
    b = make_exercise("b", HoldDose(hold=5), elements=("activity", "mobilise"), equipment=("mat", "chair"))
    plan = make_plan(PlannedExercise(a, a.dose), PlannedExercise(b, b.dose))

    assert plan.elements == ("stretch", "mobilise", "strengthen", "activity")
    assert plan.equipment == ("mat", "chair")

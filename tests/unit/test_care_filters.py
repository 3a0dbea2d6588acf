"""Care filters: which routines each filter leaves out, and the one-line care summary."""

from __future__ import annotations

from backcare_tui.domain.care import CARE_FILTERS, care_summary, next_care_filter, plan_fits
from backcare_tui.domain.models import Exercise, PlannedExercise, RoutinePlan, replace
from tests.support.plans import hold, make_exercise, make_plan


def plan_of(*exercises: Exercise) -> RoutinePlan:
    plan = make_plan(*(exercise.dose for exercise in exercises))
    items = tuple(PlannedExercise(exercise=exercise, dose=exercise.dose) for exercise in exercises)
    return replace(plan, items=items)


PLAIN = make_exercise("plain", hold(20))
ON_FLOOR = replace(make_exercise("on-floor", hold(20)), floor=True)
PREGNANCY = replace(make_exercise("pregnancy", hold(20)), cautions=("pregnancy",))
BONES = replace(make_exercise("bones", hold(20)), cautions=("osteoporosis",))
SURGERY = replace(make_exercise("surgery", hold(20)), cautions=("spinal-surgery", "pregnancy"))


def test_without_a_filter_every_routine_fits_even_floor_work_and_cautions() -> None:
    assert plan_fits(plan_of(PLAIN, ON_FLOOR, PREGNANCY, BONES, SURGERY), None)


def test_a_routine_without_floor_work_or_cautions_fits_every_filter() -> None:
    for care in CARE_FILTERS:
        assert plan_fits(plan_of(PLAIN, PLAIN, PLAIN, PLAIN), care), care


def test_the_floor_filter_leaves_out_a_routine_with_one_floor_exercise_among_four() -> None:
    assert not plan_fits(plan_of(PLAIN, PLAIN, ON_FLOOR, PLAIN), "floor")
    assert plan_fits(plan_of(PLAIN, PREGNANCY, BONES, SURGERY), "floor")


def test_a_caution_filter_leaves_out_only_routines_with_that_caution() -> None:
    mixed = plan_of(PLAIN, ON_FLOOR, BONES, PLAIN)
    assert not plan_fits(mixed, "osteoporosis")
    assert plan_fits(mixed, "pregnancy")
    assert plan_fits(mixed, "spinal-surgery")
    assert not plan_fits(plan_of(PLAIN, PLAIN, PLAIN, SURGERY), "pregnancy")
    assert not plan_fits(plan_of(PLAIN, PLAIN, PLAIN, SURGERY), "spinal-surgery")


def test_the_filter_cycle_steps_one_at_a_time_from_any_filter() -> None:
    assert next_care_filter(None) == "floor"
    assert next_care_filter("floor") == "pregnancy"
    assert next_care_filter("pregnancy") == "osteoporosis"
    assert next_care_filter("osteoporosis") == "spinal-surgery"
    assert next_care_filter("spinal-surgery") is None


def test_care_summary_without_floor_work_or_cautions() -> None:
    assert care_summary(plan_of(PLAIN, PLAIN, PLAIN, PLAIN)) == "No floor work."


def test_care_summary_counts_floor_work_and_each_caution() -> None:
    summary = care_summary(plan_of(ON_FLOOR, PREGNANCY, ON_FLOOR, SURGERY, BONES))
    assert summary == (
        "Floor work: 2 of 5 exercises. Needs care in pregnancy (2), with osteoporosis (1), "
        "after spinal surgery (1): see the guide (g)."
    )

"""The exact findings of the library's content checks: what a library author reads and must fix."""

from __future__ import annotations

from backcare_tui.domain.library_checks import check_exercise, check_routine, check_text
from backcare_tui.domain.models import RoutineStep, replace
from tests.support.plans import hold, make_exercise, make_plan

EXERCISE = make_exercise("neck-press", hold(10))


def test_a_standing_neck_exercise_labelled_strengthen_and_floor_gets_three_findings() -> None:
    neck = replace(
        EXERCISE,
        elements=("strengthen",),
        targets=("neck",),
        position="Standing.",
        floor=True,
        dose_sources=("X", "Y"),
    )
    assert check_exercise(neck) == [
        (
            "elements",
            "is labelled strengthen but none of its targets is a core or buttock muscle (abdominals, back "
            "muscles, buttocks, deep abdominals, obliques, outer buttock, pelvic floor, pelvis control, "
            "quadratus lumborum, side of the trunk, trunk, trunk control); strengthening means core and "
            "glutes, so label neck, shoulder or hip-flexor work stretch or mobilise",
        ),
        ("floor", "says floor work but the position is not lying or kneeling; fix one of them"),
        ("dose_sources", "names X, Y, not among its sources (Test source.); add it there"),
    ]


def test_lying_on_the_front_asks_for_the_floor_flag_and_the_pregnancy_caution() -> None:
    assert check_exercise(replace(EXERCISE, position="Lying on your front.")) == [
        ("floor", "the position is on the floor; add `floor = true`"),
        ("cautions", 'lying on the back or front needs care in pregnancy; add "pregnancy" to cautions'),
    ]


def test_a_routine_claiming_what_its_exercises_do_not_cover_and_missing_what_they_do() -> None:
    plan = make_plan(hold(5), hold(5))
    first = RoutineStep(exercise="exercise-1", dose_sources=("Q", "R"))
    routine = replace(
        plan.routine, elements=("stretch", "strengthen"), sources=("NHS",), steps=(first, plan.routine.steps[1])
    )
    assert check_routine(routine, plan) == [
        (
            "elements",
            "claims stretch, strengthen but none of its exercises cover it; add such an exercise or remove the claim",
        ),
        (
            "elements",
            "its exercises also cover mobilise, which it does not claim; labels must match what the exercises "
            "do, so add it to elements",
        ),
        ("steps[0].dose_sources", "names Q, R, not among its sources (NHS, Test source.); add it there"),
    ]


def test_a_source_of_both_the_routine_and_the_exercise_is_listed_once_as_is_a_repeated_unknown() -> None:
    plan = make_plan(hold(5))
    first = RoutineStep(exercise="exercise-1", dose_sources=("Q", "Q", "Test source."))
    routine = replace(plan.routine, sources=("Test source.", "NHS"), steps=(first,))
    assert check_routine(routine, plan)[-1] == (
        "steps[0].dose_sources",
        "names Q, not among its sources (Test source., NHS); add it there",
    )


def test_control_characters_are_named_once_each_with_one_or_many_wording() -> None:
    assert check_text({"a": "x\x01y\x02", "b": "\x01\x01"}) == [
        ("a", "contains control characters (U+0001, U+0002); remove it, only newlines and tabs are allowed"),
        ("b", "contains a control character (U+0001); remove it, only newlines and tabs are allowed"),
    ]

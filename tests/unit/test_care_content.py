"""The bundled library as a physiotherapist would read it: sources, cautions, labels, doses."""

from __future__ import annotations

import pytest

from backcare_tui import paths
from backcare_tui.domain.care import care_summary, plan_fits
from backcare_tui.domain.library import Library, load_library
from backcare_tui.domain.library_checks import CORE_AND_GLUTE_TARGETS
from backcare_tui.domain.models import CORE_ELEMENTS, HoldDose, RepsDose, TimedDose

LEG_STRETCHES = ("hamstring-stretch", "seated-hamstring-stretch", "figure-four-stretch", "seated-figure-four-stretch")
EXTENSIONS = ("sphinx", "prone-press-up", "prone-back-raise", "standing-back-bend")


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library([paths.builtin_library_dir()])


def test_every_exercise_has_sources_safety_lines_and_a_dose_source(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        assert exercise.sources and exercise.safety, exercise.id
        assert exercise.dose_sources, exercise.id
        assert set(exercise.dose_sources) <= set(exercise.sources), exercise.id


def test_every_routine_dose_names_its_source(bundled: Library) -> None:
    for routine in bundled.routines.values():
        for step in routine.steps:
            if step.dose is not None:
                assert step.dose_sources, (routine.id, step.exercise)


def test_every_routine_claims_exactly_what_its_exercises_cover(bundled: Library) -> None:
    for plan in bundled.plans():
        assert set(plan.routine.elements) == set(plan.elements), plan.routine.id


def test_strengthening_means_core_or_glutes(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        if "strengthen" in exercise.elements:
            assert CORE_AND_GLUTE_TARGETS & set(exercise.targets), exercise.id
    for exercise_id in ("chin-tuck", "wall-slide", "seated-hip-march"):
        assert "strengthen" not in bundled.exercises[exercise_id].elements


def test_leg_stretches_carry_the_nerve_tension_cue(bundled: Library) -> None:
    for exercise_id in LEG_STRETCHES:
        assert any("nerve" in line for line in bundled.exercises[exercise_id].safety), exercise_id


def test_extension_exercises_say_stop_if_pain_spreads_into_the_leg(bundled: Library) -> None:
    for exercise_id in EXTENSIONS:
        assert any("spreads into your leg" in line for line in bundled.exercises[exercise_id].safety), exercise_id


def test_brace_is_worded_one_way(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        if exercise.id == "abdominal-brace":
            continue  # where the brace is taught
        steps = " ".join(exercise.steps)
        assert "tummy brace" not in steps and "abdominal brace" not in steps, exercise.id
        if "brace" in steps.lower():
            assert "Brace gently: draw your belly button a little towards your spine" in steps, exercise.id


def test_static_stretch_holds_are_15_to_30_seconds(bundled: Library) -> None:
    doses = [
        (exercise.id, exercise.dose) for exercise in bundled.exercises.values() if exercise.elements == ("stretch",)
    ]
    doses += [
        (item.exercise.id, item.dose)
        for plan in bundled.plans()
        for item in plan.items
        if item.exercise.elements == ("stretch",)
    ]
    for exercise_id, dose in doses:
        assert isinstance(dose, HoldDose) and 15 <= dose.hold <= 30, exercise_id


def test_caution_key_doses_are_conservative(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        if exercise.dose_sources != ("LT",):
            continue
        dose = exercise.dose
        assert dose.sets == 1, exercise.id
        if isinstance(dose, (RepsDose, HoldDose)):
            assert dose.reps <= 10, exercise.id
        if isinstance(dose, HoldDose):
            assert dose.hold <= 10, exercise.id


def test_doses_agree_with_their_steps(bundled: Library) -> None:
    curl_up = bundled.exercises["mcgill-curl-up"]
    assert curl_up.dose.per_side and not any("halfway" in step for step in curl_up.steps)
    for plan in bundled.plans():
        for item in plan.items:
            if item.exercise.id == "mcgill-curl-up":
                assert item.dose.per_side, plan.routine.id
    tilt = bundled.exercises["pelvic-tilt"]
    assert any("hold" in step.lower() for step in tilt.steps)
    assert not any("rocking" in step for step in tilt.steps)


def test_cat_camel_is_slow(bundled: Library) -> None:
    dose = bundled.exercises["cat-camel"].dose
    assert isinstance(dose, RepsDose) and dose.tempo >= 10  # about four seconds held each way


def test_floor_and_caution_tags(bundled: Library) -> None:
    exercises = bundled.exercises
    assert exercises["glute-bridge"].floor and not exercises["seated-twist"].floor
    assert "pregnancy" in exercises["sphinx"].cautions  # lying on the front
    assert "pregnancy" in exercises["knee-rolls"].cautions  # lying on the back
    assert "osteoporosis" in exercises["mcgill-curl-up"].cautions  # loaded flexion
    assert any("spinal-surgery" in exercise.cautions for exercise in exercises.values())


def test_a_routine_without_floor_work_covers_all_three_elements(bundled: Library) -> None:
    no_floor = [plan for plan in bundled.plans() if plan_fits(plan, "floor")]
    assert any(set(CORE_ELEMENTS) <= set(plan.elements) for plan in no_floor)


def test_graded_walking_routine_starts_short_and_aims_for_thirty_minutes(bundled: Library) -> None:
    plan = bundled.plan("walking-build-up")
    (item,) = plan.items
    assert item.exercise.id == "walking"
    assert isinstance(item.dose, TimedDose) and item.dose.seconds <= 10 * 60
    assert "30" in plan.routine.description and "comfortable" in plan.routine.description


def test_stretches_have_a_gentler_start(bundled: Library) -> None:
    hamstring = bundled.exercises["hamstring-stretch"]
    assert hamstring.easier == "seated-hamstring-stretch"
    assert not bundled.exercises["seated-hamstring-stretch"].floor


def test_care_summary_names_floor_work_and_cautions(bundled: Library) -> None:
    assert care_summary(bundled.plan("chair-and-standing")).startswith("No floor work.")
    daily = care_summary(bundled.plan("nhs-daily"))
    assert daily.startswith("Floor work: 5 of 5 exercises.") and "in pregnancy (4)" in daily

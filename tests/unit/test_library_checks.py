"""check-library's care rules: labels, floor, cautions, dose sources and exact routine claims."""

from __future__ import annotations

from backcare_tui.domain.library import load_library


def problems_at(library, location: str) -> list[str]:
    return [problem.message for problem in library.problems if problem.location == location]


def test_strengthen_needs_a_core_or_glute_target(library_maker) -> None:
    path = library_maker.exercise(exercise_id="neck-press", elements=["strengthen"], targets=["neck"])

    library = load_library([library_maker.folder()])

    assert "neck-press" not in library.exercises
    (message,) = problems_at(library, "elements")
    assert "core or buttock" in message and "stretch or mobilise" in message
    assert library.problems[0].file == path


def test_floor_position_needs_the_floor_tag(library_maker) -> None:
    library_maker.exercise(floor=None)

    library = load_library([library_maker.folder()])

    assert "floor = true" in problems_at(library, "floor")[0]


def test_floor_tag_on_a_chair_exercise_is_a_mistake(library_maker) -> None:
    library_maker.exercise(position="Sitting on a chair", cautions=[], floor=True)

    library = load_library([library_maker.folder()])

    assert problems_at(library, "floor")


def test_lying_on_the_back_needs_the_pregnancy_caution(library_maker) -> None:
    library_maker.exercise(cautions=["osteoporosis"])

    library = load_library([library_maker.folder()])

    assert "pregnancy" in problems_at(library, "cautions")[0]


def test_unknown_caution_is_rejected_with_the_choices(library_maker) -> None:
    library_maker.exercise(cautions=["knees"])

    library = load_library([library_maker.folder()])

    (problem,) = library.problems
    assert problem.location == "cautions[0]"
    assert "pregnancy" in problem.message and "spinal-surgery" in problem.message


def test_dose_sources_must_be_among_the_sources(library_maker) -> None:
    library_maker.exercise(dose_sources=["NHS-LBP"])

    library = load_library([library_maker.folder()])

    assert "NHS-LBP" in problems_at(library, "dose_sources")[0]


def test_routine_must_claim_what_its_exercises_cover(library_maker) -> None:
    library_maker.exercise()
    library_maker.exercise(exercise_id="bridge", elements=["strengthen"])
    library_maker.routine(exercises=("test-stretch", "bridge"), elements=["stretch"])

    library = load_library([library_maker.folder()])

    assert "test-routine" not in library.routines
    assert "also cover strengthen" in problems_at(library, "elements")[0]


def test_routine_step_dose_sources_are_checked(library_maker) -> None:
    library_maker.exercise()
    library_maker.routine(
        exercises=(),
        steps=[{"exercise": "test-stretch", "dose": {"kind": "hold", "hold": 20}, "dose_sources": ["NOPE"]}],
    )

    library = load_library([library_maker.folder()])

    assert "NOPE" in problems_at(library, "steps[0].dose_sources")[0]


def test_routine_naming_a_left_out_exercise_says_so(library_maker) -> None:
    library_maker.exercise(elements=["strengthen"], targets=["neck"])
    library_maker.routine(elements=["strengthen"])

    library = load_library([library_maker.folder()])

    assert "left out" in problems_at(library, "steps[0].exercise")[0]

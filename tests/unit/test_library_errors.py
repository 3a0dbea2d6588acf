"""Every kind of broken library file becomes one problem naming the file and the place in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.domain.library import Library, Problem, load_library


def only_problem(library: Library) -> Problem:
    assert len(library.problems) == 1, [str(p) for p in library.problems]
    return library.problems[0]


def assert_problem(library: Library, file: Path, location: str, *words: str) -> Problem:
    problem = only_problem(library)
    assert problem.file == file
    assert problem.location == location
    for word in words:
        assert word in problem.message
    assert str(problem).startswith(f"{file}: {location}: ")
    return problem


@pytest.mark.parametrize(
    ("changes", "location", "words"),
    [
        ({"colour": "red"}, "colour", ("unknown key 'colour'", "allowed here", "summary")),
        ({"dose": {"kind": "hold", "hold": 10, "rep": 3}}, "dose.rep", ("did you mean 'reps'?",)),
        ({"name": 5}, "name", ("must be text", "not a whole number")),
        ({"steps": "lie down"}, "steps", ("must be a list",)),
        ({"dose": {"kind": "hold", "hold": 0}}, "dose.hold", ("from 1 to 120",)),
        ({"dose": {"kind": "hold", "hold": 3600}}, "dose.hold", ("from 1 to 120",)),
        ({"dose": {"kind": "hold", "hold": 1.5}}, "dose.hold", ("whole number", "decimal")),
        ({"dose": {"kind": "reps", "reps": 0}}, "dose.reps", ("from 1 to 50",)),
        ({"dose": {"kind": "timed", "seconds": 2}}, "dose.seconds", ("from 5 to 1800",)),
        ({"dose": {"kind": "reps", "reps": 5, "sets": 0}}, "dose.sets", ("from 1 to 10",)),
        ({"dose": {"kind": "jump", "reps": 5}}, "dose.kind", ("hold, reps, timed",)),
        ({"elements": ["stretch", "flying"]}, "elements[1]", ("must be one of", "mobilise")),
        ({"steps": ["Only one step."]}, "steps", ("3 to 6 items",)),
        ({"summary": None}, "summary", ("required but missing",)),
        ({"easier": "Not An Id"}, "easier", ("lowercase letters",)),
    ],
)
def test_invalid_exercise_field_is_named_with_its_path(library_maker, changes, location, words) -> None:
    path = library_maker.exercise(**changes)

    library = load_library([library_maker.folder()])

    assert_problem(library, path, location, *words)
    assert library.exercises == {}


@pytest.mark.parametrize(
    ("changes", "location", "words"),
    [
        ({"steps": [{"exercise": "test-stretch", "sets": 2}]}, "steps[0].sets", ("unknown key 'sets'",)),
        (
            {"steps": [{"exercise": "test-stretch", "dose": {"kind": "hold", "hold": 0}}]},
            "steps[0].dose.hold",
            ("from 1 to 120",),
        ),
        (
            {"steps": [{"exercise": "test-stretch", "dose": {"kind": "reps", "reps": 0}}]},
            "steps[0].dose.reps",
            ("from 1 to 50",),
        ),
        ({"get_ready": 61}, "get_ready", ("from 0 to 60",)),
        ({"rest_between": "short"}, "rest_between", ("whole number",)),
        ({"steps": []}, "steps", ("1 to 40 items",)),
    ],
)
def test_invalid_routine_field_is_named_with_its_path(library_maker, changes, location, words) -> None:
    library_maker.exercise()
    path = library_maker.routine(**changes)

    library = load_library([library_maker.folder()])

    assert_problem(library, path, location, *words)
    assert "test-routine" not in library.routines
    assert "test-stretch" in library.exercises


def test_invalid_toml_names_line_and_column(library_maker) -> None:
    path = library_maker.write("library", "exercises/broken.toml", 'id = "broken"\nname = \n')

    library = load_library([library_maker.folder()])

    problem = assert_problem(library, path, "line 2, column 8", "invalid TOML")
    assert "(at line" not in problem.message


def test_file_that_is_not_utf8_is_reported(library_maker) -> None:
    path = library_maker.write("library", "exercises/latin1.toml", 'name = "Caf\xe9"\n'.encode("latin-1"))

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "file", "UTF-8")


def test_duplicate_id_in_one_folder_is_a_problem(library_maker) -> None:
    first = library_maker.exercise()
    second = library_maker.write("library", "exercises/z-copy.toml", library_maker.exercise_data(name="Copy"))

    library = load_library([library_maker.folder()])

    problem = assert_problem(library, second, "id", "duplicate exercise id 'test-stretch'")
    assert str(first) in problem.message
    assert library.exercises["test-stretch"].name == "Test stretch"


def test_routine_naming_unknown_exercise_is_left_out(library_maker) -> None:
    library_maker.exercise()
    path = library_maker.routine(exercises=("test-stretch", "no-such-move"))

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "steps[1].exercise", "unknown exercise 'no-such-move'")
    assert library.routines == {}


def test_routine_claiming_an_element_it_does_not_cover_is_left_out(library_maker) -> None:
    library_maker.exercise()
    path = library_maker.routine(elements=["stretch", "strengthen"])

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "elements", "claims strengthen")
    assert library.routines == {}


def test_unknown_easier_or_harder_variant_is_reported(library_maker) -> None:
    path = library_maker.exercise(harder="missing-variant")

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "harder", "unknown exercise 'missing-variant'")


def test_every_problem_is_listed_not_just_the_first(library_maker) -> None:
    library_maker.exercise()
    library_maker.exercise(exercise_id="bad-hold", dose={"kind": "hold", "hold": 0})
    library_maker.write("library", "routines/bad.toml", "id = [\n")
    library_maker.routine(exercises=("ghost",))

    library = load_library([library_maker.folder()])

    assert sorted(p.file.name for p in library.problems) == ["bad-hold.toml", "bad.toml", "test-routine.toml"]
    assert list(library.exercises) == ["test-stretch"]

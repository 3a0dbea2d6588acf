"""Every kind of broken library file becomes one problem naming the file and the place in it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from backcare_tui.domain.library import Library, Problem, load_library
from tests.fuzz.strategies import toml_document


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


def test_every_problem_in_one_file_is_listed_with_its_place(library_maker) -> None:
    path = library_maker.exercise(
        name=5,
        colour="red",
        steps=["One.", 2, "Three."],
        dose={"kind": "hold", "hold": "ten", "rep": 3},
        summary=None,
    )

    library = load_library([library_maker.folder()])

    found = {(p.location, p.message) for p in library.problems}
    assert {p.file for p in library.problems} == {path}
    assert {location for location, _ in found} == {"colour", "name", "steps[1]", "dose.hold", "dose.rep", "summary"}
    assert ("name", "must be text in quotes, not a whole number (must be text of 1 to 60 characters)") in found
    assert ("dose.hold", "must be a whole number from 1 to 120, not text") in found
    assert any(location == "dose.rep" and "did you mean 'reps'?" in message for location, message in found)


@pytest.mark.parametrize(
    ("changes", "location", "expected"),
    [
        ({"get_ready": "5"}, "get_ready", "must be a whole number from 0 to 60, not text"),
        ({"level": 2.5}, "level", "must be a whole number from 1 to 9, not a decimal number"),
        ({"sources": "TEST"}, "sources", "must be a list in [brackets], not text (must list at least 1 item)"),
        ({"steps": [{"exercise": "test-stretch", "dose": [1]}]}, "steps[0].dose", "must be a table, not a list"),
    ],
)
def test_messages_are_in_plain_words(library_maker, changes, location, expected) -> None:
    library_maker.exercise()
    path = library_maker.routine(**changes)

    library = load_library([library_maker.folder()])

    problem = assert_problem(library, path, location)
    assert problem.message == expected
    assert "`" not in problem.message and "Expected" not in problem.message


def test_toml_syntax_error_keeps_line_and_column_and_speaks_plainly(library_maker) -> None:
    path = library_maker.write("library", "routines/cut.toml", 'id = "cut"\nname = "Cut\n')

    library = load_library([library_maker.folder()])

    problem = assert_problem(library, path, "line 2, column 12", "invalid TOML")
    assert problem.message[len("invalid TOML: ")].islower()


@pytest.mark.parametrize(
    ("text", "location", "character"),
    [
        ({"summary": "Looks \x1b[31mred"}, "summary", "U+001B"),
        ({"steps": ["Lie down.", "Ring\x07 the bell.", "Relax."]}, "steps[1]", "U+0007"),
        ({"dose": {"kind": "hold", "hold": 10, "note\x9b": 1}}, 'dose."note\N{REPLACEMENT CHARACTER}"', "U+009B"),
    ],
)
def test_control_characters_are_rejected_with_file_and_field(library_maker, text, location, character) -> None:
    data = library_maker.exercise_data(**text)
    path = library_maker.write("library", "exercises/test-stretch.toml", toml_document(data))

    library = load_library([library_maker.folder()])

    assert library.exercises == {}
    [problem] = [p for p in library.problems if "control character" in p.message]
    assert (problem.file, problem.location) == (path, location)
    assert character in problem.message


def test_newlines_and_tabs_are_allowed_in_text(library_maker) -> None:
    library_maker.exercise(summary="Two lines:\n\tthe second indented.")

    library = load_library([library_maker.folder()])

    assert library.problems == []


def test_next_stage_must_name_a_routine(library_maker) -> None:
    library_maker.exercise()
    library_maker.routine(routine_id="stage-two")
    path = library_maker.routine(routine_id="stage-one", next_stage="stage-three")
    good = library_maker.routine(routine_id="stage-zero", next_stage="stage-two")

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "next_stage", "unknown routine 'stage-three'")
    assert set(library.routines) == {"stage-two", "stage-zero"}
    assert library.origins[("routine", "stage-zero")] == good


def test_library_file_that_is_not_a_regular_file_or_is_huge_is_reported(library_maker) -> None:
    folder = library_maker.folder()
    (folder / "exercises" / "folder.toml").mkdir(parents=True)
    big = library_maker.write(folder, "routines/big.toml", 'description = "' + "x" * 1_100_000 + '"\n')

    library = load_library([folder])

    assert {(p.file.name, p.location) for p in library.problems} == {("folder.toml", "file"), ("big.toml", "file")}
    assert any("larger than 1 MB" in p.message for p in library.problems if p.file == big)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("steps = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ("level = " + "9" * 5000 + "\n", "thousands of digits"),
    ],
)
def test_hostile_toml_is_a_problem_not_a_crash(library_maker, content, words) -> None:
    path = library_maker.write("library", "routines/hostile.toml", content)

    library = load_library([library_maker.folder()])

    assert_problem(library, path, "file", words)


def test_installed_check_library_prints_every_problem_and_no_escape(library_maker) -> None:
    folder = library_maker.folder()
    path = library_maker.write(
        folder,
        "routines/odd.toml",
        'id = "odd"\nname = "Back [easy]"\ndescription = "\\u001b[2J gone"\nlevel = "two"\ncolour = "red"\n',
    )
    command = shutil.which("backcare-tui") or pytest.skip("backcare-tui is not installed")

    done = subprocess.run([command, "check-library", str(folder)], capture_output=True, text=True, timeout=60)

    assert done.returncode == 1
    assert "\x1b" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert all(line.startswith(f"{path}: ") for line in lines), lines
    assert {line.split(": ")[1] for line in lines} >= {"description", "level", "colour", "elements", "steps", "sources"}
    assert f"{path}: level: must be a whole number from 1 to 9, not text" in lines

"""Reading one library file: the exact problem for each way a file cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.domain.library import MAX_FILE_BYTES, Problem, UnknownRoutineError, load_library, read_toml


def problem(path: Path) -> Problem:
    result = read_toml(path)
    assert isinstance(result, Problem), result
    assert result.file == path
    return result


def test_a_folder_where_a_file_should_be(tmp_path: Path) -> None:
    found = problem(tmp_path)
    assert (found.location, found.message) == (
        "file",
        "is not a regular file; remove it or move it out of the library folder",
    )


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    prefix = 'description = "'
    path.write_text(prefix + "x" * (MAX_FILE_BYTES - len(prefix) - 2) + '"\n', encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert isinstance(read_toml(path), dict)


def test_a_syntax_error_names_line_and_column_and_starts_in_lower_case(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('name = "ok"\nsteps = [1, 2\nlevel = 1\n', encoding="utf-8")
    found = problem(path)
    assert found.location.startswith("line 3, column ")
    assert found.message.startswith("invalid TOML: ")
    assert found.message.endswith("; fix the syntax there")
    assert (found.location, found.message) == ("line 3, column 1", "invalid TOML: unclosed array; fix the syntax there")


def test_a_file_that_ends_too_soon_says_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text('name = "ok', encoding="utf-8")
    found = problem(path)
    assert found.location == "end of file"
    assert "(at end of document)" not in found.message and "end of document" not in found.message
    assert found.message.startswith("invalid TOML: ") and found.message.endswith("; fix the syntax there")


def test_exact_words_for_text_that_is_not_utf8_nested_too_deep_or_a_huge_number(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes('name = "caf\u00e9"\n'.encode("latin-1"))
    deep = tmp_path / "deep.toml"
    deep.write_text("steps = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    digits = tmp_path / "digits.toml"
    digits.write_text("level = " + "9" * 5000 + "\n", encoding="utf-8")
    assert (problem(latin).location, problem(latin).message) == ("file", "not valid UTF-8 text; save it as UTF-8")
    assert problem(deep).message == "lists or tables are nested too deeply; a library file needs only a few levels"
    assert problem(digits).message == "holds a number with thousands of digits; use a small whole number"


def test_a_file_that_cannot_be_opened_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text('name = "ok"\n', encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)  # as an unreadable file does, even for an administrator
    found = problem(path)
    assert (found.location, found.message) == (
        "file",
        "cannot be read (Permission denied); check it exists and is readable",
    )


def test_an_unknown_routine_lists_the_known_ids_in_order() -> None:
    error = UnknownRoutineError("nope", ["stage-two", "daily"])
    assert str(error) == "no routine with id 'nope'; known ids: daily, stage-two"
    assert error.args == ("nope",)


def test_a_duplicate_id_in_the_middle_of_a_folder_does_not_stop_the_files_after_it(library_maker) -> None:
    library_maker.exercise()
    library_maker.write("library", "exercises/m-copy.toml", library_maker.exercise_data(name="Copy"))
    library_maker.write("library", "exercises/z-other.toml", library_maker.exercise_data(id="z-other", name="Other"))

    library = load_library([library_maker.folder()])

    assert [(p.file.name, p.location) for p in library.problems] == [("test-stretch.toml", "id")]
    assert set(library.exercises) == {"test-stretch", "z-other"}


def test_problems_of_every_broken_file_in_a_folder_are_all_kept(library_maker) -> None:
    library_maker.write("library", "exercises/a-syntax.toml", 'name = "ok')
    library_maker.write("library", "exercises/b-field.toml", library_maker.exercise_data(id="b-field", colour="red"))
    library_maker.write("library", "exercises/c-field.toml", library_maker.exercise_data(id="c-field", shade="red"))

    library = load_library([library_maker.folder()])

    assert [(p.file.name, p.location) for p in library.problems] == [
        ("a-syntax.toml", "end of file"),
        ("b-field.toml", "colour"),
        ("c-field.toml", "shade"),
    ]


def test_a_next_stage_that_was_left_out_is_named_as_left_out(library_maker) -> None:
    library_maker.exercise()
    broken = library_maker.routine(routine_id="stage-two", steps=[{"exercise": "no-such-exercise"}])
    path = library_maker.routine(routine_id="stage-one", next_stage="stage-two")

    library = load_library([library_maker.folder()])

    stage_one = [p for p in library.problems if p.file == path]
    assert [(p.location, p.message) for p in stage_one] == [
        ("next_stage", "names routine 'stage-two', which was left out because of the problem reported for it")
    ]
    assert any(p.file == broken for p in library.problems)
    assert set(library.routines) == set()


def test_unknown_ids_in_a_routine_get_the_exact_advice(library_maker) -> None:
    library_maker.exercise()
    missing = library_maker.routine(routine_id="stage-two", steps=[{"exercise": "no-such-exercise"}])
    unknown = library_maker.routine(routine_id="stage-one", next_stage="stage-nine")

    library = load_library([library_maker.folder()])

    assert {(p.file, p.location, p.message) for p in library.problems} == {
        (
            missing,
            "steps[0].exercise",
            "names unknown exercise 'no-such-exercise'; check the id (see `backcare-tui routines`) "
            "or add that exercise's file",
        ),
        (
            unknown,
            "next_stage",
            "names unknown routine 'stage-nine'; use the id of an existing routine "
            "(see `backcare-tui routines`) or remove it",
        ),
    }


def test_an_override_is_found_by_its_kind_and_id_together(library_maker) -> None:
    first = library_maker.folder("first")
    second = library_maker.folder("second")
    library_maker.exercise(first)
    library_maker.exercise(second, name="Own stretch")

    library = load_library([first, second])

    assert library.folders == (first, second)
    override = library.overridden("exercise", "test-stretch")
    assert override is not None and library.exercises["test-stretch"].name == "Own stretch"
    assert library.overridden("routine", "test-stretch") is None
    assert library.overridden("exercise", "other") is None

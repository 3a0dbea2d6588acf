"""Library and pose files of every shape load into models or problems naming file and place.

Nothing else may escape the loaders: no RecursionError, ValueError, UnicodeError or msgspec
error, whatever the file holds. The command-line check prints every problem, and nothing it
prints carries a control character to the terminal.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from backcare_tui import commands
from backcare_tui.domain.library import Library, load_library
from backcare_tui.domain.models import Exercise, Routine
from backcare_tui.domain.poses import ExercisePoses, load_poses
from backcare_tui.domain.wording import control_characters
from tests.fuzz.conftest import FUZZ
from tests.fuzz.strategies import exercise_toml, library_file, pose_toml, routine_toml

files = st.lists(
    st.tuples(st.sampled_from(["exercises", "routines", "."]), library_file(exercise_toml | routine_toml)),
    min_size=1,
    max_size=3,
)


def write_files(folder: Path, contents: list[tuple[str, bytes]], subfolder: str | None = None) -> set[Path]:
    written = set()
    for index, (where, raw) in enumerate(contents):
        path = folder / (subfolder or where) / f"file-{index}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        written.add(path)
    return written


def assert_sound(library: Library, written: set[Path]) -> None:
    assert all(isinstance(item, Exercise) for item in library.exercises.values())
    assert all(isinstance(item, Routine) for item in library.routines.values())
    for problem in library.problems:
        assert problem.file in written, problem
        assert problem.location and problem.message, problem


@FUZZ
@given(files)
def test_library_files_load_or_are_reported(contents: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        written = write_files(folder, contents)

        library = load_library([folder])

        assert_sound(library, written)
        loaded = {path for kind, path in library.origins.items()}
        broken = {problem.file for problem in library.problems}
        assert loaded | broken <= written


@FUZZ
@given(st.lists(library_file(pose_toml), min_size=1, max_size=3))
def test_pose_files_load_or_are_reported(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        written = write_files(folder, [(".", raw) for raw in contents], subfolder="poses")

        poses = load_poses([folder])

        assert all(isinstance(figure, ExercisePoses) for figure in poses.figures.values())
        for problem in poses.problems:
            assert problem.file in written and problem.location and problem.message, problem
        assert set(poses.origins.values()) | {problem.file for problem in poses.problems} == written


@FUZZ
@given(files)
def test_check_library_prints_only_printable_lines(contents: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_files(folder, contents)
        out, err = io.StringIO(), io.StringIO()

        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = commands.check_library([folder])

        assert code in (0, 1)
        assert control_characters(out.getvalue() + err.getvalue()) == []
        if code == 1:
            assert all(line.startswith(f"{folder}") for line in out.getvalue().rstrip("\n").split("\n")), out.getvalue()

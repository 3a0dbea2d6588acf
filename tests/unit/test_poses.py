"""Pose files: every bundled exercise has a valid figure, and bad files are reported well."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from backcare_tui import commands, paths
from backcare_tui.domain.library import Problem, load_library
from backcare_tui.domain.poses import ExercisePoses, check_poses, load_poses, parse_poses

BUNDLED = paths.builtin_library_dir()

GOOD = """
view = "side"
props = ["floor", "mat"]

[poses.start]
trunk = 180
head = 180
arm = [-12, 0, 0]
leg = [45, -55, -15]
word = "lower"

[poses.end]
trunk = 200
head = 180
arm = [0, 0]
leg = [20, -50, -10]
word = "lift"
"""


def write_pose(folder: Path, exercise_id: str, text: str) -> Path:
    (folder / "poses").mkdir(parents=True, exist_ok=True)
    path = folder / "poses" / f"{exercise_id}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_exercise_has_valid_poses() -> None:
    figures = load_poses([BUNDLED])
    assert figures.problems == []
    exercises = {path.stem for path in BUNDLED.glob("exercises/*.toml")}
    assert len(exercises) == 44
    assert set(figures.figures) == exercises


def test_bundled_library_checks_clean_with_its_poses(capsys: pytest.CaptureFixture[str]) -> None:
    assert commands.check_library([]) == 0
    assert "library OK" in capsys.readouterr().out


def test_a_good_file_loads_with_its_exercise_id(tmp_path: Path) -> None:
    figure = parse_poses(write_pose(tmp_path, "glute-bridge", GOOD))
    assert not isinstance(figure, str) and figure.exercise == "glute-bridge"  # type: ignore[union-attr]
    assert figure.poses.end.word == "lift"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "location", "words"),
    [
        (("trunk = 200", "trunk = 400"), "poses.end.trunk", "must be a number of degrees from -360 to 360"),
        (('word = "lift"', 'word = "lift"\nforeshorten = { thigh = 2 }'), "poses.end.foreshorten.thigh", "from 0 to 1"),
        (('view = "side"', 'view = "below"'), "view", "front, side, top"),
        (("leg = [20, -50, -10]", "leg = [20, -50]"), "poses.end.leg", "3"),
        (("leg = [20, -50, -10]", "leg = [20, -50, -10]\nelbow = 3"), "poses.end", "elbow"),
        (("trunk = 200", "trunk = -170"), "poses.end.trunk", "360"),
    ],
)
def test_bad_fields_are_named(tmp_path: Path, change: tuple[str, str], location: str, words: str) -> None:
    path = write_pose(tmp_path, "glute-bridge", GOOD.replace(*change))
    problem = parse_poses(path)
    text = str(problem)
    assert text.startswith(f"{path}: {location}"), text
    assert words in text


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    problem = parse_poses(write_pose(tmp_path, "glute-bridge", "view = "))
    assert "invalid TOML" in str(problem) and "glute-bridge.toml" in str(problem)


def test_check_reports_poses_without_an_exercise_and_exercises_without_poses(tmp_path: Path) -> None:
    write_pose(tmp_path, "no-such-exercise", GOOD)
    problems = [str(p) for p in check_poses([tmp_path], known=["glute-bridge"], need_figure=["glute-bridge"])]
    assert any("no-such-exercise.toml: file: no exercise has the id 'no-such-exercise'" in p for p in problems)
    assert any("glute-bridge" in p and "has no figure" in p for p in problems)


def test_check_library_reports_a_broken_user_pose_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pose(tmp_path, "glute-bridge", GOOD.replace("trunk = 200", "trunk = 999"))
    assert commands.check_library([tmp_path]) == 1
    out = capsys.readouterr().out
    assert "glute-bridge.toml: poses.end.trunk" in out


def test_a_user_exercise_may_go_without_poses(tmp_path: Path) -> None:
    library = load_library([BUNDLED])
    assert library.exercises  # bundled ones all have figures, checked above
    figures = load_poses([BUNDLED, tmp_path])
    assert "my-own-exercise" not in figures.figures
    assert check_poses([BUNDLED, tmp_path], known=[*library.exercises, "my-own-exercise"], need_figure=[]) == []


def test_check_library_reports_a_bundled_exercise_without_poses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = tmp_path / "bundled"
    for folder in ("exercises", "routines", "poses"):
        (bundled / folder).mkdir(parents=True)
    source = BUNDLED / "exercises" / "glute-bridge.toml"
    (bundled / "exercises" / "glute-bridge.toml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(paths, "builtin_library_dir", lambda: bundled)
    assert commands.check_library([]) == 1
    assert "bundled exercise 'glute-bridge' has no figure" in capsys.readouterr().out
    write_pose(bundled, "glute-bridge", GOOD)
    commands.check_library([])
    assert "has no figure" not in capsys.readouterr().out


def test_the_readme_example_is_a_valid_pose_file(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## Exercise figures.*?```toml\n(.*?)```", readme, re.DOTALL)
    assert example is not None
    figure = parse_poses(write_pose(tmp_path, "glute-bridge", example[1]))
    assert isinstance(figure, ExercisePoses), str(figure)
    assert figure == msgspec.structs.replace(load_poses([BUNDLED]).figures["glute-bridge"], exercise="glute-bridge")


def test_every_bundled_exercise_says_its_posture() -> None:
    exercises = load_library([BUNDLED]).exercises
    assert all(exercise.posture is not None for exercise in exercises.values())
    assert exercises["glute-bridge"].posture == "back" and exercises["cat-camel"].posture == "hands-knees"


def test_a_posture_in_a_pose_file_is_sent_to_the_exercise_file(tmp_path: Path) -> None:
    text = 'posture = "back"\n' + (BUNDLED / "poses" / "glute-bridge.toml").read_text(encoding="utf-8")
    problem = parse_poses(write_pose(tmp_path, "glute-bridge", text))
    assert isinstance(problem, Problem) and problem.location == "posture"
    assert "exercise's own file" in problem.message

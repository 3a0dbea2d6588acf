"""Pose files: every problem is reported where it is, in words, and a bad file stops nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.domain.library import Problem
from backcare_tui.domain.poses import (
    ExercisePoses,
    Pose,
    PoseSet,
    check_poses,
    load_poses,
    parse_pose_file,
    parse_poses,
)

DEGREES = "must be a number of degrees from -360 to 360"
LONG_TURN = "turns more than 180 degrees from the pose before; add or take 360"


def pose_table(name: str, **lines: str) -> str:
    fields = {"trunk": "180", "head": "180", "arm": "[0, 0]", "leg": "[0, 0, 0]", **lines}
    return f"[poses.{name}]\n" + "".join(f"{key} = {value}\n" for key, value in fields.items())


def pose_file(*, start: dict[str, str] | None = None, end: dict[str, str] | None = None, top: str = "") -> str:
    """A small valid pose file; `start` and `end` change or add lines of those poses."""
    return f"{top}\n" + pose_table("start", **(start or {})) + pose_table("end", **(end or {}))


def write_pose(folder: Path, exercise_id: str, text: str) -> Path:
    (folder / "poses").mkdir(parents=True, exist_ok=True)
    path = folder / "poses" / f"{exercise_id}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    found = parse_pose_file(write_pose(tmp_path, "bridge", text))
    assert isinstance(found, list), found
    return [(problem.location, problem.message) for problem in found]


def simple_pose(word: str | None) -> Pose:
    return Pose(trunk=180, head=180, arm=(0, 0), leg=(0, 0, 0), word=word)


# The words of each pose.


def test_each_pose_gives_the_word_for_moving_into_it() -> None:
    figure = ExercisePoses(poses=PoseSet(start=simple_pose("lower"), end=simple_pose("lift"), mid=simple_pose("curl")))
    assert [figure.word_into(name) for name in ("start", "mid", "end")] == ["lower", "curl", "lift"]


def test_a_missing_mid_pose_or_word_gives_no_word() -> None:
    figure = ExercisePoses(poses=PoseSet(start=simple_pose(None), end=simple_pose("lift")))
    assert figure.word_into("mid") is None
    assert figure.word_into("start") is None


# One file.


def test_invalid_toml_is_one_problem_with_its_place(tmp_path: Path) -> None:
    path = write_pose(tmp_path, "bridge", "view = ")
    assert parse_pose_file(path) == [
        Problem(path, "end of file", "invalid TOML: invalid value; fix the syntax there"),
    ]


def test_a_control_character_is_reported_as_well_as_the_field_it_spoils(tmp_path: Path) -> None:
    text = pose_file(end={"word": '"lift\\u0007"'})
    control, pattern = problems_in(tmp_path, text)
    assert control == (
        "poses.end.word",
        "contains a control character (U+0007); remove it, only newlines and tabs are allowed",
    )
    assert pattern == ("poses.end.word", WORD_RULE)


WORD_RULE = (
    "must be 1 to 16 characters: a lowercase letter, then lowercase letters, spaces, commas, apostrophes or"
    " hyphens, like lift"
)


@pytest.mark.parametrize("word", ['"Lift"', '"lift2"', '"breathe in and out slowly"', '" lift"'])
def test_a_word_that_breaks_its_rule_is_told_the_rule_for_words(tmp_path: Path, word: str) -> None:
    assert problems_in(tmp_path, pose_file(end={"word": word})) == [("poses.end.word", WORD_RULE)]


@pytest.mark.parametrize("word", ["lift", "lift, slowly", "don't arch", "knee-up"])
def test_words_with_spaces_commas_apostrophes_and_hyphens_are_fine(tmp_path: Path, word: str) -> None:
    figure = parse_pose_file(write_pose(tmp_path, "bridge", pose_file(end={"word": f'"{word}"'})))
    assert isinstance(figure, ExercisePoses)
    assert figure.poses.end.word == word


def test_an_exercise_key_is_refused_because_the_id_is_the_file_name(tmp_path: Path) -> None:
    text = pose_file(top='exercise = "bridge"')
    assert problems_in(tmp_path, text) == [
        ("exercise", "the exercise id comes from the file name; remove this key"),
    ]


def test_an_exercise_key_of_any_type_is_one_problem_not_two(tmp_path: Path) -> None:
    text = pose_file(top="exercise = 3")
    assert problems_in(tmp_path, text) == [
        ("exercise", "the exercise id comes from the file name; remove this key"),
    ]


def test_an_exercise_key_is_reported_alongside_bad_fields(tmp_path: Path) -> None:
    text = pose_file(top='exercise = "bridge"', end={"trunk": "400"})
    assert problems_in(tmp_path, text) == [
        ("exercise", "the exercise id comes from the file name; remove this key"),
        ("poses.end.trunk", DEGREES),
    ]


def test_every_bad_field_is_reported_with_its_range_in_words(tmp_path: Path) -> None:
    text = pose_file(
        top='cycle_seconds = 20\nview = "below"',
        start={"trunk": "400", "foreshorten": "{ thigh = 2 }"},
    )
    assert problems_in(tmp_path, text) == [
        ("poses.start.trunk", DEGREES),
        ("poses.start.foreshorten.thigh", "must be a number from 0 to 1"),
        ("view", "must be one of: front, side, top"),
        ("cycle_seconds", "must be a number of seconds from 0.5 to 10"),
    ]


def test_a_cycle_that_is_too_short_is_reported_in_seconds(tmp_path: Path) -> None:
    text = pose_file(top="cycle_seconds = 0.2")
    assert problems_in(tmp_path, text) == [("cycle_seconds", "must be a number of seconds from 0.5 to 10")]


# Turning the long way round between poses.


def test_a_turn_of_exactly_180_degrees_is_allowed(tmp_path: Path) -> None:
    figure = parse_poses(write_pose(tmp_path, "bridge", pose_file(end={"trunk": "0"})))
    assert isinstance(figure, ExercisePoses) and figure.exercise == "bridge"


def test_a_turn_of_more_than_180_degrees_is_reported(tmp_path: Path) -> None:
    assert problems_in(tmp_path, pose_file(end={"trunk": "-1"})) == [("poses.end.trunk", LONG_TURN)]


@pytest.mark.parametrize(
    ("end", "location"),
    [
        ({"head": "-10"}, "poses.end.head"),
        ({"chest": "-10"}, "poses.end.chest"),
        ({"arm": "[0, 0, 190]"}, "poses.end.arm[2]"),
        ({"leg": "[0, 190, 0]"}, "poses.end.leg[1]"),
        ({"far_arm": "[190, 0]"}, "poses.end.far_arm[0]"),
        ({"far_leg": "[0, 0, 190]"}, "poses.end.far_leg[2]"),
    ],
)
def test_a_long_turn_names_the_angle(tmp_path: Path, end: dict[str, str], location: str) -> None:
    assert problems_in(tmp_path, pose_file(end=end)) == [(location, LONG_TURN)]


def test_a_hand_left_out_follows_the_forearm(tmp_path: Path) -> None:
    # The start's hand is its forearm's 100 degrees; the end's hand at -90 turns 190.
    text = pose_file(start={"arm": "[0, 100]"}, end={"arm": "[0, 100, -90]"})
    assert problems_in(tmp_path, text) == [("poses.end.arm[2]", LONG_TURN)]
    fine = pose_file(start={"arm": "[0, 100]"}, end={"arm": "[0, 100, 0]"})
    assert isinstance(parse_poses(write_pose(tmp_path, "bridge", fine)), ExercisePoses)


def test_a_long_turn_into_the_mid_pose_is_reported(tmp_path: Path) -> None:
    text = pose_file() + pose_table("mid", trunk="-10")
    assert problems_in(tmp_path, text) == [("poses.mid.trunk", LONG_TURN)]


# A folder of files.


def test_a_broken_file_in_the_middle_of_a_folder_stops_none_of_the_others(tmp_path: Path) -> None:
    write_pose(tmp_path, "a-first", pose_file())
    broken = write_pose(tmp_path, "b-broken", pose_file(end={"trunk": "400"}))
    also_broken = write_pose(tmp_path, "c-broken", "view = ")
    write_pose(tmp_path, "d-last", pose_file())
    library = load_poses([tmp_path])
    assert sorted(library.figures) == ["a-first", "d-last"]
    assert [problem.file for problem in library.problems] == [broken, also_broken]


def test_a_bundled_exercise_without_a_figure_names_the_file_to_add(tmp_path: Path) -> None:
    write_pose(tmp_path, "bridge", pose_file())
    problems = check_poses([tmp_path], known=["bridge", "plank"], need_figure=["bridge", "plank"])
    assert problems == [
        Problem(Path("poses") / "plank.toml", "file", "bundled exercise 'plank' has no figure; add this file"),
    ]

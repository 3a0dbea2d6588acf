"""Exercise figures as data: the angles of a simple body in each pose of an exercise.

One file per exercise, `poses/<exercise-id>.toml` in a library folder. A pose gives the
direction of each body segment in degrees, measured in the picture: 0 points right, 90 up,
180 left, -90 (or 270) down. Segments are built outward from the hips, so a pose needs no
positions, and moving between poses by angle keeps every limb the same length.

    view = "side"                 # side, front or top
    props = ["floor", "mat"]      # floor, mat, chair, wall, support (a post to hold)
    hold_word = "hold"            # optional: the word while the end pose is held

    [poses.start]
    trunk = 180                   # hips to shoulders
    chest = 170                   # optional: the upper half of the trunk, to round the back
    head = 180                    # shoulders to the top of the head
    arm = [-90, -90]              # upper arm, forearm, optional hand
    far_arm = [-90, -90]          # optional, the far side (drawn dimmer); defaults to `arm`
    leg = [60, -60, 0]            # thigh, shank, foot
    far_leg = [60, -60, 0]        # optional, defaults to `leg`
    word = "lower"                # optional: the word while moving into this pose

    [poses.end]                   # required; [poses.mid] is optional, between them
    ...

Nothing here imports textual; the models are validated with msgspec like the library's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from .library import Library, Problem, read_toml
from .library_checks import check_text
from .library_errors import describe_all, describe_validation_error
from .models import WORD_PATTERN

View = Literal["side", "front", "top"]
Prop = Literal["floor", "mat", "chair", "wall", "support"]
PoseName = Literal["start", "mid", "end"]
TimedMotion = Literal["hold", "cycle"]

Angle = Annotated[float, Meta(ge=-360, le=360)]
Shrink = Annotated[float, Meta(ge=0.0, le=1.0)]
Word = Annotated[str, Meta(min_length=1, max_length=16, pattern=WORD_PATTERN)]
Arm = Annotated[tuple[Angle, ...], Meta(min_length=2, max_length=3)]
Leg = Annotated[tuple[Angle, ...], Meta(min_length=3, max_length=3)]
Seconds = Annotated[float, Meta(ge=0.5, le=10.0)]


class Foreshortening(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """How much of each segment's length shows in this view (1 = all of it)."""

    trunk: Shrink = 1.0
    head: Shrink = 1.0
    upper_arm: Shrink = 1.0
    forearm: Shrink = 1.0
    thigh: Shrink = 1.0
    shank: Shrink = 1.0
    foot: Shrink = 1.0


class Pose(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    trunk: Angle
    head: Angle
    arm: Arm
    leg: Leg
    chest: Angle | None = None  # the upper half of the trunk, to round or arch the back
    far_arm: Arm | None = None
    far_leg: Leg | None = None
    foreshorten: Foreshortening = Foreshortening()
    word: Word | None = None


class PoseSet(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    start: Pose
    end: Pose
    mid: Pose | None = None


class ExercisePoses(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Everything needed to draw one exercise: its poses, the view and the props."""

    poses: PoseSet
    view: View = "side"
    props: Annotated[tuple[Prop, ...], Meta(max_length=4)] = ("floor",)
    hold_word: Word = "hold"
    timed: TimedMotion = "hold"  # a timed dose holds the end pose, or cycles (walking)
    cycle_seconds: Seconds = 1.2
    exercise: str = ""  # filled in from the file name, never written in the file

    @property
    def keyframes(self) -> tuple[Pose, ...]:
        """The poses of one movement outward: start, the optional mid, end."""
        middle = () if self.poses.mid is None else (self.poses.mid,)
        return (self.poses.start, *middle, self.poses.end)

    def word_into(self, name: PoseName) -> str | None:
        pose = getattr(self.poses, name)
        return None if pose is None else pose.word


@dataclass
class PoseLibrary:
    figures: dict[str, ExercisePoses] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def pose_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("poses/*.toml"))


def parse_poses(path: Path) -> ExercisePoses | Problem:
    """One pose file, validated; its exercise id is the file's name. The first problem, if any."""
    figure = parse_pose_file(path)
    return figure[0] if isinstance(figure, list) else figure


def parse_pose_file(path: Path) -> ExercisePoses | list[Problem]:
    """One pose file, validated, or every problem found in it."""
    data = read_toml(path)
    if isinstance(data, Problem):
        return [Problem(data.file, data.location, data.message)]
    found = check_text(data)
    if "exercise" in data:
        found.append(("exercise", "the exercise id comes from the file name; remove this key"))
        data = {key: value for key, value in data.items() if key != "exercise"}
    if "posture" in data:
        found.append(("posture", "the position belongs in the exercise's own file; move this line there"))
        data = {key: value for key, value in data.items() if key != "posture"}
    try:
        figure = msgspec.convert(data, ExercisePoses)
    except msgspec.ValidationError as error:
        described = describe_all(ExercisePoses, data) or [describe_validation_error(ExercisePoses, str(error), data)]
        found += [(location, _number_range(location, message)) for location, message in described]
    else:
        turn = _long_turn(figure)
        if turn is not None:
            found.append((turn, "turns more than 180 degrees from the pose before; add or take 360"))
        if not found:
            return msgspec.structs.replace(figure, exercise=path.stem)
    return [Problem(path, location, message) for location, message in found]


def _number_range(location: str, message: str) -> str:
    """Say the range of an out-of-range number in words, as the library does for whole ones."""
    if not re.match(r"must be a number [<>]=", message):
        return message
    if location == "cycle_seconds":
        return "must be a number of seconds from 0.5 to 10"
    if ".foreshorten." in location:
        return "must be a number from 0 to 1"
    return "must be a number of degrees from -360 to 360"


def _pose_angles(pose: Pose) -> dict[str, float]:
    """Every angle of a pose by its place in the file, far limbs and chest filled in."""
    found = {"trunk": pose.trunk, "head": pose.head, "chest": pose.trunk if pose.chest is None else pose.chest}
    limbs = {"arm": pose.arm, "leg": pose.leg, "far_arm": pose.far_arm or pose.arm, "far_leg": pose.far_leg or pose.leg}
    for name, angles in limbs.items():
        if name.endswith("arm") and len(angles) == 2:
            angles = (*angles, angles[1])
        found.update({f"{name}[{index}]": angle for index, angle in enumerate(angles)})
    return found


def _long_turn(figure: ExercisePoses) -> str | None:
    """The first angle that turns the long way round between two poses, as a location."""
    names = ("start", "mid", "end") if figure.poses.mid is not None else ("start", "end")
    for before, after in pairwise(names):
        old = _pose_angles(getattr(figure.poses, before))
        for key, angle in _pose_angles(getattr(figure.poses, after)).items():
            if abs(angle - old[key]) > 180:
                return f"poses.{after}.{key}"
    return None


def load_poses(folders: Iterable[Path]) -> PoseLibrary:
    """Every folder's poses/*.toml in order; a later file for the same exercise overrides."""
    library = PoseLibrary()
    for folder in folders:
        for path in pose_files(folder):
            figure = parse_pose_file(path)
            if isinstance(figure, list):
                library.problems += figure
                continue
            library.figures[figure.exercise] = figure
            library.origins[figure.exercise] = path
    return library


def check_poses(folders: Iterable[Path], known: Iterable[str], need_figure: Iterable[str]) -> list[Problem]:
    """Pose files that do not load or name no known exercise, and exercises that need one.

    `need_figure` is the ids of the exercises that must have poses, the bundled ones; a
    person's own exercise may go without, and the run screen shows its position in words.
    """
    library = load_poses(folders)
    known = set(known)
    problems = list(library.problems)
    for exercise_id, path in sorted(library.origins.items()):
        if exercise_id not in known:
            problems.append(
                Problem(path, "file", f"no exercise has the id {exercise_id!r}; name the file after an exercise id")
            )
    broken = {problem.file.stem for problem in library.problems}
    for exercise_id in sorted(set(need_figure) - set(library.figures) - broken):
        problems.append(
            Problem(
                Path("poses") / f"{exercise_id}.toml",
                "file",
                f"bundled exercise {exercise_id!r} has no figure; add this file",
            )
        )
    return problems


def library_pose_problems(library: Library, bundled: Path) -> list[Problem]:
    """`check_poses` for a loaded library, as its problems; `bundled` is the built-in folder.

    A built-in folder with a poses folder must draw every one of its exercises.
    """
    need_figure = [
        exercise_id
        for (kind, exercise_id), path in library.origins.items()
        if kind == "exercise" and path.resolve().parent.parent == bundled.resolve()
    ]
    if not (bundled / "poses").is_dir():
        need_figure = []
    found = check_poses(library.folders, library.exercises, need_figure)
    return [Problem(problem.file, problem.location, problem.message) for problem in found]

"""From pose angles to the points of a stick figure, and between poses by angle.

Points are in body heights (a standing body is 1 tall), y up, built outward from the hips:
trunk, neck and head; shoulder, elbow, wrist and hand; knee, ankle and toe. Segment lengths
are the usual fractions of body height (Drillis and Contini). Each figure is then set on the
floor: its lowest point touches y = 0.

Moving between poses interpolates the angles with a cosine ease, so limbs keep their length
and the body speeds up and slows down like a person does. A frame is a pure function of the
fraction of the movement: 0 is the start pose, 1 the end pose, 0.5 the mid pose if any.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .poses import ExercisePoses, Pose, View

TRUNK = 0.30
NECK = 0.05
HEAD_RADIUS = 0.065
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.07
THIGH = 0.245
SHANK = 0.246
FOOT = 0.13
# Half the width across the shoulders and the hips, seen from the front or from above.
SHOULDER_HALF_WIDTH = 0.12
HIP_HALF_WIDTH = 0.08

Point = tuple[float, float]
# Angles in a fixed order: trunk, head, arm (upper, fore, hand), far arm, leg (thigh,
# shank, foot), far leg, the seven foreshortening factors, then the chest.
Angles = tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Bone:
    start: Point
    end: Point
    far: bool


@dataclass(frozen=True, slots=True)
class Skeleton:
    """One drawn body: its bones (near and far) and its head."""

    bones: tuple[Bone, ...]
    head: Point
    head_radius: float
    hip: Point
    near_hand: Point
    far_hand: Point

    def bounds(self) -> tuple[float, float, float, float]:
        """min x, min y, max x, max y, the head included."""
        xs = [x for bone in self.bones for x in (bone.start[0], bone.end[0])]
        ys = [y for bone in self.bones for y in (bone.start[1], bone.end[1])]
        r = self.head_radius
        return (
            min(*xs, self.head[0] - r),
            min(*ys, self.head[1] - r),
            max(*xs, self.head[0] + r),
            max(*ys, self.head[1] + r),
        )


def _arm(angles: Sequence[float]) -> tuple[float, float, float]:
    return angles[0], angles[1], angles[2] if len(angles) > 2 else angles[1]


def pose_angles(pose: Pose) -> Angles:
    """A pose as one flat tuple of numbers, far limbs and hands filled in."""
    arm = _arm(pose.arm)
    far_arm = _arm(pose.far_arm) if pose.far_arm is not None else arm
    leg = tuple(pose.leg)
    far_leg = tuple(pose.far_leg) if pose.far_leg is not None else leg
    f = pose.foreshorten
    shrink = (f.trunk, f.head, f.upper_arm, f.forearm, f.thigh, f.shank, f.foot)
    chest = pose.trunk if pose.chest is None else pose.chest
    return (pose.trunk, pose.head, *arm, *far_arm, *leg, *far_leg, *shrink, chest)


def ease(t: float) -> float:
    """Cosine ease-in-out: 0 at 0, 1 at 1, slow at both ends."""
    return (1.0 - math.cos(math.pi * t)) / 2.0


def interpolate(keyframes: Sequence[Angles], fraction: float) -> Angles:
    """The angles `fraction` of the way through the keyframes, eased between each pair.

    Angles move the literal way from one number to the other, so a pose file chooses the
    direction of a turn (from 90 to 270 goes through 180; from 90 to -90 goes through 0).
    """
    fraction = min(1.0, max(0.0, fraction))
    spans = len(keyframes) - 1
    if spans == 0:
        return keyframes[0]
    index = min(int(fraction * spans), spans - 1)
    t = ease(fraction * spans - index)
    a, b = keyframes[index], keyframes[index + 1]
    return tuple(x + (y - x) * t for x, y in zip(a, b, strict=True))


def _step(point: Point, angle: float, length: float) -> Point:
    radians = math.radians(angle)
    return point[0] + length * math.cos(radians), point[1] + length * math.sin(radians)


def _limb(root: Point, angles: Sequence[float], lengths: Sequence[float], far: bool) -> tuple[list[Bone], Point]:
    bones: list[Bone] = []
    point = root
    for angle, length in zip(angles, lengths, strict=True):
        following = _step(point, angle, length)
        bones.append(Bone(point, following, far))
        point = following
    return bones, point


def build_skeleton(angles: Angles, view: View = "side") -> Skeleton:
    """The body for one set of angles, hips at the origin (not yet on the floor)."""
    trunk, head = angles[0], angles[1]
    arm, far_arm, leg, far_leg = angles[2:5], angles[5:8], angles[8:11], angles[11:14]
    s_trunk, s_head, s_upper, s_fore, s_thigh, s_shank, s_foot = angles[14:21]
    hip = (0.0, 0.0)
    waist = _step(hip, trunk, TRUNK * s_trunk / 2)
    shoulder = _step(waist, angles[21], TRUNK * s_trunk / 2)
    side = 0.0 if view == "side" else 1.0
    # The width across the hips runs at right angles to the trunk, across the shoulders at
    # right angles to the chest: seen from above, a chest turned from the hips is a twist.
    hips_across, shoulders_across = trunk - 90.0, angles[21] - 90.0
    arm_lengths = (UPPER_ARM * s_upper, FOREARM * s_fore, HAND * s_fore)
    leg_lengths = (THIGH * s_thigh, SHANK * s_shank, FOOT * s_foot)
    bones: list[Bone] = []
    # Far limbs first, so near ones are drawn over them.
    far_shoulder = _step(shoulder, shoulders_across, -SHOULDER_HALF_WIDTH * side)
    far_hip = _step(hip, hips_across, -HIP_HALF_WIDTH * side)
    dim = view == "side"  # from the front or above, both sides are in plain sight
    far_arm_bones, far_hand = _limb(far_shoulder, far_arm, arm_lengths, dim)
    bones += far_arm_bones
    bones += _limb(far_hip, far_leg, leg_lengths, dim)[0]
    bones += [Bone(hip, waist, False), Bone(waist, shoulder, False)]
    near_shoulder = _step(shoulder, shoulders_across, SHOULDER_HALF_WIDTH * side)
    near_hip = _step(hip, hips_across, HIP_HALF_WIDTH * side)
    if side:
        bones += [Bone(far_shoulder, near_shoulder, False), Bone(far_hip, near_hip, False)]
    near_arm, hand = _limb(near_shoulder, arm, arm_lengths, False)
    bones += near_arm
    bones += _limb(near_hip, leg, leg_lengths, False)[0]
    neck = _step(shoulder, head, NECK * s_head)
    bones.append(Bone(shoulder, neck, False))
    centre = _step(neck, head, HEAD_RADIUS * s_head)
    return Skeleton(tuple(bones), centre, HEAD_RADIUS, hip, hand, far_hand)


def grounded(skeleton: Skeleton) -> Skeleton:
    """The same body moved up or down so its lowest point is on the floor (y = 0)."""
    lift = -skeleton.bounds()[1]

    def up(point: Point) -> Point:
        return point[0], point[1] + lift

    return Skeleton(
        tuple(Bone(up(b.start), up(b.end), b.far) for b in skeleton.bones),
        up(skeleton.head),
        skeleton.head_radius,
        up(skeleton.hip),
        up(skeleton.near_hand),
        up(skeleton.far_hand),
    )


@dataclass(frozen=True, slots=True)
class Figure:
    """An exercise's poses ready to draw: the keyframes as angles, plus view and props."""

    poses: ExercisePoses
    keyframes: tuple[Angles, ...]

    @classmethod
    def from_poses(cls, poses: ExercisePoses) -> Figure:
        return cls(poses, tuple(pose_angles(pose) for pose in poses.keyframes))

    def angles(self, fraction: float) -> Angles:
        return interpolate(self.keyframes, fraction)

    def skeleton(self, fraction: float) -> Skeleton:
        """The body `fraction` of the way from the start pose to the end pose, on the floor."""
        return grounded(build_skeleton(self.angles(fraction), self.poses.view))


def segment_lengths(skeleton: Skeleton) -> list[float]:
    return [math.dist(bone.start, bone.end) for bone in skeleton.bones]

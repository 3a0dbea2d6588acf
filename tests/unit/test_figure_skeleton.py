"""The stick figure's measurements: a standing body, its width from the front, and its poses in between."""

from __future__ import annotations

import math

import pytest

from backcare_tui.domain.figure import (
    FOOT,
    HEAD_RADIUS,
    NECK,
    SHANK,
    THIGH,
    TRUNK,
    Figure,
    build_skeleton,
    ease,
    grounded,
    interpolate,
    pose_angles,
    segment_lengths,
)
from backcare_tui.domain.poses import ExercisePoses, Foreshortening, Pose, PoseSet

STANDING = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0))
HIP_HEIGHT = THIGH + SHANK


def standing(view: str = "side", end: Pose = STANDING, mid: Pose | None = None) -> Figure:
    poses = PoseSet(start=STANDING, end=end, mid=mid)
    return Figure.from_poses(ExercisePoses(poses=poses, view=view))  # type: ignore[arg-type]


def test_a_standing_body_is_the_sum_of_its_segments_tall() -> None:
    body = standing().skeleton(0.0)
    top = HIP_HEIGHT + TRUNK + NECK + 2 * HEAD_RADIUS
    assert body.bounds() == pytest.approx((-HEAD_RADIUS, 0.0, FOOT, top))
    assert body.hip == pytest.approx((0.0, HIP_HEIGHT))
    assert body.head == pytest.approx((0.0, HIP_HEIGHT + TRUNK + NECK + HEAD_RADIUS))
    assert body.head_radius == HEAD_RADIUS
    hand_height = HIP_HEIGHT + TRUNK - (0.186 + 0.146 + 0.07)
    assert body.near_hand == pytest.approx((0.0, hand_height))
    assert body.far_hand == pytest.approx((0.0, hand_height))


def test_from_the_side_the_far_limbs_are_dimmed_and_there_is_no_width() -> None:
    body = standing().skeleton(0.0)
    assert [bone.far for bone in body.bones] == [True] * 6 + [False] * 9
    assert segment_lengths(body) == pytest.approx(
        [0.186, 0.146, 0.07, THIGH, SHANK, FOOT, TRUNK / 2, TRUNK / 2, 0.186, 0.146, 0.07, THIGH, SHANK, FOOT, NECK]
    )


def test_from_the_front_both_sides_show_apart_across_shoulders_and_hips() -> None:
    body = standing("front").skeleton(0.0)
    assert [bone.far for bone in body.bones] == [False] * 17
    assert body.near_hand[0] == pytest.approx(0.12)
    assert body.far_hand[0] == pytest.approx(-0.12)
    assert body.bounds()[0] == pytest.approx(-0.12)
    across = [bone for bone in body.bones if bone.start[1] == pytest.approx(bone.end[1])]
    assert sorted(math.dist(bone.start, bone.end) for bone in across) == pytest.approx([FOOT, FOOT, 0.16, 0.24])


def test_a_foreshortened_segment_shows_only_its_share_of_length() -> None:
    shrink = Foreshortening(trunk=0.5, head=0.5, upper_arm=0.5, forearm=0.25, foot=0)
    short = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0), foreshorten=shrink)
    body = grounded(build_skeleton(pose_angles(short)))
    lengths = segment_lengths(body)
    assert lengths[:3] == pytest.approx([0.186 / 2, 0.146 / 4, 0.07 / 4])  # the hand shrinks with the forearm
    assert lengths[5] == 0.0
    assert lengths[6:8] == pytest.approx([TRUNK / 4, TRUNK / 4])
    assert lengths[-1] == pytest.approx(NECK / 2)
    shoulder_y = body.hip[1] + TRUNK / 2
    assert body.head == pytest.approx((0.0, shoulder_y + (NECK + HEAD_RADIUS) / 2))


def test_a_skeleton_is_built_from_the_hips_at_the_origin_seen_from_the_side_unless_told() -> None:
    body = build_skeleton(pose_angles(STANDING))
    assert body.hip == (0.0, 0.0)
    assert body == build_skeleton(pose_angles(STANDING), "side")
    assert body != build_skeleton(pose_angles(STANDING), "front")


def test_a_pose_fills_in_the_hands_far_limbs_and_chest() -> None:
    pose = Pose(trunk=80, head=70, arm=(10, 20), leg=(30, 40, 50), far_leg=(1, 2, 3), chest=100)
    assert pose_angles(pose) == (80, 70, 10, 20, 20, 10, 20, 20, 30, 40, 50, 1, 2, 3, 1, 1, 1, 1, 1, 1, 1, 100)
    plain = pose_angles(STANDING)
    assert plain[-1] == 90  # no chest: the trunk's angle


def test_ease_follows_a_half_cosine() -> None:
    assert ease(0.25) == pytest.approx((1 - math.cos(math.pi / 4)) / 2)
    assert ease(0.75) == pytest.approx((1 + math.cos(math.pi / 4)) / 2)


def test_between_poses_the_angles_move_eased_and_stay_within_the_ends() -> None:
    start, end = (0.0, 90.0), (100.0, -90.0)
    assert interpolate([start, end], -0.5) == start
    assert interpolate([start, end], 1.5) == end
    assert interpolate([start, end], 0.25) == pytest.approx((100 * ease(0.25), 90 - 180 * ease(0.25)))
    assert interpolate([start], 0.7) == start


def test_a_mid_pose_is_reached_half_way() -> None:
    start, mid, end = (0.0,), (60.0,), (100.0,)
    assert interpolate([start, mid, end], 0.5) == pytest.approx(mid)
    assert interpolate([start, mid, end], 0.25) == pytest.approx((30.0,))
    assert interpolate([start, mid, end], 0.75) == pytest.approx((80.0,))
    assert interpolate([start, mid, end], 1.0) == pytest.approx(end)


def test_a_figure_moves_its_body_through_the_mid_pose() -> None:
    squat = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-45, -135, 0))
    lie = Pose(trunk=180, head=180, arm=(-90, -90), leg=(0, 0, 0))
    figure = standing(end=lie, mid=squat)
    assert figure.angles(0.5) == pytest.approx(pose_angles(squat))
    assert figure.angles(1.0) == pytest.approx(pose_angles(lie))
    # Lying down, the arms hang to the floor and the head is on the shoulders' level.
    assert figure.skeleton(1.0).bounds()[3] == pytest.approx(0.186 + 0.146 + 0.07 + HEAD_RADIUS)

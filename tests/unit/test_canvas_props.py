"""Where the props stand around a figure, and that the whole scene fits the canvas."""

from __future__ import annotations

import pytest

from backcare_tui.domain.canvas import FigureLayout, Props, draw_frame, place_props
from backcare_tui.domain.figure import Figure
from backcare_tui.domain.poses import ExercisePoses, Pose, PoseSet


def seated(thigh: float, *, arm: tuple[float, float] = (-90, -90)) -> Pose:
    return Pose(trunk=90, head=90, arm=arm, leg=(thigh, -90, 0))


def scene(start: Pose, end: Pose, *props: str, mid: Pose | None = None) -> Figure:
    poses = ExercisePoses(poses=PoseSet(start=start, end=end, mid=mid), props=props)  # type: ignore[arg-type]
    return Figure.from_poses(poses)


def test_without_chair_wall_or_support_there_are_none() -> None:
    pose = seated(0)
    assert place_props(scene(pose, pose, "mat")) == Props(None, None, None, mat=True, floor=True)
    assert place_props(scene(pose, pose, "floor")) == Props(None, None, None, mat=False, floor=True)
    assert place_props(scene(pose, pose)) == Props(None, None, None, mat=False, floor=False)


def test_a_chair_stands_under_the_hips_facing_the_way_the_thighs_point() -> None:
    figure = scene(seated(45), seated(120), "chair")
    hip_x, hip_y = figure.skeleton(0.0).hip
    assert place_props(figure).chair == pytest.approx((hip_x - 0.07, hip_x + 0.16, hip_y - 0.035, hip_y + 0.22))


def test_a_chair_faces_left_when_the_start_pose_sits_facing_left() -> None:
    figure = scene(seated(180), seated(60), "chair")
    hip_x, hip_y = figure.skeleton(0.0).hip
    assert place_props(figure).chair == pytest.approx((hip_x + 0.07, hip_x - 0.16, hip_y - 0.035, hip_y + 0.22))


def test_a_wall_stands_just_behind_the_furthest_the_body_reaches_back() -> None:
    upright = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0))
    leaning = Pose(trunk=150, head=150, arm=(-90, -90), leg=(-90, -90, 0))
    to_the_end = scene(upright, leaning, "wall")
    assert place_props(to_the_end).wall == pytest.approx(to_the_end.skeleton(1.0).bounds()[0] - 0.01)
    through_the_middle = scene(upright, upright, "wall", mid=leaning)
    assert place_props(through_the_middle).wall == pytest.approx(through_the_middle.skeleton(0.5).bounds()[0] - 0.01)


def test_a_support_is_just_under_the_front_hand() -> None:
    reaching = Pose(trunk=90, head=90, arm=(0, 0), far_arm=(-45, -45), leg=(-90, -90, 0))
    figure = scene(reaching, reaching, "support")
    hand = figure.skeleton(0.0).near_hand
    assert place_props(figure).support == pytest.approx((hand[0], hand[1] - 0.01))


def test_a_body_reaching_behind_its_chair_still_fits_the_canvas() -> None:
    reaching_back = seated(0, arm=(180, 180))
    figure = scene(reaching_back, reaching_back, "chair")
    layout = FigureLayout.fit(figure, 24, 8)
    left, _, right, _ = figure.skeleton(0.0).bounds()
    assert layout.to_dots(left, 0.0)[0] >= 0
    assert layout.to_dots(right, 0.0)[0] <= 48


def test_on_a_tiny_canvas_the_head_is_still_a_ring_of_dots() -> None:
    upright = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0))
    figure = scene(upright, upright)
    rows = draw_frame(figure, FigureLayout.fit(figure, 6, 3), 0.0)
    assert ["".join(text for text, _ in row) for row in rows] == ["  ⠸⡗  ", "   ⡇  ", "   ⣇  "]


def test_a_scene_with_a_chair_is_centred_across_the_canvas() -> None:
    figure = scene(seated(180), seated(180), "chair")
    layout = FigureLayout.fit(figure, 24, 8)
    back, front, _, _ = place_props(figure).chair or (0.0, 0.0, 0.0, 0.0)
    left, _, right, _ = figure.skeleton(0.0).bounds()
    scene_left, scene_right = min(left, front), max(right, back)
    assert layout.to_dots(scene_left, 0)[0] + layout.to_dots(scene_right, 0)[0] == pytest.approx(48)


def test_a_canvas_one_cell_wide_gets_a_figure_one_dot_wide() -> None:
    lying = Pose(trunk=180, head=180, arm=(-90, -90), leg=(0, 0, 0))
    figure = scene(lying, lying)
    left, _, right, _ = figure.skeleton(0.0).bounds()
    assert FigureLayout.fit(figure, 1, 8).scale == pytest.approx(1 / (right - left))


def test_a_canvas_one_row_tall_on_a_mat_gets_a_figure_one_dot_tall() -> None:
    upright = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0))
    figure = scene(upright, upright, "mat")
    layout = FigureLayout.fit(figure, 24, 1)
    assert layout.scale == pytest.approx(1 / figure.skeleton(0.0).bounds()[3])
    assert layout.baseline == 1  # four dots: the floor, the mat, then the body

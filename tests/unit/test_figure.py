"""The stick figure keeps its limbs, stands on the floor, and draws the same frame twice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare_tui import paths
from backcare_tui.domain.canvas import BrailleCanvas, FigureLayout, draw_frame, mirror_char
from backcare_tui.domain.figure import Figure, ease, segment_lengths
from backcare_tui.domain.poses import load_poses

FIGURES = load_poses([paths.builtin_library_dir()]).figures
SIDE_VIEW = sorted(exercise for exercise, poses in FIGURES.items() if poses.view == "side")


def test_braille_dot_bits_follow_the_standard_layout() -> None:
    expected = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20}
    expected |= {(0, 3): 0x40, (1, 3): 0x80}
    for (x, y), bit in expected.items():
        canvas = BrailleCanvas(1, 1)
        canvas.dot(x, y)
        assert canvas.cell_bits(0, 0, "near") == bit
        assert canvas.text_rows() == [((chr(0x2800 + bit), "near"),)]


def test_canvas_ignores_dots_outside_and_keeps_layers_apart() -> None:
    canvas = BrailleCanvas(2, 1)
    canvas.dot(-1, 0)
    canvas.dot(4, 0)
    canvas.dot(0, 0, "prop")
    canvas.dot(3, 3, "far")
    assert canvas.text_rows() == [(("\u2801", "prop"), ("\u2880", "far"))]


def test_a_full_cell_and_a_line() -> None:
    canvas = BrailleCanvas(2, 1)
    canvas.line(0, 0, 0, 3)
    canvas.line(1, 0, 1, 3)
    canvas.line(2, 3, 3, 3, "far", every=2)
    assert canvas.text_rows() == [(("\u28ff", "near"), ("\u2840", "far"))]


def test_mirror_swaps_the_dot_columns() -> None:
    assert mirror_char("\u2801") == "\u2808"
    assert mirror_char("\u2847") == "\u28b8"
    assert mirror_char(" ") == " "


def test_ease_starts_and_ends_slowly() -> None:
    assert ease(0) == 0 and ease(1) == pytest.approx(1) and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9


@pytest.mark.parametrize("exercise", SIDE_VIEW)
def test_limbs_keep_their_length_through_the_movement(exercise: str) -> None:
    figure = Figure.from_poses(FIGURES[exercise])
    start = segment_lengths(figure.skeleton(0.0))
    for step in range(1, 11):
        assert segment_lengths(figure.skeleton(step / 10)) == pytest.approx(start, abs=1e-9)


@given(st.sampled_from(sorted(FIGURES)), st.floats(0, 1))
def test_every_frame_stands_on_the_floor(exercise: str, fraction: float) -> None:
    skeleton = Figure.from_poses(FIGURES[exercise]).skeleton(fraction)
    assert skeleton.bounds()[1] == pytest.approx(0, abs=1e-9)


@given(st.sampled_from(sorted(FIGURES)), st.floats(0, 1), st.booleans())
def test_frames_are_deterministic_and_fit_the_canvas(exercise: str, fraction: float, mirrored: bool) -> None:
    figure = Figure.from_poses(FIGURES[exercise])
    layout = FigureLayout.fit(figure, 28, 10)
    first = draw_frame(figure, layout, fraction, mirrored)
    assert first == draw_frame(
        Figure.from_poses(FIGURES[exercise]), FigureLayout.fit(figure, 28, 10), fraction, mirrored
    )
    assert len(first) == 10
    assert all(sum(len(text) for text, _ in row) == 28 for row in first)


def test_the_end_pose_differs_from_the_start_for_moving_exercises() -> None:
    still = {"abdominal-brace", "tummy-buttock-tone"}  # muscles work, nothing moves
    for exercise, poses in FIGURES.items():
        figure = Figure.from_poses(poses)
        layout = FigureLayout.fit(figure, 28, 10)
        moved = draw_frame(figure, layout, 0.0) != draw_frame(figure, layout, 1.0)
        assert moved == (exercise not in still), exercise


def test_one_scale_for_every_pose() -> None:
    figure = Figure.from_poses(FIGURES["glute-bridge"])
    layout = FigureLayout.fit(figure, 28, 10)
    for fraction in (0.0, 0.3, 1.0):
        x0, y0, x1, y1 = figure.skeleton(fraction).bounds()
        left, top = layout.to_dots(x0, y1)
        right, bottom = layout.to_dots(x1, y0)
        assert left >= 0 and right <= 56 and top >= 0 and bottom <= 40

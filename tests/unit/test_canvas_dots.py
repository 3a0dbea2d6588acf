"""The Braille canvas: where each dot, line and circle lands, and how rows are coloured."""

from __future__ import annotations

from backcare_tui.domain.canvas import BrailleCanvas, mirror_char


def texts(canvas: BrailleCanvas) -> list[str]:
    return ["".join(text for text, _ in row) for row in canvas.text_rows()]


def test_a_canvas_is_two_dots_wide_and_four_tall_per_cell() -> None:
    canvas = BrailleCanvas(3, 2)
    assert (canvas.columns, canvas.rows, canvas.width, canvas.height) == (3, 2, 6, 8)
    assert texts(canvas) == ["   ", "   "]


def test_a_canvas_of_negative_size_is_empty() -> None:
    canvas = BrailleCanvas(-3, -1)
    assert (canvas.columns, canvas.rows, canvas.width, canvas.height) == (0, 0, 0, 0)
    assert canvas.text_rows() == []


def test_dots_round_to_the_nearest_and_the_last_row_and_column_are_inside() -> None:
    canvas = BrailleCanvas(2, 2)
    canvas.dot(0.6, 0.4)  # (1, 0)
    canvas.dot(3, 7)  # the bottom right dot
    canvas.dot(2, 5)  # second row of cells, second column of cells
    canvas.dot(4, 0)  # one past the right edge
    canvas.dot(0, 8)  # one past the bottom
    assert canvas.cell_bits(0, 0, "near") == 0x08
    assert canvas.cell_bits(1, 1, "near") == 0x80 | 0x02
    assert canvas.cell_bits(1, 0, "near") == 0
    assert canvas.cell_bits(0, 1, "near") == 0
    assert texts(canvas) == ["\u2808 ", " \u2882"]


def test_a_line_has_a_dot_at_every_step_or_every_other_one() -> None:
    canvas = BrailleCanvas(3, 2)
    canvas.line(0, 0, 5, 7)
    assert canvas.text_rows() == [(("⠱⡀", "near"), (" ", None)), ((" ", None), ("⠈⢆", "near"))]
    dotted = BrailleCanvas(3, 1)
    dotted.line(0, 1, 5, 1, every=2)
    assert texts(dotted) == ["⠂⠂⠂"]


def test_a_line_of_no_length_is_one_dot() -> None:
    canvas = BrailleCanvas(2, 1)
    canvas.line(1.4, 0.6, 1.4, 0.6)
    assert canvas.text_rows() == [(("\u2810", "near"), (" ", None))]


def test_circles_are_drawn_on_the_near_layer_by_default() -> None:
    small = BrailleCanvas(2, 1)
    small.circle(2, 2, 0.8)
    assert small.text_rows() == [(("⢰⣲", "near"),)]
    unit = BrailleCanvas(2, 1)
    unit.circle(2, 2, 1)
    assert texts(unit) == ["⠰⣲"]
    middle = BrailleCanvas(4, 3)
    middle.circle(4, 5, 3, "far")
    assert texts(middle) == [" ⡠⠤⡀", "⠸⡀ ⡸", " ⠈⠉ "]
    assert {layer for row in middle.text_rows() for _, layer in row} == {"far", None}
    large = BrailleCanvas(8, 5)
    large.circle(7, 9, 5.5)
    assert texts(large) == ["        ", " ⡔⠉⠉⠉⠑⡄ ", " ⡇    ⡇ ", " ⠑⠤⠤⠤⠔⠁ ", "        "]


def test_a_cell_takes_the_nearest_layer_and_shows_every_layers_dots() -> None:
    canvas = BrailleCanvas(4, 1)
    canvas.dot(0, 0, "prop")
    canvas.dot(0, 1, "far")
    canvas.dot(0, 2)
    canvas.dot(2, 0, "far")
    canvas.dot(2, 1, "prop")
    canvas.dot(6, 3, "prop")
    assert canvas.text_rows() == [(("\u2807", "near"), ("\u2803", "far"), (" ", None), ("\u2840", "prop"))]
    assert canvas.cell_bits(0, 0, "far") == 0x02
    assert canvas.cell_bits(3, 0, "prop") == 0x40


def test_mirroring_leaves_everything_but_braille_dots_alone() -> None:
    assert mirror_char("\u28ff") == "\u28ff"
    assert mirror_char("\u2880") == "\u2840"
    assert mirror_char("\u2800") == "\u2800"
    assert mirror_char("\u2900") == "\u2900"  # the first character after the Braille block
    assert mirror_char("a") == "a"

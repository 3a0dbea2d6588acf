"""A Braille dot canvas, and an exercise figure drawn on it with its floor and props.

Each terminal cell holds a 2x4 grid of dots (U+2800-U+28FF); a cell is about twice as tall
as it is wide, so the dots come out roughly square. Dots are set on three layers: the near
side of the body, the far side (drawn with every other dot, so it reads as behind), and the
props (floor, mat, chair, wall, support). A cell shows the dots of every layer, in the style
of the nearest layer that has one, so a widget can colour the layers with theme colours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from .figure import Figure, Skeleton

Layer = Literal["near", "far", "prop"]
LAYERS: tuple[Layer, ...] = ("near", "far", "prop")  # nearest first
# Bit of the dot at (x, y) inside a cell, indexed [y][x].
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
BRAILLE_BLANK = 0x2800

Run = tuple[str, Layer | None]  # text and the layer that colours it (None: blank)
Row = tuple[Run, ...]


class BrailleCanvas:
    def __init__(self, columns: int, rows: int) -> None:
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.width = self.columns * 2
        self.height = self.rows * 4
        self._cells = {layer: bytearray(self.columns * self.rows) for layer in LAYERS}

    def dot(self, x: float, y: float, layer: Layer = "near") -> None:
        """Set the dot at (x, y), counted in dots from the top left; outside is ignored."""
        column, row = round(x), round(y)
        if 0 <= column < self.width and 0 <= row < self.height:
            cell = (row >> 2) * self.columns + (column >> 1)
            self._cells[layer][cell] |= DOT_BITS[row & 3][column & 1]

    def line(self, x0: float, y0: float, x1: float, y1: float, layer: Layer = "near", every: int = 1) -> None:
        """A straight line of dots; with `every` = 2 only every other dot (a dotted line)."""
        steps = max(1, round(max(abs(x1 - x0), abs(y1 - y0))))
        for step in range(0, steps + 1, every):
            t = step / steps
            self.dot(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, layer)

    def circle(self, cx: float, cy: float, radius: float, layer: Layer = "near") -> None:
        points = max(8, round(2 * math.pi * radius * 1.5))
        for n in range(points):
            angle = 2 * math.pi * n / points
            self.dot(cx + radius * math.cos(angle), cy + radius * math.sin(angle), layer)

    def cell_bits(self, column: int, row: int, layer: Layer) -> int:
        return self._cells[layer][row * self.columns + column]

    def text_rows(self) -> list[Row]:
        """Each row as runs of text that share a layer."""
        near, far, prop = (self._cells[layer] for layer in LAYERS)
        result: list[Row] = []
        for row in range(self.rows):
            runs: list[Run] = []
            chars: list[str] = []
            current: Layer | None = None
            for cell in range(row * self.columns, (row + 1) * self.columns):
                bits = near[cell] | far[cell] | prop[cell]
                layer: Layer | None = "near" if near[cell] else "far" if far[cell] else "prop" if prop[cell] else None
                if layer != current and chars:
                    runs.append(("".join(chars), current))
                    chars = []
                current = layer
                chars.append(chr(BRAILLE_BLANK + bits) if bits else " ")
            if chars:
                runs.append(("".join(chars), current))
            result.append(tuple(runs))
        return result


@dataclass(frozen=True, slots=True)
class Props:
    """Where the props stand, in body heights, worked out from the start pose."""

    chair: tuple[float, float, float, float] | None  # seat back x, seat front x, seat y, back top y
    wall: float | None  # x of a wall behind the figure
    support: tuple[float, float] | None  # x and top y of a post held by the front hand
    mat: bool
    floor: bool


SAMPLES = 16  # fractions sampled to find how much room every pose of a movement needs


def place_props(figure: Figure) -> Props:
    wanted = set(figure.poses.props)
    start = figure.skeleton(0.0)
    chair = None
    if "chair" in wanted:
        hip_x, hip_y = start.hip
        thigh = figure.keyframes[0][8]
        facing = 1.0 if math.cos(math.radians(thigh)) >= 0 else -1.0
        back, front = hip_x - facing * 0.07, hip_x + facing * 0.16
        chair = (back, front, hip_y - 0.035, hip_y + 0.22)
    wall = None
    if "wall" in wanted:
        wall = min(min(figure.skeleton(n / SAMPLES).bounds()[0] for n in range(SAMPLES + 1)), start.bounds()[0]) - 0.01
    hand = max(start.near_hand, start.far_hand)  # the support is held by the hand in front
    support = (hand[0], hand[1] - 0.01) if "support" in wanted else None
    return Props(chair, wall, support, "mat" in wanted, "floor" in wanted or "mat" in wanted)


@dataclass(frozen=True, slots=True)
class FigureLayout:
    """One scale and placement for every frame of an exercise in a canvas of a given size."""

    scale: float  # dots per body height
    left: float  # dot x of body x = 0
    baseline: float  # dot y of the floor surface (body y = 0)
    props: Props
    columns: int
    rows: int

    @classmethod
    def fit(cls, figure: Figure, columns: int, rows: int) -> FigureLayout:
        props = place_props(figure)
        boxes = [figure.skeleton(n / SAMPLES).bounds() for n in range(SAMPLES + 1)]
        min_x = min(box[0] for box in boxes)
        max_x = max(box[2] for box in boxes)
        max_y = max(box[3] for box in boxes)
        if props.chair:
            min_x, max_x = min(min_x, *props.chair[:2]), max(max_x, *props.chair[:2])
            max_y = max(max_y, props.chair[3])
        if props.wall is not None:
            min_x = min(min_x, props.wall)
        width, height = columns * 2, rows * 4
        below = (1 if props.floor else 0) + (1 if props.mat else 0)
        room_x, room_y = max(1, width - 2), max(1, height - below - 1)
        scale = min(room_x / max(min_x * -1 + max_x, 0.1), room_y / max(max_y, 0.1))
        left = (width - (max_x - min_x) * scale) / 2 - min_x * scale
        baseline = height - 1 - below
        return cls(scale, left, baseline, props, columns, rows)

    def to_dots(self, x: float, y: float) -> tuple[float, float]:
        return self.left + x * self.scale, self.baseline - y * self.scale


def draw_frame(figure: Figure, layout: FigureLayout, fraction: float, mirrored: bool = False) -> list[Row]:
    """One frame: the body `fraction` of the way through its movement, with the props."""
    canvas = BrailleCanvas(layout.columns, layout.rows)
    _draw_props(canvas, layout)
    _draw_body(canvas, layout, figure.skeleton(fraction))
    rows = canvas.text_rows()
    return [_mirror_row(row) for row in rows] if mirrored else rows


_MIRROR = {1: 8, 2: 16, 4: 32, 64: 128}
_MIRROR.update({b: a for a, b in list(_MIRROR.items())})


def mirror_char(char: str) -> str:
    """The Braille character with its two dot columns swapped."""
    bits = ord(char) - BRAILLE_BLANK
    if not 0 < bits < 256:
        return char
    return chr(BRAILLE_BLANK + sum(_MIRROR[bit] for bit in _MIRROR if bits & bit))


def _mirror_row(row: Row) -> Row:
    return tuple(("".join(mirror_char(c) for c in reversed(text)), layer) for text, layer in reversed(row))


def _draw_props(canvas: BrailleCanvas, layout: FigureLayout) -> None:
    props, to_dots = layout.props, layout.to_dots
    if props.floor:
        canvas.line(0, canvas.height - 1, canvas.width - 1, canvas.height - 1, "prop")
    if props.mat:
        canvas.line(2, canvas.height - 2, canvas.width - 3, canvas.height - 2, "prop", every=2)
    if props.chair:
        back, front, seat, top = props.chair
        (bx, sy), (fx, _) = to_dots(back, seat), to_dots(front, seat)
        _, ty = to_dots(back, top)
        canvas.line(bx, sy, fx, sy, "prop")
        canvas.line(bx, sy, bx, layout.baseline, "prop")
        canvas.line(fx, sy, fx, layout.baseline, "prop")
        canvas.line(bx, sy, bx, ty, "prop")
    if props.wall is not None:
        wx, _ = to_dots(props.wall, 0.0)
        canvas.line(wx, 0, wx, layout.baseline, "prop")
    if props.support:
        px, py = to_dots(*props.support)
        canvas.line(px, py, px, layout.baseline, "prop")
        canvas.line(px - 2, py, px + 2, py, "prop")


def _draw_body(canvas: BrailleCanvas, layout: FigureLayout, skeleton: Skeleton) -> None:
    to_dots = layout.to_dots
    for bone in skeleton.bones:
        x0, y0 = to_dots(*bone.start)
        x1, y1 = to_dots(*bone.end)
        if bone.far:
            canvas.line(x0, y0, x1, y1, "far", every=2)
        else:
            canvas.line(x0, y0, x1, y1, "near")
    cx, cy = to_dots(*skeleton.head)
    canvas.circle(cx, cy, max(1.0, skeleton.head_radius * layout.scale), "near")

"""A small bar chart on a fixed scale, for the headline figures above the history table.

Textual's `Sparkline` scales its bars between the smallest and largest value it is given,
so one session, or a week of 0.2 minutes, fills its whole height. These bars always run
from 0 to `top`: a pain of 2 is a fifth of the height of a 10, and a missing value is a gap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

LEVELS = " ▁▂▃▄▅▆▇█"  # eighths of a row
TOPS = (10, 20, 30, 40, 60, 80, 100, 120, 150, 200, 300, 400, 600)


def round_top(value: float) -> int:
    """A round number at or above `value` (at least 10), for the top of a scale."""
    for top in TOPS:
        if value <= top:
            return top
    return math.ceil(value / 200) * 200


def columns(values: Sequence[float | None], width: int) -> list[float | None]:
    """`values` spread over `width` columns: each value as wide as there is room for, or,
    with more values than columns, the mean of those in each column (None if none are there)."""
    count = len(values)
    if not count or width <= 0:
        return []
    if count <= width:
        return [values[column * count // width] for column in range(width)]
    spread: list[float | None] = []
    for column in range(width):
        present = [v for v in values[column * count // width : (column + 1) * count // width] if v is not None]
        spread.append(sum(present) / len(present) if present else None)
    return spread


def bar_rows(values: Sequence[float | None], top: float, width: int, height: int) -> list[str]:
    """The bars as `height` lines of text, the top line first; a zero is a thin line at the
    bottom, so that it shows as a value, and a missing value is blank."""
    rows = [[" "] * width for _ in range(height)]
    for x, value in enumerate(columns(values, width)):
        if value is None:
            continue
        eighths = max(1, round(min(1.0, max(0.0, value / top)) * height * 8))
        for level in range(height):  # from the bottom line up
            rows[height - 1 - level][x] = LEVELS[max(0, min(8, eighths - level * 8))]
    return ["".join(row) for row in rows]


class MiniBars(Widget):
    """Bars from 0 to `top`, one per value or as wide as the widget allows."""

    DEFAULT_CSS = """
    MiniBars { height: 2; color: $primary; }
    """

    values: reactive[tuple[float | None, ...]] = reactive(())
    top: reactive[float] = reactive(10.0)

    def render(self) -> Content:
        width, height = self.content_size
        return Content("\n".join(bar_rows(self.values, self.top, width, height)))

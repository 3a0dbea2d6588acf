"""Small SVG charts for the printable report: bars and lines with labelled axes.

Plain strings of SVG, built here so the report needs no library, no script and no network.
Every piece of text goes through `escape`. Missing values are gaps in a line, never filled.
Colours are set by the classes the report's stylesheet defines (`.before`, `.after`, ...),
so the charts print the same in colour and in grey.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 680
HEIGHT = 150
LEFT = 36
RIGHT = 12
TOP = 16
BOTTOM = 20


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    css: str  # the class that colours it, e.g. "after"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Frame:
    """Maps values onto the plotting area of one chart."""

    def __init__(self, count: int, y_max: float, height: int = HEIGHT) -> None:
        self.count = max(1, count)
        self.y_max = y_max or 1
        self.height = height
        self.plot_width = WIDTH - LEFT - RIGHT
        self.plot_height = height - TOP - BOTTOM

    def x(self, index: float) -> float:
        """The centre of slot `index` of `count` equal slots."""
        return LEFT + (index + 0.5) * self.plot_width / self.count

    def y(self, value: float) -> float:
        return TOP + self.plot_height * (1 - min(value, self.y_max) / self.y_max)

    @property
    def slot(self) -> float:
        return self.plot_width / self.count

    def axes(self, y_ticks: Sequence[float], x_labels: Sequence[tuple[int, str]], y_title: str) -> list[str]:
        parts = [f'<line class="axis" x1="{LEFT}" y1="{self.y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{self.y(0):.1f}"/>']
        for tick in y_ticks:
            y = self.y(tick)
            parts.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>')
            parts.append(f'<text class="tick" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{_number(tick)}</text>')
        for index, label in x_labels:
            x, anchor = self.x(index), "middle"
            if x > WIDTH - RIGHT - 30:  # the last label would run off the right edge
                x, anchor = WIDTH - RIGHT, "end"
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{self.y(0) + 14:.1f}" text-anchor="{anchor}">{escape(label)}</text>'
            )
        parts.append(f'<text class="tick" x="{LEFT - 4}" y="9" text-anchor="start">{escape(y_title)}</text>')
        return parts


def _svg(title: str, parts: list[str], height: int = HEIGHT) -> str:
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}">\n<title>{escape(title)}</title>\n{body}\n</svg>'
    )


def spaced_labels(labels: Sequence[str], most: int = 8) -> list[tuple[int, str]]:
    """At most `most` evenly spaced (index, label) pairs, always with the last one."""
    if not labels:
        return []
    step = max(1, -(-len(labels) // most))
    chosen = list(range(len(labels) - 1, -1, -step))[::-1]
    return [(index, labels[index]) for index in chosen]


def nice_top(value: float, floor: float = 1) -> float:
    """A round number at or above `value`, for the top of an axis."""
    value = max(value, floor)
    for step in (1, 2, 5, 10, 15, 20, 30, 50, 60, 100, 120, 150, 200, 300, 500, 1000):
        if value <= step:
            return float(step)
    return float(-(-value // 500) * 500)


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], y_title: str, css: str = "bar") -> str:
    """Vertical bars, one per label, on an axis from 0 to a round number."""
    top = nice_top(max(values, default=0))
    frame = _Frame(len(values), top)
    parts = frame.axes([0, top / 2, top], spaced_labels(labels), y_title)
    width = max(1.0, frame.slot * 0.7)
    for index, value in enumerate(values):
        if value <= 0:
            continue
        y = frame.y(value)
        parts.append(
            f'<rect class="{css}" x="{frame.x(index) - width / 2:.1f}" y="{y:.1f}" '
            f'width="{width:.1f}" height="{frame.y(0) - y:.1f}"><title>{escape(labels[index])}: '
            f"{_number(value)}</title></rect>"
        )
    return _svg(title, parts)


def _segments(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Runs of consecutive values that are present; a missing value ends a run."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, value))
    if current:
        runs.append(current)
    return runs


def line_chart(
    title: str, labels: Sequence[str], series: Sequence[Series], y_max: float, y_title: str, dots: bool = True
) -> str:
    """Lines over evenly spaced points with a 0 to `y_max` axis; missing values leave gaps."""
    count = max((len(line.values) for line in series), default=0)
    frame = _Frame(count, y_max)
    ticks = [float(tick) for tick in range(0, int(y_max) + 1, 2 if y_max > 7 else 1)]
    parts = frame.axes(ticks, spaced_labels(labels), y_title)
    for line in series:
        for run in _segments(line.values):
            points = " ".join(f"{frame.x(i):.1f},{frame.y(v):.1f}" for i, v in run)
            if len(run) > 1:
                parts.append(f'<polyline class="line {line.css}" points="{points}"/>')
            if dots or len(run) == 1:
                parts.extend(
                    f'<circle class="dot {line.css}" cx="{frame.x(i):.1f}" cy="{frame.y(v):.1f}" r="2.5"/>'
                    for i, v in run
                )
    return _svg(title, parts)


def legend(series: Sequence[Series], note: str = "") -> str:
    """A one-line key to the series' colours, with an optional note after it, as HTML."""
    keys = [f'<span class="key"><span class="swatch {s.css}"></span>{escape(s.name)}</span>' for s in series]
    if note:
        keys.append(f'<span class="muted">{escape(note)}</span>')
    return f'<p class="legend">{" ".join(keys)}</p>'

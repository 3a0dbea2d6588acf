"""A stick figure doing the exercise, in Braille dots, in the theme's colours.

The widget only draws; the screen tells it what to show, either field by field (`poses`,
`fraction`, `mirrored`) or all at once from the session's view with `show_view`. The
fraction is rounded to a fixed number of steps, so setting it again with a value that
draws the same picture does nothing, and frames already drawn are kept for the next rep.
A new frame repaints only the rows that differ from the picture on screen.
An exercise without poses shows its starting position in words instead.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..domain.canvas import FigureLayout, Row, draw_frame
from ..domain.engine_view import SessionView
from ..domain.figure import Figure
from ..domain.poses import ExercisePoses
from ..domain.rep_cue import figure_exercise, figure_fraction, figure_mirrored

FRACTION_STEPS = 48  # distinct pictures between two poses
CACHED_FRAMES = 256


def quantise_fraction(fraction: float) -> float:
    return round(min(1.0, max(0.0, fraction)) * FRACTION_STEPS) / FRACTION_STEPS


class ExerciseFigure(Widget):
    """Draws one exercise's figure `fraction` of the way from its start to its end pose."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"exercise-figure--near", "exercise-figure--far", "exercise-figure--prop"}

    DEFAULT_CSS = """
    ExerciseFigure {
        width: 1fr;
        height: 1fr;
        min-height: 3;
    }
    ExerciseFigure > .exercise-figure--near { color: $accent; text-style: bold; }
    ExerciseFigure > .exercise-figure--far { color: $accent 55%; }
    ExerciseFigure > .exercise-figure--prop { color: $foreground 40%; }
    ExerciseFigure.-no-figure { color: $text-muted; }
    """

    poses: reactive[ExercisePoses | None] = reactive(None)
    fraction: reactive[float] = reactive(0.0, repaint=False)  # the watchers repaint changed rows
    mirrored: reactive[bool] = reactive(False, repaint=False)
    position: reactive[str] = reactive("")  # shown in words when there are no poses

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._figure: Figure | None = None
        self._layouts: dict[tuple[int, int], FigureLayout] = {}
        self._frames: OrderedDict[tuple[float, bool, int, int], list[Strip]] = OrderedDict()
        self.frames_drawn = 0  # new pictures computed, for tests and benchmarks
        self._on_screen: list[Strip] | None = None  # the picture last painted

    def validate_fraction(self, fraction: float) -> float:
        return quantise_fraction(fraction)

    def watch_poses(self, poses: ExercisePoses | None) -> None:
        self._figure = None if poses is None else Figure.from_poses(poses)
        self._layouts.clear()
        self._frames.clear()
        self._on_screen = None
        self.set_class(poses is None, "-no-figure")

    def watch_fraction(self) -> None:
        self._repaint_changed_rows()

    def watch_mirrored(self) -> None:
        self._repaint_changed_rows()

    def _repaint_changed_rows(self) -> None:
        """Repaint the rows where the new picture differs from the one on screen."""
        old = self._on_screen
        if self._figure is None or old is None or not self.is_mounted or self.size.width < 4:
            self.refresh()
            return
        new = self._frame_strips()
        if len(new) != len(old):
            self.refresh()
            return
        changed = [y for y, (before, after) in enumerate(zip(old, new, strict=True)) if before != after]
        self._on_screen = new
        if changed:
            top = changed[0]
            self.refresh(Region(0, top, self.size.width, changed[-1] - top + 1))

    def show_view(self, view: SessionView, figures: Mapping[str, ExercisePoses]) -> None:
        """Show what a session's view calls for: the exercise (or the next one during the
        rest before it), at the point of its movement the clock has reached."""
        exercise = figure_exercise(view)
        poses = figures.get(exercise.id)
        self.poses = poses
        self.position = exercise.position
        self.mirrored = figure_mirrored(view)
        self.fraction = figure_fraction(view, poses)

    def frame_rows(self, width: int, height: int) -> list[Row]:
        """The picture for the current state at a size, as runs of text per row."""
        assert self._figure is not None
        layout = self._layouts.get((width, height))
        if layout is None:
            layout = self._layouts[(width, height)] = FigureLayout.fit(self._figure, width, height)
        self.frames_drawn += 1
        return draw_frame(self._figure, layout, self.fraction, self.mirrored)

    def _frame_strips(self) -> list[Strip]:
        """The current picture as styled lines, drawn once and then reused."""
        width, height = self.size
        key = (self.fraction, self.mirrored, width, height)
        strips = self._frames.get(key)
        if strips is not None:
            self._frames.move_to_end(key)
            return strips
        base = self.rich_style
        styles = {
            layer: base + self.get_component_rich_style(f"exercise-figure--{layer}")
            for layer in ("near", "far", "prop")
        }
        strips = [
            Strip([Segment(text, styles[layer] if layer else base) for text, layer in row], width)
            for row in self.frame_rows(width, height)
        ]
        self._frames[key] = strips
        if len(self._frames) > CACHED_FRAMES:
            self._frames.popitem(last=False)
        return strips

    def notify_style_update(self) -> None:
        """A new theme or class changes the colours: draw the pictures again."""
        self._frames.clear()
        self._on_screen = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        if self._figure is None or self.size.width < 4 or self.size.height < 2:
            return super().render_line(y)
        strips = self._on_screen = self._frame_strips()
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, self.rich_style)

    def render(self) -> Content:
        """Only without a figure: its starting position in words."""
        return Content(self.position) if self._figure is None else Content()

"""A stick figure doing the exercise, in Braille dots, in the theme's colours.

The widget only draws; the screen tells it what to show, either field by field (`poses`,
`fraction`, `mirrored`) or all at once from the session's view with `show_view`. The
fraction is rounded to a fixed number of steps, so setting it again with a value that
draws the same picture does nothing, and frames already drawn are kept for the next rep.
An exercise without poses shows its starting position in words instead.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
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
    fraction: reactive[float] = reactive(0.0)
    mirrored: reactive[bool] = reactive(False)
    position: reactive[str] = reactive("")  # shown in words when there are no poses

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._figure: Figure | None = None
        self._layouts: dict[tuple[int, int], FigureLayout] = {}
        self._frames: OrderedDict[tuple[float, bool, int, int], list[Row]] = OrderedDict()
        self.frames_drawn = 0  # new pictures computed, for tests and benchmarks

    def validate_fraction(self, fraction: float) -> float:
        return quantise_fraction(fraction)

    def watch_poses(self, poses: ExercisePoses | None) -> None:
        self._figure = None if poses is None else Figure.from_poses(poses)
        self._layouts.clear()
        self._frames.clear()
        self.set_class(poses is None, "-no-figure")

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
        """The picture for the current state at a size, drawn once and then reused."""
        assert self._figure is not None
        key = (self.fraction, self.mirrored, width, height)
        rows = self._frames.get(key)
        if rows is not None:
            self._frames.move_to_end(key)
            return rows
        layout = self._layouts.get((width, height))
        if layout is None:
            layout = self._layouts[(width, height)] = FigureLayout.fit(self._figure, width, height)
        rows = draw_frame(self._figure, layout, self.fraction, self.mirrored)
        self.frames_drawn += 1
        self._frames[key] = rows
        if len(self._frames) > CACHED_FRAMES:
            self._frames.popitem(last=False)
        return rows

    def render(self) -> Text | Content:
        width, height = self.size
        if self._figure is None:
            return Content(self.position)
        if width < 4 or height < 2:
            return Text()
        styles = {
            layer: self.get_component_rich_style(f"exercise-figure--{layer}", partial=True)
            for layer in ("near", "far", "prop")
        }
        text = Text(no_wrap=True, overflow="crop")
        for number, row in enumerate(self.frame_rows(width, height)):
            if number:
                text.append("\n")
            for chunk, layer in row:
                text.append(chunk, styles[layer] if layer else None)
        return text

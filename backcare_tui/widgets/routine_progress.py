"""How far through the routine: a one-line bar with a percentage.

Textual's ProgressBar repaints every second on a timer of its own (for its ETA); this bar
repaints only when the whole percent it shows changes, which keeps a running routine cheap.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class RoutineProgress(Widget):
    DEFAULT_CSS = """
    RoutineProgress { height: 1; width: 1fr; }
    """

    percent: reactive[int] = reactive(0)

    def render(self) -> Content:
        width = max(0, self.size.width - 6)
        filled = width * self.percent // 100
        return Content.assemble(
            ("━" * filled, "$primary"),
            ("━" * (width - filled), "$foreground 15%"),
            f" {self.percent:>3}%",
        )

"""The run screen's clock: phase, big countdown, rep/set/side counter and a hint.

The screen sets the reactives four times a second; Textual calls a watcher only when a value
really changes, and each watcher repaints just its own line. The one-line texts skip the
layout pass, since their size never changes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from ..domain import wording

clock_text = wording.countdown


class ClockPanel(Vertical):
    """Set `phase`, `label`, `remaining`, `counter`, `hint` and `paused`; the panel follows."""

    phase: reactive[str] = reactive("", repaint=False, init=False)  # the engine's phase value, e.g. "get_ready"
    label: reactive[str] = reactive("", repaint=False, init=False)
    remaining: reactive[float] = reactive(0.0, repaint=False, init=False)
    counter: reactive[str] = reactive("", repaint=False, init=False)
    hint: reactive[str] = reactive("", repaint=False, init=False)
    paused: reactive[bool] = reactive(False, repaint=False, init=False, toggle_class="-paused")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._phase_line = Static(id="run-phase")
        self._digits = Digits("0:00", id="run-digits")
        self._counter_line = Static(id="run-counter")
        self._hint_line = Static(id="run-hint")

    def compose(self) -> ComposeResult:
        yield self._phase_line
        yield self._digits
        yield self._counter_line
        yield self._hint_line

    def watch_phase(self, old: str, new: str) -> None:
        if old:
            self.remove_class(_phase_class(old))
        if new:
            self.add_class(_phase_class(new))

    def watch_label(self) -> None:
        self._show_label()

    def watch_paused(self) -> None:
        self._show_label()

    def _show_label(self) -> None:
        prefix = "PAUSED · " if self.paused else ""
        self._phase_line.update(prefix + self.label.upper(), layout=False)

    def watch_remaining(self, old: float, new: float) -> None:
        text = clock_text(new)
        if text != clock_text(old):
            self._digits.update(text)

    def watch_counter(self, counter: str) -> None:
        self._counter_line.update(counter, layout=False)

    def watch_hint(self, hint: str) -> None:
        self._hint_line.update(hint, layout=False)


def _phase_class(phase: str) -> str:
    return f"-{phase.replace('_', '-')}"

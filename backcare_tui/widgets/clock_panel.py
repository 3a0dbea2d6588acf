"""The run screen's clock: phase, big countdown, the rep cue, rep/set/side counter and a hint.

The screen sets the reactives several times a second; Textual calls a watcher only when a
value really changes, and each watcher repaints just its own line. The panel is as wide as
the longest line an exercise can show (`fit`), set once per exercise, so the one-line texts
skip the layout pass as they change.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Digits, Static

from ..domain import wording

clock_text = wording.countdown

DIGITS_WIDTH = 16  # "10:00" in Digits' three-column glyphs
CHROME = 4  # border and padding on both sides
MIN_WIDTH = 22


class ClockPanel(Vertical):
    """Set `phase`, `label`, `remaining`, `cue`, `counter`, `hint` and `paused`; the panel follows.

    `remaining` is the time the digits show: the time left, or the time so far where the
    person sets the pace.
    """

    phase: reactive[str] = reactive("", repaint=False, init=False)  # the engine's phase value, e.g. "get_ready"
    label: reactive[str] = reactive("", repaint=False, init=False)
    remaining: reactive[float] = reactive(0.0, repaint=False, init=False)
    cue: reactive[str] = reactive("", repaint=False, init=False)
    counter: reactive[str] = reactive("", repaint=False, init=False)
    hint: reactive[str] = reactive("", repaint=False, init=False)
    paused: reactive[bool] = reactive(False, repaint=False, init=False, toggle_class="-paused")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._phase_line = Static(id="run-phase")
        self._digits = Digits("0:00", id="run-digits")
        self._cue_line = Static(id="run-cue")
        self._counter_line = Static(id="run-counter")
        self._hint_line = Static(id="run-hint")

    def compose(self) -> ComposeResult:
        yield self._phase_line
        yield self._digits
        yield self._cue_line
        yield self._counter_line
        yield self._hint_line

    def fit(self, lines: Iterable[str]) -> int:
        """Be as wide as the longest of `lines` (every text the panel may show); the width."""
        width = max(MIN_WIDTH, DIGITS_WIDTH + CHROME, *(len(line) + CHROME for line in lines))
        if self.styles.width is None or self.styles.width.value != width:
            self.styles.width = width
        return width

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
        self._phase_line.update(Content(phase_line(self.label, paused=self.paused)), layout=False)

    def watch_remaining(self, old: float, new: float) -> None:
        text = clock_text(new)
        if text != clock_text(old):
            self._digits.update(text)

    def watch_cue(self, cue: str) -> None:
        self._cue_line.update(Content(cue), layout=False)

    def watch_counter(self, counter: str) -> None:
        self._counter_line.update(Content(counter), layout=False)

    def watch_hint(self, hint: str) -> None:
        self._hint_line.update(Content(hint), layout=False)


def phase_line(label: str, *, paused: bool) -> str:
    return ("PAUSED · " if paused else "") + label.upper()


def _phase_class(phase: str) -> str:
    return f"-{phase.replace('_', '-')}"

"""The 0-10 pain check before and after a session. Dismisses with the score, or None if skipped."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..domain.safety import PAIN_SCALE


class PainCheckScreen(ModalScreen[int | None]):
    AUTO_FOCUS = ""  # digits answer at once; Tab reaches the box for typing "10"
    BINDINGS = [
        *(Binding(str(score), f"choose({score})", str(score), show=False) for score in range(10)),
        Binding("t", "choose(10)", "10", show=False),
        Binding("escape", "skip", "Skip"),
    ]

    def __init__(self, *, moment: str, routine_name: str) -> None:
        super().__init__()
        self.moment = moment
        self.routine_name = routine_name

    def compose(self) -> ComposeResult:
        when = "before you start" if self.moment == "before" else "now that you have finished"
        scale = "\n".join(f"[b]{score:>2}[/b]  {meaning}" for score, meaning in PAIN_SCALE.items())
        with Vertical(classes="dialog pain"):
            yield Static(f"How is your back pain {when}?", classes="dialog-title")
            yield Static(self.routine_name, classes="dim")
            yield Static(scale, id="pain-scale")
            yield Static("Press 0-9, or t for 10 (Tab to type it). Escape skips.", classes="dim")
            yield Input(placeholder="or type 0-10 and Enter", id="pain-input", max_length=2, restrict=r"\d*")

    @on(Input.Submitted)
    def typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value.isdigit() and 0 <= int(value) <= 10:
            self.dismiss(int(value))
        else:
            self.notify("Type a whole number from 0 to 10.", severity="warning", timeout=3, markup=False)

    def action_choose(self, score: int) -> None:
        self.dismiss(score)

    def action_skip(self) -> None:
        self.dismiss(None)

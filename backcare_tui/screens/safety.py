"""Safety advice: on first run (acknowledged once), on `s` anywhere, and after "this hurts"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..domain import safety


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f" • {item}" for item in items)


class SafetyScreen(ModalScreen[None]):
    """Not a diagnosis; red flags; when to stop. The first time, Enter records that it was read."""

    BINDINGS = [
        Binding("enter", "acknowledge", "I understand"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, *, first_run: bool) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog safety", id="safety"):
            yield Static("Before you start: safety" if self.first_run else "Safety advice", classes="dialog-title")
            yield Static(safety.NOT_A_DIAGNOSIS, classes="lead")
            yield Static(safety.EMERGENCY_INTRO, classes="urgent-title")
            yield Static(_bullets(safety.EMERGENCY_SIGNS), classes="urgent")
            yield Static(safety.SOON_INTRO, classes="soon-title")
            yield Static(_bullets(safety.SOON_SIGNS))
            yield Static(safety.PREGNANCY, classes="lead")
            yield Static("While you exercise", classes="soon-title")
            yield Static(_bullets(safety.WHEN_TO_STOP))
            yield Static(safety.KEEP_MOVING, classes="dim")
            prompt = "Press Enter to confirm you have read this." if self.first_run else "Enter or Escape closes."
            yield Static(prompt, classes="dialog-prompt")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close" and self.first_run:
            return None  # must be read and acknowledged once
        return True

    def action_acknowledge(self) -> None:
        if self.first_run:
            error = self.app.settings.change(safety_acknowledged=True)
            if error:
                self.notify(error, severity="warning")
        self.dismiss()

    def action_close(self) -> None:
        if not self.first_run:
            self.dismiss()


class WhenToStopScreen(ModalScreen[None]):
    """After "this hurts": the session is stopped and saved; say what to do next."""

    BINDINGS = [
        Binding("enter,escape", "close", "Continue"),
        Binding("s", "app.safety", "Safety"),  # a modal screen does not pass keys on to the app
    ]

    def __init__(self, *, saved: bool = True) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog hurt"):
            yield Static("Stopped: that's the right call", classes="dialog-title")
            kept = "saved" if self.saved else "kept in memory (it could not be saved yet)"
            yield Static(
                f"Your session is {kept}, marked as stopped because of pain. "
                "Rest in a comfortable position and let it settle.",
                classes="lead",
            )
            yield Static(_bullets(safety.WHEN_TO_STOP[:3]))
            yield Static(
                "If you notice any of the urgent warning signs (press s to see them), get help straight away.",
                classes="urgent",
            )
            yield Static("Press Enter to continue.", classes="dialog-prompt")

    def action_close(self) -> None:
        self.dismiss()

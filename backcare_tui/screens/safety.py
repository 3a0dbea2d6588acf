"""Safety advice: on first run (acknowledged once), on `s` anywhere, and after "this hurts"."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..domain import safety

if TYPE_CHECKING:
    from ..app import BackcareApp


def bullet_list(items: tuple[str, ...], classes: str = "") -> ComposeResult:
    """One row per item, wrapped lines indented under the text rather than the bullet."""
    for item in items:
        with Horizontal(classes=f"bullet {classes}".strip()):
            yield Static(" •", classes="bullet-mark")
            yield Static(Content(item), classes="bullet-text")


def tier_widgets(tier: safety.TriageTier) -> ComposeResult:
    """One triage tier: its title in the tier's colour, what to do, and the signs."""
    yield Static(tier.title, classes=f"tier-title -{tier.id}")
    yield Static(Content.assemble((tier.action, "bold"), "\n", tier.intro))
    yield from bullet_list(tier.signs, classes=f"tier-signs -{tier.id}")


def triage_key() -> Content:
    """The three tiers in one line each, for screens that only remind."""
    return Content("\n").join(Content(f" {number}. {line}") for number, line in enumerate(safety.TRIAGE_KEY, 1))


class SafetyScreen(ModalScreen[None]):
    """Not a diagnosis; when to get help, in three tiers; when to stop. Read and acknowledged once."""

    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    BINDINGS: ClassVar[list[BindingType]] = [
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
            yield Static("When to get help, most urgent first. Scroll for all three.", classes="dim")
            for tier in safety.TRIAGE_TIERS:
                yield from tier_widgets(tier)
            yield Static("Other cautions", classes="soon-title")
            yield from bullet_list(safety.OTHER_CAUTIONS)
            yield Static("While you exercise", classes="soon-title")
            yield from bullet_list(safety.WHEN_TO_STOP)
            yield Static(safety.KEEP_MOVING, classes="dim")
            prompt = "Press Enter to confirm you have read this." if self.first_run else "Enter or Escape closes."
            yield Static(prompt, classes="dialog-prompt")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#safety").focus()  # arrow keys and Page Down scroll at once

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close" and self.first_run:
            return None  # must be read and acknowledged once
        return True

    def action_acknowledge(self) -> None:
        if self.first_run:
            error = self.app.settings.change(safety_acknowledged=True)
            if error:
                self.notify(error, severity="warning", markup=False)
        self.dismiss()

    def action_close(self) -> None:
        if not self.first_run:
            self.dismiss()


class WhenToStopScreen(ModalScreen[None]):
    """After "this hurts": the session is stopped and saved; say what to do next."""

    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "Continue"),
        Binding("s", "app.safety", "Safety"),  # a modal screen does not pass keys on to the app
    ]

    def __init__(self, *, saved: bool = True) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog hurt"):
            yield Static("Stopped: that's the right call", classes="dialog-title")
            kept = "saved" if self.saved else "kept in memory (it could not be saved yet)"
            yield Static(
                f"Your session is {kept}, marked as stopped because of pain. "
                "Rest in a comfortable position and let it settle.",
                classes="lead",
            )
            yield from bullet_list(safety.WHEN_TO_STOP[:2])
            yield Static("Warning signs (press s to see them) need help at their level:", classes="urgent-title")
            yield Static(triage_key(), classes="lead")
            yield Static("Press Enter to continue.", classes="dialog-prompt")

    def action_close(self) -> None:
        self.dismiss()

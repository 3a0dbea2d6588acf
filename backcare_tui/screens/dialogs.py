"""Small dialogs: a yes/no confirmation, and the "make me bigger" cover."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        Binding("enter", "answer(True)", "Confirm", show=False),
    ]

    def __init__(self, title: str, detail: str = "", *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text, self.detail, self.yes, self.no = title, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            if self.detail:
                yield Static(self.detail, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="error")
                yield Button(f"{self.no} (n)", id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TooSmallScreen(ModalScreen[None]):
    """Covers the app while the terminal is smaller than it can lay out."""

    BINDINGS = [Binding("escape", "ignore", show=False)]

    def compose(self) -> ComposeResult:
        yield Static(
            "This terminal is too small for backcare-tui.\n\n"
            "Please make the window at least 60 columns by 20 rows.\n"
            "A running session is paused until then.",
            id="too-small",
        )

    def action_ignore(self) -> None:
        """Escape does nothing here: the cover goes when the window is big enough."""

    shown_before = False

    def on_screen_resume(self) -> None:
        """Back on top after a dialog: the window may have grown meanwhile."""
        if not self.shown_before:  # first shown: the app has only just found it too small
            self.shown_before = True
            return
        size = self.app.size
        if size.width >= self.app.MIN_WIDTH and size.height >= self.app.MIN_HEIGHT:
            self.dismiss()

"""Small dialogs: a yes/no confirmation, and the "make me bigger" cover."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from ..app import BackcareApp


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that cannot be taken back; dismisses with True for yes.

    The safe answer ("no": keep, go on) has the focus, so Enter and Escape keep things as
    they are. The destructive answer needs its own key (`yes_key`) or a click on its button.
    """

    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    BINDINGS: ClassVar[list[BindingType]] = [Binding("n,escape", "answer(False)", "No")]

    def __init__(self, title: str, detail: str = "", *, yes: str = "Yes", no: str = "No", yes_key: str = "y") -> None:
        super().__init__()
        self.title_text, self.detail, self.yes, self.no, self.yes_key = title, detail, yes, no, yes_key
        self._bindings.bind(yes_key, "answer(True)", yes)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.detail:
                yield Static(Content(self.detail), classes="dialog-body")  # may hold names and paths
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self.yes} ({self.yes_key})"), id="yes", variant="error")
                yield Button(Content(f"{self.no} (Enter)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TooSmallScreen(ModalScreen[None]):
    """Covers the app while the terminal is smaller than it can lay out."""

    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "ignore", show=False)]

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

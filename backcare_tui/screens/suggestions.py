"""Before a routine starts: the suggested changes to its doses, and the person decides.

`a` accepts them all, `k` keeps every dose as it is (remembered until there is new
evidence), and Enter accepts only those still ticked (Space ticks and unticks). Escape goes
back without starting and changes nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

Accepted = tuple[int, ...]
"""The indexes of the suggestions accepted; the others are kept as they are."""


class SuggestionsScreen(ModalScreen[Accepted | None]):
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("a", "accept_all", "Accept all"),
        Binding("k", "keep", "Keep as is"),
        Binding("enter", "accept_chosen", "Accept ticked", priority=True),
        Binding("escape", "cancel", "Back"),
        Binding("s", "app.safety", "Safety", show=False),
    ]

    def __init__(self, routine_name: str, lines: list[str], notes: list[str] | None = None) -> None:
        super().__init__()
        self.routine_name = routine_name
        self.lines = lines
        self.notes = notes or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="suggestions"):
            yield Static(Content.assemble("Suggested for ", (self.routine_name, "bold")), classes="dialog-title")
            yield Static("Nothing changes unless you say so.", classes="dialog-body")
            yield SelectionList[int](
                *(Selection(Content(line), index, True) for index, line in enumerate(self.lines)), id="suggestion-list"
            )
            for note in self.notes:
                yield Static(Content(note), classes="dialog-body")
            yield Static(
                "a: accept all   k: keep as is   Space, then Enter: accept the ticked ones   Esc: back",
                classes="dialog-prompt",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_accept_all(self) -> None:
        self.dismiss(tuple(range(len(self.lines))))

    def action_keep(self) -> None:
        self.dismiss(())

    def action_accept_chosen(self) -> None:
        chosen: list[int] = self.query_one(SelectionList).selected
        self.dismiss(tuple(sorted(chosen)))

    def action_cancel(self) -> None:
        self.dismiss(None)

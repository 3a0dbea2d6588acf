"""`?`: every key of the screen underneath, with what it does and whether it applies now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(f"Keys: {self.under.title or self.under.__class__.__name__}", classes="dialog-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="keys")
            yield Static("Escape closes this. Ctrl+P opens the command palette; Ctrl+Q quits.", classes="dim")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Now")
        seen: set[tuple[str, str]] = set()
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            description = binding.description or binding.action.replace("_", " ")
            sideways = any(word in binding.action for word in ("left", "right"))
            if (binding.action, description) in seen or binding.system or (sideways and active.node is not self.under):
                continue
            seen.add((binding.action, description))
            display = self.app.get_key_display(binding)
            table.add_row(display, description, "yes" if active.enabled else "not now")

    def action_close(self) -> None:
        self.dismiss()

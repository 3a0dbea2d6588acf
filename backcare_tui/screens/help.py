"""`?`: every key of the screen underneath, with what it does and whether it applies now."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

FOCUS_NAMES = {"OptionList": "the list", "DataTable": "the table", "Input": "the text box"}
LEFT_OUT = ("copy", "maximize", "minimize", "screenshot", "command_palette")
"""Textual's own keys that do nothing useful here (copying text, maximising a widget)."""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q,enter", "close", "Close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(f"Keys: {self.under.title or self.under.__class__.__name__}", classes="dialog-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="keys")
            yield Static("Escape closes this. Ctrl+P opens the command palette; Ctrl+Q quits.", classes="dim")

    def on_mount(self) -> None:
        """The screen's own keys first, then the focused list's or table's, then app-wide ones."""
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Now", "Where")
        focused = self.under.focused
        sources: list[tuple[DOMNode, str]] = [(self.under, "this screen")]
        if focused is not None:
            sources.append((focused, FOCUS_NAMES.get(type(focused).__name__, "the focused item")))
        if not isinstance(self.under, ModalScreen):  # a dialog passes no keys on to the app
            sources.append((self.app, "everywhere"))
        seen: set[tuple[str, str]] = set()
        for node, where in sources:
            for bindings in node._bindings.key_to_bindings.values():
                for binding in bindings:
                    description = binding.tooltip or binding.description or binding.action.replace("_", " ")
                    sideways = any(word in binding.action for word in ("left", "right")) and node is focused
                    key = self.app.get_key_display(binding)
                    left_out = any(word in binding.action for word in LEFT_OUT)
                    if binding.system or sideways or left_out or (key, description) in seen:
                        continue
                    if isinstance(focused, Input) and node is focused:
                        continue  # editing keys of a text box: what any text box does
                    seen.add((key, description))
                    _, action, parameters = parse_action(binding.action)
                    enabled = node.check_action(action, parameters)
                    row = (key, description, "yes" if enabled else "not now", where)
                    table.add_row(*(Text(cell) for cell in row))  # keys like "[" are not markup

    def action_close(self) -> None:
        self.dismiss()

"""A small dialog that offers a few choices, each on one key, and answers with the one chosen."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

T = TypeVar("T")
Choice = tuple[str, T, "str | Content"]
"""(key, value, what it does)"""


class ChoiceScreen(ModalScreen[T], Generic[T]):
    """A title, some lines of text, then one key per choice; Escape answers `on_escape`."""

    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("s", "app.safety", "Safety advice"),  # a modal screen does not pass keys on to the app
    ]

    def __init__(
        self,
        title: str | Content,
        lines: list[str | Content],
        choices: list[Choice[T]],
        *,
        on_escape: T,
        classes: str = "",
    ) -> None:
        super().__init__(classes=classes)
        self.title_text = title
        self.lines = lines
        self.choices = choices
        self.on_escape = on_escape
        self._by_key = {key: value for key, value, _ in choices}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            for line in self.lines:
                yield Static(line, classes="dialog-body")
            for key, _, text in self.choices:
                yield Static(Content.assemble((f" {key} ", "reverse bold"), "  ", text), classes="choice")
            yield Static("Esc: " + self.escape_text() + "   s: safety advice", classes="dialog-prompt")

    def escape_text(self) -> str:
        text = next((text for _, value, text in self.choices if value == self.on_escape), "close")
        return str(text).lower()

    def on_key(self, event: events.Key) -> None:
        if event.key in self._by_key:
            event.stop()
            self.dismiss(self._by_key[event.key])
        elif event.key == "escape":
            event.stop()
            self.dismiss(self.on_escape)

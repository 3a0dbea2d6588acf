"""The three programme elements (and walking) as coloured labels."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from ..domain.models import CORE_ELEMENTS, ELEMENT_LABELS


class ElementBadges(Horizontal):
    """Stretch / Mobilise / Strengthen labels; elements not covered are shown dimmed."""

    DEFAULT_CSS = """
    ElementBadges { height: 1; width: auto; }
    ElementBadges Label { padding: 0 1; margin-right: 1; text-style: bold; }
    ElementBadges .stretch { background: $success-muted; color: $text-success; }
    ElementBadges .mobilise { background: $primary-muted; color: $text-primary; }
    ElementBadges .strengthen { background: $warning-muted; color: $text-warning; }
    ElementBadges .activity { background: $accent-muted; color: $text-accent; }
    ElementBadges .missing { background: $panel; color: $text-disabled; text-style: strike; }
    """

    def __init__(self, elements: Iterable[str], *, show_missing: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.elements = tuple(elements)
        self.show_missing = show_missing

    def show(self, elements: Iterable[str]) -> None:
        """Show another set of elements."""
        elements = tuple(elements)
        if elements != self.elements:
            self.elements = elements
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        shown = list(CORE_ELEMENTS) if self.show_missing else []
        shown += [element for element in self.elements if element not in shown]
        for element in shown:
            covered = element in self.elements
            yield Label(ELEMENT_LABELS[element], classes=element if covered else "missing")


def element_initials(elements: Iterable[str]) -> str:
    """A compact marker for lists: S M St (and W for walking)."""
    short = {"stretch": "S", "mobilise": "M", "strengthen": "St", "activity": "W"}
    return " ".join(short[element] for element in elements)

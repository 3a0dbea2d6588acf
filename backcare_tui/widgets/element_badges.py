"""The three programme elements (and walking) as coloured labels on one line."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from ..domain.models import CORE_ELEMENTS, ELEMENT_LABELS

# Theme variables only, so every built-in theme colours them.
_STYLES = {
    "stretch": "bold $text-success on $success-muted",
    "mobilise": "bold $text-primary on $primary-muted",
    "strengthen": "bold $text-warning on $warning-muted",
    "activity": "bold $text-accent on $accent-muted",
}
_MISSING = "strike $text-disabled on $panel"


def badges(elements: Iterable[str], *, show_missing: bool = True) -> Content:
    """Stretch / Mobilise / Strengthen labels; with `show_missing`, uncovered ones struck out."""
    elements = tuple(elements)
    shown: list[str] = list(CORE_ELEMENTS) if show_missing else []
    shown += [element for element in elements if element not in shown]
    parts = [Content.styled(f" {ELEMENT_LABELS[e]} ", _STYLES[e] if e in elements else _MISSING) for e in shown]
    return Content(" ").join(parts)


class ElementBadges(Static):
    """One line of element labels; `show()` swaps them."""

    DEFAULT_CSS = "ElementBadges { height: 1; width: auto; }"

    def __init__(self, elements: Iterable[str], *, show_missing: bool = True, id: str | None = None) -> None:
        self.elements = tuple(elements)
        self.show_missing = show_missing
        super().__init__(badges(self.elements, show_missing=show_missing), id=id)

    def show(self, elements: Iterable[str]) -> None:
        elements = tuple(elements)
        if elements != self.elements:
            self.elements = elements
            self.update(badges(elements, show_missing=self.show_missing))


def element_initials(elements: Iterable[str]) -> str:
    """A compact marker for lists: S M St (and W for walking)."""
    short = {"stretch": "S", "mobilise": "M", "strengthen": "St", "activity": "W"}
    return " ".join(short[element] for element in elements)

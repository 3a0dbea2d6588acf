"""`g`: the guide. Section titles on the left jump to the section; the text scrolls on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..domain import guide
from ..domain.safety import TRIAGE_TIERS
from .safety import bullet_list, tier_widgets

SOURCES_ID = "sources"


class GuideScreen(ModalScreen[None]):
    """Short sections to read; Tab moves between the contents and the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,g", "close", "Close"),
        Binding("n", "step(1)", "Next section"),
        Binding("p", "step(-1)", "Previous", show=False),
        Binding("s", "app.safety", "Safety"),  # a modal screen does not pass keys on to the app
        Binding("question_mark", "app.help", "Keys"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog guide", id="guide"):
            yield Static("Guide: looking after your back", classes="dialog-title")
            with Horizontal(id="guide-body"):
                contents = [Option(section.title, id=section.id) for section in guide.SECTIONS]
                yield OptionList(*contents, Option(guide.SOURCES_TITLE, id=SOURCES_ID), id="guide-contents")
                with VerticalScroll(id="guide-text"):
                    for section in guide.SECTIONS:
                        yield from self.section_widgets(section)
                    yield Static(guide.SOURCES_TITLE, classes="guide-heading", id=f"section-{SOURCES_ID}")
                    yield Static(
                        Content("\n").join(
                            Content.assemble((key, "bold"), f"  {name}") for key, name in guide.SOURCES.items()
                        )
                    )
        yield Footer(compact=True)

    @staticmethod
    def section_widgets(section: guide.GuideSection) -> ComposeResult:
        yield Static(section.title, classes="guide-heading", id=f"section-{section.id}")
        for block in section.blocks:
            if isinstance(block, str):
                yield Static(Content(block), classes="guide-paragraph")
            else:
                with Vertical(classes="guide-list"):
                    yield from bullet_list(block)
        if section.shows_triage:
            for tier in TRIAGE_TIERS:
                yield from tier_widgets(tier)
        yield Static(guide.section_sources(section), classes="dim guide-sources")

    def on_mount(self) -> None:
        contents = self.query_one("#guide-contents", OptionList)
        contents.highlighted = 0
        contents.focus()

    @on(OptionList.OptionHighlighted, "#guide-contents")
    @on(OptionList.OptionSelected, "#guide-contents")
    def show_section(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        self.scroll_to_section(event.option.id or SOURCES_ID)

    def scroll_to_section(self, section_id: str) -> None:
        heading = self.query_one(f"#section-{section_id}")
        self.query_one("#guide-text", VerticalScroll).scroll_to_widget(heading, top=True, animate=False)

    def action_step(self, step: int) -> None:
        contents = self.query_one("#guide-contents", OptionList)
        current = contents.highlighted or 0
        contents.highlighted = max(0, min(contents.option_count - 1, current + step))

    def action_close(self) -> None:
        self.dismiss()

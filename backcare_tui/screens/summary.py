"""After a session: what was done, how the pain changed, an optional note. Enter saves."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ..domain import stats
from ..domain.models import SessionRecord, replace
from ..domain.progression import next_time
from ..domain.safety import EXPECT_SOME_SORENESS

STATUS_TEXT = {
    "completed": "Routine complete. Well done.",
    "stopped": "Stopped early. Every bit of movement counts.",
    "stopped_for_pain": "Stopped because it hurt. Stopping was the right call.",
    "in_progress": "In progress.",
}


class SummaryScreen(Screen[None]):
    TITLE = "Summary"
    BINDINGS = [
        Binding("enter", "save", "Save and finish"),
        Binding("escape", "save", "Save and finish", show=False),
    ]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        counts = {status: 0 for status in ("done", "partial", "skipped", "not_started")}
        for result in record.exercises:
            counts[result.status] += 1
        with Vertical(id="summary"):
            yield Static(Text(record.routine_name, style="bold"), id="summary-title")
            yield Static(self.status_text(counts), id="summary-status", classes=record.status)
            yield Static(Text.assemble(
                (f"{counts['done']}", "bold"), " done   ",
                (f"{counts['partial']}", "bold"), " part-done   ",
                (f"{counts['skipped']}", "bold"), " skipped   ",
                (f"{counts['not_started']}", "bold"), " not reached   ",
                (f"{record.active_seconds / 60:.1f}", "bold"), " active minutes",
            ), id="summary-counts")
            yield Static(self.pain_text(), id="summary-pain")
            yield Static(Content.assemble(("Next time: ", "bold"), next_time(record)), id="summary-next")
            yield Static(EXPECT_SOME_SORENESS, classes="dim")
            yield Input(placeholder="Add a note (optional)", id="summary-note", max_length=500)
            yield Static("Enter saves the session and goes back to the routines.", id="summary-hint")
        yield Footer()

    def status_text(self, counts: dict[str, int]) -> str:
        left_out = counts["skipped"] + counts["partial"]
        if self.record.status == "completed" and left_out:
            return f"Routine finished, {left_out} exercise{'s' if left_out != 1 else ''} skipped or cut short. Build up at your own pace."
        return STATUS_TEXT[self.record.status]

    def pain_text(self) -> Text:
        change = stats.pain_change(self.record.pain_before, self.record.pain_after)
        if change is not None:
            return Text.assemble(("Pain: ", "bold"), change.text)
        before, after = self.record.pain_before, self.record.pain_after
        shown = f"{'-' if before is None else before} -> {'-' if after is None else after}"
        return Text.assemble(("Pain: ", "bold"), f"{shown} (rate both before and after to see the change)")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        note = self.query_one(Input).value.strip()
        record = replace(self.record, note=note)
        error = self.app.history.save(record)
        if error:
            self.notify(error, title="Not saved yet", severity="warning", timeout=10)
        else:
            self.notify("Session saved.", timeout=3)
        self.dismiss()

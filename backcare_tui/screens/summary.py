"""After a session: what was done, how the pain changed, an optional note. Enter saves.

The session (with the pain score after it) is already on disk when this screen opens; the
session keeps the note as it is typed and saves it on Enter, or when the app is quit or
closed while it is being typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ..domain import stats, wording
from ..domain.advice import outlook
from ..domain.models import SessionRecord
from ..domain.progression import next_time
from ..domain.safety import EXPECT_SOME_SORENESS, STRONG_PAIN, WHEN_TO_STOP
from ..domain.session import GuidedSession

if TYPE_CHECKING:
    from ..app import BackcareApp

STATUS_TEXT = {
    "completed": "Routine complete. Well done.",
    "stopped": "Stopped early. Every bit of movement counts.",
    "stopped_for_pain": "Stopped because it hurt. Stopping was the right call.",
    "in_progress": "In progress.",
}


def reassurance(record: SessionRecord) -> str:
    """Soreness is expected, unless the session hurt or left strong or clearly worse pain."""
    change = stats.pain_change(record.pain_before, record.pain_after)
    worse = change is not None and change.meaningful and change.direction == "worse"
    strong = record.pain_after is not None and record.pain_after >= STRONG_PAIN
    if record.status == "stopped_for_pain" or worse or strong:
        return f"{WHEN_TO_STOP[1]} The safety advice (Ctrl+P, then Safety) lists the warning signs that need help."
    return EXPECT_SOME_SORENESS


class SummaryScreen(Screen[None]):
    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    TITLE = "Summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save and finish", priority=True),  # shown, and works in the note box
        Binding("escape", "save", "Save and finish", show=False),
    ]

    def __init__(self, session: GuidedSession) -> None:
        super().__init__()
        self.session = session
        self.record = session.record()

    def compose(self) -> ComposeResult:
        record = self.record
        counts = dict.fromkeys(("done", "partial", "skipped", "not_started"), 0)
        for result in record.exercises:
            counts[result.status] += 1
        with Vertical(id="summary"):
            yield Static(Content.styled(record.routine_name, "bold"), id="summary-title")
            yield Static(self.status_text(counts), id="summary-status", classes=record.status)
            yield Static(
                Content.assemble(
                    (f"{counts['done']}", "bold"),
                    " done   ",
                    (f"{counts['partial']}", "bold"),
                    " part-done   ",
                    (f"{counts['skipped']}", "bold"),
                    " skipped   ",
                    (f"{counts['not_started']}", "bold"),
                    " not reached   ",
                    (wording.minutes(record.active_seconds, 1), "bold"),
                    " active",
                ),
                id="summary-counts",
            )
            yield Static(self.pain_text(), id="summary-pain")
            yield Static(self.next_time_text(), id="summary-next")
            yield Static(reassurance(record), id="summary-care", classes="dim")
            yield Input(placeholder="Add a note (optional)", id="summary-note", max_length=500)
            yield Static("Enter saves the session and goes back to the routines.", id="summary-hint")
        yield Footer(compact=True)

    def next_time_text(self) -> Content:
        """How this session went, then what will be suggested next time and why."""
        library = self.app.library
        record = self.record
        plan = self.app.store.plan(library, self.app.today(), [record.routine_id])
        lines = [next_time(record, plan.usual)]
        if record.routine_id in library.routines:
            lines += outlook(plan, record.routine_id, library.exercises, library.routines)
        return Content.assemble(("Next time: ", "bold"), Content("\n").join(Content(line) for line in lines))

    def status_text(self, counts: dict[str, int]) -> str:
        left_out = counts["skipped"] + counts["partial"]
        if self.record.status == "completed" and left_out:
            left = wording.count(left_out, "exercise")
            return f"Routine finished, {left} skipped or cut short. Build up at your own pace."
        return STATUS_TEXT[self.record.status]

    def pain_text(self) -> Content:
        change = stats.pain_change(self.record.pain_before, self.record.pain_after)
        if change is not None:
            return Content.assemble(("Pain: ", "bold"), change.text)
        before, after = self.record.pain_before, self.record.pain_after
        shown = wording.pain_scores(before, after)
        return Content.assemble(("Pain: ", "bold"), f"{shown} (rate both before and after to see the change)")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def keep_note(self, event: Input.Changed) -> None:
        self.session.set_note(event.value)

    @on(Input.Submitted)
    def action_save(self) -> None:
        error = self.app.end_session()
        if error:
            self.notify(error, title="Not saved yet", severity="warning", timeout=10, markup=False)
        else:
            self.notify("Session saved.", timeout=3, markup=False)
        self.dismiss()

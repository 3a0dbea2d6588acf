"""One past session: each exercise with its dose and what happened."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..domain.models import SessionRecord
from ..session_export import STATUS_LABELS, pain_text

RESULT_LABELS = {"done": "done", "partial": "part-done", "skipped": "skipped", "not_started": "not reached"}


class SessionDetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        started = record.started_at.astimezone()
        ended = record.ended_at.astimezone().strftime("%H:%M") if record.ended_at else "?"
        with Vertical(classes="dialog detail"):
            yield Static(Text(record.routine_name, style="bold"), classes="dialog-title")
            yield Static(
                Text.assemble(
                    f"{started:%A %d %B %Y, %H:%M}-{ended}  ·  {STATUS_LABELS[record.status]}  ·  ",
                    f"{record.active_seconds / 60:.1f} active min  ·  paused {record.paused_seconds / 60:.1f} min  ·  ",
                    f"pain {pain_text(record)}",
                )
            )
            if record.note:
                yield Static(Text.assemble(("Note: ", "bold"), record.note))
            yield DataTable(cursor_type="row", zebra_stripes=True, id="detail-table")
            yield Static("Escape closes.", classes="dim")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "Dose", "Active", "Sets", "Status")
        exercises = self.app.library.exercises
        for result in self.record.exercises:
            exercise = exercises.get(result.exercise_id)
            table.add_row(
                exercise.name if exercise else result.exercise_id,
                result.dose.describe(),
                f"{result.active_seconds:.0f} s",
                f"{result.sets_done}/{result.dose.sets}",
                RESULT_LABELS[result.status],
            )
        table.focus()

    def action_close(self) -> None:
        self.dismiss()

"""One past session: each exercise with its dose and what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..domain import stats, wording
from ..domain.models import SessionRecord

if TYPE_CHECKING:
    from ..app import BackcareApp


class SessionDetailScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close"),
        Binding("question_mark", "app.help", "Keys"),  # a modal screen passes no keys on to the app
    ]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        ended = wording.clock_time(record.ended_at) if record.ended_at else "?"
        with Vertical(classes="dialog detail"):
            yield Static(Text(record.routine_name, style="bold"), classes="dialog-title")
            yield Static(
                Text.assemble(
                    f"{wording.long_day_and_time(record.started_at)}-{ended}  ·  ",
                    f"{wording.session_status(stats.shown_status(record))}  ·  ",
                    f"{wording.active_minutes(stats.active_minutes(record))}, "
                    f"{wording.total_minutes(stats.total_minutes(record))}  ·  ",
                    f"paused {wording.minutes(record.paused_seconds)}  ·  ",
                    wording.pain(record.pain_before, record.pain_after),
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
            cells = (
                exercise.name if exercise else result.exercise_id,
                result.dose.describe(),
                wording.seconds(result.active_seconds),
                f"{result.sets_done}/{result.dose.sets}",
                wording.EXERCISE_STATUS[result.status],
            )
            table.add_row(*(Text(cell) for cell in cells))  # names from files: never markup
        table.focus()

    def action_close(self) -> None:
        self.dismiss()

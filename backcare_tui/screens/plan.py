"""Your plan: each exercise's own dose beside the routine's, what comes next, and why.

Reached from the routines screen. Doses change here only when the person asks: one step up
or down, accepting the suggestion, or a reset to the routine's dose (after a confirm). Every
change is stored with its change-log entry in one write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import ClassVar, Literal, Protocol, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..domain import advice, personal_doses, stats, wording
from ..domain.clock import Clock
from ..domain.dose_steps import Step, describe_amount
from ..domain.library import Library
from ..domain.models import DoseChange, PersonalDose
from ..domain.personal_doses import DoseKey, dose_table
from ..domain.progression import Plan, Suggestion

NEXT_WORDS = {"build_up": "build up", "ease_back": "ease back", "hold": "same"}
REASON_WORDS = {
    "build_up": "built up",
    "ease_back": "eased back",
    "by_hand_up": "stepped up by hand",
    "by_hand_down": "stepped down by hand",
    "reset": "reset",
}
Change = tuple[PersonalDose, DoseChange] | None


class _Programme(Protocol):
    @property
    def doses(self) -> list[PersonalDose]: ...
    @property
    def changes(self) -> list[DoseChange]: ...


class _Keeper(Protocol):
    """What this screen asks of the app's session keeper."""

    def programme(self) -> _Programme: ...
    def plan(self, library: Library, today: date, routine_ids: Iterable[str] | None = None) -> Plan: ...
    def save_dose_change(self, dose: PersonalDose, change: DoseChange) -> str | None: ...


class _Host(Protocol):
    """What this screen asks of the app."""

    library: Library
    store: _Keeper
    clock: Clock
    today: Callable[[], date]

    def show_history_notices(self) -> None: ...


class PlanScreen(Screen[None]):
    TITLE = "Your plan"
    DEFAULT_CSS = """
    PlanScreen #plan-intro { padding: 0 1; color: $text-muted; }
    PlanScreen #plan-table { height: 1fr; }
    PlanScreen #plan-detail { height: auto; max-height: 8; padding: 0 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("escape,p", "back", "Back"),
        Binding("a", "accept", "Accept suggestion"),
        Binding("plus,equals_sign,u", "step('up')", "Step up"),
        Binding("minus,underscore,d", "step('down')", "Step down"),
        Binding("r", "reset", "Reset"),
    ]

    def __init__(self, routine_id: str | None = None) -> None:
        super().__init__()
        self.routine_id = routine_id
        self.keys: list[DoseKey] = []

    def compose(self) -> ComposeResult:
        yield Static(
            "Your own dose for each exercise, beside the routine's. Changes are suggested before a routine "
            "starts; here you can also step a dose up or down yourself, or reset it.",
            id="plan-intro",
        )
        yield DataTable(cursor_type="row", zebra_stripes=True, id="plan-table")
        yield Static(id="plan-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Routine", "Exercise", "Your dose", "Routine's", "Next time", "Last change")
        self.load()
        if self.routine_id is not None:
            first = next((row for row, key in enumerate(self.keys) if key[0] == self.routine_id), 0)
            table.move_cursor(row=first)
        table.focus()

    @property
    def backcare(self) -> _Host:
        return cast("_Host", self.app)

    # -- showing -------------------------------------------------------------------------
    def load(self) -> None:
        library = self.backcare.library
        self.programme = self.backcare.store.programme()
        self.plan: Plan = self.backcare.store.plan(library, self.backcare.today(), self._routine_order())
        self.backcare.show_history_notices()
        self.last_change = {(c.routine_id, c.exercise_id): c for c in self.programme.changes}
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.keys = list(self.plan.suggestions)
        exercises = library.exercises
        for key, suggestion in self.plan.suggestions.items():
            routine = library.routines[key[0]]
            change = self.last_change.get(key)
            table.add_row(
                Text(routine.name),
                Text(exercises[suggestion.current.exercise_id].name),
                Text(describe_amount(suggestion.current.dose), style="bold"),
                Text(describe_amount(suggestion.start.dose), style="dim"),
                Text(self._next_text(suggestion), style="bold" if suggestion.to else "dim"),
                Text(self._change_text(change), style="dim"),
            )
        if self.keys:
            table.move_cursor(row=min(row, len(self.keys) - 1))
        self.show_detail()

    def _routine_order(self) -> list[str]:
        """Routines by length, as on the routines screen; the one it came from first."""
        plans = sorted(self.backcare.library.plans(), key=lambda plan: plan.estimated_seconds)
        order = [plan.routine.id for plan in plans]
        if self.routine_id in order:
            order.remove(self.routine_id)
            order.insert(0, self.routine_id)
        return order

    def _next_text(self, suggestion: Suggestion) -> str:
        if suggestion.to is None:
            return NEXT_WORDS[suggestion.action]
        if suggestion.to.exercise_id != suggestion.current.exercise_id:
            return f"{NEXT_WORDS[suggestion.action]}: {self.backcare.library.exercises[suggestion.to.exercise_id].name}"
        return f"{NEXT_WORDS[suggestion.action]}: {describe_amount(suggestion.to.dose)}"

    def _change_text(self, change: DoseChange | None) -> str:
        if change is None:
            return "-"
        days = (self.backcare.today() - stats.local_day(change.at)).days
        return f"{REASON_WORDS[change.reason]} {wording.days_ago(days)}"

    def selected(self) -> Suggestion | None:
        table = self.query_one(DataTable)
        if not self.keys or table.cursor_row is None or table.cursor_row >= len(self.keys):
            return None
        return self.plan.suggestions[self.keys[table.cursor_row]]

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        suggestion = self.selected()
        detail = self.query_one("#plan-detail", Static)
        if suggestion is None:
            detail.update("No routines in the library.")
            return
        exercises = self.backcare.library.exercises
        lines = [
            Content.assemble(("Now: ", "dim"), advice.describe_step(exercises, suggestion.current)),
            Content.assemble(("Routine's dose: ", "dim"), advice.describe_step(exercises, suggestion.start)),
            Content.assemble(("Next time: ", "dim"), advice.suggestion_line(suggestion, exercises)),
        ]
        change = self.last_change.get((suggestion.routine_id, suggestion.exercise_id))
        if change is not None:
            was = advice.describe_step(exercises, Step(change.from_exercise, change.from_dose))
            when = wording.day_and_time(change.at)
            why = f" ({change.why})" if change.why else ""
            lines.append(
                Content.assemble(("Last change: ", "dim"), f"{when}, {REASON_WORDS[change.reason]} from {was}{why}")
            )
        detail.update(Content("\n").join(lines))

    # -- changing ------------------------------------------------------------------------
    def _now(self) -> datetime:
        return self.backcare.clock.wall()

    def _doses(self) -> dict[DoseKey, PersonalDose]:
        return dose_table(self.programme.doses)

    def action_step(self, direction: str) -> None:
        suggestion = self.selected()
        if suggestion is None:
            return
        way: Literal["up", "down"] = "up" if direction == "up" else "down"
        self._apply(
            lambda: personal_doses.step_by_hand(
                self.backcare.library, suggestion.routine_id, suggestion.exercise_id, self._doses(), way, self._now()
            ),
            "This is the top of its range." if way == "up" else "This is already the routine's starting dose.",
        )

    def action_accept(self) -> None:
        suggestion = self.selected()
        if suggestion is None:
            return
        self._apply(lambda: personal_doses.accept(suggestion, self._now()), "Nothing is suggested for this one.")

    def action_reset(self) -> None:
        from .dialogs import ConfirmScreen

        suggestion = self.selected()
        if suggestion is None:
            return
        if suggestion.current == suggestion.start:
            self.notify("Already at the routine's dose.", timeout=3)
            return

        def answer(reset: bool | None) -> None:
            if reset:
                self._apply(
                    lambda: personal_doses.reset(
                        self.backcare.library, suggestion.routine_id, suggestion.exercise_id, self._doses(), self._now()
                    ),
                    "Already at the routine's dose.",
                )

        self.app.push_screen(
            ConfirmScreen(
                "Reset this exercise to the routine's dose?",
                f"From {describe_amount(suggestion.current.dose)} back to {describe_amount(suggestion.start.dose)}. "
                "The change is kept in the log.",
                yes="Reset",
                no="Keep",
            ),
            answer,
        )

    def _apply(self, make: Callable[[], Change], nothing: str) -> None:
        made = make()
        if made is None:
            self.notify(nothing, timeout=4)
            return
        dose, change = made
        error = self.backcare.store.save_dose_change(dose, change)
        if error:
            self.notify(error, title="Not saved", severity="error")
            return
        exercises = self.backcare.library.exercises
        after = advice.describe_step(exercises, Step(change.to_exercise, change.to_dose))
        self.notify(f"Now {after}.", title="Dose changed", timeout=4, markup=False)
        self.load()

    def action_back(self) -> None:
        self.dismiss()

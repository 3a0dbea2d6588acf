"""The start screen: pick a routine, see what it holds, and how regular you have been."""

from __future__ import annotations

import gc
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..domain import wording
from ..domain.care import CARE_FILTER_LABELS, CareFilter, care_summary, next_care_filter, plan_fits
from ..domain.models import ELEMENT_LABELS, PersonalDose, RoutinePlan, SessionRecord
from ..domain.personal_doses import personal_plan
from ..widgets.element_badges import ElementBadges, element_initials

if TYPE_CHECKING:  # what needs the history is imported after the first paint, when first used
    from ..app import BackcareApp
    from ..domain import stats
    from ..domain.progression import Plan

TIDY_AFTER = 0.1  # seconds after coming back to the routines: collect what the last screen left


def matches(plan: RoutinePlan, query: str) -> bool:
    """Whether a routine fits a filter: words found in its name, elements, equipment or exercises."""
    haystack = " ".join(
        [
            plan.routine.id,
            plan.routine.name,
            *(ELEMENT_LABELS[e] for e in plan.elements),
            *plan.elements,
            *plan.equipment,
            *(item.exercise.name for item in plan.items),
        ]
    ).lower()
    return all(word in haystack for word in query.lower().split())


def last_done_text(moment: datetime | None, today: date) -> str:
    if moment is None:
        return "not done yet"
    from ..domain import stats

    days = (today - stats.local_day(moment)).days
    return f"done {wording.days_ago(days)}" if days < 2 else f"last done {wording.days_ago(days)}"


def last_session_text(summary: stats.Summary) -> str:
    """When the last counted session was; sessions where nothing was done are not counted."""
    days = summary.days_since_last
    if days is not None:
        return f"last session {wording.days_ago(days)}"
    return "nothing done yet" if summary.not_counted else "no sessions yet"


class RoutinesScreen(Screen[None]):
    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    TITLE = "Routines"
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: shown first in the footer, ahead of the list's own (hidden) Enter
        Binding("enter", "start", "Start", priority=True),
        Binding("slash", "filter", "Filter"),
        Binding("p", "plan", "Plan"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("c", "care_filter", "Care", tooltip="Care filter: leave out floor work or exercises needing care"),
        Binding("f", "flare_up", "Flare-up routine"),
        Binding("g", "guide", "Guide"),
    ]
    care_filter: CareFilter | None = None
    offers_flare_up = False

    def compose(self) -> ComposeResult:
        yield Static(id="status-line")
        yield Input(placeholder="Filter by name, element or equipment (Esc clears)", id="filter")
        with Horizontal(id="routines-body"):
            yield OptionList(id="routine-list")
            with VerticalScroll(id="routine-detail"):
                yield Static(id="detail-title")
                yield ElementBadges((), id="detail-elements")
                yield Static(id="detail-meta")
                yield Static(id="detail-description")
                yield Static(id="detail-exercises")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.plans = sorted(self.app.library.plans(), key=lambda plan: plan.estimated_seconds)
        self.last_done: dict[str, datetime] = {}
        self.programme_plan: Plan | None = None  # the person's doses and suggestions, with the history
        self.personal_doses: dict[tuple[str, str], PersonalDose] = {}
        if self.app.history_loaded:
            self.refresh_history()
        else:  # the first screen: drawn before the history is read, filled in straight after
            self.query_one("#status-line", Static).update(Content.styled("Reading your history…", "dim"))
        self.show_routines("")
        self.query_one(OptionList).focus()
        self._fresh = True

    def on_screen_resume(self) -> None:
        if self._fresh:  # first shown: on_mount has just filled it in
            self._fresh = False
            return
        # The screen just closed is garbage held in reference cycles: collect it now, while
        # the person reads this one, rather than in a full collection in the middle of the
        # next screen's opening (40-90 ms with a long history).
        self.set_timer(TIDY_AFTER, gc.collect)
        if self.app.history_loaded:
            option_list = self.query_one(OptionList)
            highlighted = option_list.highlighted
            self.refresh_history()
            self.show_routines(self.query_one("#filter", Input).value)  # the notes beside routines may change
            if highlighted is not None and highlighted < option_list.option_count:
                option_list.highlighted = highlighted

    def refresh_history(self) -> None:
        from ..domain import stats
        from ..domain.nudge import return_nudge, routine_kinds
        from ..domain.personal_doses import dose_table

        records = self.app.store.sessions()
        self.app.show_history_notices()
        today = self.app.today()
        summary = stats.summarize(records, today, newest_first=True)  # the store gives newest first
        self.last_done = {}
        for record in records:  # newest first
            if stats.counts_as_session(record):
                self.last_done.setdefault(record.routine_id, record.started_at)
        line = Content.assemble(
            ("Streak ", "dim"),
            (wording.count(summary.streak, "day"), "bold"),
            ("  ·  ", "dim"),
            (f"{summary.this_week}", "bold"),
            (" this week", "dim"),
            ("  ·  ", "dim"),
            last_session_text(summary),
        )
        library = self.app.library
        nudge = return_nudge(records, today, routine_kinds(library.routines.values()))
        self.programme_plan = self.app.store.plan(library, today)
        self.personal_doses = dose_table(self.app.store.programme().doses)
        status = self.query_one("#status-line", Static)
        status.update(Content.assemble(line, "\n", (nudge, "italic")) if nudge else line)
        status.set_class(bool(nudge), "-nudge")
        self.show_flare_up_offer(records)
        self.show_detail()  # "last done" of the highlighted routine

    def show_routines(self, query: str) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        for plan in self.plans:
            if matches(plan, query) and plan_fits(plan, self.care_filter):
                note = None
                if self.programme_plan is not None:
                    from ..domain.advice import routine_note

                    note = routine_note(self.programme_plan, plan.routine.id, self.app.library.routines)
                prompt = Content.assemble(
                    (plan.routine.name, "bold"),
                    "\n",
                    (f"{wording.routine_length(plan.estimated_seconds):>6}  {element_initials(plan.elements)}", "dim"),
                    (f"  · {note}" if note else "", "italic $text-accent"),
                )
                option_list.add_option(Option(prompt, id=plan.routine.id))
        if option_list.option_count:
            option_list.highlighted = 0
        self.show_detail()

    def selected_plan(self) -> RoutinePlan | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        return next(plan for plan in self.plans if plan.routine.id == option_id)

    @on(OptionList.OptionHighlighted)
    def show_detail(self) -> None:
        plan = self.selected_plan()
        title = self.query_one("#detail-title", Static)
        if plan is None:
            title.update("No routine matches that filter. Press Escape to clear it.")
            for name in ("#detail-meta", "#detail-description", "#detail-exercises"):
                self.query_one(name, Static).update("")
            self.query_one(ElementBadges).show(())
            return
        routine = plan.routine
        title.update(Content.styled(routine.name, "bold"))
        self.query_one(ElementBadges).show(plan.elements)
        equipment = ", ".join(plan.equipment) or "no equipment"
        self.query_one("#detail-meta", Static).update(
            Content.assemble(
                (f"{wording.routine_length(plan.estimated_seconds)} with rests", "bold"),
                f" · {wording.count(len(plan.items), 'exercise')} · {equipment} · ",
                (last_done_text(self.last_done.get(routine.id), self.app.today()), "italic"),
            )
        )
        self.query_one("#detail-description", Static).update(
            Content.assemble(" ".join(routine.description.split()), "\n", (routine.how_often, "dim italic"))
        )
        own = personal_plan(self.app.library, routine.id, self.personal_doses).items
        lines = Content("\n").join(
            Content.assemble(
                (f"{number:>2}. ", "dim"),
                (mine.exercise.name, "bold"),
                (f"  {mine.dose.describe()}", "dim"),
                ("" if mine == item else f"  (routine: {item.exercise.name}, {item.dose.describe()})", "dim italic"),
            )
            for number, (item, mine) in enumerate(zip(plan.items, own, strict=True), start=1)
        )
        self.query_one("#detail-exercises", Static).update(lines)

    @on(OptionList.OptionSelected)
    def action_start(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self.app.begin_routine(plan.routine.id)

    def action_plan(self) -> None:
        from .plan import PlanScreen

        plan = self.selected_plan()
        self.app.push_screen(PlanScreen(plan.routine.id if plan else None))

    def action_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.display = True
        self.set_focus(filter_input)  # now, not later: keys typed straight after `/` go to the box

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_routines(event.value)

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one(OptionList).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value or filter_input.display:
            filter_input.value = ""
            filter_input.display = False
            self.show_routines("")
            self.query_one(OptionList).focus()

    # -- care: leaving out what needs care, and the flare-up routine when pain has risen ------
    def action_care_filter(self) -> None:
        """Cycle: all routines, without floor work, then without each caution in turn."""
        self.care_filter = next_care_filter(self.care_filter)
        label = CARE_FILTER_LABELS[self.care_filter] if self.care_filter else None
        self.query_one("#routine-list", OptionList).border_title = f"Routines {label}" if label else None
        self.show_routines(self.query_one("#filter", Input).value)

    def show_flare_up_offer(self, records: list[SessionRecord]) -> None:
        """A line above the routines while recent pain is 2 or more points above the usual level."""
        from ..domain.pain_trend import FLARE_UP_ROUTINE, recent_pain_rise

        rise = recent_pain_rise(records, self.app.today())
        self.offers_flare_up = rise is not None and FLARE_UP_ROUTINE in self.app.library.routines
        existing = self.query("#flare-up-offer")
        if not self.offers_flare_up or rise is None:
            existing.remove()
        else:
            text = Content.assemble(
                ("Your pain has risen: ", "bold"),
                f"{rise.recent} out of 10 last time, against your usual {rise.usual:g}. ",
                "Press f for the gentle flare-up routine, or g for the flare-up plan in the guide.",
            )
            if existing:
                existing.first(Static).update(text)
            else:
                self.mount(Static(text, id="flare-up-offer"), before="#routines-body")
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted)
    def show_care_summary(self) -> None:
        """Floor work and cautions of the highlighted routine, under its exercises."""
        plan = self.selected_plan()
        existing = self.query("#detail-care")
        if plan is None:
            existing.remove()
            return
        text = Content.styled(care_summary(plan), "italic")
        if existing:
            existing.first(Static).update(text)
        else:
            self.query_one("#routine-detail").mount(Static(text, id="detail-care"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        if action in ("start", "care_filter", "flare_up", "guide") and typing:
            return False  # Enter leaves the filter box, letters type into it
        if action == "start" and self.selected_plan() is None:
            return None
        if action == "flare_up":
            return self.offers_flare_up
        return True

    def action_guide(self) -> None:
        self.app.action_guide()

    def action_flare_up(self) -> None:
        from ..domain.pain_trend import FLARE_UP_ROUTINE

        if self.offers_flare_up:
            self.app.begin_routine(FLARE_UP_ROUTINE)

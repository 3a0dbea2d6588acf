"""From "start this routine" to the countdown, and the question the morning after.

Starting a routine: the pain check; if pain is high (7 or more, or 3 above the usual score),
ask whether to go ahead gently, switch to the flare-up routine or stop for today; otherwise
show any suggested dose changes and let the person decide. The run then uses the person's
own doses. Nothing about a dose changes without a key pressed for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .domain import advice
from .domain.models import RoutinePlan
from .domain.pain_monitoring import HighPainChoice, high_pain_ask, next_morning_due, usual_pain
from .domain.personal_doses import accept, dose_table, gentle_plan, keep_as_is, personal_plan
from .domain.progression import FLARE_UP_ROUTINE
from .domain.safety import STRONG_PAIN

if TYPE_CHECKING:
    from .app import BackcareApp
    from .domain.models import NextMorning, SessionRecord
    from .screens.suggestions import Accepted


class StartFlow:
    """One start of one routine, step by step through its dialogs."""

    def __init__(self, app: BackcareApp, routine_id: str) -> None:
        self.app = app
        self.routine_id = routine_id

    def begin(self) -> None:
        from .screens.pain import PainCheckScreen

        name = self.app.library.routines[self.routine_id].name
        self.app.push_screen(PainCheckScreen(moment="before", routine_name=name), self.with_pain)

    def with_pain(self, pain_before: int | None) -> None:
        from .screens.high_pain import HighPainScreen

        ask = high_pain_ask(pain_before, usual_pain(self.app.store.sessions()))
        if ask is None:
            if pain_before is not None and pain_before >= STRONG_PAIN:
                self.app.notify(
                    "Your pain is strong today. Go very gently and stop anything that makes it worse, "
                    "or rest and try later. Press s for when to get help.",
                    title=f"Pain {pain_before} out of 10",
                    severity="warning",
                    timeout=12,
                )
            self.offer_suggestions(pain_before)
            return

        def answer(choice: HighPainChoice | None) -> None:
            if choice == "gentle":
                self.app.start_session(gentle_plan(self.personal(self.routine_id)), pain_before)
            elif choice == "flare_up" and FLARE_UP_ROUTINE in self.app.library.routines:
                self.app.start_session(self.personal(FLARE_UP_ROUTINE), pain_before)
            else:
                self.app.notify(
                    "Rest in a comfortable position and keep gently moving through the day. "
                    "Press s for when to get help.",
                    title="Stopped for today",
                    timeout=10,
                )

        self.app.push_screen(HighPainScreen(ask), answer)

    def personal(self, routine_id: str) -> RoutinePlan:
        return personal_plan(self.app.library, routine_id, dose_table(self.app.store.programme().doses))

    def offer_suggestions(self, pain_before: int | None) -> None:
        from .screens.suggestions import SuggestionsScreen

        library = self.app.library
        plan = self.app.store.plan(library, self.app.today(), [self.routine_id])
        pending = plan.pending(self.routine_id)
        if not pending:
            self.app.start_session(self.personal(self.routine_id), pain_before)
            return
        lines = [advice.suggestion_line(s, library.exercises) for s in pending]
        notes = [
            line
            for line in advice.outlook(plan, self.routine_id, library.exercises, library.routines)
            if line not in lines
        ]

        def decided(accepted: Accepted | None) -> None:
            if accepted is None:
                return  # back to the routines: nothing changed, nothing remembered
            now = self.app.clock.wall()
            for index, suggestion in enumerate(pending):
                made = accept(suggestion, now) if index in accepted else None
                error = self.app.store.save_dose_change(*made) if made else None
                if error:
                    self.app.notify(error, title="Not saved", severity="error")
            kept = [keep_as_is(s, now) for index, s in enumerate(pending) if index not in accepted]
            error = self.app.store.keep_as_is(kept) if kept else None
            if error:
                self.app.notify(error, title="Not saved", severity="warning")
            self.app.start_session(self.personal(self.routine_id), pain_before)

        name = library.routines[self.routine_id].name
        self.app.push_screen(SuggestionsScreen(name, lines, notes), decided)


def ask_next_morning(app: BackcareApp) -> None:
    """Once, 8 to 36 hours after a session with pain scores: better, the same or worse?"""
    from .domain.models import replace
    from .screens.morning_check import MorningCheckScreen

    record: SessionRecord | None = next_morning_due(app.store.sessions(), app.clock.wall())
    if record is None:
        return

    def answered(answer: NextMorning | None) -> None:
        error = app.store.save(replace(record, next_morning=answer or "skipped"))
        if error:
            app.notify(error, title="Not saved yet", severity="warning")

    app.push_screen(MorningCheckScreen(record), answered)

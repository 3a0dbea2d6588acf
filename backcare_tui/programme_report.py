"""`backcare-tui plan` and `backcare-tui status`: the programme as text, read-only.

Both read the history with `storage.snapshot` (no lock, no write, no migration on disk) and
import nothing of the user interface, so `status` is quick enough for a shell start-up file.
"""

from __future__ import annotations

import json
from datetime import date

from .domain import advice, stats, wording
from .domain.dose_steps import describe_amount
from .domain.library import Library
from .domain.nudge import return_nudge, routine_kinds
from .domain.progression import Plan, plan
from .storage.snapshot import HistorySnapshot

ACTION_WORDS = {"build_up": "build up", "ease_back": "ease back", "hold": "same"}


def programme_plan(snapshot: HistorySnapshot, library: Library, today: date, routine_ids: list[str] | None) -> Plan:
    return plan(snapshot.sessions, snapshot.doses, snapshot.changes, snapshot.decisions, library, today, routine_ids)


def plan_json(the_plan: Plan, routine_id: str | None) -> str:
    return json.dumps(advice.plan_rows(the_plan, routine_id), indent=2, ensure_ascii=False) + "\n"


def plan_table(the_plan: Plan, library: Library, snapshot: HistorySnapshot, routine_id: str | None) -> str:
    """One row per exercise: the person's dose beside the routine's, what comes next and why."""
    last_change = {(change.routine_id, change.exercise_id): change for change in snapshot.changes}
    rows = []
    for (routine, exercise_id), suggestion in the_plan.suggestions.items():
        if routine_id is not None and routine != routine_id:
            continue
        doing = advice.describe_step(library.exercises, suggestion.current)
        change = last_change.get((routine, exercise_id))
        rows.append(
            [
                routine,
                doing,
                describe_amount(suggestion.start.dose),
                advice.headline(suggestion, library.exercises) if suggestion.to else ACTION_WORDS[suggestion.action],
                suggestion.reason,
                f"{stats.local_day(change.at).isoformat()} {change.reason.replace('_', ' ')}" if change else "",
            ]
        )
    if not rows:
        return "Nothing to plan yet: do a routine once and its doses appear here.\n"
    from .commands import format_table

    headers = ["routine", "your dose", "routine's dose", "next time", "why", "last change"]
    return format_table(headers, rows) + "\n"


def status_line(snapshot: HistorySnapshot, library: Library, today: date) -> str:
    """ "last session: Core and glutes, yesterday · today: same doses · streak: 2 days" """
    records = snapshot.sessions
    counted = next((record for record in records if stats.counts_as_session(record)), None)
    if counted is None:
        last = "no sessions yet"
    else:
        days = (today - stats.local_day(counted.started_at)).days
        last = f"{counted.routine_name}, {wording.days_ago(days)}"
    recent = [record for record in records if (today - stats.local_day(record.started_at)).days <= _STREAK_HORIZON]
    the_plan = programme_plan(snapshot, library, today, None)
    suggested = advice.today_line(the_plan, library.routines)
    nudge = return_nudge(recent or records[:1], today, routine_kinds(library.routines.values()))
    today_text = f"{suggested}; {nudge}" if nudge and counted is not None else suggested
    streak = stats.streak(records, today)
    return f"last session: {last} · today: {today_text} · streak: {wording.count(streak, 'day')}"


_STREAK_HORIZON = 35
"""Days of history the nudge needs: a week of strength work and four weeks of look-back."""

"""What to suggest for each exercise next time: build up one step, ease back one step, or hold.

One pure function, `plan`, reads the history and the person's doses and returns suggestions;
it never changes a dose. The rules follow the content brief (NHS, BeST, and the
pain-monitoring model):

- An exercise is comfortable in a session when it was done in full at the current dose, "this
  hurts" was not pressed on it, pain after was at most 1 point above pain before and at most 5
  (or no higher than the person's usual score), and the next morning was not worse.
- Build up one step when the last two sessions with it, on different days within 14 days,
  were comfortable and the dose last changed at least 3 days ago.
- Ease back one step (or to the easier variant) after a rise of 2 points or more, pain of 6 or
  more above the usual score, a worse next morning, or "this hurts" on that exercise. Easing
  back twice in a row suggests the flare-up routine and getting advice.
- Hold otherwise, and always when pain was not scored.

Only sessions since the dose last changed count. "Keep as is" holds a suggestion until a newer
session brings new evidence. When every exercise of a routine is at its limit and
comfortable, the routine's next stage is suggested.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import Literal

from .dose_steps import Step, at_limit, step_down, step_up
from .library import Library
from .models import DoseChange, KeepDecision, PersonalDose, SessionRecord
from .pain_monitoring import CAUSE_TEXT, comfortable_ceiling, judge, session_causes, usual_pain
from .personal_doses import DoseKey, current_step, dose_table
from .stats import local_day

WINDOW_DAYS = 14
SETTLE_DAYS = 3
FLARE_UP_ROUTINE = "flare-up-gentle"
LOOK_BACK = 100
"""Sessions of a routine searched for an exercise; every session of a routine lists them all."""
EASE_BACK_REASONS = ("ease_back",)

Action = Literal["build_up", "ease_back", "hold"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What to do with one exercise of one routine next time, and why."""

    routine_id: str
    exercise_id: str
    current: Step
    start: Step
    action: Action
    to: Step | None
    code: str
    reason: str
    flare_up: bool = False
    at_limit: bool = False
    comfortable: bool = False


@dataclass(frozen=True, slots=True)
class StageSuggestion:
    routine_id: str
    next_routine_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Plan:
    suggestions: dict[DoseKey, Suggestion] = field(default_factory=dict)
    stages: dict[str, StageSuggestion] = field(default_factory=dict)
    usual: float | None = None

    def for_routine(self, routine_id: str) -> list[Suggestion]:
        return [s for (routine, _), s in self.suggestions.items() if routine == routine_id]

    def pending(self, routine_id: str | None = None) -> list[Suggestion]:
        """Suggested changes (not holds), for one routine or all."""
        return [
            s
            for s in self.suggestions.values()
            if s.action != "hold" and (routine_id is None or s.routine_id == routine_id)
        ]

    @property
    def flare_up_advised(self) -> bool:
        return any(s.flare_up for s in self.suggestions.values())


@dataclass(slots=True)
class _History:
    """The sessions of each routine, newest first, gathered in one pass."""

    by_routine: dict[str, list[SessionRecord]]
    latest: SessionRecord | None
    usual: float | None

    @classmethod
    def of(cls, records_newest_first: Sequence[SessionRecord]) -> _History:
        by_routine: dict[str, list[SessionRecord]] = {}
        latest = None
        for record in records_newest_first:
            if record.status == "in_progress":
                continue
            latest = latest or record
            by_routine.setdefault(record.routine_id, []).append(record)
        return cls(by_routine, latest, usual_pain(records_newest_first))


def _latest_by_slot(items: Iterable[DoseChange] | Iterable[KeepDecision]) -> dict[DoseKey, DoseChange | KeepDecision]:
    latest: dict[DoseKey, DoseChange | KeepDecision] = {}
    for item in items:
        key = (item.routine_id, item.exercise_id)
        if key not in latest or item.at > latest[key].at:
            latest[key] = item
    return latest


def plan(
    records_newest_first: Sequence[SessionRecord],
    doses: Iterable[PersonalDose] | Mapping[DoseKey, PersonalDose],
    changes: Iterable[DoseChange],
    decisions: Iterable[KeepDecision],
    library: Library,
    today: date,
    routine_ids: Iterable[str] | None = None,
) -> Plan:
    """Suggestions for every exercise of the given routines (default: those done or with doses)."""
    history = _History.of(records_newest_first)
    table = dose_table(doses)
    last_change = _latest_by_slot(changes)
    last_keep = _latest_by_slot(decisions)
    if routine_ids is None:
        routine_ids = dict.fromkeys([*history.by_routine, *(routine for routine, _ in table)])
    latest = history.latest
    block = latest is not None and (latest.status == "stopped_for_pain" or bool(session_causes(latest, history.usual)))
    result = Plan(usual=history.usual)
    for routine_id in routine_ids:
        routine = library.routines.get(routine_id)
        if routine is None:
            continue
        sessions = history.by_routine.get(routine_id, [])
        slots = [
            _suggest(
                library, routine_id, exercise_id, table, sessions, history.usual, today, block, last_change, last_keep
            )
            for exercise_id in dict.fromkeys(step.exercise for step in routine.steps)
            if exercise_id in library.exercises
        ]
        result.suggestions.update(((routine_id, s.exercise_id), s) for s in slots)
        nxt = routine.next_stage
        if nxt and nxt in library.routines and slots and all(s.at_limit and s.comfortable for s in slots):
            reason = "every exercise is at its limit and has felt comfortable"
            result.stages[routine_id] = StageSuggestion(routine_id, nxt, reason)
    return result


def _suggest(
    library: Library,
    routine_id: str,
    exercise_id: str,
    table: Mapping[DoseKey, PersonalDose],
    sessions: list[SessionRecord],
    usual: float | None,
    today: date,
    block: bool,
    last_change: Mapping[DoseKey, DoseChange | KeepDecision],
    last_keep: Mapping[DoseKey, DoseChange | KeepDecision],
) -> Suggestion:
    key = (routine_id, exercise_id)
    start = current_step(library, routine_id, exercise_id, {})
    current = current_step(library, routine_id, exercise_id, table)
    exercise = library.exercises[current.exercise_id]
    changed = last_change.get(key)
    since = changed.at if changed else None
    relevant: list[SessionRecord] = []  # the latest, then the rest within the window
    for record in _with_exercise(sessions, current.exercise_id, since):
        if relevant and (today - local_day(record.started_at)).days > WINDOW_DAYS:
            break
        relevant.append(record)

    def hold(code: str, reason: str, **extra: bool) -> Suggestion:
        return Suggestion(routine_id, exercise_id, current, start, "hold", None, code, reason, **extra)

    if not relevant:
        return hold("no_sessions", "No session at this dose yet.")
    latest = relevant[0]
    kept = last_keep.get(key)
    if kept is not None and kept.at > latest.started_at:  # decided before this session began
        return hold("kept", "You chose to keep this dose; it is looked at again after your next session.")
    verdict = judge(latest, current.exercise_id, usual)
    if verdict.judgement == "ease_back":
        why = "Last time " + " and ".join(CAUSE_TEXT[c] for c in verdict.causes) + "."
        earlier = list(islice(_with_exercise(sessions, current.exercise_id, None), 2))[1:]
        twice = (isinstance(changed, DoseChange) and changed.reason in EASE_BACK_REASONS) or any(
            judge(record, current.exercise_id, usual).judgement == "ease_back" for record in earlier
        )
        floor = start.dose if current.exercise_id == exercise_id else exercise.dose
        lower = step_down(exercise, current.dose, floor, library.exercises, slot=start)
        if twice:
            why += (
                " Twice in a row now: if it does not settle, get advice from a doctor or physiotherapist."
                if routine_id == FLARE_UP_ROUTINE
                else " Twice in a row now: try the flare-up routine, and get advice if it does not settle."
            )
        if lower is None:
            why += " This is already the starting dose: go gently or leave it out."
            return hold("at_start", why, flare_up=twice)
        return Suggestion(routine_id, exercise_id, current, start, "ease_back", lower, "ease_back", why, flare_up=twice)
    if verdict.judgement == "unscored":
        return hold("unscored", "Pain was not scored last time: scoring it before and after lets the app help.")
    if verdict.judgement == "too_sore":
        return hold("too_sore", "Pain afterwards was above the comfortable range last time, so keep it steady.")
    if verdict.judgement != "comfortable":
        return hold(verdict.judgement, "Not done in full at this dose last time, so keep it steady.")
    if not _at_dose(latest, current):
        return hold("other_dose", "Last time was at another dose: once more at this one before building up.")
    if not _comfortable_twice(relevant, current, usual, today):
        return hold("once", "Comfortable last time; once more on another day before building up.")
    top = at_limit(exercise, current.dose)
    if block:
        return hold(
            "blocked",
            "Your last session was hard on your back, so hold steady for now.",
            at_limit=top,
            comfortable=True,
        )
    if changed is not None and (today - local_day(changed.at)).days < SETTLE_DAYS:
        return hold("settling", "Changed recently: give it a few days to settle.", at_limit=top, comfortable=True)
    higher = step_up(exercise, current.dose, library.exercises)
    if higher is None:
        return hold("top", "At the top of its range and comfortable.", at_limit=True, comfortable=True)
    when = "this week" if (today - local_day(relevant[1].started_at)).days < 7 else "in the last two weeks"
    return Suggestion(
        routine_id, exercise_id, current, start, "build_up", higher, "build_up",
        f"Comfortable twice {when}.", at_limit=top, comfortable=True,
    )  # fmt: skip


def _with_exercise(sessions: list[SessionRecord], exercise_id: str, since: datetime | None) -> Iterable[SessionRecord]:
    """The sessions that included `exercise_id`, newest first, started after `since`."""
    for looked, record in enumerate(sessions):
        if looked >= LOOK_BACK or (since is not None and record.started_at < since):  # same second: after it
            return
        if any(result.exercise_id == exercise_id for result in record.exercises) or record.hurt_exercise == exercise_id:
            yield record


def _at_dose(record: SessionRecord, current: Step) -> bool:
    return all(r.dose == current.dose for r in record.exercises if r.exercise_id == current.exercise_id)


def _comfortable_twice(relevant: list[SessionRecord], current: Step, usual: float | None, today: date) -> bool:
    """The latest session and every one back to the first on an earlier day were comfortable."""
    first_day = local_day(relevant[0].started_at)
    if (today - first_day).days > WINDOW_DAYS:
        return False
    for record in relevant[1:]:
        if judge(record, current.exercise_id, usual).judgement != "comfortable" or not _at_dose(record, current):
            return False
        if local_day(record.started_at) != first_day:
            return True
    return False


def next_time(record: SessionRecord, usual: float | None = None) -> str:
    """One kind sentence for the summary, shown after "Next time:", from this session alone.

    It only speaks of building up after a session done in full with both pain scores, no rise
    and pain after within the comfortable range; the plan decides the actual step.
    """
    before, after = record.pain_before, record.pain_after
    usual = usual if usual is not None else before
    causes = session_causes(record, usual)
    if record.status == "stopped_for_pain" or record.hurt_exercise is not None:
        return (
            "Go gently: an easier version or a smaller range, and leave out any exercise that hurt. "
            "If the pain does not settle, ask a doctor or physiotherapist."
        )
    if causes:
        return (
            "Your pain was up afterwards, so ease back: fewer reps or shorter holds, "
            "then build up again slowly once it settles."
        )
    if before is None or after is None:
        return "Keep the same level. Scoring your pain before and after lets the app tell when you are ready for more."
    left_out = any(result.status != "done" for result in record.exercises)
    if record.status != "completed" or left_out or after > before or after > comfortable_ceiling(usual):
        return "Aim for the same routine at the same level; there is no rush to do more."
    return (
        "That went well. If it stays comfortable over the next few days, add one or two reps, "
        "or a few seconds to each hold. Small steps are the way to progress."
    )

"""How a session went for one exercise, judged the way the pain-monitoring model asks.

Pain after exercise is acceptable up to about 5/10, or for someone whose pain is usually
higher, up to their usual score before sessions; it should not rise by 2 points or more, and
the back should not be worse the next morning. A person's usual score is the median of their
recent pain-before scores, so people whose pain is usually high can still progress.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median
from typing import Literal

from .models import SessionRecord

USUAL_PAIN_SESSIONS = 10
"""How many recent pain-before scores make up a person's usual score."""
ACCEPTABLE_AFTER = 5
TOO_MUCH_AFTER = 6
MEANINGFUL_RISE = 2
HIGH_PAIN_BEFORE = 7
NEVER_COMFORTABLE_AFTER = 7
"""Pain after of 7 or more is never comfortable, whatever the usual score: no build-up after it."""
HIGH_ABOVE_USUAL = 3

EaseBackCause = Literal["rise", "high_after", "worse_morning", "hurt"]
Judgement = Literal["comfortable", "ease_back", "unscored", "not_in_full", "too_sore"]


def usual_pain(records_newest_first: Iterable[SessionRecord], count: int = USUAL_PAIN_SESSIONS) -> float | None:
    """The median of the latest `count` pain-before scores, or None when none was given."""
    scores: list[int] = []
    for record in records_newest_first:
        if record.pain_before is not None and record.status != "in_progress":
            scores.append(record.pain_before)
            if len(scores) >= count:
                break
    return median(scores) if scores else None


def hurt_exercise(record: SessionRecord) -> str | None:
    """The exercise "this hurts" was pressed on.

    Older records only say the session stopped for pain; the exercise under way then was the
    last one started.
    """
    if record.hurt_exercise is not None or record.status != "stopped_for_pain":
        return record.hurt_exercise
    started = [result.exercise_id for result in record.exercises if result.status != "not_started"]
    return started[-1] if started else None


def comfortable_ceiling(usual: float | None) -> float:
    """The highest pain after that still counts as comfortable: 5, or the usual score up to 6."""
    return min(NEVER_COMFORTABLE_AFTER - 1, max(ACCEPTABLE_AFTER, usual if usual is not None else 0))


def session_causes(record: SessionRecord, usual: float | None) -> tuple[EaseBackCause, ...]:
    """Reasons in the session as a whole to ease back every exercise done in it."""
    causes: list[EaseBackCause] = []
    before, after = record.pain_before, record.pain_after
    if before is not None and after is not None and after - before >= MEANINGFUL_RISE:
        causes.append("rise")
    if after is not None and after >= TOO_MUCH_AFTER and (usual is None or after > usual):
        causes.append("high_after")
    if record.next_morning == "worse":
        causes.append("worse_morning")
    return tuple(causes)


@dataclass(frozen=True, slots=True)
class ExerciseVerdict:
    judgement: Judgement
    causes: tuple[EaseBackCause, ...] = ()


def judge(record: SessionRecord, exercise_id: str, usual: float | None) -> ExerciseVerdict:
    """Whether `exercise_id` was comfortable in `record`, calls for easing back, or neither."""
    causes = session_causes(record, usual)
    if hurt_exercise(record) == exercise_id:
        causes = ("hurt", *causes)
    statuses = [result.status for result in record.exercises if result.exercise_id == exercise_id]
    done_any = any(status in ("done", "partial") for status in statuses)
    if causes and (done_any or "hurt" in causes):
        return ExerciseVerdict("ease_back", causes)
    if not statuses or any(status != "done" for status in statuses) or record.status == "stopped_for_pain":
        return ExerciseVerdict("not_in_full")
    before, after = record.pain_before, record.pain_after
    if before is None or after is None:
        return ExerciseVerdict("unscored")
    if after > before + 1 or after > comfortable_ceiling(usual) or record.next_morning == "worse":
        return ExerciseVerdict("too_sore")
    return ExerciseVerdict("comfortable")


CAUSE_TEXT: dict[EaseBackCause, str] = {
    "rise": "pain rose by 2 points or more",
    "high_after": "pain was 6 or more afterwards, above your usual",
    "worse_morning": "your back was worse the next morning",
    "hurt": "it hurt",
}


HighPainChoice = Literal["gentle", "flare_up", "stop"]
HIGH_PAIN_CHOICES: tuple[tuple[HighPainChoice, str], ...] = (
    ("gentle", "Go ahead gently: this session at lower doses"),
    ("flare_up", "Switch to the gentle flare-up routine"),
    ("stop", "Stop for today"),
)


@dataclass(frozen=True, slots=True)
class HighPainAsk:
    """The question to ask before the countdown when pain before starting is high."""

    pain: int
    usual: float | None
    reason: str
    choices: tuple[tuple[HighPainChoice, str], ...] = HIGH_PAIN_CHOICES


def high_pain_ask(pain_before: int | None, usual: float | None) -> HighPainAsk | None:
    """Ask first when pain before is 7 or more, or 3 or more above the usual score; else None."""
    if pain_before is None:
        return None
    if pain_before >= HIGH_PAIN_BEFORE:
        reason = f"Your pain is {pain_before} out of 10 right now."
    elif usual is not None and pain_before - usual >= HIGH_ABOVE_USUAL:
        reason = f"Your pain is {pain_before} out of 10, well above your usual {usual:g}."
    else:
        return None
    return HighPainAsk(pain_before, usual, reason)


NEXT_MORNING_FROM = timedelta(hours=8)
NEXT_MORNING_UNTIL = timedelta(hours=36)


def next_morning_due(records_newest_first: Iterable[SessionRecord], now: datetime) -> SessionRecord | None:
    """The session to ask "better, the same or worse?" about, or None.

    Only the latest finished session counts, only when it had pain scores, ended 8 to 36
    hours ago and has no answer yet (a skipped question is an answer: it is never asked twice).
    """
    for record in records_newest_first:
        if record.status == "in_progress":
            continue
        if record.next_morning is not None or (record.pain_before is None and record.pain_after is None):
            return None
        ended = record.ended_at or record.started_at
        return record if NEXT_MORNING_FROM <= now - ended <= NEXT_MORNING_UNTIL else None
    return None

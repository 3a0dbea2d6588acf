"""The weekly check-in: everyday activities scored 0-10, and days that needed pain relief.

This is the Patient-Specific Functional Scale (PSFS; Stratford 1995, Horn 2012). The person
names up to three everyday activities their back makes hard, once, and each week scores how
well they can do each one, from 0 (unable) to 10 (able to do it as before the back trouble).
The average of the scores is the measure: a rise of 2 points in the average is a meaningful
improvement, and about 3 points when only one activity is scored. The check-in also asks
on how many days of the week pain relief was needed (0-7).

It is asked at most once a week when the app starts, may be skipped (a skip counts as the
week's check-in, so it is not asked again that week) and can be turned off in the settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal, Protocol

from msgspec import Meta, Struct

from . import wording
from .stats import local_day

MAX_ACTIVITIES = 3
MEANINGFUL_AVERAGE_RISE = 2.0
"""A rise of this much in the average of several activities is a meaningful improvement."""
MEANINGFUL_SINGLE_RISE = 3.0
"""With one activity only, its score must rise about this much to be meaningful."""
DAYS_BETWEEN = 7
"""A check-in is offered again once this many days have passed since the last (or a skip)."""

ActivityName = Annotated[str, Meta(min_length=1, max_length=60)]
Score = Annotated[int, Meta(ge=0, le=10)]
ReliefDays = Annotated[int, Meta(ge=0, le=7)]

_STRUCT = {"frozen": True, "forbid_unknown_fields": True, "kw_only": True, "gc": False}


class ActivityScore(Struct, **_STRUCT):
    """How well one named activity can be done: 0 unable, 10 as before the back trouble."""

    activity: ActivityName
    score: Score


class CheckIn(Struct, **_STRUCT):
    """One week's answers, or a skip (no scores, `skipped` set)."""

    at: datetime
    scores: Annotated[tuple[ActivityScore, ...], Meta(max_length=MAX_ACTIVITIES)] = ()
    pain_relief_days: ReliefDays | None = None
    skipped: bool = False

    @property
    def activities(self) -> tuple[str, ...]:
        return tuple(item.activity for item in self.scores)

    @property
    def average(self) -> float | None:
        """The mean of the activity scores, or None when none was scored."""
        if not self.scores:
            return None
        return sum(item.score for item in self.scores) / len(self.scores)


class CheckInLog(Protocol):
    """Where check-ins are kept: the history file, or memory in tests."""

    def checkins(self) -> list[CheckIn]:
        """Every check-in, oldest first."""
        ...

    def save_checkin(self, checkin: CheckIn) -> str | None:
        """Keep one check-in; None when saved, else why not (kept in memory for this run)."""
        ...


class MemoryCheckIns:
    """A check-in log held in memory: for tests, and when the history file cannot keep them."""

    def __init__(self, checkins: Iterable[CheckIn] = ()) -> None:
        self._checkins = sorted(checkins, key=lambda checkin: checkin.at)

    def checkins(self) -> list[CheckIn]:
        return list(self._checkins)

    def save_checkin(self, checkin: CheckIn) -> str | None:
        self._checkins.append(checkin)
        self._checkins.sort(key=lambda item: item.at)
        return None


def clean_activities(names: Iterable[str]) -> tuple[str, ...]:
    """The named activities, trimmed, without blanks or repeats, at most three."""
    seen: dict[str, None] = {}
    for name in names:
        text = " ".join(name.split())[:60]
        if text and text.casefold() not in {known.casefold() for known in seen}:
            seen[text] = None
    return tuple(seen)[:MAX_ACTIVITIES]


def answered(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    """The check-ins that have scores, oldest first."""
    return sorted((checkin for checkin in checkins if checkin.scores), key=lambda checkin: checkin.at)


def current_activities(checkins: Iterable[CheckIn]) -> tuple[str, ...]:
    """The activities named in the latest answered check-in; empty when none yet."""
    scored = answered(checkins)
    return scored[-1].activities if scored else ()


def checkin_due(checkins: Iterable[CheckIn], today: date, enabled: bool = True) -> bool:
    """Whether to offer the check-in at start: on, and none (answered or skipped) this past week."""
    if not enabled:
        return False
    latest = max((checkin.at for checkin in checkins), default=None)
    return latest is None or (today - local_day(latest)).days >= DAYS_BETWEEN


def meaningful_rise(activity_count: int) -> float:
    """The rise in the average that counts as a meaningful improvement."""
    return MEANINGFUL_SINGLE_RISE if activity_count == 1 else MEANINGFUL_AVERAGE_RISE


@dataclass(frozen=True)
class FunctionChange:
    """How the average everyday-activity score moved from the first check-in to the latest."""

    first: float
    latest: float
    since: date
    threshold: float

    @property
    def points(self) -> float:
        return self.latest - self.first

    @property
    def meaningful(self) -> bool:
        # A half point from rounding is not a change: compare to a tenth.
        return abs(round(self.points, 1)) >= self.threshold

    @property
    def direction(self) -> Literal["better", "worse", "same"]:
        if round(self.points, 1) == 0:
            return "same"
        return "better" if self.points > 0 else "worse"

    @property
    def text(self) -> str:
        """E.g. "Everyday activities: 3.7 → 6.0 since 5 January, a meaningful improvement"."""
        scores = f"{self.first:.1f} {wording.ARROW} {self.latest:.1f}"
        head = f"Everyday activities: {scores} since {wording.day_month(self.since)}"
        if self.direction == "same":
            return f"{head}, no change yet"
        if not self.meaningful:
            return f"{head}, a small change so far"
        word = "improvement" if self.direction == "better" else "worsening"
        return f"{head}, a meaningful {word}"


def function_change(checkins: Sequence[CheckIn] | Iterable[CheckIn]) -> FunctionChange | None:
    """The first answered check-in against the latest; None with fewer than two.

    The averages compare like with like only over the same activities, so when the person
    renamed them the comparison starts from the first check-in with the current ones.
    """
    scored = answered(checkins)
    if len(scored) < 2:
        return None
    current = set(scored[-1].activities)
    same = [checkin for checkin in scored if set(checkin.activities) == current]
    if len(same) < 2:
        return None
    first, latest = same[0], same[-1]
    assert first.average is not None and latest.average is not None
    return FunctionChange(first.average, latest.average, local_day(first.at), meaningful_rise(len(current)))

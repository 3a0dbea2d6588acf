"""Streaks, weekly totals and pain trends computed from session records.

Pure functions over an iterable of `SessionRecord`s, in any order. "Today" is always a
parameter, so nothing here reads the wall clock. Days are local calendar days: a session
started at 23:30 in one time zone belongs to the day it was where the user is now.

Every function goes through the records once, and the local day of each start time is
remembered between calls, so a screen can call several of them over years of sessions
without a visible pause.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from . import wording
from .clock import local_zone_key
from .models import SessionRecord, SessionStatus

NUDGE_AFTER_DAYS = 2
"""Days without a session after which `nudge` offers a reminder."""


def did_something(record: SessionRecord) -> bool:
    """Whether any exercise time was done: some work, however little, on any exercise."""
    return record.active_seconds > 0 or any(result.status in ("done", "partial") for result in record.exercises)


def counts_as_session(record: SessionRecord) -> bool:
    """Whether a record counts towards streaks and totals.

    A finished session counts when something was done, so a session stopped for pain after
    real work is still honest effort, and one where nothing was done never counts (even if
    an older version saved it as completed). A session still in progress never counts.
    """
    return record.status != "in_progress" and did_something(record)


def shown_status(record: SessionRecord) -> SessionStatus:
    """The status to show: a "completed" session in which nothing was done was stopped."""
    if record.status == "completed" and not did_something(record):
        return "stopped"
    return record.status


def active_minutes(record: SessionRecord) -> float:
    """Minutes spent on the exercises themselves: holds, reps and timed work."""
    return record.active_seconds / 60


def total_minutes(record: SessionRecord) -> float:
    """Minutes the routine took: the exercises with their get-ready and rests, pauses left out."""
    return (record.active_seconds + record.rest_seconds) / 60


def local_day(moment: datetime) -> date:
    """The calendar day of `moment` in the local time zone."""
    return moment.astimezone().date()


class _LocalDays:
    """Remembers the local day of each start time, since converting is the costly step.

    The same records are summarised again and again, so each moment is converted once.
    Everything is forgotten when the local time zone changes or the memory grows large.
    """

    LIMIT = 200_000

    def __init__(self) -> None:
        self._days: dict[datetime, date] = {}
        self._zone: tuple[object, ...] = ()

    def of(self, moments: Iterable[datetime]) -> list[date]:
        zone = local_zone_key()
        if zone != self._zone or len(self._days) > self.LIMIT:
            self._days = {}
            self._zone = zone
        known = self._days.get
        return [known(moment) or self._convert(moment) for moment in moments]

    def _convert(self, moment: datetime) -> date:
        day = self._days[moment] = local_day(moment)
        return day


_local_days = _LocalDays()


def local_days(moments: Iterable[datetime]) -> list[date]:
    """The local calendar day of each moment, remembered between calls."""
    return _local_days.of(moments)


class _Tally:
    """The counted sessions with their local days, gathered in one pass over the records."""

    def __init__(self, records: Iterable[SessionRecord]) -> None:
        self.counted = [record for record in records if counts_as_session(record)]
        self.days = _local_days.of(record.started_at for record in self.counted)
        self.sessions = Counter(self.days)

    @property
    def active_minutes(self) -> float:
        return sum(active_minutes(record) for record in self.counted)

    def streak(self, today: date) -> int:
        day = today if today in self.sessions else today - timedelta(days=1)
        length = 0
        while day in self.sessions:
            length += 1
            day -= timedelta(days=1)
        return length

    def days_since_last(self, today: date) -> int | None:
        if not self.sessions:
            return None
        return max(0, (today - max(self.sessions)).days)

    def sessions_in_week(self, week_start: date) -> int:
        return sum(self.sessions.get(week_start + timedelta(days=i), 0) for i in range(7))


def _week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())


def streak(records: Iterable[SessionRecord], today: date) -> int:
    """Consecutive days with a counted session, ending today.

    A streak still stands when today has no session yet but yesterday had one; it ends
    once a whole calendar day passes without one.
    """
    return _Tally(records).streak(today)


def days_since_last(records: Iterable[SessionRecord], today: date) -> int | None:
    """Whole days since the last counted session (0 for today), or None if there is none."""
    return _Tally(records).days_since_last(today)


@dataclass(frozen=True)
class WeekTotal:
    week_start: date
    sessions: int
    minutes: float


def weekly_totals(records: Iterable[SessionRecord], today: date, weeks: int = 8) -> list[WeekTotal]:
    """Sessions and active minutes for each of the last `weeks` weeks, oldest first.

    Weeks start on Monday; empty weeks are included and the current week comes last.
    """
    if weeks <= 0:
        return []
    tally = _Tally(records)
    current = _week_start(today).toordinal()
    sessions = [0] * weeks
    minutes = [0.0] * weeks
    first_day = date.fromordinal(current - 7 * (weeks - 1))
    for day, record in zip(tally.days, tally.counted, strict=True):
        if day < first_day:
            continue
        weeks_back = (current - (day.toordinal() - day.weekday())) // 7
        if weeks_back >= 0:
            slot = weeks - 1 - weeks_back
            sessions[slot] += 1
            minutes[slot] += active_minutes(record)
    return [
        WeekTotal(date.fromordinal(current - 7 * (weeks - 1 - slot)), sessions[slot], minutes[slot])
        for slot in range(weeks)
    ]


@dataclass(frozen=True)
class PainChange:
    """The difference between two pain scores on the 0-10 scale, and whether it matters."""

    before: int
    after: int
    points: int
    threshold: float
    meaningful: bool
    direction: Literal["better", "worse", "same"]

    @property
    def text(self) -> str:
        """One line for people, e.g. "4 -> 2: 2 points better, a meaningful change"."""
        scores = wording.pain_scores(self.before, self.after)
        if self.direction == "same":
            return f"{scores}: no change"
        verdict = "a meaningful change" if self.meaningful else "within normal variation"
        return f"{scores}: {wording.count(self.points, 'point')} {self.direction}, {verdict}"


MEANINGFUL_POINTS = 2
"""A change of this many points on the 0-10 scale is meaningful, worse or better."""


def pain_threshold(before: int) -> float:
    """The smallest change from `before` that counts as meaningful, in points.

    Worse: an absolute rise of 2 points. Better: a drop of 2 points or 30% of the starting
    score, whichever is smaller; scores are whole numbers and a single point is within the
    scale's error, so that too comes to 2 points at every starting score.
    """
    return float(MEANINGFUL_POINTS)


def pain_change(before: int | None, after: int | None) -> PainChange | None:
    """Compare two pain scores; None unless both were given."""
    if before is None or after is None:
        return None
    points = abs(after - before)
    direction: Literal["better", "worse", "same"] = (
        "better" if after < before else "worse" if after > before else "same"
    )
    threshold = pain_threshold(before)
    return PainChange(before, after, points, threshold, points >= threshold, direction)


def pain_trend(records: Iterable[SessionRecord], limit: int = 30) -> list[int]:
    """Pain after (or before, when no after was given) of the latest rated sessions, oldest first.

    Sessions still in progress are left out.
    """
    if limit <= 0:
        return []
    rated = [
        record
        for record in records
        if record.status != "in_progress" and (record.pain_after is not None or record.pain_before is not None)
    ]
    if len(rated) > limit:
        # Narrow down by local day first: days compare far faster than aware datetimes.
        days = _local_days.of(record.started_at for record in rated)
        earliest = heapq.nlargest(limit, days)[-1]
        rated = [record for record, day in zip(rated, days, strict=True) if day >= earliest]
    latest = sorted(rated, key=lambda record: record.started_at)[-limit:]
    scores = (record.pain_after if record.pain_after is not None else record.pain_before for record in latest)
    return [score for score in scores if score is not None]


def _nudge_for(days: int | None) -> str | None:
    if days is None:
        return "Welcome: a short, gentle routine is a good first step."
    if days < NUDGE_AFTER_DAYS:
        return None
    return (
        f"Last session {wording.days_ago(days)}: a short routine today helps; "
        "more than a couple of days' rest makes it harder to get going."
    )


def nudge(records: Iterable[SessionRecord], today: date) -> str | None:
    """A kind one-line reminder after two or more days without a session, else None.

    With no sessions at all it is a welcome instead.
    """
    return _nudge_for(days_since_last(records, today))


@dataclass(frozen=True)
class Summary:
    """Counted sessions only (see `counts_as_session`); minutes are active minutes."""

    streak: int
    this_week: int
    days_since_last: int | None
    total_sessions: int
    total_minutes: float  # active minutes of the counted sessions
    not_counted: int = 0  # finished sessions in which nothing was done


def summarize(records: Iterable[SessionRecord], today: date) -> Summary:
    """The headline figures for the home screen, in one pass over the records."""
    records = list(records)
    tally = _Tally(records)
    finished = sum(1 for record in records if record.status != "in_progress")
    return Summary(
        streak=tally.streak(today),
        this_week=tally.sessions_in_week(_week_start(today)),
        days_since_last=tally.days_since_last(today),
        total_sessions=len(tally.counted),
        total_minutes=tally.active_minutes,
        not_counted=finished - len(tally.counted),
    )

"""Streaks, weekly totals and pain trends computed from session records.

Pure functions over an iterable of `SessionRecord`s, in any order. "Today" is always a
parameter, so nothing here reads the wall clock. Days are local calendar days: a session
started at 23:30 in one time zone belongs to the day it was where the user is now.

Every function goes through the records once. Given records newest first (as the store
gives them) with `newest_first=True`, they work out local days for the recent ones only,
so years of sessions cost little more than a few weeks.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from . import wording
from .local_days import local_day as local_day  # also offered here, where callers first found it
from .local_days import local_days
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


def _counted(records: Iterable[SessionRecord]) -> list[SessionRecord]:
    return [record for record in records if counts_as_session(record)]


class _Tally:
    """Counted sessions (see `_counted`) with their local days."""

    def __init__(self, counted: list[SessionRecord]) -> None:
        self.counted = counted
        self.days = local_days(record.started_at for record in self.counted)
        self.sessions = Counter(self.days)

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


ZONE_MARGIN = timedelta(days=2)
"""Looked at beyond the days asked for: a start time and its local day can disagree by a day."""


def started_since(records: list[SessionRecord], day: date) -> list[SessionRecord]:
    """The leading records of a newest-first list that may have started on `day` or later."""
    start = datetime.combine(day - ZONE_MARGIN, time()).astimezone()
    for index, record in enumerate(records):
        if record.started_at < start:
            return records[:index]
    return records


def _recent_tally(counted: list[SessionRecord], today: date) -> _Tally:
    """The latest counted sessions (newest first), enough for the streak, week and last day."""
    earliest = min(_week_start(today), today - timedelta(days=14))
    if counted:
        earliest = min(earliest, local_day(counted[0].started_at))
    while True:
        recent = started_since(counted, earliest)
        tally = _Tally(recent)
        if len(recent) == len(counted) or tally.streak(today) < (today - earliest).days:
            return tally  # the streak ends inside what was looked at
        earliest -= 3 * (today - earliest)


def streak(records: Iterable[SessionRecord], today: date) -> int:
    """Consecutive days with a counted session, ending today.

    A streak still stands when today has no session yet but yesterday had one; it ends
    once a whole calendar day passes without one.
    """
    return _Tally(_counted(records)).streak(today)


def days_since_last(records: Iterable[SessionRecord], today: date) -> int | None:
    """Whole days since the last counted session (0 for today), or None if there is none."""
    return _Tally(_counted(records)).days_since_last(today)


@dataclass(frozen=True)
class WeekTotal:
    week_start: date
    sessions: int
    minutes: float


def weekly_totals(
    records: Iterable[SessionRecord], today: date, weeks: int = 8, newest_first: bool = False
) -> list[WeekTotal]:
    """Sessions and active minutes for each of the last `weeks` weeks, oldest first.

    Weeks start on Monday; empty weeks are included and the current week comes last.
    """
    if weeks <= 0:
        return []
    current = _week_start(today).toordinal()
    first_day = date.fromordinal(current - 7 * (weeks - 1))
    tally = _Tally(_counted(started_since(list(records), first_day) if newest_first else records))
    sessions = [0] * weeks
    minutes = [0.0] * weeks
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


def _rated(record: SessionRecord) -> bool:
    return record.status != "in_progress" and (record.pain_after is not None or record.pain_before is not None)


def _latest_rated(records: Iterable[SessionRecord], limit: int) -> list[SessionRecord]:
    """The first `limit` rated records of a newest-first list, and any started with the last."""
    rated: list[SessionRecord] = []
    for record in records:
        if len(rated) >= limit and record.started_at < rated[limit - 1].started_at:
            break
        if _rated(record):
            rated.append(record)
    return rated


def pain_trend(records: Iterable[SessionRecord], limit: int = 30, newest_first: bool = False) -> list[int | None]:
    """Pain after each of the latest rated sessions, oldest first: None (a gap) where only the
    pain before was given, never that score in its place.

    Sessions still in progress are left out.
    """
    if limit <= 0:
        return []
    rated = _latest_rated(records, limit) if newest_first else [record for record in records if _rated(record)]
    if len(rated) > limit:
        # Narrow down by local day first: days compare far faster than aware datetimes.
        days = local_days(record.started_at for record in rated)
        earliest = heapq.nlargest(limit, days)[-1]
        rated = [record for record, day in zip(rated, days, strict=True) if day >= earliest]
    latest = sorted(rated, key=lambda record: record.started_at)[-limit:]
    return [record.pain_after for record in latest]


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


def summarize(records: Iterable[SessionRecord], today: date, newest_first: bool = False) -> Summary:
    """The headline figures for the home screen, in one pass over the records."""
    finished = [record for record in records if record.status != "in_progress"]
    counted = [record for record in finished if did_something(record)]
    tally = _recent_tally(counted, today) if newest_first else _Tally(counted)
    return Summary(
        streak=tally.streak(today),
        this_week=tally.sessions_in_week(_week_start(today)),
        days_since_last=tally.days_since_last(today),
        total_sessions=len(counted),
        total_minutes=sum(active_minutes(record) for record in counted),
        not_counted=len(finished) - len(counted),
    )

"""What a person's progress looks like: the headline in words and the numbers behind each chart.

Pure functions over session records, check-ins and the dose change log; "today" is always a
parameter. The history screen and the printable report draw from the same `Progress`, so
they always agree. Pain comparisons use the meaningful-change rule of `stats.pain_change`:
2 points or more, and a 1-point change is never called meaningful.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from . import wording
from .checkin import CheckIn, FunctionChange, answered, function_change
from .models import Dose, DoseChange, HoldDose, RepsDose, SessionRecord, TimedDose
from .stats import WeekTotal, counts_as_session, local_days, pain_change, weekly_totals

CHART_WEEKS = 12
"""Weeks shown by the weekly bars and the calendar of active days."""
PAIN_POINTS = 60
"""At most this many of the latest sessions in the pain chart."""
NOW_DAYS = 14
"""Pain "now" is the median pain-after score of this many latest days."""
MONTH_AGO = (28, 41)
"""Pain "a month ago" is the median of the sessions this many days back (inclusive)."""
MIN_SCORES = 2
"""Fewer pain-after scores than this in either span and there is nothing to compare."""


@dataclass(frozen=True, slots=True)
class PainPoint:
    """One session's pain before and after, either of which may be missing."""

    started_at: datetime
    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class CalendarDay:
    day: date
    sessions: int
    minutes: float
    future: bool = False


@dataclass(frozen=True, slots=True)
class CheckInPoint:
    day: date
    average: float
    pain_relief_days: int | None


@dataclass(frozen=True, slots=True)
class DoseGrowth:
    """Where one exercise of one routine started and where it is now."""

    routine_id: str
    exercise_id: str
    line: str
    since: date


@dataclass(frozen=True)
class Progress:
    headline: str
    pain: list[PainPoint]
    weeks: list[WeekTotal]
    calendar: list[CalendarDay]
    checkins: list[CheckInPoint]
    function: FunctionChange | None
    doses: list[DoseGrowth] = field(default_factory=list)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _median_after(records: Iterable[SessionRecord]) -> int | None:
    scores = [record.pain_after for record in records if record.pain_after is not None]
    return round(median(scores)) if len(scores) >= MIN_SCORES else None


def pain_sentence(records: Iterable[SessionRecord], today: date) -> str | None:
    """How pain after sessions now compares with a month ago, or None without enough scores."""
    now_from = _start_of(today - timedelta(days=NOW_DAYS - 1))
    then_from = _start_of(today - timedelta(days=MONTH_AGO[1]))
    then_until = _start_of(today - timedelta(days=MONTH_AGO[0] - 1))
    finished = [record for record in records if record.status != "in_progress" and record.started_at >= then_from]
    now = _median_after(record for record in finished if record.started_at >= now_from)
    then = _median_after(record for record in finished if record.started_at < then_until)
    change = pain_change(then, now)
    if change is None:
        return None
    if not change.meaningful:
        return "Pain after sessions is about the same as a month ago."
    way = "lower" if change.direction == "better" else "higher"
    return f"Pain after sessions is {wording.count(change.points, 'point')} {way} than a month ago."


def headline(records: Iterable[SessionRecord], today: date) -> str:
    """E.g. "This week: 3 sessions, 42 active minutes. Pain after sessions is 2 points lower
    than a month ago." The pain half is left out when there are too few scores to compare."""
    records = list(records)
    return _headline(weekly_totals(records, today, weeks=1)[0], pain_sentence(records, today))


def _headline(week: WeekTotal, pain: str | None) -> str:
    if week.sessions == 0:
        first = "This week: no sessions yet."
    else:
        minutes = wording.count(round(week.minutes), "active minute")
        first = f"This week: {wording.count(week.sessions, 'session')}, {minutes}."
    return f"{first} {pain}" if pain else first


def pain_points(records: Iterable[SessionRecord], limit: int = PAIN_POINTS) -> list[PainPoint]:
    """Pain before and after of the latest finished sessions, oldest first; missing stays missing."""
    finished = [record for record in records if record.status != "in_progress"]
    latest = heapq.nlargest(limit, finished, key=lambda record: record.started_at)[::-1] if limit > 0 else []
    days = local_days(record.started_at for record in latest)
    return [
        PainPoint(record.started_at, day, record.pain_before, record.pain_after)
        for record, day in zip(latest, days, strict=True)
    ]


def active_calendar(records: Iterable[SessionRecord], today: date, weeks: int = CHART_WEEKS) -> list[CalendarDay]:
    """Every day of the last `weeks` Monday-to-Sunday weeks, oldest first, with its sessions.

    Days after today in the current week are marked `future`.
    """
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    start = _start_of(first)
    counted = [record for record in records if record.started_at >= start and counts_as_session(record)]
    sessions: dict[date, int] = {}
    minutes: dict[date, float] = {}
    for record, day in zip(counted, local_days(record.started_at for record in counted), strict=True):
        sessions[day] = sessions.get(day, 0) + 1
        minutes[day] = minutes.get(day, 0.0) + record.active_seconds / 60
    return [
        CalendarDay(day, sessions.get(day, 0), minutes.get(day, 0.0), future=day > today)
        for day in (first + timedelta(days=offset) for offset in range(7 * weeks))
    ]


def checkin_points(checkins: Iterable[CheckIn]) -> list[CheckInPoint]:
    """The answered check-ins, oldest first: average activity score and days needing pain relief."""
    points = []
    for checkin in answered(checkins):
        assert checkin.average is not None
        points.append(CheckInPoint(local_days([checkin.at])[0], checkin.average, checkin.pain_relief_days))
    return points


def dose_amount(dose: Dose) -> str:
    """A dose in a few words: `10 reps`, `8 holds of 5 s`, `25 s`, with `2 sets` when more than one."""
    if isinstance(dose, RepsDose):
        amount = wording.count(dose.reps, "rep")
    elif isinstance(dose, HoldDose):
        amount = f"{wording.count(dose.reps, 'hold')} of {dose.hold} s"
    else:
        amount = TimedDose(seconds=dose.seconds).describe()  # the time alone, without sets and rests
    return amount + (f", {dose.sets} sets" if dose.sets > 1 else "")


def _change_text(names: Mapping[str, str], first: DoseChange, last: DoseChange) -> str:
    start, now = first.from_dose, last.to_dose
    name = names.get(first.from_exercise, first.from_exercise)
    if first.from_exercise != last.to_exercise:
        to_name = names.get(last.to_exercise, last.to_exercise)
        return f"{name}, {dose_amount(start)} {wording.ARROW} {to_name}, {dose_amount(now)}"
    same_shape = type(start) is type(now) and start.sets == now.sets
    if same_shape and isinstance(start, RepsDose) and isinstance(now, RepsDose):
        return f"{name}: {start.reps} {wording.ARROW} {wording.count(now.reps, 'rep')}"
    return f"{name}: {dose_amount(start)} {wording.ARROW} {dose_amount(now)}"


def dose_growth(changes: Iterable[DoseChange], names: Mapping[str, str]) -> list[DoseGrowth]:
    """For each exercise whose dose changed: where it started and where it is now.

    E.g. "Glute bridge: 8 → 14 reps since 3 March". Exercises back where they started (after a
    reset, or a step up and down) are left out. `names` maps exercise ids to names.
    """
    first: dict[tuple[str, str], DoseChange] = {}
    last: dict[tuple[str, str], DoseChange] = {}
    for change in sorted(changes, key=lambda change: change.at):
        key = (change.routine_id, change.exercise_id)
        first.setdefault(key, change)
        last[key] = change
    growth = []
    for key, start in first.items():
        end = last[key]
        if (start.from_exercise, start.from_dose) == (end.to_exercise, end.to_dose):
            continue
        since = local_days([start.at])[0]
        line = f"{_change_text(names, start, end)} since {wording.day_month(since)}"
        growth.append(DoseGrowth(key[0], key[1], line, since))
    return growth


def _since(records: list[SessionRecord], start: datetime, newest_first: bool) -> list[SessionRecord]:
    """The records started at or after `start`, in their order."""
    if not newest_first:
        return [record for record in records if record.started_at >= start]
    recent = []
    for record in records:
        if record.started_at < start:
            break
        recent.append(record)
    return recent


def progress(
    records: Iterable[SessionRecord],
    today: date,
    checkins: Iterable[CheckIn] = (),
    changes: Iterable[DoseChange] = (),
    names: Mapping[str, str] | None = None,
    weeks: int = CHART_WEEKS,
    newest_first: bool = False,
) -> Progress:
    """Everything the progress charts and the headline need, from one look at the records.

    With `newest_first` (the records are in that order, as the store gives them) only the
    recent ones are looked at, which matters over years of sessions.
    """
    records = list(records)
    checkins = list(checkins)
    # Every figure but the pain chart looks at recent weeks only: narrow down once.
    days_back = max(today.weekday() + 7 * (max(1, weeks) - 1), MONTH_AGO[1]) + 1
    recent = _since(records, _start_of(today - timedelta(days=days_back)), newest_first)
    finished_recent = sum(1 for record in recent if record.status != "in_progress")
    totals = weekly_totals(recent, today, weeks=max(1, weeks))
    return Progress(
        headline=_headline(totals[-1], pain_sentence(recent, today)),
        pain=pain_points(recent if finished_recent >= PAIN_POINTS else records),
        weeks=totals,
        calendar=active_calendar(recent, today, weeks=weeks),
        checkins=checkin_points(checkins),
        function=function_change(checkins),
        doses=dose_growth(changes, names or {}),
    )

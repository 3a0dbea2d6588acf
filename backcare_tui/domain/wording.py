"""The words the app repeats, in one place: counts, days, pain, statuses, times.

Screens, the command line and the export all build these phrases here, so "1 session"
never becomes "1 sessions" in one place and a status is named the same everywhere. Times
are shown in the local time zone, as the user lives them. Plain strings only: callers
that show user data wrap them in Content or Text.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from .models import ExerciseStatus, SessionStatus

SESSION_STATUS: dict[SessionStatus, str] = {
    "in_progress": "in progress",
    "completed": "completed",
    "stopped": "stopped",
    "stopped_for_pain": "stopped (pain)",
}
EXERCISE_STATUS: dict[ExerciseStatus, str] = {
    "done": "done",
    "partial": "part-done",
    "skipped": "skipped",
    "not_started": "not reached",
}
NO_SCORE = "-"
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
# C0 controls but tab and newline, DEL, C1 controls (CSI and friends) and lone surrogates:
# characters a terminal would obey or cannot encode, never text meant to be read.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
ARROW = "→"


def printable(text: str) -> str:
    """`text` safe to show on a terminal: each control character (ESC, C1, DEL, ...) but
    newline and tab becomes a visible replacement character, so nothing typed or read from a
    file can move the cursor, change colours or ring the bell."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(REPLACEMENT, text)


_SPACED = str.maketrans({"\t": " ", "\u2028": " ", "\u2029": " "})


def one_line(text: str) -> str:
    """`printable(text)` on one line: a newline shows as `\\n`; a tab or a Unicode line or
    paragraph separator as a space."""
    return printable(text).replace("\n", "\\n").translate(_SPACED)


def control_characters(text: str) -> list[str]:
    """The control characters `printable` would replace, as `U+001B` names, in order."""
    return [f"U+{ord(found):04X}" for found in _UNPRINTABLE.findall(text)]


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 session`, `2 sessions`; give `plural` when adding "s" is wrong."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def days_ago(days: int) -> str:
    """`today`, `yesterday`, `3 days ago`."""
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def session_status(status: SessionStatus, recovered: bool = False) -> str:
    return SESSION_STATUS[status] + (" (recovered)" if recovered else "")


def pain_scores(before: int | None, after: int | None) -> str:
    """`4 → 2`; a score not given shows as `-`."""
    return f"{NO_SCORE if before is None else before} {ARROW} {NO_SCORE if after is None else after}"


def pain(before: int | None, after: int | None) -> str:
    """`pain 4 → 2`."""
    return f"pain {pain_scores(before, after)}"


def day(moment: datetime) -> str:
    """`2026-01-05`, in local time."""
    return f"{moment.astimezone():%Y-%m-%d}"


def day_month(moment: date) -> str:
    """`3 March`; a datetime is taken in local time."""
    when = moment.astimezone().date() if isinstance(moment, datetime) else moment
    return f"{when.day} {when:%B}"


def clock_time(moment: datetime) -> str:
    """`09:30`, in local time."""
    return f"{moment.astimezone():%H:%M}"


def day_and_time(moment: datetime) -> str:
    """`2026-01-05 09:30`, in local time."""
    return f"{day(moment)} {clock_time(moment)}"


def long_day_and_time(moment: datetime) -> str:
    """`Monday 05 January 2026, 09:30`, in local time."""
    return f"{moment.astimezone():%A %d %B %Y, %H:%M}"


def minutes(span: float, decimals: int = 0) -> str:
    """`12 min` for a span in seconds (or `1.5 min` with `decimals=1`)."""
    return in_minutes(span / 60, decimals)


def in_minutes(count: float, decimals: int = 0) -> str:
    """`12 min` for a number of minutes."""
    return f"{count:.{decimals}f} min"


def active_minutes(minutes_active: float) -> str:
    """`12 min active`: time on the exercises themselves, rests and pauses left out."""
    return f"{in_minutes(minutes_active)} active"


def total_minutes(minutes_total: float) -> str:
    """`15 min in total`: the exercises with their get-ready and rests, pauses left out."""
    return f"{in_minutes(minutes_total)} in total"


def routine_length(span: float) -> str:
    """What a routine will take, never less: `2½ min` for 2:25, `12 min` for 11:20.

    Under ten minutes it is rounded up to the half minute, from then on to the minute.
    """
    if span <= 0:
        return "0 min"
    if span < 600:
        halves = math.ceil(span / 30 - 1e-9)
        whole, half = divmod(halves, 2)
        if not whole:
            return "½ min"
        return f"{whole}{'½' if half else ''} min"
    return f"{math.ceil(span / 60 - 1e-9)} min"


def seconds(value: float) -> str:
    """`45 s`."""
    return f"{value:.0f} s"


def countdown(remaining: float) -> str:
    """`1:05` for the seconds left, rounded up, so a phase shows 0:00 only when it is over."""
    whole = max(0, math.ceil(remaining - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"

"""The one-line reminder about when to exercise next, by the kind of routine done.

Stretching and mobility are best every day; strength work two or three days a week with a
rest day between (ACSM). The warning about long rests is only for someone who has done
nothing at all for a few days. Shown on the routines screen's status line and by the
`status` command.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from .models import Routine, SessionRecord
from .stats import NUDGE_AFTER_DAYS, counts_as_session, local_days

RoutineKind = Literal["strength", "daily"]
STRENGTH_PER_WEEK = 2
"""Strength sessions in the last seven days below which another one is suggested."""
STRENGTH_LOOK_BACK = 28
"""A person who did a strength routine within this many days is doing strength work."""


def routine_kind(routine: Routine) -> RoutineKind:
    """Strength when the routine only strengthens; anything with stretching or mobility is daily."""
    elements = set(routine.elements)
    return "strength" if "strengthen" in elements and not elements & {"stretch", "mobilise"} else "daily"


def routine_kinds(routines: Iterable[Routine]) -> dict[str, RoutineKind]:
    return {routine.id: routine_kind(routine) for routine in routines}


def return_nudge(records: Iterable[SessionRecord], today: date, kinds: Mapping[str, RoutineKind]) -> str | None:
    """A kind reminder for today, or None when nothing needs saying. Records in any order."""
    counted = [record for record in records if counts_as_session(record)]
    if not counted:
        return "Welcome: a short, gentle routine is a good first step."
    days = local_days(record.started_at for record in counted)
    gap = (today - max(days)).days
    if gap >= NUDGE_AFTER_DAYS:
        return (
            f"Last session {gap} days ago: a short routine today helps; "
            "more than a couple of days' rest makes it harder to get going."
        )
    strength_days: set[int] = set()  # how many days ago each strength session was
    daily_today = False
    for day, record in zip(days, counted, strict=True):
        if kinds.get(record.routine_id) == "strength":
            strength_days.add((today - day).days)
        elif day == today:
            daily_today = True
    strength_ago = sorted(strength_days)
    if strength_ago and strength_ago[0] <= 0:
        return "Strength work done today: rest tomorrow, or do a stretch routine."
    if strength_ago and strength_ago[0] == 1 and not daily_today:
        return "Strength work yesterday: today suits a rest day or a stretch routine."
    # Counted only where the latest strength session was two or more days ago.
    this_week = sum(1 for ago in strength_ago if ago < 7)
    if strength_ago and 2 <= strength_ago[0] <= STRENGTH_LOOK_BACK and this_week < STRENGTH_PER_WEEK:
        return "Strength work goes best two or three times a week: today would suit it."
    if not daily_today:
        return "Stretching and mobility are best every day: a few minutes today keeps things moving."
    return None

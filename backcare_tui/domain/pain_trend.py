"""Has pain risen lately? Judged against the person's usual level, not a fixed number.

The usual level is the median of the pain-before scores of the sessions before the latest
one. A rise of 2 points or more above it is a meaningful worsening (a 1-point change is
within the scale's error). Only a recent session counts, so an old high score does not keep
offering the flare-up routine.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median

from .models import SessionRecord
from .stats import local_day

MEANINGFUL_RISE = 2
"""Points above the usual level that count as worse (Ostelo 2008)."""
USUAL_WINDOW = 10
"""How many earlier sessions make up the usual level."""
MIN_EARLIER_SCORES = 3
"""Fewer earlier scores than this and there is no usual level to judge against."""
RECENT_DAYS = 7
"""The latest session must be this recent for its pain to count as "lately"."""

FLARE_UP_ROUTINE = "flare-up-gentle"


@dataclass(frozen=True, slots=True)
class PainRise:
    usual: float
    recent: int


def usual_pain(scores: Iterable[int]) -> float | None:
    """The median of the scores, or None when there are too few to call any level usual."""
    scores = list(scores)
    return median(scores) if len(scores) >= MIN_EARLIER_SCORES else None


def recent_pain_rise(records: Iterable[SessionRecord], today: date) -> PainRise | None:
    """The latest pain and the usual level when the latest is 2 or more points above it."""
    # The latest rated session and the USUAL_WINDOW before it, newest first, as a full sort
    # would give them (of two started at the same moment, the later listed is the later): years
    # of history need no sorting for that.
    latest_first = heapq.nlargest(
        USUAL_WINDOW + 1,
        enumerate(r for r in records if r.pain_before is not None),
        key=lambda numbered: (numbered[1].started_at, numbered[0]),
    )
    rated = [record for _, record in latest_first]
    if not rated:
        return None
    latest = rated[0]
    if (today - local_day(latest.started_at)).days > RECENT_DAYS:
        return None
    usual = usual_pain(r.pain_before for r in rated[1:] if r.pain_before is not None)
    if usual is None:
        return None
    recent = max(score for score in (latest.pain_before, latest.pain_after) if score is not None)
    return PainRise(usual, recent) if recent - usual >= MEANINGFUL_RISE else None

"""What to do next time, from how this session went: build up gently, hold steady, or ease back.

The advice follows the content brief: add one or two reps (or a few seconds to holds) every
few days if it was comfortable; ease back when pain afterwards is meaningfully worse; stop and
get advice when an exercise hurt. It never changes a dose by itself.
"""

from __future__ import annotations

from .models import SessionRecord
from .stats import pain_change


def next_time(record: SessionRecord) -> str:
    """One kind sentence of advice for the next session, shown after "Next time:"."""
    change = pain_change(record.pain_before, record.pain_after)
    if record.status == "stopped_for_pain":
        return (
            "Start from a smaller range or fewer reps, and leave out any exercise that hurt. "
            "If the pain does not settle, ask a doctor or physiotherapist."
        )
    if change is not None and change.meaningful and change.direction == "worse":
        return (
            "Your pain was up afterwards, so ease back: fewer reps or shorter holds, "
            "then build up again slowly once it settles."
        )
    left_out = sum(1 for result in record.exercises if result.status in ("skipped", "partial", "not_started"))
    if record.status != "completed" or left_out:
        return "Aim for the same routine at the same level; there is no rush to do more."
    return (
        "That went well. If it stays comfortable over the next few days, add one or two reps, "
        "or a few seconds to each hold. Small steps are the way to progress."
    )

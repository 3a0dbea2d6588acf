"""One step up or down a dose, within the exercise's limits.

The ladder follows the content brief: first the amount per set grows (reps +1 below 10, else
+2; holds +2 s below 10 s, else +5 s; timed work +10%, at least 30 s, while timed holds under
two minutes such as planks step like holds); at the exercise's limit a second set is added
(up to three), then the `harder` variant at its own starting dose. Easing back walks the same
ladder down, never below the starting dose; below that only the `easier` variant remains.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Dose, Exercise, HoldDose, RepsDose, TimedDose, replace

STRENGTH_HOLD_MAX = 30
STRETCH_HOLD_MAX = 30
HOLD_LIKE_TIMED_MAX = 60
ACTIVITY_TIMED_MAX = 1800
LONG_TIMED = 120
"""Timed work at least this long steps by 10% (at least 30 s); shorter work steps like a hold."""


@dataclass(frozen=True, slots=True)
class Bounds:
    """The resolved limits of one exercise: the most per set, the most sets, the least per set."""

    most: int
    most_sets: int
    least: int


@dataclass(frozen=True, slots=True)
class Step:
    """Where a dose goes: the exercise to do and its dose."""

    exercise_id: str
    dose: Dose


def amount(dose: Dose) -> int:
    """The number that grows first: reps, seconds held, or seconds of timed work."""
    if isinstance(dose, RepsDose):
        return dose.reps
    if isinstance(dose, HoldDose):
        return dose.hold
    return dose.seconds


def with_amount(dose: Dose, value: int) -> Dose:
    if isinstance(dose, RepsDose):
        return replace(dose, reps=value)
    if isinstance(dose, HoldDose):
        return replace(dose, hold=value)
    return replace(dose, seconds=value)


def bounds(exercise: Exercise, dose: Dose) -> Bounds:
    """The limits that apply to `dose` of `exercise`, with defaults filled in by kind."""
    limits = exercise.limits
    if isinstance(dose, RepsDose):
        most, least = limits.max_reps, limits.min_reps or 1
    elif isinstance(dose, HoldDose):
        default = STRETCH_HOLD_MAX if exercise.elements == ("stretch",) else STRENGTH_HOLD_MAX
        most, least = limits.max_hold or default, limits.min_hold or 1
    else:
        default = ACTIVITY_TIMED_MAX if "activity" in exercise.elements else HOLD_LIKE_TIMED_MAX
        most, least = limits.max_seconds or default, limits.min_seconds or 5
    return Bounds(most=most, most_sets=limits.max_sets, least=least)


def _up_by(dose: Dose, value: int) -> int:
    if isinstance(dose, RepsDose):
        return 1 if value < 10 else 2
    if isinstance(dose, TimedDose) and value >= LONG_TIMED:
        return max(30, round(value * 0.1))
    return 2 if value < 10 else 5


def _down_by(dose: Dose, value: int) -> int:
    """The step that, taken up from the lower value, would land on `value` or just past it."""
    if isinstance(dose, TimedDose) and value >= LONG_TIMED:
        return max(30, round(value / 11))
    big, threshold = (2, 10) if isinstance(dose, RepsDose) else (5, 10)
    return big if value - big >= threshold else (1 if isinstance(dose, RepsDose) else 2)


def amount_up(dose: Dose, most: int) -> Dose | None:
    """The dose with one more step of its amount, capped at `most`; None when already there."""
    value = amount(dose)
    if value >= most:
        return None
    return with_amount(dose, min(most, value + _up_by(dose, value)))


def amount_down(dose: Dose, least: int) -> Dose | None:
    """The dose with one step less of its amount, never under `least`; None when already there."""
    value = amount(dose)
    if value <= least:
        return None
    return with_amount(dose, max(least, value - _down_by(dose, value)))


def at_limit(exercise: Exercise, dose: Dose) -> bool:
    """Whether the amount and the sets are both as high as this exercise allows."""
    limit = bounds(exercise, dose)
    return amount(dose) >= limit.most and dose.sets >= limit.most_sets


def step_up(exercise: Exercise, dose: Dose, exercises: dict[str, Exercise]) -> Step | None:
    """One step up: more per set, else another set, else the harder variant; None at the top."""
    limit = bounds(exercise, dose)
    more = amount_up(dose, limit.most)
    if more is not None:
        return Step(exercise.id, more)
    if dose.sets < limit.most_sets:
        return Step(exercise.id, replace(dose, sets=dose.sets + 1))
    harder = exercises.get(exercise.harder) if exercise.harder else None
    if harder is not None:
        return Step(harder.id, harder.dose)
    return None


def step_down(
    exercise: Exercise, dose: Dose, floor: Dose, exercises: dict[str, Exercise], slot: Step | None = None
) -> Step | None:
    """One step down, never below `floor` (the starting dose); below it, the easier variant.

    `slot` is the exercise and dose the routine itself names: moving back to that exercise
    returns to the routine's dose rather than the exercise's own.
    """
    if dose.sets > floor.sets:
        return Step(exercise.id, replace(dose, sets=dose.sets - 1))
    least = max(amount(floor), bounds(exercise, dose).least) if type(floor) is type(dose) else amount(dose)
    less = amount_down(dose, least)
    if less is not None:
        return Step(exercise.id, less)
    easier = exercises.get(exercise.easier) if exercise.easier else None
    if easier is None:
        return None
    if slot is not None and easier.id == slot.exercise_id:
        return slot
    return Step(easier.id, easier.dose)


def gentle(exercise: Exercise, dose: Dose) -> Dose:
    """The dose one step down for one gentle session, down to the exercise's own minimum."""
    if dose.sets > 1:
        return replace(dose, sets=dose.sets - 1)
    return amount_down(dose, bounds(exercise, dose).least) or dose


def describe_amount(dose: Dose) -> str:
    """The part of a dose that steps, in a few words: "10 reps", "hold 12 s", "2 min 30 s"."""
    sets = f" x {dose.sets} sets" if dose.sets > 1 else ""
    if isinstance(dose, RepsDose):
        return f"{dose.reps} reps{sets}"
    if isinstance(dose, HoldDose):
        return f"hold {dose.hold} s{sets}"
    minutes, seconds = divmod(dose.seconds, 60)
    span = (f"{minutes} min" + (f" {seconds} s" if seconds else "")) if minutes else f"{seconds} s"
    return f"{span}{sets}"

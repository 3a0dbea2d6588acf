"""Care notes for exercises, and the filters that leave out what needs care.

An exercise carries `cautions` (pregnancy, osteoporosis, after spinal surgery) and a `floor`
flag in the library. `caution_notes` gives the words to show with an exercise; `plan_fits`
says whether every exercise of a routine suits a chosen care filter, so the routines screen
can leave the others out.
"""

from __future__ import annotations

from typing import Literal

from .models import Caution, Exercise, RoutinePlan

CareFilter = Literal["floor", "pregnancy", "osteoporosis", "spinal-surgery"]
CARE_FILTERS: tuple[CareFilter, ...] = ("floor", "pregnancy", "osteoporosis", "spinal-surgery")
CARE_FILTER_LABELS: dict[CareFilter, str] = {
    "floor": "without floor work",
    "pregnancy": "without pregnancy cautions",
    "osteoporosis": "without osteoporosis cautions",
    "spinal-surgery": "without spinal-surgery cautions",
}

CAUTION_NOTES: dict[Caution, str] = {
    "pregnancy": "Pregnant? Ask your midwife first; from mid-pregnancy avoid lying flat on your back "
    "for long, and lying on your front.",
    "osteoporosis": "Osteoporosis? This bends or twists the spine under load: ask your doctor or "
    "physiotherapist before doing it.",
    "spinal-surgery": "Had spinal surgery in the last few months? Only with your surgical team's go-ahead.",
}


def caution_notes(exercise: Exercise) -> tuple[str, ...]:
    """What to show with an exercise for each caution it carries, in a fixed order."""
    return tuple(CAUTION_NOTES[caution] for caution in CAUTION_NOTES if caution in exercise.cautions)


def exercise_fits(exercise: Exercise, care: CareFilter | None) -> bool:
    if care is None:
        return True
    if care == "floor":
        return not exercise.floor
    return care not in exercise.cautions


def plan_fits(plan: RoutinePlan, care: CareFilter | None) -> bool:
    """Whether every exercise of a routine suits the care filter (None: no filter)."""
    return all(exercise_fits(item.exercise, care) for item in plan.items)


def next_care_filter(current: CareFilter | None) -> CareFilter | None:
    """The filter after `current` in the cycle: none, then each filter in turn, then none."""
    cycle: tuple[CareFilter | None, ...] = (None, *CARE_FILTERS)
    return cycle[(cycle.index(current) + 1) % len(cycle)]


CAUTION_PHRASES: dict[Caution, str] = {
    "pregnancy": "in pregnancy",
    "osteoporosis": "with osteoporosis",
    "spinal-surgery": "after spinal surgery",
}


def care_summary(plan: RoutinePlan) -> str:
    """One line on a routine's floor work and cautions, e.g. for the routines screen."""
    exercises = [item.exercise for item in plan.items]
    on_floor = sum(exercise.floor for exercise in exercises)
    floor = f"Floor work: {on_floor} of {len(exercises)} exercises." if on_floor else "No floor work."
    counts = {caution: sum(caution in exercise.cautions for exercise in exercises) for caution in CAUTION_PHRASES}
    needing = [f"{CAUTION_PHRASES[caution]} ({count})" for caution, count in counts.items() if count]
    if not needing:
        return floor
    return f"{floor} Needs care {', '.join(needing)}: see the guide (g)."

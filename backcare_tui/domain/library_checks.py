"""Care checks on library content that the schema alone cannot express.

Each check returns `(location, message)` pairs; the loader turns them into problems naming the
file. They keep the labels honest and the care notes complete:

- "strengthen" means core or buttock muscles, as in the founding leaflet: an exercise labelled
  so must name one of them among its targets (neck, shoulder or hip-flexor work is stretch or
  mobilise);
- an exercise done lying or kneeling says `floor = true`, and one lying on the back or front
  carries the pregnancy caution;
- dose source keys must be among the file's `sources`;
- a routine's elements are exactly those its exercises cover, no more and no fewer;
- text is text: no key or value holds a control character (escape, bell, ...) other than
  newline and tab, which could drive the terminal it is shown on.
"""

from __future__ import annotations

from typing import Any

from .models import Exercise, Routine, RoutinePlan
from .wording import control_characters, printable

CORE_AND_GLUTE_TARGETS = frozenset(
    {
        "abdominals",
        "deep abdominals",
        "pelvic floor",
        "trunk",
        "trunk control",
        "side of the trunk",
        "obliques",
        "quadratus lumborum",
        "back muscles",
        "pelvis control",
        "buttocks",
        "outer buttock",
    }
)
"""Targets that count as core or glutes: what "strengthen" means in the leaflet."""

FLOOR_POSITIONS = ("lying", "hands and knees", "kneeling", "all fours")
LYING_ON_BACK_OR_FRONT = ("lying on your back", "lying on your front")

Finding = tuple[str, str]


def check_exercise(exercise: Exercise) -> list[Finding]:
    findings: list[Finding] = []
    if "strengthen" in exercise.elements and not CORE_AND_GLUTE_TARGETS.intersection(exercise.targets):
        findings.append(
            (
                "elements",
                "is labelled strengthen but none of its targets is a core or buttock muscle "
                f"({', '.join(sorted(CORE_AND_GLUTE_TARGETS))}); strengthening means core and "
                "glutes, so label neck, shoulder or hip-flexor work stretch or mobilise",
            )
        )
    position = exercise.position.lower()
    on_floor = any(word in position for word in FLOOR_POSITIONS)
    if on_floor and not exercise.floor:
        findings.append(("floor", "the position is on the floor; add `floor = true`"))
    if exercise.floor and not on_floor:
        findings.append(("floor", "says floor work but the position is not lying or kneeling; fix one of them"))
    if any(phrase in position for phrase in LYING_ON_BACK_OR_FRONT) and "pregnancy" not in exercise.cautions:
        findings.append(("cautions", 'lying on the back or front needs care in pregnancy; add "pregnancy" to cautions'))
    findings += _unknown_keys("dose_sources", exercise.dose_sources, exercise.sources)
    return findings


def check_routine(routine: Routine, plan: RoutinePlan) -> list[Finding]:
    """Whether a routine's claims match its exercises; the steps' dose sources are known keys."""
    findings: list[Finding] = []
    covered = plan.elements
    unmet = [element for element in routine.elements if element not in covered]
    if unmet:
        findings.append(
            (
                "elements",
                f"claims {', '.join(unmet)} but none of its exercises cover it; "
                "add such an exercise or remove the claim",
            )
        )
    unclaimed = [element for element in covered if element not in routine.elements]
    if unclaimed:
        findings.append(
            (
                "elements",
                f"its exercises also cover {', '.join(unclaimed)}, which it does not claim; "
                "labels must match what the exercises do, so add it to elements",
            )
        )
    for index, (step, item) in enumerate(zip(routine.steps, plan.items, strict=True)):
        known = (*routine.sources, *item.exercise.sources)
        findings += _unknown_keys(f"steps[{index}].dose_sources", step.dose_sources, known)
    return findings


def _unknown_keys(location: str, keys: tuple[str, ...], known: tuple[str, ...]) -> list[Finding]:
    """Keys that are not among `known`, each named once, as are the known ones."""
    unknown = [key for key in dict.fromkeys(keys) if key not in known]
    if not unknown:
        return []
    listed = ", ".join(dict.fromkeys(known))
    return [(location, f"names {', '.join(unknown)}, not among its sources ({listed}); add it there")]


def check_text(data: dict[str, Any]) -> list[Finding]:
    """Keys and text values holding control characters, wherever they are in a file."""
    from .library_errors import key_text  # its JSON quoting is imported only when a file needs it

    findings: list[Finding] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        location, value = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                place = f"{location}.{key_text(key)}" if location else key_text(key)
                found = control_characters(key)
                if found:
                    findings.append((printable(place), f"the key {_has(found)}; rename it"))
                stack.append((place, item))
        elif isinstance(value, list):
            stack.extend((f"{location}[{index}]", item) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str) and (found := control_characters(value)):
            findings.append((printable(location), f"{_has(found)}; remove it, only newlines and tabs are allowed"))
    return findings


def _has(found: list[str]) -> str:
    names = ", ".join(dict.fromkeys(found))
    return (
        f"contains a control character ({names})" if len(set(found)) == 1 else f"contains control characters ({names})"
    )

"""Build routine plans straight from doses, without reading the exercise library.

plan = make_plan(hold(5, reps=3), reps(10, tempo=2), get_ready=5, rest_between=15)
"""

from __future__ import annotations

from backcare_tui.domain.models import (
    Dose,
    Exercise,
    HoldDose,
    PlannedExercise,
    RepsDose,
    Routine,
    RoutinePlan,
    RoutineStep,
    TimedDose,
)


def hold(seconds: int, *, reps: int = 1, relax: int = 3, **common: object) -> HoldDose:
    return HoldDose(hold=seconds, reps=reps, relax=relax, **common)


def reps(count: int, *, tempo: int = 3, **common: object) -> RepsDose:
    return RepsDose(reps=count, tempo=tempo, **common)


def timed(seconds: int, **common: object) -> TimedDose:
    return TimedDose(seconds=seconds, **common)


def make_exercise(exercise_id: str, dose: Dose) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        elements=("mobilise",),
        summary="A test exercise.",
        targets=("lower back",),
        position="Lying on your back.",
        steps=("Get into position.", "Move gently.", "Return to the start."),
        safety=("Stop if it hurts.",),
        dose=dose,
        sources=("Test source.",),
    )


def make_plan(
    *doses: Dose,
    get_ready: int = 5,
    rest_between: int = 15,
    routine_id: str = "test-routine",
) -> RoutinePlan:
    """A plan with one exercise per dose, named exercise-1, exercise-2, ..."""
    items = tuple(
        PlannedExercise(exercise=make_exercise(f"exercise-{n}", dose), dose=dose)
        for n, dose in enumerate(doses, start=1)
    )
    routine = Routine(
        id=routine_id,
        name="Test routine",
        description="A routine for tests.",
        elements=("mobilise",),
        steps=tuple(RoutineStep(exercise=item.exercise.id) for item in items),
        get_ready=get_ready,
        rest_between=rest_between,
        sources=("Test source.",),
    )
    return RoutinePlan(routine=routine, items=items)

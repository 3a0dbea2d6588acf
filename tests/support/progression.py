"""A small library and session builder for the progression rules, independent of the bundled files."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from backcare_tui.domain.library import Library
from backcare_tui.domain.models import (
    Dose,
    Exercise,
    ExerciseResult,
    ExerciseStatus,
    HoldDose,
    Limits,
    NextMorning,
    RepsDose,
    Routine,
    RoutineStep,
    SessionRecord,
    SessionStatus,
    TimedDose,
)

TODAY = date(2026, 3, 20)


def exercise(
    exercise_id: str,
    dose: Dose,
    *,
    elements: tuple[str, ...] = ("strengthen",),
    easier: str | None = None,
    harder: str | None = None,
    limits: Limits | None = None,
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        elements=elements,  # type: ignore[arg-type]
        summary="A test exercise.",
        targets=("back",),
        position="Lying down",
        steps=("One.", "Two.", "Three."),
        safety=("Go gently.",),
        easier=easier,
        harder=harder,
        dose=dose,
        sources=("NHS",),
        limits=limits or Limits(),
    )


def routine(routine_id: str, *steps: tuple[str, Dose | None], next_stage: str | None = None, level: int = 1) -> Routine:
    return Routine(
        id=routine_id,
        name=routine_id.capitalize(),
        description="A test routine.",
        elements=("strengthen",),
        steps=tuple(RoutineStep(exercise=exercise_id, dose=dose) for exercise_id, dose in steps),
        sources=("NHS",),
        level=level,
        next_stage=next_stage,
    )


BRIDGE = RepsDose(reps=8, tempo=3)


def small_library() -> Library:
    exercises = [
        exercise("bridge", RepsDose(reps=10, tempo=3), easier="tilt", harder="one-leg-bridge"),
        exercise("one-leg-bridge", RepsDose(reps=5, tempo=3), easier="bridge"),
        exercise("tilt", RepsDose(reps=6, tempo=3)),
        exercise("stretch", HoldDose(hold=8, reps=3), elements=("stretch",)),
        exercise("walk", TimedDose(seconds=600), elements=("activity",)),
        exercise("plank", TimedDose(seconds=20)),
    ]
    routines = [
        routine("core", ("bridge", BRIDGE), ("stretch", None), next_stage="strong", level=2),
        routine("strong", ("one-leg-bridge", None), ("plank", None), level=3),
        routine("flare-up-gentle", ("tilt", None), next_stage="core"),
        routine("walks", ("walk", None)),
    ]
    return Library(exercises={e.id: e for e in exercises}, routines={r.id: r for r in routines})


def result(exercise_id: str, dose: Dose, status: ExerciseStatus = "done") -> ExerciseResult:
    return ExerciseResult(exercise_id=exercise_id, dose=dose, planned_seconds=float(dose.work_seconds), status=status)


def session(
    days_ago: int,
    before: int | None = 2,
    after: int | None = 2,
    *,
    routine_id: str = "core",
    results: tuple[ExerciseResult, ...] | None = None,
    status: SessionStatus = "completed",
    hurt: str | None = None,
    morning: NextMorning | None = None,
    hour: int = 9,
) -> SessionRecord:
    started = datetime.combine(TODAY - timedelta(days=days_ago), time(hour), tzinfo=UTC)
    if results is None:
        results = (result("bridge", BRIDGE), result("stretch", HoldDose(hold=8, reps=3)))
    return SessionRecord(
        id=f"s-{days_ago}-{hour}",
        routine_id=routine_id,
        routine_name=routine_id,
        started_at=started,
        ended_at=started + timedelta(minutes=10),
        status=status,
        exercises=results,
        active_seconds=300.0,
        pain_before=before,
        pain_after=after,
        hurt_exercise=hurt,
        next_morning=morning,
    )


def at(days_ago: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), time(hour), tzinfo=UTC)

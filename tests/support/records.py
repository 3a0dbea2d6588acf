"""Realistic session records for tests and benchmarks, reproducible from a seed."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import (
    Dose,
    ExerciseResult,
    HoldDose,
    RepsDose,
    RoutinePlan,
    SessionRecord,
    TimedDose,
    replace,
)
from backcare_tui.paths import builtin_library_dir

DEFAULT_START = datetime(2024, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))

ROUTINES = (
    ("nhs-daily", "Daily back set"),
    ("flare-up-gentle", "Gentle flare-up set"),
    ("strength-progressed", "Progressed strength"),
    ("desk-break", "Desk break"),
    ("morning-mobility", "Morning mobility"),
)
EXERCISES: tuple[tuple[str, Dose], ...] = (
    ("bottom-to-heels", HoldDose(hold=5, reps=8)),
    ("knee-rolls", RepsDose(reps=10, tempo=6)),
    ("sphinx", HoldDose(hold=8, reps=8, relax=4)),
    ("abdominal-brace", HoldDose(hold=10, reps=5)),
    ("pelvic-tilt", RepsDose(reps=12)),
    ("single-knee-to-chest", HoldDose(hold=20, reps=3, per_side=True)),
    ("glute-bridge", RepsDose(reps=10, tempo=4, sets=2, rest=30)),
    ("bird-dog", HoldDose(hold=4, reps=10, sets=2, per_side=True)),
    ("front-plank", TimedDose(seconds=25, sets=2, rest=30)),
    ("cat-camel", RepsDose(reps=8, tempo=5)),
    ("hamstring-stretch", HoldDose(hold=30, reps=2, per_side=True)),
    ("walking", TimedDose(seconds=600)),
)
_SESSION_STATUSES = ("completed",) * 8 + ("stopped", "stopped_for_pain")


def _result(rng: random.Random, exercise_id: str, dose: Dose, status: str) -> ExerciseResult:
    planned = float(dose.work_seconds)
    if status == "not_started":
        return ExerciseResult(exercise_id=exercise_id, dose=dose, planned_seconds=planned)
    share = 1.0 if status == "done" else rng.uniform(0.1, 0.9) if status == "partial" else 0.0
    reps = dose.reps if isinstance(dose, HoldDose | RepsDose) else 1
    return ExerciseResult(
        exercise_id=exercise_id,
        dose=dose,
        planned_seconds=planned,
        active_seconds=planned * share + rng.uniform(-1.5, 1.5) * (share > 0),
        reps_done=round(reps * share) if isinstance(dose, HoldDose | RepsDose) else 0,
        sets_done=round(dose.sets * share),
        sides_done=dose.full_counts.sides if share == 1.0 else 0,
        status=status,
    )


def make_record(rng: random.Random, started_at: datetime, exercises_per_session: int = 10) -> SessionRecord:
    """One session as the engine would record it."""
    routine_id, routine_name = rng.choice(ROUTINES)
    status = rng.choice(_SESSION_STATUSES)
    stop_at = exercises_per_session if status == "completed" else rng.randrange(1, exercises_per_session + 1)
    results = []
    for index in range(exercises_per_session):
        exercise_id, dose = EXERCISES[(index + rng.randrange(3)) % len(EXERCISES)]
        result_status = "done" if index < stop_at - 1 or status == "completed" else "partial"
        if index >= stop_at:
            result_status = "not_started"
        elif rng.random() < 0.05:
            result_status = "skipped"
        results.append(_result(rng, exercise_id, dose, result_status))
    active = sum(result.active_seconds for result in results)
    rest = 15.0 * (stop_at - 1) + rng.uniform(0, 3)
    paused = rng.choice((0.0, 0.0, 0.0, rng.uniform(5, 120)))
    pain_before = rng.randint(1, 7)
    return SessionRecord(
        id=f"{rng.getrandbits(128):032x}",
        routine_id=routine_id,
        routine_name=routine_name,
        started_at=started_at,
        ended_at=started_at + timedelta(seconds=active + rest + paused),
        status=status,
        exercises=tuple(results),
        active_seconds=active,
        rest_seconds=rest,
        paused_seconds=paused,
        pain_before=pain_before,
        pain_after=max(0, min(10, pain_before + rng.choice((-2, -1, -1, 0, 0, 1, 3 * (status == "stopped_for_pain"))))),
        note=rng.choice(("",) * 9 + ("Stiff this morning, eased off after the knee rolls.",)),
    )


def make_records(
    n: int, exercises_per_session: int = 10, seed: int = 0, start: datetime = DEFAULT_START
) -> list[SessionRecord]:
    """`n` sessions about a day apart from `start`, oldest first."""
    rng = random.Random(seed)
    records = []
    moment = start
    for _ in range(n):
        records.append(make_record(rng, moment, exercises_per_session))
        moment += timedelta(
            hours=rng.choice((20, 24, 24, 28, 48)), minutes=rng.randrange(60), seconds=rng.randrange(60)
        )
    return records


# -- sessions made by the real engine over the bundled routines ---------------------------

NOTES = (
    "Stiff this morning, eased off after the knee rolls.",
    "Did it after the school run.",
    "Left side tighter than the right.",
    "Good one.",
)
# How sessions end, by weight: most complete; some skip or cut short an exercise; some stop.
OUTCOMES = {"completed": 70, "paused": 8, "skips": 8, "partial": 6, "stopped": 6, "stopped_for_pain": 2}


def _bundled_plans() -> list[RoutinePlan]:
    return load_library([builtin_library_dir()]).plans()


def _play(engine: SessionEngine, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    engine.tick()


def _finish_exercise(engine: SessionEngine, clock: FakeClock, index: int) -> None:
    """Let time run until the engine leaves exercise `index` (or the session ends)."""
    while not engine.finished:
        view = engine.view()
        if view.index != index:
            return
        _play(engine, clock, view.remaining + 0.05)


def _drive(rng: random.Random, engine: SessionEngine, clock: FakeClock, outcome: str) -> None:
    plan = engine.plan
    engine.start()
    count = len(plan.items)
    if outcome in ("completed", "paused"):
        if outcome == "paused":
            _play(engine, clock, rng.uniform(10, plan.estimated_seconds - 10))
            engine.pause()
            clock.advance(rng.uniform(5, 180))
            engine.resume()
        _play(engine, clock, plan.estimated_seconds + rng.uniform(0, 5))
        return
    odd = rng.randrange(count)
    for index, item in enumerate(plan.items):
        if engine.finished:
            return
        if outcome == "skips" and (index == odd or rng.random() < 0.1):
            engine.next_exercise()
        elif outcome == "partial" and index == odd:
            _play(engine, clock, 10 + rng.uniform(0.2, 0.8) * item.planned_seconds)
            engine.next_exercise()
        elif outcome.startswith("stopped") and index == odd:
            _play(engine, clock, rng.uniform(0, 10 + 0.8 * item.planned_seconds))
            engine.stop() if outcome == "stopped" else engine.stop_for_pain()
            return
        else:
            _finish_exercise(engine, clock, index)


def engine_records(n: int, seed: int = 0, start: datetime = DEFAULT_START) -> list[SessionRecord]:
    """`n` sessions about a day apart, oldest first, each made by running the real engine
    with a fake clock over a bundled routine, with the pain scores and notes the app adds."""
    rng = random.Random(seed)
    plans = _bundled_plans()
    clock = FakeClock(start)
    outcomes, weights = zip(*OUTCOMES.items(), strict=True)
    records = []
    moment = start
    for _ in range(n):
        clock.set_wall(moment)
        engine = SessionEngine(rng.choice(plans), clock, session_id=f"{rng.getrandbits(128):032x}")
        outcome = rng.choices(outcomes, weights)[0]
        _drive(rng, engine, clock, outcome)
        if not engine.finished:
            engine.stop()
        pain_before = rng.choice((None, *range(0, 8)))
        worse = outcome == "stopped_for_pain"
        pain_after = (
            None if pain_before is None else max(0, min(10, pain_before + rng.choice((-2, -1, 0, 0, 1 + 3 * worse))))
        )
        note = rng.choice(NOTES) if rng.random() < 0.1 else ""
        records.append(replace(engine.record(), pain_before=pain_before, pain_after=pain_after, note=note))
        moment += timedelta(
            hours=rng.choice((20, 24, 24, 28, 48)), minutes=rng.randrange(60), seconds=rng.randrange(60)
        )
    return records

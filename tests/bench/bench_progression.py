"""How long the plan takes over years of history: the routines screen and `status` ask for it.

python tests/bench/run.py progression
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import date, timedelta

from backcare_tui.domain.library import Library, load_library
from backcare_tui.domain.models import ExerciseResult, SessionRecord, replace
from backcare_tui.domain.nudge import return_nudge, routine_kinds
from backcare_tui.domain.progression import plan
from backcare_tui.paths import builtin_library_dir
from tests.support.records import make_records

SESSIONS = 10_000
REPEATS = 20


def _as_routines_run_them(records: list[SessionRecord], library: Library) -> list[SessionRecord]:
    """The generated sessions with each routine's own exercises and doses, as the engine records them."""
    rng = random.Random(1)
    routed = []
    for record in records:
        items = library.plan(record.routine_id).items
        results = tuple(
            ExerciseResult(
                exercise_id=item.exercise.id,
                dose=item.dose,
                planned_seconds=float(item.planned_seconds),
                active_seconds=float(item.planned_seconds),
                status="done" if record.status == "completed" or rng.random() < 0.5 else "not_started",
            )
            for item in items
        )
        routed.append(replace(record, exercises=results))
    return routed


def _time(records: list[SessionRecord], library: Library, today: date) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        began = time.perf_counter()
        result = plan(records, (), (), (), library, today)
        best = min(best, time.perf_counter() - began)
    assert result.suggestions
    return best * 1000


def run() -> Iterator[tuple[str, float, str]]:
    library = load_library([builtin_library_dir()])
    generated = make_records(SESSIONS)
    today = generated[-1].started_at.date() + timedelta(days=1)
    newest_first = generated[::-1]
    yield "progression_plan_10000", _time(newest_first, library, today), "ms"
    routed = _as_routines_run_them(newest_first, library)
    yield "progression_plan_10000_routine_exercises", _time(routed, library, today), "ms"
    kinds = routine_kinds(library.routines.values())
    best = float("inf")
    for _ in range(REPEATS):
        began = time.perf_counter()
        return_nudge(generated, today, kinds)
        best = min(best, time.perf_counter() - began)
    yield "return_nudge_10000", best * 1000, "ms"

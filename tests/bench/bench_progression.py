"""How long the plan takes over years of history: the routines screen and `status` ask for it.

python tests/bench/run.py progression

Targets: the plan at 10,000 sessions in 50 ms or less; `backcare-tui status` at 10,000
sessions in 300 ms or less, the whole process from start to exit (the median of several runs,
beside a bare `python -c pass` measured in the same run).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta

from backcare_tui.domain.library import Library, load_library
from backcare_tui.domain.models import ExerciseResult, SessionRecord, replace
from backcare_tui.domain.nudge import return_nudge, routine_kinds
from backcare_tui.domain.progression import plan
from backcare_tui.paths import builtin_library_dir
from backcare_tui.storage.snapshot import read_snapshot
from tests.support.programme import write_at_once
from tests.support.records import make_records

SESSIONS = 10_000
REPEATS = 20
PROCESS_RUNS = 9


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
    yield from run_commands()


def _process_ms(argv: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(PROCESS_RUNS):
        began = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def run_commands() -> Iterator[tuple[str, float, str]]:
    """`status` and `plan --json` as a person runs them, over 10,000 sessions ending yesterday."""
    library = load_library([builtin_library_dir()])
    generated = _as_routines_run_them(make_records(SESSIONS)[::-1], library)
    shift = time.time() - generated[0].started_at.timestamp() - 20 * 3600
    records = [
        replace(
            r,
            started_at=r.started_at + timedelta(seconds=shift),
            ended_at=r.ended_at + timedelta(seconds=shift) if r.ended_at else None,
        )
        for r in generated
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = write_at_once(os.path.join(folder, "history.json"), records)
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            read_snapshot(path, recent=True)
            best = min(best, time.perf_counter() - began)
        yield "status_snapshot_read_10000", best * 1000, "ms"
        env = {**os.environ, "BACKCARE_TUI_CONFIG_DIR": os.path.join(folder, "config")}
        yield "python_bare_process", _process_ms([sys.executable, "-c", "pass"], env), "ms"
        command = [sys.executable, "-m", "backcare_tui"]
        yield "status_process_10000", _process_ms([*command, "status", "--db", str(path)], env), "ms"
        yield "plan_json_process_10000", _process_ms([*command, "plan", "--json", "--db", str(path)], env), "ms"

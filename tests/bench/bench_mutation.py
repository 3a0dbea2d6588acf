"""Mutation score of `backcare_tui/domain/` against the unit tests, per file and in all.

    python tests/bench/run.py mutation                 # run mutmut, then print the scores
    BACKCARE_MUTATION_REUSE=1 python tests/bench/run.py mutation   # print the last run's scores

Runs `mutmut run` (configured in pyproject.toml) from the project root; on two cores a full run
judges about 6,400 mutants at about 4 a second (27 minutes with the cores shared) and later runs
much less, because mutmut keeps the verdicts of mutants whose function did not change. A mutant
counts as caught when a test failed, timed out or crashed with it; "no tests" and "survived"
count against the score.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
META = ROOT / "mutants" / "backcare_tui" / "domain"
# mutmut's exit codes: 1 and 3 are failures (caught), timeouts and crashes are caught too.
CAUGHT = {1, 3, 36, -24, 24, 152, 255, -11, -9, 37}
UNCAUGHT = {0, 5, 33}


def _run_mutmut() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def scores() -> dict[str, tuple[int, int]]:
    """(caught, judged) per domain file name, from the verdicts mutmut stored."""
    result: dict[str, tuple[int, int]] = {}
    for meta in sorted(META.glob("*.py.meta")):
        verdicts = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        judged = [code for code in verdicts if code in CAUGHT or code in UNCAUGHT]
        if judged:
            result[meta.name.removesuffix(".meta")] = (sum(code in CAUGHT for code in judged), len(judged))
    return result


def run() -> Iterator[tuple[str, float | int, str]]:
    if not os.environ.get("BACKCARE_MUTATION_REUSE"):
        yield "mutation_run_seconds", _run_mutmut(), "s"
    table = scores()
    for name, (caught, judged) in table.items():
        yield f"mutation_{name.removesuffix('.py')}", 100 * caught / judged, f"% of {judged}"
    caught = sum(c for c, _ in table.values())
    judged = sum(j for _, j in table.values())
    if judged:
        yield "mutation_domain", 100 * caught / judged, f"% of {judged}"

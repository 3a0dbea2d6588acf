"""Run every benchmark and print one line per figure: `name value unit`.

    python tests/bench/run.py            # all of them
    python tests/bench/run.py storage    # only bench_storage.py
    python tests/bench/run.py mutation   # the mutation score per domain file (slow: never in "all")

Each `tests/bench/bench_*.py` module exposes `run()`, a generator of (name, value, unit).
Benchmarks measure; they never fail a build. The issue targets are checked by reading them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Areas that take minutes: run only when named.
SLOW = {"mutation"}


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for path in sorted(HERE.glob("bench_*.py")):
        area = path.stem.removeprefix("bench_")
        if (wanted and area not in wanted) or (not wanted and area in SLOW):
            continue
        for name, value, unit in _load(path).run():
            print(f"{name} {value:.4g} {unit}" if isinstance(value, float) else f"{name} {value} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

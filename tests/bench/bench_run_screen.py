"""CPU of a running routine with its figure moving, on its own (the app bench measures it too).

    python tests/bench/run.py run_screen

The same two measurements as `bench_app.py`: a headless app and the real program in a
pseudo-terminal, each over ten seconds of the first exercise's reps with the figure moving.
Target: 2% of one core or less. `run_figure_frames` is how many new pictures it drew, and
`run_screen_refreshes` how many times the screen woke up to update what it shows.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.bench.bench_app import CPU_SECONDS, process_run_cpu, running_routine_cpu, write_history


def run() -> Iterator[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        share, frames = asyncio.run(running_routine_cpu(folder))
        yield "run_cpu_share", share * 100, "%"
        yield "run_figure_frames", float(frames), f"frames in {CPU_SECONDS:.0f} s"
        yield "run_cpu_share_terminal", process_run_cpu(write_history(folder / "cpu-terminal.json")) * 100, "%"

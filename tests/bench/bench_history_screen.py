"""How long a person waits for the history screen, table and charts, at 1,000 to 50,000 sessions.

    python tests/bench/run.py history_screen

Targets: the history screen with its charts open in 300 ms or less at 10,000 sessions and
500 ms or less at 50,000. For each size, in a headless app at 100x32 whose today is the day of
the latest session (sessions made by the real engine, about one a day):
- `history_table_first_N`: the first `h` after start-up, to the table painted and idle;
- `history_table_N`: the median of the later opens;
- `history_charts_N`: pressing `c` on it, to the charts drawn and idle (median);
- `history_with_charts_N`: `h` then `c`, what a person waits for in all (median);
- `history_with_charts_cpu_N`: the processor time of that, which other programs running on
  the same machine change far less than the wall time.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.paths import CONFIG_ENV
from backcare_tui.widgets.progress_charts import ProgressCharts
from tests.bench.bench_app import SIZE, write_history
from tests.support.records import engine_records

SIZES = (1_000, 10_000, 50_000)
TRIES = 5


async def open_history(db: Path, now: datetime) -> dict[str, float]:
    """Seconds to the table and to the charts: the first open, then medians of the others."""
    from backcare_tui.screens.history import HistoryScreen

    clock = FakeClock(now)
    app = make_app(db_path=db, clock=clock, today=lambda: clock.wall().date())
    tables: list[float] = []
    charts: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(TRIES + 1):
            began, began_cpu = time.perf_counter(), time.process_time()
            await pilot.press("h")
            await pilot.pause()
            shown = time.perf_counter()
            assert isinstance(app.screen, HistoryScreen) and app.screen.records, "history did not open"
            await pilot.press("c")
            await pilot.pause()
            drawn, drawn_cpu = time.perf_counter(), time.process_time()
            assert app.screen.query_one(ProgressCharts).progress is not None, "the charts were not drawn"
            tables.append(shown - began)
            charts.append(drawn - shown)
            cpu.append(drawn_cpu - began_cpu)
            await pilot.press("escape")
            await pilot.pause()
    later = range(1, TRIES + 1)
    return {
        "table_first": tables[0],
        "table": statistics.median(tables[index] for index in later),
        "charts": statistics.median(charts[index] for index in later),
        "with_charts": statistics.median(tables[index] + charts[index] for index in later),
        "with_charts_cpu": statistics.median(cpu[index] for index in later),
    }


def run() -> Iterator[tuple[str, float, str]]:
    records = engine_records(max(SIZES))
    latest = max(record.started_at for record in records)
    with tempfile.TemporaryDirectory() as folder:
        # A user's settings after a first run, the weekly check-in off: nothing stands before `h`.
        config = Path(folder) / "config"
        config.mkdir()
        (config / "settings.json").write_text('{"safety_acknowledged": true, "weekly_checkin": false}')
        os.environ[CONFIG_ENV] = str(config)
        for count in SIZES:
            db = write_history(Path(folder) / f"history-{count}.json", records[-count:])
            figures = asyncio.run(open_history(db, latest + timedelta(hours=2)))
            for name, seconds in figures.items():
                yield f"history_{name}_{count}", seconds * 1000, "ms"

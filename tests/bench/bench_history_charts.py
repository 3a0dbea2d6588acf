"""The history screen with its progress charts at 10,000 sessions (target: 300 ms or less).

    python tests/bench/run.py history_charts

Three figures, each the median of several tries, in a headless app at 100x32 whose today is
the day of the latest session:
- `history_open_10000`: pressing `h` to the history screen shown and idle (charts hidden);
- `history_charts_10000`: pressing `c` on it to the charts drawn and idle;
- `history_with_charts_10000`: both, one after the other: what a person waits for in all.
Also `progress_data_10000`, the chart data alone.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.progress import progress
from backcare_tui.widgets.progress_charts import ProgressCharts
from tests.bench.bench_app import SIZE, write_history
from tests.support.records import engine_records

SESSIONS = 10_000
TRIES = 5


async def open_with_charts(db: Path, now: datetime) -> tuple[float, float]:
    clock = FakeClock(now)  # today is the day of the latest session, as for a person using the app
    app = make_app(db_path=db, clock=clock, today=lambda: clock.wall().date())
    opens, charts = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(TRIES):
            began = time.perf_counter()
            await pilot.press("h")
            await pilot.pause()
            shown = time.perf_counter()
            await pilot.press("c")
            await pilot.pause()
            done = time.perf_counter()
            assert app.screen.query_one(ProgressCharts).progress is not None, "the charts were not drawn"
            opens.append(shown - began)
            charts.append(done - shown)
            await pilot.press("escape")
            await pilot.pause()
    return statistics.median(opens), statistics.median(charts)


def run() -> Iterator[tuple[str, float, str]]:
    records = engine_records(SESSIONS)
    today = max(record.started_at for record in records).date()
    times = []
    for _ in range(TRIES):
        began = time.perf_counter()
        progress(records, today)
        times.append(time.perf_counter() - began)
    yield f"progress_data_{SESSIONS}", statistics.median(times) * 1000, "ms"
    with tempfile.TemporaryDirectory() as folder:
        db = write_history(Path(folder) / "history.json", records)
        latest = max(record.started_at for record in records)
        opened, charts = asyncio.run(open_with_charts(db, latest + timedelta(hours=2)))
    yield f"history_open_{SESSIONS}", opened * 1000, "ms"
    yield f"history_charts_{SESSIONS}", charts * 1000, "ms"
    yield f"history_with_charts_{SESSIONS}", (opened + charts) * 1000, "ms"

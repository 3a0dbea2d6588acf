"""How long the printable report takes at 10,000 sessions (target: 2 s or less).

    python tests/bench/run.py report

Measures the whole command as a person runs it, on a history file written in one go:
opening the file read-only, loading the library, building the HTML and writing it. Also the
HTML alone from records already in memory, and the report over every session (--since the
first day), which draws the most points.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from datetime import date
from io import StringIO
from pathlib import Path

from backcare_tui.__main__ import main
from backcare_tui.report import ReportData, render_report
from tests.bench.bench_app import write_history
from tests.support.progress import dose_changes, weekly_checkins
from tests.support.records import engine_records

SESSIONS = 10_000
RUNS = 5


def _best(run: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times), statistics.median(times)


def run() -> Iterator[tuple[str, float, str]]:
    records = engine_records(SESSIONS)
    today = max(record.started_at for record in records).date()
    data = ReportData(records, today, None, weekly_checkins(), dose_changes())
    everything = ReportData(records, today, records[0].started_at.date(), weekly_checkins(), dose_changes())
    best, median = _best(lambda: render_report(data))
    yield "report_html_10000", best * 1000, "ms"
    best, median = _best(lambda: render_report(everything))
    yield "report_html_10000_all_time", best * 1000, "ms"
    with tempfile.TemporaryDirectory() as folder:
        db = write_history(Path(folder) / "history.json", records)
        out = Path(folder) / "report.html"
        args = ["report", "--db", str(db), "--output", str(out)]

        def command() -> None:
            with redirect_stdout(StringIO()):
                assert main(args) == 0

        best, median = _best(command)
        yield "report_command_10000", best * 1000, "ms"
        yield "report_command_10000_median", median * 1000, "ms"
        since = ["--since", date(2000, 1, 1).isoformat()]
        args = [*args, *since]
        best, median = _best(command)
        yield "report_command_10000_all_time", best * 1000, "ms"

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

The headless figures include the test harness's own waits for the app to go idle (at least
20 ms a wait), so they overstate the wait. What a person sees is measured on the real program
in a terminal of the same size, at 10,000 and 50,000 sessions ending two days ago: the
`history_terminal_*` figures are from the key to the screen showing the table (`h`), the
charts (`c`) and both, the first time (`h` pressed 1.5 s after the history showed on the
routines screen, `c` 50 ms after the table) and then the median of the later opens, with the
program's processor time for both (`*_cpu*`, in steps of 10 ms). These are the figures the
targets are read against; on a machine shared with other work the wall times vary by 50 ms
or more from run to run, the processor times far less.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.models import SessionRecord
from backcare_tui.paths import CONFIG_ENV
from backcare_tui.widgets.progress_charts import ProgressCharts
from tests.bench.bench_app import FIRST_SCREEN, HISTORY_SHOWN, SIZE, Terminal, _startup_env, write_history
from tests.support.records import DEFAULT_START, engine_records

SIZES = (1_000, 10_000, 50_000)
TRIES = 5
TERMINAL_SIZES = (10_000, 50_000)
TABLE_SHOWN = b"Total min"  # the table's heading
CHARTS_SHOWN = b"Minutes a week"  # the charts' tabs
FIRST_LOOK = 1.5  # seconds from the history shown on the routines screen to the first `h`


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


def records_ending_lately(count: int, made: list[SessionRecord]) -> list[SessionRecord]:
    """`count` sessions a day or so apart, the latest two days ago: a daily user's history, and
    past the hours in which the app asks how the back is the morning after. `made` is
    `engine_records` of `count` or more, whose first `count` span the same time."""
    span = made[count - 1].started_at - DEFAULT_START
    lately = datetime.now(UTC) - timedelta(days=2)
    return engine_records(count, start=lately - span)


def _key_to(terminal: Terminal, key: bytes, marker: bytes) -> float:
    """Seconds from typing `key` to `marker` printed."""
    terminal.output = b""
    began = time.perf_counter()
    os.write(terminal.fd, key)
    terminal.read_until(marker)
    return time.perf_counter() - began


def terminal_opens(db: Path, config: Path) -> dict[str, float]:
    """`h` then `c` on the real program, back with `h`: the first open, then medians of the others.

    A first, untimed run compiles the bytecode and fills the library cache, as an installed
    program has them.
    """
    env = {**_startup_env(db), CONFIG_ENV: str(config)}
    tables: list[float] = []
    charts: list[float] = []
    cpu: list[float] = []
    for timed in (False, True):
        terminal = Terminal([sys.executable, "-m", "backcare_tui"], env)
        try:
            terminal.read_until(HISTORY_SHOWN)
            for attempt in range(TRIES + 1 if timed else 1):
                # a look at the routines first: a second and a half after start, 0.3 s later on
                settle_until = time.perf_counter() + (FIRST_LOOK if attempt == 0 else 0.3)
                while time.perf_counter() < settle_until:
                    terminal.drain(0.05)
                began_cpu = terminal.cpu_seconds()
                table = _key_to(terminal, b"h", TABLE_SHOWN)
                terminal.drain(0.05)  # a person reads the table before pressing `c`
                chart = _key_to(terminal, b"c", CHARTS_SHOWN)
                if timed:
                    tables.append(table)
                    charts.append(chart)
                    cpu.append(terminal.cpu_seconds() - began_cpu)
                _key_to(terminal, b"h", FIRST_SCREEN)
        finally:
            terminal.kill()
    later = range(1, TRIES + 1)
    return {
        "table_first": tables[0],
        "with_charts_first": tables[0] + charts[0],
        "table": statistics.median(tables[index] for index in later),
        "charts": statistics.median(charts[index] for index in later),
        "with_charts": statistics.median(tables[index] + charts[index] for index in later),
        "with_charts_cpu_first": cpu[0],
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
        for count in TERMINAL_SIZES:
            db = write_history(Path(folder) / f"terminal-{count}.json", records_ending_lately(count, records))
            for name, seconds in terminal_opens(db, config).items():
                yield f"history_terminal_{name}_{count}", seconds * 1000, "ms"

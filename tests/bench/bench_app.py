"""What the app costs a person: start-up, opening a long history, CPU while a routine runs.

    python tests/bench/run.py app

Start-up is reported beside a bare Textual app (Header, Static, Footer) measured in the same
run, so the ratio holds on any machine. Targets: start-up at most 1.3x the bare app, history
open at most 300 ms at 10,000 sessions, a running routine under 2% of one core.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Static

from backcare_tui.app import make_app
from backcare_tui.domain.models import SessionRecord
from backcare_tui.storage import SCHEMA_VERSION, HistoryStore, encode_session
from backcare_tui.storage.database import AtomicJSONStorage
from backcare_tui.storage.schema import META, SESSIONS, SETTINGS, SINGLE_DOCUMENT
from tests.support.records import make_records

SIZE = (100, 32)
STARTUP_RUNS = 7
HISTORY_OPENS = 5
CPU_SECONDS = 10.0
RUN_ROUTINE = "nhs-daily"  # ten minutes: still running when the measurement ends


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


def write_history(path: Path, records: list[SessionRecord] = ()) -> Path:
    """A history file holding `records`, safety advice acknowledged, written in one go.

    Saving 10,000 sessions one `save_session` at a time rewrites the file 10,000 times;
    a single write of the same documents is what a long-time user's file looks like.
    """
    AtomicJSONStorage(path).write({
        META: {SINGLE_DOCUMENT: {"schema_version": SCHEMA_VERSION}},
        SETTINGS: {SINGLE_DOCUMENT: {"safety_acknowledged": True}},
        SESSIONS: {record.id: encode_session(record) for record in records},
    })
    with HistoryStore.open(path) as store:
        assert store.session_count() == len(records), "the history file did not read back"
    return path


async def time_to_first_screen(build: Callable[[], App]) -> float:
    """Seconds from constructing the app to its first screen mounted and idle."""
    began = time.perf_counter()
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return time.perf_counter() - began


async def startup(folder: Path) -> dict[str, float]:
    db = write_history(folder / "startup.json")
    bare = [await time_to_first_screen(BareApp) for _ in range(STARTUP_RUNS)]
    real = [await time_to_first_screen(lambda: make_app(db_path=db)) for _ in range(STARTUP_RUNS)]
    return {"bare": statistics.median(bare), "app": statistics.median(real)}


async def history_open(db: Path) -> float:
    """Median seconds from pressing `h` on the routines screen to the history shown and idle."""
    from backcare_tui.screens.history import HistoryScreen
    from backcare_tui.screens.routines import RoutinesScreen

    app = make_app(db_path=db)
    timings = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(HISTORY_OPENS):
            assert isinstance(app.screen, RoutinesScreen)
            began = time.perf_counter()
            await pilot.press("h")
            await pilot.pause()
            timings.append(time.perf_counter() - began)
            assert isinstance(app.screen, HistoryScreen) and app.screen.records, "history did not open"
            await pilot.press("escape")
            await pilot.pause()
    return statistics.median(timings)


async def cpu_share(app: App, start: Callable[[Pilot], Awaitable[object]] | None = None) -> float:
    """Share of one core the whole process uses over CPU_SECONDS of wall time.

    `start` gets the app going first; it is called again afterwards to check it still runs.
    """
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if start is not None:
            await start(pilot)
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(CPU_SECONDS)  # the measured span itself: the app runs meanwhile
        share = (time.process_time() - cpu) / (time.perf_counter() - wall)
        if start is not None:
            await start(pilot)
        return share


async def running_routine_cpu(folder: Path) -> float:
    from backcare_tui.screens.run import RunScreen

    app = make_app(db_path=write_history(folder / "cpu.json"), start_routine=RUN_ROUTINE)

    async def rate_pain_then_check(pilot: Pilot) -> None:
        if not isinstance(app.screen, RunScreen):
            await pilot.press("3")
            await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.is_running, "the routine is not running"

    return await cpu_share(app, rate_pain_then_check)


def run() -> Iterator[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        times = asyncio.run(startup(folder))
        yield "startup_bare", times["bare"] * 1e3, "ms"
        yield "startup_app", times["app"] * 1e3, "ms"
        yield "startup_ratio", times["app"] / times["bare"], "x"

        records = make_records(10_000)
        for count in (1_000, 10_000):
            db = write_history(folder / f"history-{count}.json", records[-count:])
            yield f"history_open_{count}", asyncio.run(history_open(db)) * 1e3, "ms"

        yield "run_cpu_share", asyncio.run(running_routine_cpu(folder)) * 100, "%"
        yield "bare_idle_cpu_share", asyncio.run(cpu_share(BareApp())) * 100, "%"

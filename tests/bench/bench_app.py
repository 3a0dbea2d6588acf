"""What the app costs a person: start-up, opening a long history, CPU while a routine runs.

    python tests/bench/run.py app

Start-up is reported beside a bare Textual app (Header, Static, Footer) measured in the same
run, so the ratio holds on any machine. Targets: start-up at most 1.3x the bare app, history
open at most 300 ms at 10,000 sessions, a running routine under 2% of one core.

The routine is measured with its figure moving: get-ready is cut short (`-`), so the whole
measured span is the first exercise's reps (10 at 8 s), the rep cue changing and the figure
drawn at up to 6 frames a second. `run_figure_frames` is how many new pictures it drew.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Static

from backcare_tui import paths
from backcare_tui.app import make_app
from backcare_tui.domain.models import SessionRecord
from backcare_tui.storage import SCHEMA_VERSION, SessionStore, encode_session
from backcare_tui.storage.database import AtomicJSONStorage
from backcare_tui.storage.schema import META, SESSIONS, SETTINGS, SINGLE_DOCUMENT
from tests.support.records import engine_records

SIZE = (100, 32)
STARTUP_RUNS = 9
HISTORY_OPENS = 5
CPU_SECONDS = 10.0
SETTLE_SECONDS = 3.0
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
    AtomicJSONStorage(path).write(
        {
            META: {SINGLE_DOCUMENT: {"schema_version": SCHEMA_VERSION}},
            SETTINGS: {SINGLE_DOCUMENT: {"safety_acknowledged": True}},
            SESSIONS: {record.id: encode_session(record) for record in records},
        }
    )
    with SessionStore.open(path) as store:
        assert len(store.sessions()) == len(records), "the history file did not read back"
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
        await asyncio.sleep(SETTLE_SECONDS)  # start-up work finishes before we count
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(CPU_SECONDS)  # the measured span itself: the app runs meanwhile
        share = (time.process_time() - cpu) / (time.perf_counter() - wall)
        if start is not None:
            await start(pilot)
        return share


async def running_routine_cpu(folder: Path) -> tuple[float, int]:
    """CPU share of a routine running with its figure moving, and the frames drawn meanwhile."""
    from backcare_tui.screens.run import RunScreen
    from backcare_tui.widgets.exercise_figure import ExerciseFigure

    app = make_app(db_path=write_history(folder / "cpu.json"), start_routine=RUN_ROUTINE)
    frames: list[int] = []

    async def rate_pain_then_check(pilot: Pilot) -> None:
        if not isinstance(app.screen, RunScreen):
            await pilot.press("3")
            await pilot.pause()
            await pilot.press("minus")  # get-ready down to a second: then the figure moves
            await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.is_running, "the routine is not running"
        figure = app.screen.query_one(ExerciseFigure)
        assert figure.display and figure.poses is not None, "no figure on the run screen"
        frames.append(figure.frames_drawn)

    share = await cpu_share(app, rate_pain_then_check)
    return share, frames[-1] - frames[0]


BARE_SCRIPT = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class BareApp(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()
BareApp().run()
"""


class Terminal:
    """A program in a pseudo-terminal of SIZE, its output drained as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.began = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size its terminal before the program can ask, then become it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execvpe(argv[0], argv, env)
        self.output = b""

    def read_until(self, marker: bytes, timeout: float = 10.0) -> float:
        """Seconds from start until `marker` was printed."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} never appeared")
            self.drain(0.05)
        return time.perf_counter() - self.began

    def drain(self, wait: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if ready:
            with contextlib.suppress(OSError):
                self.output = self.output[-4096:] + os.read(self.fd, 1 << 16)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def _terminal_env(db: Path) -> dict[str, str]:
    """The history file and the library cache in the bench's own folder, not the user's."""
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "BACKCARE_TUI_DB": str(db),
        paths.CACHE_ENV: str(db.parent / "cache"),
    }


FIRST_SCREEN = b"Gentle flare-up set"  # the routine list, drawn before the history is read
HISTORY_SHOWN = b"Streak"  # the status line, once the history has been read


def _startup_env(db: Path) -> dict[str, str]:
    """The terminal's environment, with compiled modules and caches kept beside the history file.

    An installed program runs from compiled bytecode (pip compiles it on install), and so does
    Textual here; a checkout run with PYTHONDONTWRITEBYTECODE would compile the app's own
    modules on every start and time the compiler. Both programs get the same bytecode folder,
    filled by an untimed first start of each, which also fills the app's library cache (as any
    start after the first finds it).
    """
    env = _terminal_env(db)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(db.parent / "bytecode")
    return env


def process_startup(db: Path, runs: int = STARTUP_RUNS) -> dict[str, float]:
    """What a person waits for: from starting the command to its first screen on a terminal.

    Both programs are started the same way, in a terminal of SIZE, and timed to a text of their
    first screen; the median of `runs` starts each, after one untimed start each (caches warm).
    Also how long until the history shows on it ("app_history"), read just after that paint.
    """
    env = _startup_env(db)
    commands = {
        "bare": ([sys.executable, "-c", BARE_SCRIPT], (b"Hello",)),
        "app": ([sys.executable, "-m", "backcare_tui"], (FIRST_SCREEN, HISTORY_SHOWN)),
    }
    times: dict[str, list[float]] = {"bare": [], "app": [], "app_history": []}
    for run in range(runs + 1):  # interleaved, so both see the same machine; which goes first alternates
        order = list(commands.items()) if run % 2 else list(reversed(commands.items()))
        for name, (argv, markers) in order:
            terminal = Terminal(argv, env)
            try:
                shown = [terminal.read_until(marker) for marker in markers]
            finally:
                terminal.kill()
            if run:  # the first round only warms the caches
                times[name].append(shown[0])
                if len(shown) > 1:
                    times[f"{name}_history"].append(shown[1])
    return {name: statistics.median(values) for name, values in times.items()}


def process_run_cpu(db: Path) -> float:
    """Share of one core the real program uses while a routine runs in a real terminal."""
    terminal = Terminal([sys.executable, "-m", "backcare_tui", "start", RUN_ROUTINE], _terminal_env(db))
    try:
        terminal.read_until(b"before you start")
        os.write(terminal.fd, b"3")
        terminal.read_until(b"GET READY")
        os.write(terminal.fd, b"-")  # get-ready down to a second: then the figure moves
        terminal.read_until(b"Rep 1 of")
        settled = time.perf_counter() + SETTLE_SECONDS  # start-up work finishes before we count
        while time.perf_counter() < settled:
            terminal.drain(0.1)
        wall, cpu = time.perf_counter(), terminal.cpu_seconds()
        while time.perf_counter() - wall < CPU_SECONDS:
            terminal.drain(0.1)
        return (terminal.cpu_seconds() - cpu) / (time.perf_counter() - wall)
    finally:
        terminal.kill()


def run() -> Iterator[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        times = asyncio.run(startup(folder))
        yield "startup_bare", times["bare"] * 1e3, "ms"
        yield "startup_app", times["app"] * 1e3, "ms"
        yield "startup_ratio", times["app"] / times["bare"], "x"
        db = write_history(folder / "terminal.json")
        times = process_startup(db)
        yield "startup_terminal_bare", times["bare"] * 1e3, "ms"
        yield "startup_terminal_app", times["app"] * 1e3, "ms"
        yield "startup_terminal_ratio", times["app"] / times["bare"], "x"
        yield "startup_terminal_app_history", times["app_history"] * 1e3, "ms"

        # A user's settings after a first run, the weekly check-in off: nothing stands before `h`.
        config = folder / "history-config"
        config.mkdir()
        (config / "settings.json").write_text('{"safety_acknowledged": true, "weekly_checkin": false}')
        before = os.environ.get(paths.CONFIG_ENV)
        os.environ[paths.CONFIG_ENV] = str(config)
        records = engine_records(10_000)
        for count in (1_000, 10_000):
            db = write_history(folder / f"history-{count}.json", records[-count:])
            yield f"history_open_{count}", asyncio.run(history_open(db)) * 1e3, "ms"
        if before is None:
            os.environ.pop(paths.CONFIG_ENV)
        else:
            os.environ[paths.CONFIG_ENV] = before

        share, frames = asyncio.run(running_routine_cpu(folder))
        yield "run_cpu_share", share * 100, "%"
        yield "run_figure_frames", float(frames), f"frames in {CPU_SECONDS:.0f} s"
        yield "bare_idle_cpu_share", asyncio.run(cpu_share(BareApp())) * 100, "%"
        yield "run_cpu_share_terminal", process_run_cpu(write_history(folder / "cpu-terminal.json")) * 100, "%"

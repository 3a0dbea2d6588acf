"""The real app in a pseudo-terminal, stopped by signals in the middle of a routine.

SIGTERM (a shutdown, `kill`) and SIGHUP (the terminal closed) must save the running session
as "stopped" and exit promptly. SIGKILL cannot be caught: the checkpoint written at the
exercise boundary stays "in_progress" on disk until the next start recovers it.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backcare_tui import paths
from backcare_tui.domain.models import SessionRecord
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

ROUTINE = "flare-up-gentle"  # three exercises
WAIT_SECONDS = 15.0
EXIT_SECONDS = 3.0  # every exit path must end the app within 3 s


class PtyApp:
    """`python -m backcare_tui` on the slave side of a 100x32 pty; its output is drained."""

    def __init__(self, db: Path, *args: str, command: list[str] | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "backcare_tui", "--db", str(db), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO once the app has gone
                return
            if not chunk:
                return
            self.output += chunk

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_exit(self, timeout: float) -> int:
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        if self.master >= 0:
            os.close(self.master)

    def tail(self) -> str:
        return self.output[-2000:].decode(errors="replace")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A history file whose safety advice was already acknowledged."""
    Settings.load(paths.settings_path()).change(safety_acknowledged=True)
    return tmp_path / "history.json"


@pytest.fixture
def launch(db: Path) -> Iterator[Callable[[], PtyApp]]:
    apps: list[PtyApp] = []

    def start() -> PtyApp:
        app = PtyApp(db, "start", ROUTINE)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


def sessions(db: Path) -> list[SessionRecord]:
    with SessionStore.open(db) as store:
        return store.sessions()


def wait_for_record(app: PtyApp, db: Path, ready: Callable[[SessionRecord], bool], keys: str = "") -> SessionRecord:
    """Poll the history file until a session satisfies `ready`, pressing `keys` while waiting.

    Keys are pressed again on each poll because the app may not be listening yet; the ones
    used here do nothing on the screens that come after.
    """
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert app.process.poll() is None, f"the app exited early:\n{app.tail()}"
        if keys:
            app.press(keys)
        found = [record for record in sessions(db) if ready(record)]
        if found:
            return found[0]
        time.sleep(0.1)
    pytest.fail(f"no matching session in {db} after {WAIT_SECONDS:.0f} s; last output:\n{app.tail()}")


def first_exercise_begun(record: SessionRecord) -> bool:
    return record.status == "in_progress" and record.pain_before == 3


def first_exercise_skipped(record: SessionRecord) -> bool:
    return record.status == "in_progress" and record.exercises[0].status == "skipped"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_mid_session_saves_it_as_stopped_and_exits(
    launch: Callable[[], PtyApp], db: Path, signum: signal.Signals
) -> None:
    app = launch()
    begun = wait_for_record(app, db, first_exercise_begun, keys="3")
    app.press("n")  # skip the first exercise: the boundary writes a checkpoint
    checkpoint = wait_for_record(app, db, first_exercise_skipped)

    app.process.send_signal(signum)

    assert app.wait_exit(timeout=EXIT_SECONDS) == 0, app.tail()
    [saved] = sessions(db)
    assert saved.id == begun.id == checkpoint.id
    assert saved.status == "stopped"
    assert not saved.recovered
    assert saved.routine_id == ROUTINE
    assert saved.pain_before == 3
    assert saved.started_at == begun.started_at
    assert saved.ended_at is not None and saved.ended_at >= saved.started_at
    assert len(saved.exercises) == 3
    assert saved.exercises[0].status == "skipped"


def test_after_sigkill_the_checkpoint_stays_in_progress_until_recovered(launch: Callable[[], PtyApp], db: Path) -> None:
    app = launch()
    begun = wait_for_record(app, db, first_exercise_begun, keys="3")
    app.press("n")
    checkpoint = wait_for_record(app, db, first_exercise_skipped)

    app.process.send_signal(signal.SIGKILL)

    assert app.wait_exit(timeout=EXIT_SECONDS) == -signal.SIGKILL
    [on_disk] = sessions(db)
    assert on_disk == checkpoint
    assert on_disk.status == "in_progress"
    with SessionStore.open(db) as store:
        [recovered] = store.recover_interrupted()
    assert recovered.id == begun.id
    assert recovered.status == "stopped"
    assert recovered.recovered
    assert recovered.exercises == checkpoint.exercises
    assert recovered.pain_before == 3
    [saved] = sessions(db)
    assert saved == recovered


def test_after_sigkill_the_next_start_recovers_the_session(launch: Callable[[], PtyApp], db: Path) -> None:
    killed = launch()
    begun = wait_for_record(killed, db, first_exercise_begun, keys="3")
    killed.process.send_signal(signal.SIGKILL)
    killed.wait_exit(timeout=EXIT_SECONDS)

    again = launch()  # recovers at start, then asks for the pain score of a new session
    recovered = wait_for_record(again, db, lambda record: record.id == begun.id and record.recovered)

    assert recovered.status == "stopped"
    assert recovered.started_at == begun.started_at
    again.process.send_signal(signal.SIGTERM)
    assert again.wait_exit(timeout=EXIT_SECONDS) == 0, again.tail()

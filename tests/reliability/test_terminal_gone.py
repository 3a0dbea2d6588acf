"""The terminal goes away under a running session, and no hang-up reaches the app.

This is what happens when the shell that started the app dies first and the terminal window
then closes: the app's input reaches end of file and its output fails. It must save the
session as "stopped" and exit within 3 seconds, not linger for ever.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backcare_tui.storage import SessionStore
from tests.reliability.test_signals import (
    ROUTINE,
    WAIT_SECONDS,
    PtyApp,
    db,  # noqa: F401  (a fixture)
    first_exercise_begun,
    sessions,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

GONE_WITHIN = 3.0


class ShellInPty(PtyApp):
    """A shell in a pseudo-terminal running the app as its child, as a terminal window would.

    The shell starts a new session without taking the pty as its controlling terminal, so
    closing the terminal sends no SIGHUP to anyone: the app only sees its input and output go.
    """

    def __init__(self, history: Path) -> None:
        command = f"{sys.executable} -m backcare_tui --db {history} start {ROUTINE}; true"
        super().__init__(history, command=["/bin/sh", "-c", command])

    def app_pid(self) -> int:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            pids = children.read_text().split() if children.exists() else []
            if pids:
                return int(pids[0])
            time.sleep(0.05)
        pytest.fail("the shell started no app")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has exited and waits to be reaped


def wait_gone(pid: int, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if not alive(pid):
            return time.monotonic() - start
        time.sleep(0.05)
    return float("inf")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child pids from /proc")
def test_closing_the_terminal_after_its_shell_died_saves_and_exits(db: Path) -> None:  # noqa: F811
    terminal = ShellInPty(db)
    try:
        pid = terminal.app_pid()
        deadline = time.monotonic() + WAIT_SECONDS
        while not any(first_exercise_begun(record) for record in sessions(db)):
            assert time.monotonic() < deadline, terminal.tail()
            terminal.press("3")
            time.sleep(0.1)

        terminal.process.send_signal(signal.SIGKILL)  # the shell dies first, passing nothing on
        terminal.process.wait(timeout=5)
        os.close(terminal.master)  # then the window closes
        terminal.master = -1

        took = wait_gone(pid, GONE_WITHIN)
        if took == float("inf"):
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"the app was still running {GONE_WITHIN:.0f} s after its terminal went away")
        [saved] = sessions(db)
        assert saved.status == "stopped"
        assert saved.pain_before == 3
        assert not saved.recovered
    finally:
        terminal.close()


def test_a_terminal_gone_during_start_up_ends_the_app_and_never_deafens_it(db: Path) -> None:  # noqa: F811
    """The terminal goes while the app is still drawing its first screens.

    Before, its output queue filled up and blocked it: it lived on and ignored SIGTERM.
    """
    app = PtyApp(db, "start", ROUTINE)
    try:
        time.sleep(0.2)
        os.close(app.master)
        app.master = -1
        try:
            app.process.wait(timeout=GONE_WITHIN)
        except subprocess.TimeoutExpired:
            app.process.send_signal(signal.SIGTERM)
            try:
                app.process.wait(timeout=GONE_WITHIN)
            except subprocess.TimeoutExpired:
                pytest.fail("the app outlived its terminal and then ignored SIGTERM")
            pytest.fail("the app outlived its terminal (SIGTERM ended it)")
        with SessionStore.open(db) as store:
            assert all(record.status != "in_progress" for record in store.sessions())
    finally:
        app.close()

"""The installed `backcare-tui` command in a real terminal: tmux types, capture-pane reads.

One whole session by keyboard alone: acknowledge the safety advice, filter to the shortest
routine, rate the pain, skip through the exercises, rate the pain again, write a note, save,
quit. Then the `history --json` command must show exactly that session.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).parent / ("backcare-tui.exe" if os.name == "nt" else "backcare-tui")
WAIT_SECONDS = 10.0


class Terminal:
    """One detached tmux session on a private server socket, running one command.

    The command runs under `sh`, which writes its exit status to `exit_file` when it ends.
    """

    def __init__(
        self, argv: list[str], env: dict[str, str], exit_file: Path, width: int = 100, height: int = 32
    ) -> None:
        self.socket = f"backcare-e2e-{uuid.uuid4().hex[:12]}"
        self.exit_file = exit_file
        settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        run_and_record = ["sh", "-c", '"$@"; echo "$?" > "$0"', str(exit_file), *argv]
        self.tmux(
            "start-server",
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            str(width),
            "-y",
            str(height),
            *settings,
            *run_and_record,
        )
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def styled_line(self, text: str) -> str:
        """The first screen line holding `text`, with its colour escape codes."""
        lines = self.tmux("capture-pane", "-p", "-e", "-t", "app").splitlines()
        return next((line for line in lines if text in line), "")

    def wait_for_restyle(self, text: str, before: str, timeout: float = WAIT_SECONDS) -> None:
        """Poll until the line holding `text` is drawn differently from `before` (e.g. focus moved)."""
        deadline = time.monotonic() + timeout
        while self.styled_line(text) == before:
            if time.monotonic() > deadline:
                pytest.fail(f"the line with {text!r} never changed; screen:\n{self.screen()}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        """Named keys as tmux spells them: Enter, C-q, n, 3 ..."""
        self.tmux("send-keys", "-t", "app", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "app", "-l", text)

    def wait_for(self, *texts: str, absent: str | None = None, timeout: float = WAIT_SECONDS) -> str:
        """Poll the screen until every text shows (and `absent` does not); fail with the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts) and (absent is None or absent not in screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"waited {timeout:.0f} s for {texts!r} (absent: {absent!r}); screen:\n{screen}")
            time.sleep(0.05)

    def wait_for_exit(self, timeout: float = WAIT_SECONDS) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_file.read_text().strip() if self.exit_file.exists() else ""
            if status:
                return int(status)
            time.sleep(0.05)
        pytest.fail(f"the app did not exit within {timeout:.0f} s; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
        self.socket_path.unlink(missing_ok=True)


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND.name} is not installed next to {sys.executable}")
    return {
        "BACKCARE_TUI_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.fixture
def terminal_factory() -> Iterator[list[Terminal]]:
    terminals: list[Terminal] = []
    yield terminals
    for terminal in terminals:
        terminal.close()


def test_a_whole_session_by_keyboard_is_saved(
    home: dict[str, str], terminal_factory: list[Terminal], tmp_path: Path
) -> None:
    db = tmp_path / "history.json"
    app = Terminal([str(COMMAND), "--db", str(db)], env=home, exit_file=tmp_path / "exit-status")
    terminal_factory.append(app)

    app.wait_for("Before you start: safety", "I understand")
    app.keys("Enter")
    app.wait_for("Streak", "Desk break", absent="Before you start")
    app.keys("/")
    app.wait_for("Filter by name")
    app.type("flare")
    app.wait_for("Gentle flare-up set", absent="Desk break")
    unfocused_list = app.styled_line("Gentle flare-up set")
    app.keys("Enter")  # leave the filter: the list takes the focus and shows its cursor
    app.wait_for_restyle("Gentle flare-up set", before=unfocused_list)
    app.keys("Enter")  # start the highlighted routine
    app.wait_for("How is your back pain before you start?")
    app.keys("3")
    for number in (1, 2, 3):  # each: shorten the get-ready, start the paced reps, move on
        app.wait_for(f"exercise {number} of 3", "GET READY", absent="How is your back pain")
        app.keys("-")
        app.wait_for("MOVE", "Rep 1 of 5")
        app.keys("n")  # left part-way: partial
    app.wait_for("How is your back pain now that you")
    app.keys("2")
    app.wait_for("Add a note")
    app.type("Eased off after the knee rolls")
    app.wait_for("Eased off after the knee rolls")
    app.keys("Enter")
    app.wait_for("Streak 1 day", "done today", absent="Add a note")
    app.keys("C-q")

    assert app.wait_for_exit() == 0
    printed = subprocess.run(
        [str(COMMAND), "history", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **home},
    )
    assert printed.returncode == 0, printed.stderr
    [session] = json.loads(printed.stdout)
    assert session["routine_id"] == "flare-up-gentle"
    assert session["pain_before"] == 3
    assert session["pain_after"] == 2
    assert session["note"] == "Eased off after the knee rolls"
    assert session["status"] == "completed"
    assert [exercise["status"] for exercise in session["exercises"]] == ["partial", "partial", "partial"]

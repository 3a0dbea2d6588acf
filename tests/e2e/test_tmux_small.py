"""The installed `backcare-tui` at 80x24, the smallest size a person is likely to use: every
screen but the run screen is walked by keyboard, and its key texts must be on the screen.

A session stopped for pain before any exercise was done is saved, shown in the history as
stopped, and not counted in the streak.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_tmux import COMMAND, Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Terminal]:
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND.name} is not installed next to {sys.executable}")
    env = {"BACKCARE_TUI_CONFIG_DIR": str(tmp_path / "config")}
    argv = [str(COMMAND), "--db", str(tmp_path / "history.json")]
    terminal = Terminal(argv, env=env, exit_file=tmp_path / "exit-status", width=80, height=24)
    yield terminal
    terminal.close()


def test_every_screen_reads_at_80x24(app: Terminal) -> None:
    app.wait_for("Before you start: safety", "I understand")
    app.keys("Enter")

    app.wait_for("Streak", "no sessions yet", "Gentle flare-up set", "Start", "Filter", "Keys")
    app.keys("End")  # the last routine can be reached, and its detail follows the selection
    app.wait_for("Full programme", "26 min with rests")
    app.keys("Home")
    app.wait_for("3 min with rests")

    # Each Escape is let through before the next key: Escape then a letter at once reads as Alt.
    app.keys("?")
    app.wait_for("Keys: Routines", "Start", "Care filter")
    app.keys("Escape")
    app.wait_for("Streak", absent="Keys: Routines")
    app.keys("g")
    app.wait_for("Guide: looking after your back", "Why moving helps", "Next section")
    app.keys("Escape")
    app.wait_for("Streak", absent="Guide: looking")
    app.keys("s")
    app.wait_for("Safety advice", "When to get help")
    app.keys("Escape")
    app.wait_for("Streak", absent="Safety advice")

    app.keys("Enter")  # the pain check: the whole scale, its anchors and its keys
    app.wait_for("How is your back pain before you start?", "0  no pain", "10  worst pain imaginable")
    app.wait_for("Score", "No score", "Back to routines")
    app.keys("Escape")  # back to the routines, nothing started
    app.wait_for("Streak", absent="How is your back pain")

    app.keys("Enter")
    app.wait_for("How is your back pain before you start?")
    app.keys("3")
    app.wait_for("exercise 1 of 3", "GET READY")
    app.keys("x")  # it hurts, before anything was done
    app.wait_for("It hurts: Knee rolls", "Skip this exercise", "Stop the session")
    app.keys("q")  # stop the session
    app.wait_for("Stopped: that's the right call", "Press Enter to continue")
    app.keys("Enter")
    app.wait_for("How is your back pain now that you have stopped?", "worst pain imaginable")
    app.keys("2")
    app.wait_for("Stopped because it hurt", "Add a note", "Save and finish", "Ctrl+P")
    app.type("[/] shg?")  # letters and brackets type into the note; no app key fires
    app.wait_for("[/] shg?", "Save and finish", absent="Guide: looking")
    app.keys("Enter")

    app.wait_for("Streak 0 days", "nothing done yet", absent="Add a note")
    app.keys("h")
    app.wait_for("Total min", "stopped (pain)", "Details", "Not counted  1 session, nothing done")
    app.keys("Enter")
    app.wait_for("Note: [/] shg?", "min active", "min in total", "Escape closes")
    app.keys("Escape")
    app.wait_for("Total min", absent="Escape closes")
    app.keys("d")
    app.wait_for("Delete this session?", "Delete (y)", "Keep (Enter)")
    app.keys("Enter")  # the safe choice has the focus
    app.wait_for("stopped (pain)", absent="Delete this session?")
    app.keys("?")
    app.wait_for("Keys: History", "Delete")
    app.keys("Escape")
    app.wait_for("Total min", absent="Keys: History")
    app.keys("Escape")
    app.wait_for("Streak 0 days", absent="Total min")

    app.keys("C-q")
    assert app.wait_for_exit() == 0
    assert os.path.getsize(app.exit_file) > 0

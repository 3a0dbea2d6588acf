"""The interactive app without a terminal: one line saying so and what works instead, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "backcare_tui"]


@pytest.mark.parametrize("args", [[], ["start", "nhs-daily"]], ids=["app", "start"])
@pytest.mark.parametrize("where", ["stdin from /dev/null, stdout a pipe", "stdout a pipe", "stdin from /dev/null"])
def test_the_app_needs_a_terminal(tmp_path: Path, args: list[str], where: str) -> None:
    db = tmp_path / "history.json"
    master, slave = os.openpty()
    try:
        stdin = subprocess.DEVNULL if "stdin" in where else slave
        stdout = subprocess.PIPE if "stdout" in where else slave
        process = subprocess.run(
            [*COMMAND, "--db", str(db), *args],
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=20,
            check=False,
            env={**os.environ, "TERM": "xterm-256color"},
        )
    finally:
        os.close(master)
        os.close(slave)
    assert process.returncode == 2
    [line] = process.stderr.decode().splitlines()
    assert "needs a terminal" in line
    for command in ("routines", "history", "safety", "check-library"):
        assert command in line
    assert "\x1b" not in process.stderr.decode() and not (process.stdout or b"")
    assert list(tmp_path.iterdir()) == []  # nothing created

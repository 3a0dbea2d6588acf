"""Running the real `backcare-tui` command in a child process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COMMAND = [sys.executable, "-m", "backcare_tui"]


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Run the command with stdin from /dev/null and output captured through pipes."""
    environment = {**os.environ, "TZ": "UTC", **(env or {})}
    environment.pop("BACKCARE_TUI_DB", None) if env is None or "BACKCARE_TUI_DB" not in env else None
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        timeout=timeout,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int, int, bytes | None]]:
    """Every entry in `folder`: mode, inode, mtime and (for regular files) content."""
    state = {}
    for entry in sorted(folder.iterdir()):
        status = entry.lstat()
        content = entry.read_bytes() if entry.is_file() and not entry.is_symlink() else None
        state[entry.name] = (status.st_mode, status.st_ino, status.st_mtime_ns, content)
    return state

"""Starting child interpreters that can import the project, for multi-process tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_python(code: str, *args: str, **options) -> subprocess.Popen:
    """Run `code` in a fresh interpreter with `args` as sys.argv[1:]."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, cwd=ROOT, **options)

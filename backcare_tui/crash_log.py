"""After an unexpected error: the full traceback goes to a file, and the user gets one line."""

from __future__ import annotations

import os
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from . import paths


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path:
    """Write `error`'s traceback to a new file in the crash folder (or the temp folder) and name it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = "".join(traceback.format_exception(error))
    for where in (folder or paths.crash_log_dir(), Path(tempfile.gettempdir())):
        path = where / f"backcare-tui-crash-{stamp}-{os.getpid()}.log"
        try:
            where.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return path
    raise OSError("no folder to write the crash log to")


def crash_message(log: Path) -> str:
    return f"backcare-tui stopped after an unexpected error. What happened is in {log}"

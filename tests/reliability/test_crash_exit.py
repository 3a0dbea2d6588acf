"""An unexpected error in the real app: exit code 1, one line naming the crash log, and the
running session saved as "stopped"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.reliability.test_signals import (
    EXIT_SECONDS,
    ROUTINE,
    PtyApp,
    db,  # noqa: F401  (a fixture)
    first_exercise_begun,
    sessions,
    wait_for_record,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

# The app with a bug planted in the run screen's "next" key.
BUGGY_APP = """
import sys
from backcare_tui.__main__ import main
from backcare_tui.screens.run import RunScreen

def broken_next(self):
    raise RuntimeError("planted bug")

RunScreen.action_next = broken_next
sys.exit(main(sys.argv[1:]))
"""


def test_an_unexpected_error_saves_the_session_and_names_the_crash_log(
    db: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    crashes = tmp_path / "crashes"
    monkeypatch.setenv("BACKCARE_TUI_CRASH_DIR", str(crashes))
    app = PtyApp(db, command=[sys.executable, "-c", BUGGY_APP, "--db", str(db), "start", ROUTINE])
    try:
        wait_for_record(app, db, first_exercise_begun, keys="3")
        app.press("n")
        assert app.wait_exit(timeout=EXIT_SECONDS) == 1, app.tail()
    finally:
        app.close()

    [log] = list(crashes.iterdir())
    text = log.read_text()
    assert "Traceback" in text and "RuntimeError: planted bug" in text and "broken_next" in text
    assert f"What happened is in {log}" in app.tail().replace("\r\n", "").replace("\n", "")
    assert "planted bug" not in app.tail()  # one line, not the traceback
    [saved] = sessions(db)
    assert saved.status == "stopped"
    assert saved.pain_before == 3

"""`backcare-tui plan` and `backcare-tui status`, run as a separate process, read-only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import replace
from backcare_tui.paths import builtin_library_dir
from tests.support.programme import done_session, write_history

ROUTINE = "core-and-glutes"
FIXTURES = Path(__file__).parent.parent / "fixtures"


def _cli(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"BACKCARE_TUI_DB"}}
    env["BACKCARE_TUI_CONFIG_DIR"] = str(home / "config")
    return subprocess.run(
        [sys.executable, "-m", "backcare_tui", *argv], cwd=home, env=env, capture_output=True, text=True, timeout=60
    )


def _files(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def comfortable_twice(tmp_path: Path) -> Path:
    plan = load_library([builtin_library_dir()]).plan(ROUTINE)
    now = datetime.now(UTC)
    sessions = [done_session(plan, now - timedelta(days=days, hours=1), 2, 2) for days in (3, 2)]
    return write_history(tmp_path / "data" / "history.json", sessions)


def test_plan_json_offers_one_step_after_two_comfortable_days(tmp_path, comfortable_twice):
    before = _files(comfortable_twice.parent)
    done = _cli(tmp_path, "plan", ROUTINE, "--json", "--db", str(comfortable_twice))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and {"routine", "exercise", "dose", "suggested", "reason"} <= set(rows[0])
    bridge = next(row for row in rows if row["exercise"] == "glute-bridge")
    assert bridge["action"] == "build_up" and bridge["reason"].startswith("Comfortable twice")
    assert (bridge["dose"]["reps"], bridge["suggested"]["reps"]) == (10, 12)  # +2 from 10 reps up
    assert _files(comfortable_twice.parent) == before  # nothing written, locked or created


def test_plan_never_builds_up_after_pain_seven(tmp_path):
    plan = load_library([builtin_library_dir()]).plan(ROUTINE)
    now = datetime.now(UTC)
    sessions = [
        done_session(plan, now - timedelta(days=3), 2, 2),
        done_session(plan, now - timedelta(days=2), 2, 2),
        done_session(plan, now - timedelta(days=1), 6, 7),
    ]
    path = write_history(tmp_path / "history.json", sessions)
    rows = json.loads(_cli(tmp_path, "plan", "--json", "--db", str(path)).stdout)
    assert rows and all(row["action"] != "build_up" for row in rows)
    assert any(row["action"] == "ease_back" for row in rows)


def test_plan_as_a_table_names_the_dose_beside_the_routines(tmp_path, comfortable_twice):
    done = _cli(tmp_path, "plan", "--db", str(comfortable_twice))
    assert done.returncode == 0
    assert "your dose" in done.stdout and "Glute bridge" in done.stdout and "Comfortable twice" in done.stdout


def test_status_is_one_line_and_exits_zero(tmp_path, comfortable_twice):
    before = _files(comfortable_twice.parent)
    done = _cli(tmp_path, "status", "--db", str(comfortable_twice))
    assert done.returncode == 0 and done.stderr == ""
    [line] = done.stdout.splitlines()
    assert line.startswith("last session: Core and glutes")
    assert "build-ups suggested" in line or "changes in Core and glutes" in line
    assert "streak:" in line
    assert _files(comfortable_twice.parent) == before


def test_without_a_history_nothing_is_created(tmp_path):
    path = tmp_path / "nowhere" / "history.json"
    status = _cli(tmp_path, "status", "--db", str(path))
    plan = _cli(tmp_path, "plan", "--json", "--db", str(path))
    assert status.returncode == 0 and status.stdout.startswith("last session: no sessions yet")
    assert plan.returncode == 0 and json.loads(plan.stdout) == []
    assert not path.parent.exists()


def test_an_older_file_is_read_but_not_migrated(tmp_path):
    path = tmp_path / "history.json"
    path.write_bytes((FIXTURES / "history-v2.json").read_bytes())
    before = _files(tmp_path)
    plan = _cli(tmp_path, "plan", "--json", "--db", str(path))
    status = _cli(tmp_path, "status", "--db", str(path))
    assert plan.returncode == 0 and json.loads(plan.stdout)
    assert "older version" in plan.stderr
    assert status.returncode == 0 and status.stdout.startswith("last session: Full programme")
    assert _files(tmp_path) == before


def test_an_unknown_routine_and_a_corrupt_file_are_one_line_errors(tmp_path):
    path = tmp_path / "history.json"
    path.write_text('{"meta": {"1": {"schema_ver')
    unknown = _cli(tmp_path, "plan", "no-such-routine")
    corrupt = _cli(tmp_path, "status", "--db", str(path))
    assert unknown.returncode == 2 and "no-such-routine" in unknown.stderr
    assert corrupt.returncode == 2 and "cannot be read" in corrupt.stderr
    assert path.read_text() == '{"meta": {"1": {"schema_ver' and sorted(p.name for p in tmp_path.iterdir()) == [
        "history.json"
    ]


def test_status_imports_no_user_interface_nor_the_store(tmp_path, comfortable_twice):
    code = (
        "import sys; from backcare_tui.__main__ import main; main(['status', '--db', sys.argv[1]]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'tinydb', 'filelock'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(comfortable_twice)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_recorded_answers_feed_the_plan(tmp_path):
    plan = load_library([builtin_library_dir()]).plan(ROUTINE)
    now = datetime.now(UTC)
    first = done_session(plan, now - timedelta(days=3), 2, 2)
    worse = replace(done_session(plan, now - timedelta(days=2), 2, 2), next_morning="worse")
    path = write_history(tmp_path / "history.json", [first, worse])
    rows = json.loads(_cli(tmp_path, "plan", ROUTINE, "--json", "--db", str(path)).stdout)
    assert all(row["action"] == "ease_back" or row["suggested"] is None for row in rows)
    assert any("worse the next morning" in row["reason"] for row in rows)

"""The read-only snapshot: the same sessions as the store, and with `recent=True` the same
plan, streak and nudge from far fewer decoded sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backcare_tui.domain import stats
from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import replace
from backcare_tui.domain.nudge import return_nudge, routine_kinds
from backcare_tui.domain.progression import plan
from backcare_tui.paths import builtin_library_dir
from backcare_tui.storage import SessionStore
from backcare_tui.storage.snapshot import read_snapshot
from tests.support.programme import done_session, write_at_once, write_history
from tests.support.records import make_records

LIBRARY = load_library([builtin_library_dir()])


def _report(snapshot, today):
    return (
        plan(snapshot.sessions, snapshot.doses, snapshot.changes, snapshot.decisions, LIBRARY, today),
        stats.streak(snapshot.sessions, today),
        return_nudge(snapshot.sessions, today, routine_kinds(LIBRARY.routines.values())),
    )


def _routed(count: int):
    """Generated sessions with each routine's own exercises and doses."""
    records = make_records(count)
    return [
        replace(record, exercises=done_session(LIBRARY.plan(record.routine_id), record.started_at).exercises)
        if record.status == "completed"
        else record
        for record in records
    ]


@pytest.mark.parametrize("days_after", [0, 1, 3, 60])
def test_recent_gives_the_same_plan_streak_and_nudge(tmp_path: Path, days_after: int):
    records = _routed(1500)
    path = write_at_once(tmp_path / "history.json", records)
    with SessionStore.open(path) as store:
        stored = store.sessions()
    today = stats.local_day(max(r.started_at for r in records)) + timedelta(days=days_after)
    full, recent = read_snapshot(path), read_snapshot(path, recent=True)
    assert full.sessions == stored
    assert len(recent.sessions) < len(full.sessions)
    assert _report(recent, today) == _report(full, today)


def test_a_long_run_of_days_is_read_whole_for_the_streak(tmp_path: Path):
    library_plan = LIBRARY.plan("desk-break")
    now = datetime.now(UTC).replace(hour=12)
    sessions = [done_session(library_plan, now - timedelta(days=day), None, None) for day in range(130)]
    path = write_history(tmp_path / "history.json", sessions)
    today = stats.local_day(now)
    recent = read_snapshot(path, recent=True)
    assert stats.streak(recent.sessions, today) == stats.streak(read_snapshot(path).sessions, today) >= 129


def test_a_missing_file_is_an_empty_snapshot(tmp_path: Path):
    snapshot = read_snapshot(tmp_path / "none.json", recent=True)
    assert (snapshot.sessions, snapshot.doses, snapshot.notices) == ([], [], [])
    assert not list(tmp_path.iterdir())

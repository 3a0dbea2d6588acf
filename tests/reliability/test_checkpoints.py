"""Checkpointed sessions: recovered only when no running copy owns them."""

from __future__ import annotations

import signal
import subprocess

from backcare_tui.domain.models import replace
from tests.reliability.children import start_python
from tests.support.records import make_records

RUNNER = """
import sys, time
from pathlib import Path
from backcare_tui.storage import SessionStore
from backcare_tui.domain.models import replace
from tests.support.records import make_records
store = SessionStore.open(Path(sys.argv[1]))
record = replace(make_records(1, seed=42)[0], id="running", status="in_progress", ended_at=None)
store.claim(record.id)
for done in range(1, 4):
    store.save_session(replace(record, exercises=record.exercises[:done]))
print("checkpointed", flush=True)
time.sleep(600)
"""


def _start_runner(db_path) -> subprocess.Popen:
    runner = start_python(RUNNER, str(db_path), stdout=subprocess.PIPE)
    assert runner.stdout.readline().strip() == b"checkpointed"
    return runner


def test_a_session_of_a_killed_process_is_recovered_as_stopped(db_path, open_store):
    runner = _start_runner(db_path)
    assert open_store().recover_interrupted() == []  # still running: not touched
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    runner.stdout.close()
    store = open_store()
    [recovered] = store.recover_interrupted()
    assert (recovered.id, recovered.status, recovered.recovered) == ("running", "stopped", True)
    assert len(recovered.exercises) == 3  # everything up to the last checkpoint
    assert store.notices == []  # announced once, by the app, from the records returned
    assert open_store().get_session("running") == recovered
    assert open_store().recover_interrupted() == []
    assert not list(db_path.parent.glob("*.run-*.lock"))


def test_this_copy_does_not_recover_its_own_running_session(db_path, open_store):
    store = open_store()
    record = replace(make_records(1)[0], status="in_progress")
    store.claim(record.id)
    store.save_session(record)
    assert store.recover_interrupted() == []
    assert open_store().recover_interrupted() == []  # another store in this process sees the claim
    store.release(record.id)
    [recovered] = open_store().recover_interrupted()
    assert recovered.id == record.id and recovered.status == "stopped"


def test_finished_sessions_are_left_alone(db_path, open_store):
    store = open_store()
    for record in make_records(5):
        store.save_session(record)
    before = db_path.read_bytes()
    assert open_store().recover_interrupted() == []
    assert db_path.read_bytes() == before

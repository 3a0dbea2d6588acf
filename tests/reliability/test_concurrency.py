"""Cases 9, 10 and 11: several processes share one file without losing anything."""

from __future__ import annotations

import signal
import subprocess

import pytest
from filelock import FileLock

from backcare_tui.storage import LockTimeoutError, SessionStore
from tests.reliability.children import start_python
from tests.support.records import make_records

APPENDER = """
import sys
from pathlib import Path
from backcare_tui.storage import SessionStore
from backcare_tui.domain.models import replace
from tests.support.records import make_records
path, worker, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = SessionStore.open(path, lock_timeout=60)
for index, record in enumerate(make_records(count, seed=int(worker))):
    store.save_session(replace(record, id=f"w{worker}-{index}"))
"""

LOCK_HOLDER = """
import sys, time
from filelock import FileLock
FileLock(sys.argv[1]).acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_n_processes_appending_m_sessions_give_exactly_n_times_m(db_path):
    workers, appends = 4, 15
    children = [start_python(APPENDER, str(db_path), str(worker), str(appends)) for worker in range(workers)]
    assert [child.wait(timeout=120) for child in children] == [0] * workers
    with SessionStore.open(db_path) as store:
        ids = {record.id for record in store.sessions()}
        assert ids == {f"w{worker}-{index}" for worker in range(workers) for index in range(appends)}


def _hold_lock_in_child(lock_path) -> subprocess.Popen:
    holder = start_python(LOCK_HOLDER, str(lock_path), stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"locked"
    return holder


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_start(db_path, open_store):
    db_path.parent.mkdir(parents=True)
    holder = _hold_lock_in_child(db_path.with_name("history.json.lock"))
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    store = open_store(lock_timeout=2)
    store.save_session(make_records(1)[0])
    assert len(store.sessions()) == 1


def test_a_lock_held_too_long_gives_a_message_not_a_hang(db_path, open_store):
    store = open_store(lock_timeout=0.2)
    record = make_records(1)[0]
    busy = FileLock(db_path.with_name("history.json.lock"))  # another copy, busy
    with busy, pytest.raises(LockTimeoutError) as failure:
        store.save_session(record)
    assert "Another copy of backcare-tui" in str(failure.value) and str(db_path) in str(failure.value)
    assert store.sessions()[0].id == record.id  # kept in memory
    store.flush()
    assert open_store().get_session(record.id) is not None


def test_a_write_by_another_copy_while_open_is_not_overwritten(db_path, open_store):
    mine, later = make_records(2)
    store = open_store()
    store.save_session(mine)
    assert len(store.sessions()) == 1  # parsed and cached
    other = start_python(APPENDER, str(db_path), "7", "3")
    assert other.wait(timeout=60) == 0
    assert {r.id for r in store.sessions()} == {mine.id, "w7-0", "w7-1", "w7-2"}
    store.save_session(later)
    with SessionStore.open(db_path) as fresh:
        assert {r.id for r in fresh.sessions()} == {mine.id, later.id, "w7-0", "w7-1", "w7-2"}

"""Cases 3 and 4: a writer killed or interrupted mid-write leaves the old or the new file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time

import msgspec
import pytest

from backcare_tui.storage import SessionStore
from backcare_tui.storage import files as storage_files
from backcare_tui.storage.schema import parse
from tests.reliability.children import start_python
from tests.support.records import make_records

WRITER = """
import sys
from pathlib import Path
from backcare_tui.storage import SessionStore
from backcare_tui.domain.models import replace
from tests.support.records import make_records
store = SessionStore.open(Path(sys.argv[1]))
base = make_records(1, seed=99)[0]
step = 0
print("ready", flush=True)
while True:
    step += 1
    store.save_session(replace(base, id=f"s{step}"))
"""


def test_a_writer_killed_at_random_moments_leaves_old_or_new_state(db_path):
    with SessionStore.open(db_path) as store:
        for record in make_records(300, seed=3):
            store.save_session(record)
    baseline = set(parse(db_path.read_bytes())["sessions"])
    rng = random.Random(7)
    writes_seen = 0
    for _ in range(8):
        writer = start_python(WRITER, str(db_path), stdout=subprocess.PIPE)
        assert writer.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))  # a random moment in a stream of writes, not a wait
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        ids = set(parse(db_path.read_bytes())["sessions"])  # always parses
        added = sorted(int(session_id[1:]) for session_id in ids - baseline)
        assert baseline <= ids
        assert added == list(range(1, len(added) + 1))  # old state plus whole writes, in order
        writes_seen += len(added)
    assert writes_seen > 0
    with SessionStore.open(db_path) as reopened:
        assert reopened.notices == []
        assert not list(db_path.parent.glob(".history.json.*.tmp"))  # leftovers cleaned at open


@pytest.mark.parametrize("victim", ["fsync", "replace"])
def test_keyboard_interrupt_inside_the_write_leaves_the_original(db_path, open_store, monkeypatch, victim):
    store = open_store()
    first, second = make_records(2)
    store.save_session(first)
    before = db_path.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(storage_files.os, victim, interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save_session(second)
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(".history.json.*.tmp"))
    store.save_session(second)  # the pending change and the retry both land
    assert set(msgspec.json.decode(db_path.read_bytes())["sessions"]) == {first.id, second.id}
    assert os.path.exists(db_path)

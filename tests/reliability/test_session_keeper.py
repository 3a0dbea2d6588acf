"""Unsaved work waits in one place, the store, and each failure is told once."""

from __future__ import annotations

import errno
import os

from backcare_tui.session_keeper import SessionKeeper
from backcare_tui.storage import database
from tests.support.records import make_records


class FullDisk:
    def __init__(self, monkeypatch):
        self.failing = True
        real = database.write_atomically

        def write_atomically(path, data, **kwargs):
            if self.failing:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(path, data, **kwargs)

        monkeypatch.setattr(database, "write_atomically", write_atomically)


def test_a_failed_save_waits_in_the_store_and_is_written_by_the_next(db_path, monkeypatch):
    first, second = make_records(2)
    keeper = SessionKeeper(db_path)
    keeper.open()
    disk = FullDisk(monkeypatch)
    error = keeper.save(first)
    assert error is not None and error.count("disk is full") == 1
    assert keeper.unsaved_count == 1 == keeper.store.pending_sessions
    assert [record.id for record in keeper.sessions()] == [first.id]
    assert keeper.take_notices() == []  # the caller was told; nothing is told twice
    disk.failing = False
    assert keeper.save(second) is None
    assert keeper.unsaved_count == 0
    assert {record.id for record in SessionKeeper(db_path).sessions()} == {first.id, second.id}


def test_a_failed_delete_says_so_once_and_the_session_stays(db_path, monkeypatch):
    [record] = make_records(1)
    keeper = SessionKeeper(db_path)
    keeper.open()
    assert keeper.save(record) is None
    FullDisk(monkeypatch)
    error = keeper.delete(record.id)
    assert error is not None and error.endswith("The session is kept.") and error.count("disk is full") == 1
    assert [r.id for r in keeper.sessions()] == [record.id]
    assert keeper.unsaved_count == 0 and keeper.flush() is None  # nothing waits to be retried
    assert keeper.take_notices() == []


def test_deleting_a_session_that_was_never_written_needs_no_write(db_path, monkeypatch):
    [record] = make_records(1)
    keeper = SessionKeeper(db_path)
    keeper.open()
    FullDisk(monkeypatch)
    assert keeper.save(record) is not None
    assert keeper.delete(record.id) is None
    assert keeper.sessions() == [] and keeper.unsaved_count == 0


def test_an_unopenable_file_keeps_sessions_in_the_store(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    keeper = SessionKeeper(blocker / "history.json")
    keeper.open()
    [notice] = keeper.take_notices()
    assert str(blocker / "history.json") in notice
    [record] = make_records(1)
    error = keeper.save(record)
    assert error is not None and "kept in memory" in error
    assert [r.id for r in keeper.sessions()] == [record.id] and keeper.unsaved_count == 1
    assert keeper.take_notices() == []

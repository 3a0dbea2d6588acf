"""Cases 5 and 6: a write that fails leaves the file untouched and keeps the change."""

from __future__ import annotations

import errno
import os

import pytest

from backcare_tui.storage import ReadOnlyDatabaseError, WriteFailedError
from backcare_tui.storage import files as storage_files
from tests.support.records import make_records


def _failing_write(code: int):
    def write(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return write


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EACCES, "permission was denied"), (errno.EROFS, "read-only")],
)
def test_a_failed_write_keeps_the_file_and_the_session(db_path, open_store, monkeypatch, code, words):
    store = open_store()
    first, second = make_records(2)
    store.save_session(first)
    before = db_path.read_bytes()

    monkeypatch.setattr(storage_files.os, "fsync", _failing_write(code))
    with pytest.raises(WriteFailedError) as failure:
        store.save_session(second)
    assert failure.value.errno == code
    assert str(db_path) in str(failure.value) and words in str(failure.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(".history.json.*.tmp"))
    assert store.pending_sessions == 1
    assert {record.id for record in store.sessions()} == {first.id, second.id}  # kept in memory

    monkeypatch.undo()
    store.flush()  # a retry (as the next save of anything would do) writes it
    assert store.pending_sessions == 0
    reopened = open_store()
    assert {record.id for record in reopened.sessions()} == {first.id, second.id}


def test_the_real_disk_full_error_from_the_write_call(db_path, open_store, monkeypatch):
    store = open_store()
    store.save_session(make_records(1)[0])
    before = db_path.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_files.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(WriteFailedError):
        store.save_session(make_records(2, seed=5)[1])
    assert db_path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_read_only_folder_gives_a_clear_message(db_path, open_store):
    store = open_store()
    store.save_session(make_records(1)[0])
    before = db_path.read_bytes()
    db_path.parent.chmod(0o555)
    try:
        reopened = open_store()
        assert len(reopened.sessions()) == 1
        with pytest.raises(WriteFailedError) as failure:
            reopened.save_session(make_records(2, seed=5)[1])
        assert "permission" in str(failure.value) and str(db_path) in str(failure.value)
    finally:
        db_path.parent.chmod(0o755)
    assert db_path.read_bytes() == before


def test_nothing_is_written_to_a_read_only_store(db_path, open_store):
    store = open_store()
    store.read_only = True
    with pytest.raises(ReadOnlyDatabaseError):
        store.save_session(make_records(1)[0])
    assert not db_path.exists()

"""Case 8: a newer file opens read-only; an older one is backed up and migrated once."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.storage import SCHEMA_VERSION, ReadOnlyDatabaseError, encode_session
from tests.support.records import make_records


def _write(path, data) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = msgspec.json.encode(data)
    path.write_bytes(raw)
    return raw


def test_a_newer_file_opens_read_only_and_is_never_written(db_path, open_store):
    records = make_records(3)
    raw = _write(
        db_path,
        {
            "meta": {"1": {"schema_version": SCHEMA_VERSION + 1}},
            "sessions": {r.id: encode_session(r) for r in records},
            "doses": {"knee-rolls": {"reps": 12}},
        },
    )
    store = open_store()
    assert store.read_only
    assert "newer version" in store.notices[0] and str(db_path) in store.notices[0]
    assert {r.id for r in store.sessions()} == {r.id for r in records}
    with pytest.raises(ReadOnlyDatabaseError):
        store.save_session(make_records(4)[3])
    with pytest.raises(ReadOnlyDatabaseError):
        store.delete_session(records[0].id)
    assert {r.id for r in store.sessions()} >= {r.id for r in records}  # the delete was undone
    assert store.recover_interrupted() == []
    assert db_path.read_bytes() == raw


def test_an_older_file_is_backed_up_and_migrated_in_one_write(db_path, open_store):
    records = make_records(3)
    raw = _write(db_path, {"sessions": {r.id: encode_session(r) for r in records}, "settings": {"1": {"sound": True}}})
    store = open_store()
    backup = db_path.with_name("history.json.schema-0.bak")
    assert backup.read_bytes() == raw
    assert not store.read_only
    assert f"from schema version 0 to {SCHEMA_VERSION}" in store.notices[0] and str(backup) in store.notices[0]
    migrated = msgspec.json.decode(db_path.read_bytes())
    assert migrated["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert {r.id for r in store.sessions()} == {r.id for r in records}
    assert store.legacy_settings() == {"sound": True}
    assert open_store().notices == []  # done once


def test_an_older_file_with_bad_values_is_quarantined_not_migrated(db_path, open_store):
    raw = _write(db_path, {"sessions": {"a": {"r": 5}}})
    store = open_store()
    assert store.sessions() == []
    [moved] = db_path.parent.glob("history.json.corrupt-*")
    assert moved.read_bytes() == raw

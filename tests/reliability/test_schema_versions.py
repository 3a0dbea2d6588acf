"""Case 8: a newer file opens read-only; an older one is backed up and migrated once."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.storage import SCHEMA_VERSION, ReadOnlyDatabaseError, encode_session
from backcare_tui.storage.codec_v1 import decode_v1_session
from tests.support.records import make_records

# Sessions as version 1 wrote them: a done row's counts were implied as (reps per block,
# sets, 1 or 2 sides), a missing status meant in progress, and the end was absolute.
V1_SESSIONS = {
    "finished": {
        "r": "posture-reset",
        "n": "Upper back and posture",
        "s": "2024-01-07T11:10:16+01:00",
        "e": "2024-01-07T11:15:43+01:00",
        "t": "c",
        "x": [
            ["chin-tuck", ["h", 5, 10], 77, "d", 10, 1, 0],
            ["bird-dog", ["h", 4, 10, True, 2], 80],
            ["wall-slide", ["r", 10, 5], 12.5, "p", 3],
            ["seated-twist", ["h", 5, 5, True, 1, 5, 2], 0, "s"],
        ],
        "a": 257,
        "w": 70,
        "b": 6,
        "f": 7,
    },
    "running": {"r": "desk-break", "n": "Desk break", "s": "2024-01-08T09:00:00+00:00", "x": [["walking", ["t", 300]]]},
}


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
    records = [decode_v1_session(session_id, document) for session_id, document in V1_SESSIONS.items()]
    raw = _write(db_path, {"sessions": V1_SESSIONS, "settings": {"1": {"sound": True}}})
    store = open_store()
    backup = db_path.with_name("history.json.schema-0.bak")
    assert backup.read_bytes() == raw
    assert not store.read_only
    assert f"from schema version 0 to {SCHEMA_VERSION}" in store.notices[0] and str(backup) in store.notices[0]
    migrated = msgspec.json.decode(db_path.read_bytes())
    assert migrated["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert {r.id for r in store.sessions()} == {r.id for r in records}
    assert store.legacy_settings() == {"sound": True}
    assert store.sessions() == sorted(records, key=lambda r: r.started_at, reverse=True)
    assert open_store().notices == []  # done once


# Damaged documents as they sit in an older file: a wrong type, not an object, deep nesting.
DAMAGED_OLD_SESSIONS = {
    "wrong-type": b'{"r":5}',
    "not-an-object": b"[1,2,3]",
    "deep": b'{"r":"x","n":"x","s":"2024-01-01T08:00:00+00:00","m":' + b"[" * 800 + b"]" * 800 + b"}",
}


def _older_file_with_damage(path, version: int, good: dict) -> bytes:
    """An older file: `good` sessions (as that version wrote them) plus the damaged documents."""
    meta = b'{"meta":{"1":{"schema_version":%d}},"sessions":{' % version
    parts = [msgspec.json.encode(key) + b":" + msgspec.json.encode(document) for key, document in good.items()]
    parts += [msgspec.json.encode(key) + b":" + document for key, document in DAMAGED_OLD_SESSIONS.items()]
    raw = meta + b",".join(parts) + b"}}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


@pytest.mark.parametrize("version", [1, 2])
def test_one_damaged_session_in_an_older_file_is_named_kept_and_hides_no_other(db_path, open_store, version):
    if version == 1:
        good, expected = V1_SESSIONS, {"finished", "running"}
    else:
        records = make_records(3, seed=4)
        good, expected = {r.id: encode_session(r) for r in records}, {r.id for r in records}
    raw = _older_file_with_damage(db_path, version, good)
    store = open_store()
    assert not store.read_only
    assert {r.id for r in store.sessions()} == expected
    assert set(store.damaged_sessions) == set(DAMAGED_OLD_SESSIONS)
    assert db_path.with_name(f"history.json.schema-{version}.bak").read_bytes() == raw
    assert list(db_path.parent.glob("history.json.corrupt-*")) == []
    kept = msgspec.json.decode(db_path.read_bytes(), type=dict[str, dict[str, msgspec.Raw]])
    assert msgspec.json.decode(kept["meta"]["1"]) == {"schema_version": SCHEMA_VERSION}
    for session_id, document in DAMAGED_OLD_SESSIONS.items():
        assert bytes(kept["sessions"][session_id]) == document
    assert {r.id for r in open_store().sessions()} == expected  # and so it stays


def test_an_older_file_that_is_not_an_object_of_tables_is_quarantined(db_path, open_store):
    raw = _write(db_path, {"meta": {"1": {"schema_version": 2}}, "sessions": [1, 2, 3]})
    store = open_store()
    assert store.sessions() == []
    [moved] = db_path.parent.glob("history.json.corrupt-*")
    assert moved.read_bytes() == raw


def test_version_one_sessions_keep_their_meaning_when_upgraded(db_path, open_store):
    _write(db_path, {"meta": {"1": {"schema_version": 1}}, "sessions": V1_SESSIONS})
    store = open_store()
    assert db_path.with_name("history.json.schema-1.bak").exists()
    finished, running = store.get_session("finished"), store.get_session("running")
    assert finished is not None and running is not None
    counts = [(e.status, e.active_seconds, e.reps_done, e.sets_done, e.sides_done) for e in finished.exercises]
    assert counts == [
        ("done", 77, 10, 1, 0),
        ("done", 80, 10, 2, 2),
        ("partial", 12.5, 3, 0, 0),
        ("skipped", 0, 0, 0, 0),
    ]
    assert (finished.status, finished.ended_at.isoformat()) == ("completed", "2024-01-07T11:15:43+01:00")
    assert (running.status, running.ended_at, running.exercises[0].active_seconds) == ("in_progress", None, 0)
    assert (running.exercises[0].reps_done, running.exercises[0].sides_done) == (0, 1)  # as version 1 implied
    stored = msgspec.json.decode(db_path.read_bytes())["sessions"]
    assert "t" not in stored["finished"] and stored["running"]["t"] == "i"

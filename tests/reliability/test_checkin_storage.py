"""Schema 4: the weekly check-ins in the history file, written as safely as sessions, and the
migration of a real schema-3 file (committed under tests/fixtures) that keeps everything."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from backcare_tui.domain.checkin import ActivityScore, CheckIn, CheckInLog
from backcare_tui.session_keeper import SessionKeeper
from backcare_tui.storage import SCHEMA_VERSION, ReadOnlyDatabaseError, WriteFailedError, decode_session
from backcare_tui.storage import files as storage_files
from backcare_tui.storage.checkin_codec import CHECKINS
from backcare_tui.storage.programme_codec import decode_change, decode_decision, decode_dose_row
from backcare_tui.storage.snapshot import read_snapshot
from tests.support.records import make_records

FIXTURES = Path(__file__).parent.parent / "fixtures"
AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _checkin(days: int = 0, scores: tuple[int, ...] = (4, 6), relief: int | None = 2) -> CheckIn:
    names = ("putting on socks", "walking 20 minutes", "lifting my child")
    return CheckIn(
        at=AT + timedelta(days=days),
        scores=tuple(ActivityScore(activity=name, score=score) for name, score in zip(names, scores, strict=False)),
        pain_relief_days=relief,
    )


def _skip(days: int) -> CheckIn:
    return CheckIn(at=AT + timedelta(days=days), skipped=True)


def _full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_schema_four_is_current() -> None:
    assert SCHEMA_VERSION == 4


def test_a_real_schema_three_file_keeps_everything_and_gains_check_ins(db_path: Path, open_store) -> None:
    fixture = FIXTURES / "history-v3.json"
    raw = fixture.read_bytes()
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(fixture, db_path)
    old = msgspec.json.decode(raw)
    sessions = sorted(
        (decode_session(key, document) for key, document in old["sessions"].items()),
        key=lambda record: record.started_at,
        reverse=True,
    )
    assert sessions and old["doses"] and old["dose_changes"] and old["keep_decisions"]

    store = open_store()
    assert not store.read_only
    assert f"from schema version 3 to {SCHEMA_VERSION}" in store.notices[0]
    assert db_path.with_name("history.json.schema-3.bak").read_bytes() == raw
    migrated = msgspec.json.decode(db_path.read_bytes())
    assert migrated["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert migrated[CHECKINS] == {}
    for table in ("sessions", "doses", "dose_changes", "keep_decisions"):
        assert migrated[table] == old[table]
    assert store.sessions() == sessions
    assert store.doses() == [decode_dose_row(row) for row in old["doses"].values()]
    assert store.dose_changes() == [decode_change(row) for row in old["dose_changes"].values()]
    assert store.keep_decisions() == [decode_decision(row) for row in old["keep_decisions"].values()]
    assert store.checkins() == []

    store.save_checkin(_checkin())
    reopened = open_store()
    assert reopened.notices == []  # migrated once
    assert reopened.checkins() == [_checkin()]
    assert reopened.sessions() == sessions


def test_a_schema_three_file_is_read_with_check_ins_without_being_changed(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "history-v3.json", db_path)
    before = db_path.read_bytes()
    snapshot = read_snapshot(db_path)
    assert snapshot.checkins == [] and snapshot.changes and len(snapshot.sessions) == 12
    assert "older version (schema 3)" in snapshot.notices[0]
    assert db_path.read_bytes() == before


def test_check_ins_round_trip_oldest_first(open_store) -> None:
    store = open_store()
    saved = [_checkin(14, (7, 8), 0), _skip(7), _checkin(0), _checkin(21, (9,), None)]
    for checkin in saved:
        store.save_checkin(checkin)
    expected = sorted(saved, key=lambda checkin: checkin.at)
    assert store.checkins() == expected
    assert open_store().checkins() == expected
    assert open_store(read_only=True).checkins() == expected


def test_two_check_ins_in_the_same_second_are_both_kept(open_store) -> None:
    store = open_store()
    store.save_checkin(_checkin(scores=(1, 2)))
    store.save_checkin(_checkin(scores=(3, 4)))
    assert len(open_store().checkins()) == 2


def test_the_snapshot_reads_check_ins(db_path: Path, open_store) -> None:
    store = open_store()
    for record in make_records(3):
        store.save_session(record)
    store.save_checkin(_checkin(7))
    store.save_checkin(_checkin(0))
    for recent in (False, True):
        assert read_snapshot(db_path, recent=recent).checkins == [_checkin(0), _checkin(7)]


def test_a_check_in_that_could_not_be_written_waits_and_is_written_with_the_next_save(
    db_path: Path, open_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store()
    store.save_session(make_records(1)[0])
    before = db_path.read_bytes()
    monkeypatch.setattr(storage_files.os, "fsync", _full_disk)
    with pytest.raises(WriteFailedError):
        store.save_checkin(_checkin())
    assert db_path.read_bytes() == before
    assert store.checkins() == [_checkin()]  # kept in memory for this run
    monkeypatch.undo()
    store.save_session(make_records(2)[1])
    assert open_store().checkins() == [_checkin()]


def test_a_damaged_check_in_is_left_out_and_kept_as_it_is(db_path: Path, open_store) -> None:
    store = open_store()
    store.save_checkin(_checkin())
    data = msgspec.json.decode(db_path.read_bytes())
    data[CHECKINS]["20260101T000000Z/bad"] = {"s": "2026-01-01T00:00:00+00:00", "a": [["socks", 99]]}
    db_path.write_bytes(msgspec.json.encode(data))
    store = open_store()
    assert store.checkins() == [_checkin()]
    assert read_snapshot(db_path).checkins == [_checkin()]
    store.save_checkin(_checkin(7))
    kept = msgspec.json.decode(db_path.read_bytes())[CHECKINS]
    assert kept["20260101T000000Z/bad"] == {"s": "2026-01-01T00:00:00+00:00", "a": [["socks", 99]]}
    assert open_store().checkins() == [_checkin(), _checkin(7)]


def test_a_newer_file_is_still_refused_for_check_ins(db_path: Path, open_store) -> None:
    db_path.parent.mkdir(parents=True)
    newer = {"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, CHECKINS: {"x": {"new": 1}}}
    db_path.write_bytes(msgspec.json.encode(newer))
    before = db_path.read_bytes()
    store = open_store()
    assert store.read_only
    assert f"newer version of backcare-tui (schema {SCHEMA_VERSION + 1}" in store.notices[0]
    assert store.checkins() == []
    with pytest.raises(ReadOnlyDatabaseError):
        store.save_checkin(_checkin())
    assert db_path.read_bytes() == before


def test_the_keeper_is_a_check_in_log_and_says_why_a_check_in_waits(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper = SessionKeeper(db_path)
    log: CheckInLog = keeper
    keeper.open()
    assert log.save_checkin(_checkin()) is None
    monkeypatch.setattr(storage_files.os, "fsync", _full_disk)
    problem = log.save_checkin(_checkin(7))
    assert problem is not None and "kept in memory" in problem and str(db_path) in problem
    assert log.checkins() == [_checkin(), _checkin(7)]
    keeper.close()
    monkeypatch.undo()
    reopened = SessionKeeper(db_path)
    assert reopened.checkins() == [_checkin()]
    reopened.close()

"""Schema 3 added personal doses, their change log and "keep as is" decisions; real older
files (committed under tests/fixtures) are migrated to the current schema with them."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from backcare_tui.domain.models import DoseChange, HoldDose, KeepDecision, PersonalDose, RepsDose, replace
from backcare_tui.storage import SCHEMA_VERSION, ReadOnlyDatabaseError, WriteFailedError, decode_session, normalise
from backcare_tui.storage import files as storage_files
from backcare_tui.storage.codec_v1 import decode_v1_session
from backcare_tui.storage.programme_codec import PROGRAMME_TABLES
from tests.support.records import make_records

FIXTURES = Path(__file__).parent.parent / "fixtures"
AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _bridge_change(at: datetime = AT) -> tuple[PersonalDose, DoseChange]:
    before, after = RepsDose(reps=8), RepsDose(reps=9)
    dose = PersonalDose(
        routine_id="core-and-glutes", exercise_id="glute-bridge", current_exercise="glute-bridge", dose=after
    )
    change = DoseChange(
        at=at,
        routine_id="core-and-glutes",
        exercise_id="glute-bridge",
        from_exercise="glute-bridge",
        from_dose=before,
        to_exercise="glute-bridge",
        to_dose=after,
        reason="build_up",
        why="Comfortable twice this week.",
    )
    return dose, change


@pytest.mark.parametrize("version", [1, 2])
def test_a_real_older_file_is_backed_up_and_migrated_in_one_write(db_path, open_store, version):
    fixture = FIXTURES / f"history-v{version}.json"
    raw = fixture.read_bytes()
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(fixture, db_path)
    old = msgspec.json.decode(raw)["sessions"]
    decode = decode_v1_session if version == 1 else decode_session
    expected = sorted((decode(i, d) for i, d in old.items()), key=lambda r: r.started_at, reverse=True)

    store = open_store()
    assert not store.read_only
    assert f"from schema version {version} to {SCHEMA_VERSION}" in store.notices[0]
    assert db_path.with_name(f"history.json.schema-{version}.bak").read_bytes() == raw
    assert db_path.with_name("history.json.bak").read_bytes() == raw  # one write replaced it
    migrated = msgspec.json.decode(db_path.read_bytes())
    assert migrated["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert all(migrated[name] == {} for name in PROGRAMME_TABLES)
    assert store.sessions() == expected
    assert (store.doses(), store.dose_changes(), store.keep_decisions()) == ([], [], [])

    dose, change = _bridge_change()
    store.save_dose_change(dose, change)
    assert open_store().notices == []  # migrated once
    assert open_store().doses() == [dose]


def test_a_dose_change_and_its_log_entry_round_trip(open_store):
    store = open_store()
    dose, change = _bridge_change()
    store.save_dose_change(dose, change)
    variant = PersonalDose(
        routine_id="nhs-daily",
        exercise_id="knee-rolls",
        current_exercise="knee-rolls-hold",
        dose=HoldDose(hold=10, reps=3),
    )
    swap = DoseChange(
        at=AT.replace(hour=10),
        routine_id="nhs-daily",
        exercise_id="knee-rolls",
        from_exercise="knee-rolls",
        from_dose=RepsDose(reps=10, tempo=6),
        to_exercise="knee-rolls-hold",
        to_dose=variant.dose,
        reason="ease_back",
    )
    store.save_dose_change(variant, swap)
    reopened = open_store()
    assert sorted(reopened.doses(), key=lambda d: d.routine_id) == [dose, variant]
    assert reopened.dose_changes() == [change, swap]


def test_a_later_change_replaces_the_dose_and_adds_to_the_log(open_store):
    store = open_store()
    dose, change = _bridge_change()
    store.save_dose_change(dose, change)
    higher = replace(dose, dose=RepsDose(reps=10))
    later = replace(change, at=AT.replace(day=9), from_dose=dose.dose, to_dose=higher.dose)
    store.save_dose_change(higher, later)
    assert open_store().doses() == [higher]
    assert open_store().dose_changes() == [change, later]


def test_keep_decisions_keep_the_latest_per_exercise(open_store):
    store = open_store()
    first = KeepDecision(at=AT, routine_id="core-and-glutes", exercise_id="glute-bridge")
    other = KeepDecision(at=AT, routine_id="core-and-glutes", exercise_id="bird-dog")
    store.save_keep_decisions([first, other])
    later = replace(first, at=AT.replace(day=5))
    store.save_keep_decisions([later])
    assert sorted(open_store().keep_decisions(), key=lambda d: d.exercise_id) == [other, later]


def test_a_failed_dose_change_writes_neither_part(db_path, open_store, monkeypatch):
    store = open_store()
    record = make_records(1)[0]
    store.save_session(record)
    before = db_path.read_bytes()

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_files.os, "fsync", failing)
    dose, change = _bridge_change()
    with pytest.raises(WriteFailedError):
        store.save_dose_change(dose, change)
    assert db_path.read_bytes() == before
    assert (store.doses(), store.dose_changes()) == ([], [])
    monkeypatch.undo()
    assert (open_store().doses(), open_store().dose_changes()) == ([], [])


def test_a_dose_change_also_writes_a_session_waiting_to_be_saved(db_path, open_store, monkeypatch):
    store = open_store()
    first, second = make_records(2)
    store.save_session(first)
    monkeypatch.setattr(storage_files.os, "fsync", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(WriteFailedError):
        store.save_session(second)
    monkeypatch.undo()
    store.save_dose_change(*_bridge_change())
    assert store.pending_sessions == 0
    assert {r.id for r in open_store().sessions()} == {first.id, second.id}


def test_a_newer_file_refuses_dose_changes(db_path, open_store):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(
        msgspec.json.encode({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "doses": {"x": {"new": 1}}})
    )
    store = open_store()
    assert store.read_only and store.doses() == []
    with pytest.raises(ReadOnlyDatabaseError):
        store.save_dose_change(*_bridge_change())


@pytest.mark.parametrize("answer", ["better", "same", "worse", "skipped"])
def test_the_exercise_that_hurt_and_the_next_morning_answer_are_kept(open_store, answer):
    record = replace(make_records(1)[0], hurt_exercise="glute-bridge", next_morning=answer)
    store = open_store()
    store.save_session(record)
    assert open_store().get_session(record.id) == normalise(record)
    plain = replace(record, hurt_exercise=None, next_morning=None)
    store.save_session(plain)
    assert open_store().get_session(record.id) == normalise(plain)


def test_the_keeper_turns_a_failed_dose_change_into_one_sentence(db_path, monkeypatch):
    from backcare_tui.session_keeper import SessionKeeper

    keeper = SessionKeeper(db_path)
    keeper.open()
    dose, change = _bridge_change()
    monkeypatch.setattr(storage_files.os, "fsync", lambda *a: (_ for _ in ()).throw(OSError(errno.EACCES, "denied")))
    error = keeper.save_dose_change(dose, change)
    assert error is not None and error.endswith("Your dose was not changed.")
    monkeypatch.undo()
    assert keeper.save_dose_change(dose, change) is None
    assert keeper.keep_as_is([KeepDecision(at=AT, routine_id="core-and-glutes", exercise_id="glute-bridge")]) is None
    programme = keeper.programme()
    assert (programme.doses, programme.changes, len(programme.decisions)) == ([dose], [change], 1)
    keeper.close()

"""Case 7: a file that cannot be read is moved aside, reported, and never overwritten."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare_tui.domain.clock import FakeClock
from backcare_tui.storage import SessionStore, encode_session
from tests.support.records import make_records

GOOD = msgspec.json.encode(
    {"meta": {"1": {"schema_version": 1}}, "sessions": {r.id: encode_session(r) for r in make_records(3)}}
)
BAD_FILES = {
    "empty": b"",
    "whitespace": b" \n\t ",
    "nul-filled": b"\0" * 4096,
    "bom": b"\xef\xbb\xbf" + GOOD,
    "not-utf8 in a table name": GOOD.replace(b'"sessions"', b'"sess\xffions"', 1),
    "table not an object": b'{"sessions": [1, 2]}',
    "NaN": GOOD.replace(b'"b":', b'"b":NaN,"old":', 1),
    "schema version text": GOOD.replace(b'"schema_version":1', b'"schema_version":"1"'),
    "truncated": GOOD[: len(GOOD) // 2],
}


def _open_corrupt(path, content: bytes) -> SessionStore:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return SessionStore.open(path, clock=FakeClock())


def _moved_aside(path):
    return sorted(path.parent.glob("history.json.corrupt-*"))


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_moved_aside_and_the_history_starts_empty(db_path, content):
    with _open_corrupt(db_path, content) as store:
        [moved] = _moved_aside(db_path)
        assert moved.name == "history.json.corrupt-20260105T090000Z"
        assert moved.read_bytes() == content
        assert not db_path.exists()
        assert store.sessions() == [] and not store.read_only
        [notice] = store.notices
        assert str(db_path) in notice and str(moved) in notice and "empty" in notice
        store.save_session(make_records(1, seed=8)[0])
    assert moved.read_bytes() == content  # the bad file is never overwritten


# One session damaged in an otherwise good (older) file: that session alone is left out.
DAMAGED_SESSION = {
    "not-utf8": GOOD.replace(b'"n":"', b'"n":"\xff', 1),
    "wrong field type": GOOD.replace(b'"b":', b'"b":"high","old":', 1),
    "pain out of range": GOOD.replace(b'"b":', b'"b":11,"old":', 1),
}


@pytest.mark.parametrize("content", DAMAGED_SESSION.values(), ids=DAMAGED_SESSION.keys())
def test_one_damaged_session_is_named_and_the_others_are_kept(db_path, content):
    records = make_records(3)
    damaged_id = next(r.id for r in records if content.find(r.id.encode()) < content.find(b'"n":"'))
    with _open_corrupt(db_path, content) as store:
        assert _moved_aside(db_path) == []
        assert {r.id for r in store.sessions()} == {r.id for r in records} - {damaged_id}
        assert list(store.damaged_sessions) == [damaged_id]
        store.save_session(make_records(1, seed=8)[0])
    assert len(SessionStore.open(db_path, clock=FakeClock()).sessions()) == 3


def test_the_last_good_backup_is_restored(db_path, open_store):
    records = make_records(3)
    store = open_store()
    for record in records:
        store.save_session(record)  # each write keeps the previous file as .bak
    db_path.write_bytes(b'{"sessions": {"x": ')
    with SessionStore.open(db_path, clock=FakeClock()) as reopened:
        assert {r.id for r in reopened.sessions()} == {r.id for r in records[:2]}
        assert "Restored the last good copy" in reopened.notices[0]
        assert str(db_path.with_name("history.json.bak")) in reopened.notices[0]
        assert _moved_aside(db_path)[0].read_bytes() == b'{"sessions": {"x": '


def test_a_second_corrupt_file_in_the_same_second_gets_its_own_name(db_path):
    for content in (b'{"sessions": one', b'{"sessions": two'):
        _open_corrupt(db_path, content).close()
    assert [p.read_bytes() for p in _moved_aside(db_path)] == [b'{"sessions": one', b'{"sessions": two']


def test_a_file_corrupted_while_open_is_moved_aside_before_the_next_save(db_path, open_store):
    store = open_store()
    first, second, third = make_records(3)
    store.save_session(first)
    store.save_session(second)  # the file with `first` becomes history.json.bak
    db_path.write_bytes(b"\0\0\0")
    store.save_session(third)
    assert _moved_aside(db_path)[0].read_bytes() == b"\0\0\0"
    assert {r.id for r in store.sessions()} == {first.id, third.id}
    assert any("moved to" in notice for notice in store.notices)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_a_file_truncated_anywhere_is_quarantined(tmp_path, cut):
    path = tmp_path / f"cut-{cut}" / "history.json"
    with _open_corrupt(path, GOOD[:cut]) as store:
        assert [p.read_bytes() for p in _moved_aside(path)] == [GOOD[:cut]]
        assert store.sessions() == []

"""Honest reads: a history that cannot be read is an error, and one damaged session hides no other.

Read-only commands exit 2 with a clear "damaged" message for a file they cannot read (never
"No sessions yet" or `[]`). A damaged session is named by its id, left out, and kept exactly
as it is on disk, also when other sessions are saved. Deep nesting, huge numbers, wrong types
and odd Unicode all end in that message, never in a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.storage import SCHEMA_VERSION, SessionStore, encode_session
from tests.reliability.cli import run_cli, snapshot
from tests.support.records import make_records

HISTORY_COMMANDS = (["history"], ["history", "--json"], ["history", "--csv"])
META = b'{"meta":{"1":{"schema_version":%d}},' % SCHEMA_VERSION
DAMAGED_FILES = {
    "deep nesting": META + b'"sessions":{"a":' + b"[" * 5000 + b"]" * 5000 + b"}}",
    "deep nesting at the top": b'{"meta":' + b"[" * 5000 + b"]" * 5000 + b"}",
    "sessions not a table": META + b'"sessions":[1,2,3]}',
    "meta of the wrong type": b'{"meta":{"1":{"schema_version":"two"}},"sessions":{}}',
    "huge schema number": b'{"meta":{"1":{"schema_version":1e999}},"sessions":{}}',
    "NaN": META + b'"sessions":{"a":NaN}}',
    "lone surrogate in a key": META + b'"sessions":{"\\ud800":{}}}',
    "lone surrogate in a note": META + b'"sessions":{"a":{"m":"\\udc80"}}}',
    "not UTF-8": META + b'"sessions":{"\xff\xfe":{}}}',
    "truncated": META + b'"sessions":{"a":{"r":"x"',
}


@pytest.mark.parametrize("content", DAMAGED_FILES.values(), ids=DAMAGED_FILES.keys())
@pytest.mark.parametrize("command", HISTORY_COMMANDS, ids=" ".join)
def test_a_history_that_cannot_be_read_is_an_error(tmp_path: Path, content: bytes, command: list[str]) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    result = run_cli(*command, "--db", path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(path) in line and "damaged" in line and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


def _file_with(path: Path, bad: dict[str, bytes]) -> tuple[list[str], bytes]:
    """Three good sessions plus the given damaged documents (raw JSON), written to `path`."""
    records = make_records(3, seed=2)
    good = b",".join(f'"{r.id}":'.encode() + msgspec.json.encode(encode_session(r)) for r in records)
    damaged = b"".join(b',"' + key.encode() + b'":' + document for key, document in bad.items())
    content = META + b'"sessions":{' + good + damaged + b"}}"
    path.write_bytes(content)
    return [r.id for r in records], content


GOOD_DOCUMENT = msgspec.json.encode(encode_session(make_records(1, seed=5)[0]))
DAMAGED_SESSIONS = {
    "deep": b'{"r":"x","n":"x","s":"2024-01-01T08:00:00+00:00","m":' + b"[" * 800 + b"]" * 800 + b"}",
    "huge-end": GOOD_DOCUMENT[:-1] + b',"e":1e300}',
    "huge-pain": GOOD_DOCUMENT[:-1] + b',"b":100000000000000000000000000000000000}',
    "huge-seconds": GOOD_DOCUMENT.replace(b'"s":', b'"a":1e999,"s":', 1),
    "wrong-type": GOOD_DOCUMENT.replace(b'"n":', b'"n":5,"old":', 1),
    "not-an-object": b"[1,2,3]",
    "bad-time": GOOD_DOCUMENT.replace(b'"s":"', b'"s":"yesterday', 1),
    "not-utf8-note": GOOD_DOCUMENT[:-1] + b',"m":"\xc3\x28"}',
}


@pytest.mark.parametrize("command", HISTORY_COMMANDS, ids=" ".join)
def test_a_damaged_session_is_named_and_the_others_are_shown(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "history.json"
    good_ids, content = _file_with(path, DAMAGED_SESSIONS)
    result = run_cli(*command, "--db", path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for session_id in DAMAGED_SESSIONS:
        assert f"session {session_id} in {path} is damaged" in result.stderr
    assert len(result.stderr.splitlines()) == len(DAMAGED_SESSIONS)
    if command[-1] == "--json":
        assert sorted(session["id"] for session in json.loads(result.stdout)) == sorted(good_ids)
    else:
        assert len(result.stdout.splitlines()) == 1 + len(good_ids)
    assert path.read_bytes() == content


def test_a_save_keeps_every_damaged_session_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    good_ids, _ = _file_with(path, DAMAGED_SESSIONS)
    new = make_records(1, seed=11)[0]
    with SessionStore.open(path, clock=FakeClock()) as store:
        assert sorted(r.id for r in store.sessions()) == sorted(good_ids)
        assert set(store.damaged_sessions) == set(DAMAGED_SESSIONS)
        assert not store.read_only and store.recover_interrupted() == []
        store.save_session(new)
        store.delete_session(good_ids[0])
    kept = msgspec.json.decode(path.read_bytes(), type=dict[str, dict[str, msgspec.Raw]])["sessions"]
    for session_id, document in DAMAGED_SESSIONS.items():
        assert bytes(kept[session_id]) == document
    with SessionStore.open(path, clock=FakeClock()) as store:
        assert sorted(r.id for r in store.sessions()) == sorted([*good_ids[1:], new.id])


def test_odd_but_valid_unicode_is_shown_as_written(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    odd = "e\u0301 \u202eevil\u202c \U0001f9d8 \u00a0\ufeff"
    record = make_records(1, seed=3)[0]
    document = {**encode_session(record), "n": odd, "m": odd}
    path.write_bytes(
        msgspec.json.encode({"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "sessions": {record.id: document}})
    )
    result = run_cli("history", "--json", "--db", path)
    assert result.returncode == 0 and json.loads(result.stdout)[0]["note"] == odd

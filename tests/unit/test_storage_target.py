"""Telling a history file (whole, truncated or blank) from someone else's file."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.storage import SessionStore, encode_session
from backcare_tui.storage.schema import SCHEMA_VERSION, ShapeError, parse
from backcare_tui.storage.target import looks_like_history
from tests.support.records import make_records

HISTORY = msgspec.json.encode(
    {"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "sessions": {r.id: encode_session(r) for r in make_records(2)}}
)


@pytest.mark.parametrize(
    "content",
    [
        HISTORY,
        HISTORY[:40],
        b"",
        b"  \n",
        b"\0" * 64,
        b"{",
        b'{"me',
        b'{ "sessions" : {',
        b"\xef\xbb\xbf" + HISTORY,
        b"{}",
    ],
)
def test_what_is_left_of_a_history_is_recognised(content: bytes) -> None:
    assert looks_like_history(content)


@pytest.mark.parametrize(
    "content",
    [
        b"export PATH=$HOME/bin:$PATH\n",
        b"[1, 2, 3]",
        b'{"name": "my-package", "version": "1.0"}',
        b"\x7fELF\x02\x01\x01",
        b"# notes\n{not json}",
    ],
)
def test_other_files_are_not_taken_for_a_history(content: bytes) -> None:
    assert not looks_like_history(content)


def test_sessions_are_kept_as_raw_json_and_decoded_once(tmp_path) -> None:
    data = parse(HISTORY)
    assert all(isinstance(document, msgspec.Raw) for document in data["sessions"].values())
    path = tmp_path / "history.json"
    path.write_bytes(HISTORY)
    with SessionStore.open(path, read_only=True) as store:
        first = store.sessions()
        assert all(a is b for a, b in zip(store.sessions(), first, strict=True))  # cached, not decoded again
        assert store.damaged_sessions == {}


@pytest.mark.parametrize("depth", [5000, 50_000])
def test_deep_nesting_is_a_shape_error(depth: int) -> None:
    with pytest.raises(ShapeError, match="nested too deeply"):
        parse(b'{"sessions":{"a":' + b"[" * depth + b"]" * depth + b"}}")

"""Hypothesis strategies for the files people hand the app: library TOML and history JSON.

Each strategy yields the bytes of one file. Most start from a valid file and break it in one
of the ways files really break (a field of the wrong type, a missing or unknown key, text
cut short), and some are hostile outright: nesting thousands of levels deep, numbers with
thousands of digits, NaN, lone surrogates, control characters and Rich markup.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from backcare_tui.domain.models import ExerciseResult, HoldDose, SessionRecord
from backcare_tui.storage.codec import encode_session
from tests.conftest import exercise_data, routine_data

MARKUP = ("Back [easy]", "[/]", "[bold]x[/bold]", "[red", "[link=http://x]y[/link]", "\\[escaped]", "[@click=quit]q[/]")
CONTROL = (
    "\x1b[31mred\x1b[0m",
    "bell\x07",
    "\x9b2J",
    "nul\x00",
    "del\x7f",
    "back\x08space",
    "cr\rlf",
    "\x1b]0;title\x07",
)
ODD_UNICODE = (
    "Caf\u00e9",
    "\u202eright to left",
    "\u200bzero width",
    "e\u0301",
    "\U0001f9d8",
    "\ufeffbom",
    "\u2028line",
)

odd_text = st.one_of(
    st.sampled_from(MARKUP + CONTROL + ODD_UNICODE),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "Zl", "Mn")), max_size=20),
    st.integers(400, 3000).map(lambda size: "x" * size),  # longer than any field allows
)
huge_integers = st.one_of(
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**30, -(10**30)]),
)
odd_floats = st.one_of(st.floats(), st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0, 5e-324]))
scalars = st.one_of(st.booleans(), huge_integers, odd_floats, odd_text)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4),
    max_leaves=12,
)


# --- TOML ------------------------------------------------------------------------------


def toml_key(key: str) -> str:
    return json.dumps(key)  # a JSON string is a valid quoted TOML key


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_document(data: Mapping[str, Any]) -> str:
    return "".join(f"{toml_key(key)} = {toml_value(value)}\n" for key, value in data.items())


def _set(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    return {**data, key: value}


def _drop(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


@st.composite
def broken_data(draw: st.DrawFn, valid: dict[str, Any]) -> dict[str, Any]:
    """`valid` with one to four fields replaced, removed or added."""
    data = dict(valid)
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(sorted(data)) if data else st.just("id"))
        action = draw(st.sampled_from(["any value", "remove", "unknown key", "odd text"]))
        if action == "any value":
            data = _set(data, key, draw(values))
        elif action == "remove":
            data = _drop(data, key)
        elif action == "unknown key":
            data = _set(data, draw(odd_text), draw(values))
        else:
            data = _set(data, key, draw(odd_text))
    return data


def _nested(depth: int, kind: str) -> str:
    if kind == "array":
        return "[" * depth + "]" * depth
    if kind == "table":
        return "{ a = " * depth + "1" + " }" * depth
    return "[" * depth + "{ a = 1 }" + "]" * depth


deep_toml = st.builds(
    lambda key, depth, kind: f'id = "deep"\n{key} = {_nested(depth, kind)}\n',
    st.sampled_from(["name", "steps", "dose", "x"]),
    st.sampled_from([50, 998, 1000, 5000]),
    st.sampled_from(["array", "table", "mixed"]),
)
exercise_toml = st.one_of(
    st.just(exercise_data()).map(toml_document),
    broken_data(exercise_data()).map(toml_document),
)
routine_toml = st.one_of(
    st.just(routine_data(exercises=("knee-rolls",))).map(toml_document),
    broken_data(routine_data(exercises=("knee-rolls",), next_stage="desk-break")).map(toml_document),
)
pose_data = {
    "view": "side",
    "props": ["floor", "mat"],
    "poses": {
        "start": {"trunk": 180, "head": 180, "arm": [-12, 0, 0], "leg": [45, -55, -15], "word": "lower"},
        "end": {"trunk": 200, "head": 180, "arm": [0, 0], "leg": [20, -50, -10], "word": "lift"},
    },
}
pose_toml = st.one_of(st.just(toml_document(pose_data)), broken_data(pose_data).map(toml_document))


@st.composite
def damaged_bytes(draw: st.DrawFn, text: str) -> bytes:
    """`text` as UTF-8, possibly cut short, with bytes that are not UTF-8, or with huge values."""
    raw = text.encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["as is", "as is", "truncated", "not utf-8", "huge number", "huge text", "bom"]))
    if how == "truncated":
        return raw[: draw(st.integers(0, max(0, len(raw) - 1)))]
    if how == "not utf-8":
        return raw + draw(st.sampled_from([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x80"]))
    if how == "huge number":
        return raw + b"big = " + b"9" * draw(st.sampled_from([19, 400, 4301, 20_000])) + b"\n"
    if how == "huge text":
        return raw + b'long = "' + b"y" * 1_100_000 + b'"\n'
    if how == "bom":
        return b"\xef\xbb\xbf" + raw
    return raw


def library_file(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.one_of(text.flatmap(damaged_bytes), deep_toml.map(str.encode), st.binary(max_size=200))


# --- history JSON ---------------------------------------------------------------------

stamps = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda moment: moment.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-13-01T00:00:00Z", "yesterday"]),
)
doses = st.one_of(
    st.tuples(st.just("h"), huge_integers, huge_integers).map(list),
    st.tuples(st.just("r"), huge_integers).map(list),
    st.tuples(st.just("t"), huge_integers, st.booleans()).map(list),
    values,
)
exercise_rows = st.one_of(
    st.tuples(odd_text, doses).map(list),
    st.tuples(odd_text, doses, odd_floats, st.sampled_from(["d", "p", "s", "n", "x"]), huge_integers).map(list),
    values,
)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually the right kind of value, sometimes any value at all."""
    return st.one_of(strategy, strategy, strategy, values)


session_documents = st.fixed_dictionaries(
    {"r": _maybe(st.from_regex(r"^[a-z0-9-]{1,12}$", fullmatch=True)), "n": _maybe(odd_text), "s": _maybe(stamps)},
    optional={
        "e": st.one_of(odd_floats, huge_integers, stamps, st.none()),
        "t": _maybe(st.sampled_from(["i", "c", "s", "p"])),
        "x": _maybe(st.lists(exercise_rows, max_size=3)),
        "a": _maybe(odd_floats),
        "w": _maybe(odd_floats),
        "p": _maybe(odd_floats),
        "b": _maybe(st.integers(0, 10)),
        "f": _maybe(st.integers(0, 10)),
        "m": _maybe(odd_text),
        "h": _maybe(odd_text),
        "c": _maybe(st.booleans()),
        "zz": values,
    },
)
history_data = st.fixed_dictionaries(
    {"sessions": st.dictionaries(odd_text, session_documents, max_size=4)},
    optional={
        "meta": _maybe(st.just({"1": {"schema_version": 2}}))
        | st.builds(lambda v: {"1": {"schema_version": v}}, st.sampled_from([0, 1, 2, 3, -1, "2", 2.0, 2**70])),
        "settings": _maybe(st.just({"1": {"sound": False}})),
        "doses": values,
    },
)


plain_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
valid_records = st.builds(
    SessionRecord,
    id=st.from_regex(r"^[a-z0-9-]{1,20}$", fullmatch=True),
    routine_id=st.sampled_from(["desk-break", "core-and-glutes", "odd-routine"]),
    routine_name=odd_text.filter(lambda text: len(text) <= 60),
    started_at=plain_times,
    status=st.sampled_from(["in_progress", "completed", "stopped", "stopped_for_pain"]),
    exercises=st.lists(
        st.builds(
            ExerciseResult,
            exercise_id=st.sampled_from(["knee-rolls", "pelvic-tilt", "odd\x1bid"]),
            dose=st.builds(HoldDose, hold=st.integers(1, 120), reps=st.integers(1, 50)),
            planned_seconds=st.floats(0, 2000),
            status=st.sampled_from(["done", "partial", "skipped", "not_started"]),
        ),
        max_size=3,
    ).map(tuple),
    active_seconds=st.floats(0, 5000),
    pain_before=st.none() | st.integers(0, 10),
    note=odd_text.filter(lambda text: len(text) <= 2000),
)
valid_history = st.dictionaries(st.text(min_size=1, max_size=8), valid_records, max_size=5).map(
    lambda records: {
        "meta": {"1": {"schema_version": 2}},
        "sessions": {key: encode_session(record) for key, record in records.items()},
    }
)


def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def history_file(draw: st.DrawFn) -> bytes:
    data = draw(st.one_of(valid_history, valid_history, history_data, values))
    text = json.dumps(data, allow_nan=True)  # NaN and Infinity are not JSON: a damaged file
    damage = ["truncated", "deep", "huge number", "surrogate", "not utf-8"]
    how = draw(st.sampled_from(["as is"] * len(damage) + damage))
    if how == "truncated":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif how == "deep":
        depth = draw(st.sampled_from([100, 1000, 5000, 20_000]))
        where = draw(st.sampled_from(["top", "session", "note"]))
        if where == "top":
            text = _deep_json(depth)
        else:
            key = "m" if where == "note" else "deep"
            text = json.dumps({"meta": {"1": {"schema_version": 2}}, "sessions": {"a": {key: 0}}})
            text = text.replace("0}}}", _deep_json(depth) + "}}}")
    elif how == "huge number":
        number = draw(st.sampled_from(["1" + "0" * 400, "1e400", "-1e400", "9" * 5000, "1.5e-400"]))
        text = text.replace("2}}", number + "}}", 1) if "2}}" in text else number
    elif how == "surrogate":
        text = text.replace('"n": "', '"n": "\\ud800', 1) if '"n": "' in text else '"\\udfff"'
    raw = text.encode("utf-8", "surrogatepass")
    if how == "not utf-8":
        raw = raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2 :]
    return raw

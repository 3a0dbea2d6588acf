"""Turn msgspec's validation messages into a location and a sentence a person can act on.

msgspec says, for example, "Expected `int` <= 120 - at `$.dose.hold`". We answer with the
location `dose.hold` and "must be a whole number from 1 to 120". The field's own limits are
read from the model with `msgspec.inspect`, so the message always matches the schema.

msgspec stops at the first problem; `describe_all` checks a file field by field (and item by
item) so that every problem in it is reported at once.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

import msgspec
import msgspec.inspect as mi

from .models import ID_PATTERN, WORD_PATTERN

_AT = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PART = re.compile(r"\.(\w+)|\[(\d+)\]")
_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text in quotes",
    "bool": "true or false",
    "array": "a list in [brackets]",
    "object": "a table",
    "null": "nothing",
}
_GOT_WORDS = {**_TYPE_WORDS, "str": "text", "array": "a list", "float": "a decimal number"}
_PATTERN_RULES = {  # each pattern a text in the library must match, in words
    ID_PATTERN: "must use lowercase letters, digits and hyphens only, like knee-rolls",
    WORD_PATTERN: (
        "must be 1 to 16 characters: a lowercase letter, then lowercase letters, spaces, commas,"
        " apostrophes or hyphens, like lift"
    ),
}


def _unwrap(info: mi.Type) -> mi.Type:
    """The struct or value type inside an optional (`X | None`)."""
    if isinstance(info, mi.UnionType):
        inner = [t for t in info.types if not isinstance(t, mi.NoneType)]
        if len(inner) == 1:
            return inner[0]
    return info


def _struct_types(info: mi.Type, tag: str | None = None) -> list[mi.StructType]:
    info = _unwrap(info)
    if isinstance(info, mi.StructType):
        return [info]
    if isinstance(info, mi.UnionType):
        structs = [t for t in info.types if isinstance(t, mi.StructType)]
        chosen = [t for t in structs if t.tag == tag]
        return chosen or structs
    return []


def _resolve(model: type, parts: list[str | int], data_tags: dict[str, str]) -> mi.Type | None:
    """Walk the schema along a validation path; None where the path leaves it."""
    info: mi.Type = mi.type_info(model)
    walked: list[str | int] = []
    for part in parts:
        info = _unwrap(info)
        if isinstance(part, int):
            if not isinstance(info, (mi.VarTupleType, mi.ListType, mi.TupleType)):
                return None
            info = info.item_type if not isinstance(info, mi.TupleType) else info.item_types[part]
        else:
            key = ".".join(str(p) for p in walked)
            structs = _struct_types(info, data_tags.get(key))
            fields = {f.encode_name: f.type for s in structs for f in s.fields}
            if part not in fields:
                return None
            info = fields[part]
        walked.append(part)
    return info


def _fields_at(info: mi.Type | None, tag: str | None) -> list[str]:
    structs = _struct_types(info, tag) if info is not None else []
    names: dict[str, None] = {}
    for struct in structs:
        if struct.tag_field:
            names[struct.tag_field] = None
        names.update(dict.fromkeys(f.encode_name for f in struct.fields))
    return list(names)


def _limits(info: mi.Type | None) -> str | None:
    info = _unwrap(info) if info is not None else None
    if isinstance(info, mi.IntType) and info.ge is not None and info.le is not None:
        return f"must be a whole number from {info.ge} to {info.le}"
    if isinstance(info, (mi.VarTupleType, mi.ListType)):
        low, high = info.min_length, info.max_length
        if low is not None and high is not None:
            return f"must list {low} to {high} items"
        if low is not None:
            return f"must list at least {low} item{'s' if low != 1 else ''}"
    if isinstance(info, mi.StrType):
        if info.pattern:
            return _PATTERN_RULES[info.pattern]
        if info.max_length is not None:
            return f"must be text of 1 to {info.max_length} characters"
    return None


def key_text(key: str) -> str:
    """A key as a location shows it: bare when it is a plain name, else quoted as in TOML."""
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _location(parts: list[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{key_text(part)}" if text else key_text(part))
    return text or "top level"


def describe_validation_error(model: type, message: str, data: dict | None = None) -> tuple[str, str]:
    """(location, what is wrong and what to do) for one msgspec validation message."""
    match = _AT.match(message.strip())
    assert match is not None  # the pattern matches any text
    what, path = match["what"], match["path"] or ""
    parts: list[str | int] = [int(i) if i else name for name, i in _PART.findall(path)]
    tags = _tags(data or {})
    here = _resolve(model, parts, tags)

    if found := re.match(r"Object contains unknown field `(.*)`$", what, re.DOTALL):
        key = found[1]
        allowed = _fields_at(here, tags.get(".".join(str(p) for p in parts)))
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return _location([*parts, key]), f"unknown key {key!r}; {hint}allowed here: {', '.join(allowed)}"
    if found := re.match(r"Object missing required field `(.*)`$", what, re.DOTALL):
        return _location([*parts, found[1]]), "is required but missing; add it"
    if re.match(r"Invalid (enum )?value", what):
        info = _unwrap(here) if here is not None else None
        if parts and parts[-1] == "kind":
            return _location(parts), "must be one of: hold, reps, timed"
        if isinstance(info, mi.LiteralType):
            return _location(parts), f"must be one of: {', '.join(sorted(map(str, info.values)))}"
        return _location(parts), "is not one of the allowed values"
    if found := re.match(r"Expected `([\w |]+)`, got `(\w+)`", what):
        kinds = [kind.strip() for kind in found[1].split("|") if kind.strip() != "null"]
        wanted = " or ".join(_TYPE_WORDS.get(kind, kind) for kind in kinds)
        got = _GOT_WORDS.get(found[2], found[2])
        limits = _limits(here)
        if limits and limits.startswith(f"must be {wanted}"):
            return _location(parts), f"{limits}, not {got}"
        return _location(parts), f"must be {wanted}, not {got}" + (f" ({limits})" if limits else "")
    if what.startswith("Expected"):
        return _location(parts), _limits(here) or _plain(what)
    return _location(parts), _plain(what)


def _plain(what: str) -> str:
    """A message msgspec wrote, without its type names in backticks, as part of a sentence."""
    if re.match(r"(Integer|Number) value out of range|Number out of range", what):
        return "is far too large a number"
    what = re.sub(r"`(\w+)`", lambda found: _TYPE_WORDS.get(found[1], found[1]), what)
    what = re.sub(r"^Expected ", "must be ", what)
    return what[:1].lower() + what[1:]


def describe_all(model: type, data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem of `data` as a `model`, each as (location, what to do); empty if none."""
    return [describe_validation_error(model, message, data) for message in _messages(model, data, "")]


def _at(path: str) -> str:
    return f" - at `${path}`" if path else ""


def _messages(kind: Any, value: Any, path: str) -> Iterator[str]:
    """msgspec's messages for every problem of `value` as a `kind`, with paths from the top."""
    try:
        msgspec.convert(value, kind)
        return
    except msgspec.ValidationError as error:
        first = str(error)
    first = first.replace(" - at `$", f" - at `${path}", 1) if " - at `$" in first else first + _at(path)
    found: list[str] = []
    struct = _struct_for(kind, value)
    item_type = _item_type(kind)
    if struct is not None:
        found = list(_struct_messages(struct, value, path))
    elif item_type is not None and isinstance(value, list):
        found = list(_list_messages(kind, item_type, value, path))
    yield from found or [first]


def _struct_for(kind: Any, value: Any) -> type[msgspec.Struct] | None:
    """The struct a table should be checked as: the only one, or the one its tag names."""
    if not isinstance(value, dict):
        return None
    options = [kind]
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        options = list(typing.get_args(kind))
    structs = [option for option in options if isinstance(option, type) and issubclass(option, msgspec.Struct)]
    if len(structs) == 1:
        return structs[0]
    for struct in structs:
        config = struct.__struct_config__
        if config.tag_field is not None and value.get(config.tag_field) == config.tag:
            return struct
    return None


def _item_type(kind: Any) -> Any | None:
    """The item type of a `tuple[X, ...]` (possibly with length limits), else None."""
    if typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    if typing.get_origin(kind) is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _list_messages(kind: Any, item_type: Any, value: list[Any], path: str) -> Iterator[str]:
    limits = typing.get_args(kind)[1:] if typing.get_origin(kind) is typing.Annotated else ()
    if limits:
        try:
            msgspec.convert(value, typing.Annotated[tuple[Any, ...], *limits])
        except msgspec.ValidationError as error:
            yield str(error).split(" - at `$", 1)[0] + _at(path)
    for index, item in enumerate(value):
        yield from _messages(item_type, item, f"{path}[{index}]")


def _struct_messages(struct: type[msgspec.Struct], value: dict[str, Any], path: str) -> Iterator[str]:
    fields = {field.encode_name: field for field in msgspec.structs.fields(struct)}
    tag_field = struct.__struct_config__.tag_field
    for key in value:
        if key not in fields and key != tag_field:
            yield f"Object contains unknown field `{key}`{_at(path)}"
    for name, field in fields.items():
        if name in value:
            yield from _messages(field.type, value[name], f"{path}.{name}")
        elif field.required:
            yield f"Object missing required field `{name}`{_at(path)}"


def _tags(data: dict, prefix: str = "") -> dict[str, str]:
    """Where the data names a dose kind, so a path into a dose resolves to the right class."""
    tags: dict[str, str] = {}
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            if isinstance(value.get("kind"), str):
                tags[path] = value["kind"]
            tags.update(_tags(value, path))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    tags.update(_tags(item, f"{path}.{index}"))
    return tags

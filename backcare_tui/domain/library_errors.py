"""Turn msgspec's validation messages into a location and a sentence a person can act on.

msgspec says, for example, "Expected `int` <= 120 - at `$.dose.hold`". We answer with the
location `dose.hold` and "must be a whole number from 1 to 120". The field's own limits are
read from the model with `msgspec.inspect`, so the message always matches the schema.
"""

from __future__ import annotations

import difflib
import re

import msgspec.inspect as mi

_AT = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
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
            return "must use lowercase letters, digits and hyphens only, like knee-rolls"
        if info.max_length is not None:
            return f"must be text of 1 to {info.max_length} characters"
    return None


def _location(parts: list[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "top level"


def describe_validation_error(model: type, message: str, data: dict | None = None) -> tuple[str, str]:
    """(location, what is wrong and what to do) for one msgspec validation message."""
    match = _AT.match(message.strip())
    what, path = match["what"], match["path"] or ""
    parts: list[str | int] = [int(i) if i else name for name, i in _PART.findall(path)]
    tags = _tags(data or {})
    here = _resolve(model, parts, tags)

    if found := re.match(r"Object contains unknown field `(\w+)`", what):
        key = found[1]
        allowed = _fields_at(here, tags.get(".".join(str(p) for p in parts)))
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return _location([*parts, key]), f"unknown key {key!r}; {hint}allowed here: {', '.join(allowed)}"
    if found := re.match(r"Object missing required field `(\w+)`", what):
        return _location([*parts, found[1]]), "is required but missing; add it"
    if re.match(r"Invalid (enum )?value", what):
        info = _unwrap(here) if here is not None else None
        if parts and parts[-1] == "kind":
            return _location(parts), "must be one of: hold, reps, timed"
        if isinstance(info, mi.LiteralType):
            return _location(parts), f"must be one of: {', '.join(sorted(map(str, info.values)))}"
        return _location(parts), what[0].lower() + what[1:]
    if found := re.match(r"Expected `(\w+)`, got `(\w+)`", what):
        wanted, got = (_TYPE_WORDS.get(word, word) for word in found.groups())
        got = "a decimal number" if found[2] == "float" else got
        limits = _limits(here)
        return _location(parts), f"must be {wanted}, not {got}" + (f" ({limits})" if limits else "")
    if what.startswith("Expected"):
        return _location(parts), _limits(here) or what
    return _location(parts), what


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

"""The on-disk form of the weekly check-ins, for a `checkins` table beside `sessions`.

Each document is keyed `<UTC time>/<random>` so keys sort by time and two check-ins in the
same second never collide: `{"s": when, "a": [[activity, score], ...], "p": days needing pain
relief, "k": 1 when skipped}`; an empty list, no pain-relief answer and not skipped are left
out. Times are kept to the second, with their offset, as for sessions.
"""

from __future__ import annotations

import uuid
from datetime import UTC
from typing import Any

import msgspec
from msgspec import Struct, field

from ..domain.checkin import CheckIn
from .codec import Stamp, _stamp

CHECKINS = "checkins"


class StoredCheckIn(Struct, frozen=True, gc=False, forbid_unknown_fields=True, omit_defaults=True):
    at: Stamp = field(name="s")
    scores: list[tuple[str, int]] = field(default_factory=list, name="a")
    pain_relief_days: int | None = field(default=None, name="p")
    skipped: int = field(default=0, name="k")


def checkin_key(checkin: CheckIn) -> str:
    """A key that sorts by time and is unique: `20260302T090000Z/1f3a...`."""
    return f"{checkin.at.astimezone(UTC):%Y%m%dT%H%M%SZ}/{uuid.uuid4().hex[:12]}"


def encode_checkin(checkin: CheckIn) -> dict[str, Any]:
    document: dict[str, Any] = {"s": _stamp(checkin.at)}
    if checkin.scores:
        document["a"] = [[item.activity, item.score] for item in checkin.scores]
    if checkin.pain_relief_days is not None:
        document["p"] = checkin.pain_relief_days
    if checkin.skipped:
        document["k"] = 1
    return document


def decode_checkin(document: Any) -> CheckIn:
    """A stored check-in; raises msgspec.ValidationError when a value is out of range."""
    stored = msgspec.convert(document, StoredCheckIn)
    return msgspec.convert(
        {
            "at": stored.at,
            "scores": [{"activity": activity, "score": score} for activity, score in stored.scores],
            "pain_relief_days": stored.pain_relief_days,
            "skipped": bool(stored.skipped),
        },
        CheckIn,
    )


def readable_checkins(documents: dict[str, Any]) -> list[CheckIn]:
    """The check-ins among `documents` (None for a deleted one) that decode, oldest first."""
    checkins = []
    for document in documents.values():
        if document is None:
            continue
        try:
            checkins.append(decode_checkin(document))
        except (msgspec.ValidationError, ValueError, TypeError):
            continue  # damaged, or from a newer version: left out here, kept as it is on disk
    checkins.sort(key=lambda checkin: checkin.at)
    return checkins

"""Check-ins and dose changes as rows for a spreadsheet (CSV) or a script (JSON).

Like the session export, the output depends only on what is given, oldest first, and times
keep the UTC offset they were recorded with. One row per check-in, with up to three
activity and score columns; one row per dose change, with both doses in words and as data.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from .domain.checkin import MAX_ACTIVITIES, CheckIn
from .domain.models import DoseChange

CHECKIN_FIELDS = (
    "at",
    "skipped",
    "average",
    *(f"{part}_{number}" for number in range(1, MAX_ACTIVITIES + 1) for part in ("activity", "score")),
    "pain_relief_days",
)
DOSE_CHANGE_FIELDS = (
    "at",
    "routine_id",
    "exercise_id",
    "from_exercise",
    "from_dose",
    "to_exercise",
    "to_dose",
    "reason",
    "why",
)


def checkin_row(checkin: CheckIn) -> dict[str, Any]:
    average = checkin.average
    row: dict[str, Any] = {
        "at": checkin.at.isoformat(),
        "skipped": checkin.skipped,
        "average": None if average is None else round(average, 2),
        "pain_relief_days": checkin.pain_relief_days,
    }
    for number in range(MAX_ACTIVITIES):
        item = checkin.scores[number] if number < len(checkin.scores) else None
        row[f"activity_{number + 1}"] = item.activity if item else None
        row[f"score_{number + 1}"] = item.score if item else None
    return {name: row[name] for name in CHECKIN_FIELDS}


def dose_change_row(change: DoseChange, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    names = names or {}
    return {
        "at": change.at.isoformat(),
        "routine_id": change.routine_id,
        "exercise_id": change.exercise_id,
        "from_exercise": names.get(change.from_exercise, change.from_exercise),
        "from_dose": change.from_dose.describe(),
        "to_exercise": names.get(change.to_exercise, change.to_exercise),
        "to_dose": change.to_dose.describe(),
        "reason": change.reason,
        "why": change.why,
    }


def render_checkins_json(checkins: Iterable[CheckIn]) -> str:
    """Every field of each check-in, oldest first, as a JSON list."""
    ordered = sorted(checkins, key=lambda checkin: checkin.at)
    return json.dumps(msgspec.to_builtins(ordered), ensure_ascii=False, indent=2) + "\n"


def render_dose_changes_json(changes: Iterable[DoseChange]) -> str:
    """Every field of each dose change, oldest first, doses as data, as a JSON list."""
    ordered = sorted(changes, key=lambda change: change.at)
    return json.dumps(msgspec.to_builtins(ordered), ensure_ascii=False, indent=2) + "\n"


def _csv(fields: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: "" if value is None else value for name, value in row.items()})
    return out.getvalue()


def render_checkins_csv(checkins: Iterable[CheckIn]) -> str:
    return _csv(CHECKIN_FIELDS, (checkin_row(c) for c in sorted(checkins, key=lambda checkin: checkin.at)))


def render_dose_changes_csv(changes: Iterable[DoseChange], names: Mapping[str, str] | None = None) -> str:
    ordered = sorted(changes, key=lambda change: change.at)
    return _csv(DOSE_CHANGE_FIELDS, (dose_change_row(change, names) for change in ordered))

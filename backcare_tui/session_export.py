"""Session history as text for people and for scripts: a table, JSON and CSV.

Output depends only on the records given (in the order given), so it is stable and can be
diffed or parsed. The table shows local time, as the app does; JSON and CSV keep the UTC
offset each time was recorded with. The history screen builds its rows with `table_row` too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from .domain import wording
from .domain.models import SessionRecord

TABLE_HEADERS = ("date", "routine", "min", "done", "pain", "status")
CSV_FIELDS = (
    "id",
    "started_at",
    "ended_at",
    "routine_id",
    "routine_name",
    "status",
    "minutes",
    "active_seconds",
    "rest_seconds",
    "paused_seconds",
    "exercises_done",
    "exercises_planned",
    "exercises_skipped",
    "pain_before",
    "pain_after",
    "pain_change",
    "recovered",
    "note",
)


def minutes(record: SessionRecord) -> float:
    """Minutes spent exercising and resting between exercises (pauses not counted)."""
    return (record.active_seconds + record.rest_seconds) / 60


def table_row(record: SessionRecord) -> tuple[str, ...]:
    return (
        wording.day_and_time(record.started_at),  # local time, as in the app
        wording.printable(record.routine_name),
        f"{minutes(record):.0f}",
        f"{record.exercises_done}/{len(record.exercises)}",
        wording.pain_scores(record.pain_before, record.pain_after),
        wording.session_status(record.status, record.recovered),
    )


def render_table(records: Sequence[SessionRecord]) -> str:
    """An aligned plain-text table, one line per session, ending with a newline."""
    if not records:
        return "No sessions yet.\n"
    rows = [TABLE_HEADERS, *(table_row(record) for record in records)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(TABLE_HEADERS))]
    right_aligned = {2, 3}
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if column in right_aligned else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _pain_change(record: SessionRecord) -> int | None:
    if record.pain_before is None or record.pain_after is None:
        return None
    return record.pain_after - record.pain_before


def session_fields(record: SessionRecord) -> dict[str, Any]:
    """Every field of a session a spreadsheet user could want, without the exercises."""
    return {
        "id": record.id,
        "started_at": record.started_at.isoformat(),
        "ended_at": None if record.ended_at is None else record.ended_at.isoformat(),
        "routine_id": record.routine_id,
        "routine_name": record.routine_name,
        "status": record.status,
        "minutes": round(minutes(record), 2),
        "active_seconds": record.active_seconds,
        "rest_seconds": record.rest_seconds,
        "paused_seconds": record.paused_seconds,
        "exercises_done": record.exercises_done,
        "exercises_planned": len(record.exercises),
        "exercises_skipped": sum(1 for result in record.exercises if result.status == "skipped"),
        "pain_before": record.pain_before,
        "pain_after": record.pain_after,
        "pain_change": _pain_change(record),
        "recovered": record.recovered,
        "note": record.note,
    }


def _exercise_fields(record: SessionRecord) -> list[dict[str, Any]]:
    return [
        {
            "exercise_id": result.exercise_id,
            "status": result.status,
            "dose": result.dose.describe(),
            "planned_seconds": result.planned_seconds,
            "active_seconds": result.active_seconds,
            "reps_done": result.reps_done,
            "sets_done": result.sets_done,
            "sides_done": result.sides_done,
        }
        for result in record.exercises
    ]


def render_json(records: Sequence[SessionRecord]) -> str:
    """A JSON array of sessions, each with its exercises; keys in a fixed order."""
    sessions = [{**session_fields(record), "exercises": _exercise_fields(record)} for record in records]
    return json.dumps(sessions, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_csv(records: Sequence[SessionRecord]) -> str:
    """CSV with a header row, one row per session; empty cells for missing values."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = session_fields(record)
        row["recovered"] = "yes" if record.recovered else "no"
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue()

"""Session history as text for people and for scripts: a table, JSON and CSV.

Output depends only on the records given (in the order given), so it is stable and can be
diffed or parsed. JSON and CSV are written one session at a time (`write_json`,
`write_csv`), so even decades of history never become one big string in memory. The
table shows local time, as the app does; JSON and CSV keep the UTC
offset each time was recorded with. The history screen builds its rows with `table_row` too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

import msgspec

from .domain import stats, wording
from .domain.models import ExerciseResult, SessionRecord

CHUNK = 500  # sessions encoded at a time: few calls, and never the whole history at once
TABLE_HEADERS = ("date", "routine", "total min", "done", "pain", "status")
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
    """Minutes in total: exercising, get-ready and rests (pauses not counted)."""
    return stats.total_minutes(record)


def table_row(record: SessionRecord) -> tuple[str, ...]:
    return (
        wording.day_and_time(record.started_at),  # local time, as in the app
        wording.printable(record.routine_name),
        f"{minutes(record):.0f}",
        f"{record.exercises_done}/{len(record.exercises)}",
        wording.pain_scores(record.pain_before, record.pain_after),
        wording.session_status(stats.shown_status(record), record.recovered),
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


def exercise_fields(result: ExerciseResult) -> dict[str, Any]:
    """One exercise as exported in JSON."""
    return {
        "exercise_id": result.exercise_id,
        "status": result.status,
        "dose": result.dose.describe(),
        "planned_seconds": result.planned_seconds,
        "active_seconds": result.active_seconds,
        "reps_done": result.reps_done,
        "sets_done": result.sets_done,
        "sides_done": result.sides_done,
    }


def write_json(records: Iterable[SessionRecord], out: TextIO) -> None:
    """A JSON array of sessions, each with its exercises, keys in a fixed order, indented by
    two spaces; written to `out` a chunk of sessions at a time."""
    exercise_texts = _ExerciseTexts()
    separator = "[\n  "
    for chunk in _chunks(records):
        out.write(separator + ",\n  ".join(_session_json(record, exercise_texts) for record in chunk))
        separator = ",\n  "
    out.write("[]\n" if separator.startswith("[") else "\n]\n")


def _session_json(record: SessionRecord, exercise_texts: _ExerciseTexts) -> str:
    """One session as indented JSON, as an element of the top-level array. The exercises,
    which repeat from session to session, are formatted once each and spliced in."""
    text = msgspec.json.format(msgspec.json.encode(session_fields(record)), indent=2).decode()
    text = text[:-2].replace("\n", "\n  ")  # without the closing "\n}", one level deeper
    if not record.exercises:
        return text + ',\n    "exercises": []\n  }'
    exercises = ",\n      ".join(map(exercise_texts.text, record.exercises))
    return text + ',\n    "exercises": [\n      ' + exercises + "\n    ]\n  }"


class _ExerciseTexts:
    """Each exercise's JSON, formatted once per export. Decoded sessions share the result
    objects of rows they repeat, so results are known by identity (cheaper than hashing
    them); each entry keeps its result alive, so an identity is never reused meanwhile."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[ExerciseResult, str]] = {}

    def text(self, result: ExerciseResult) -> str:
        known = self._texts.get(id(result))
        if known is not None:
            return known[1]
        encoded = msgspec.json.format(msgspec.json.encode(exercise_fields(result)), indent=2).decode()
        text = encoded.replace("\n", "\n      ")
        self._texts[id(result)] = (result, text)
        return text


def _chunks(records: Iterable[SessionRecord], size: int = CHUNK) -> Iterator[list[SessionRecord]]:
    chunk: list[SessionRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def render_json(records: Sequence[SessionRecord]) -> str:
    buffer = io.StringIO()
    write_json(records, buffer)
    return buffer.getvalue()


def write_csv(records: Iterable[SessionRecord], out: TextIO) -> None:
    """CSV with a header row, one row per session, written a chunk at a time; empty cells
    for missing values."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for chunk in _chunks(records):
        writer.writerows(_csv_row(record) for record in chunk)


def _csv_row(record: SessionRecord) -> list[Any]:
    row = session_fields(record)
    row["recovered"] = "yes" if record.recovered else "no"
    return ["" if value is None else value for value in row.values()]


def render_csv(records: Sequence[SessionRecord]) -> str:
    buffer = io.StringIO()
    write_csv(records, buffer)
    return buffer.getvalue()

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TextIO, TypeVar

import msgspec

from .domain import stats, wording
from .domain.models import ExerciseResult, SessionRecord

CHUNK = 500  # sessions encoded at a time: few calls, and never the whole history at once
T = TypeVar("T")
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


def session_fields(record: SessionRecord) -> dict[str, Any]:
    """Every field of a session a spreadsheet user could want, without the exercises."""
    return fields(
        record.id,
        record.started_at,
        record.ended_at,
        record.routine_id,
        record.routine_name,
        record.status,
        record.active_seconds,
        record.rest_seconds,
        record.paused_seconds,
        (record.exercises_done, len(record.exercises), sum(1 for r in record.exercises if r.status == "skipped")),
        record.pain_before,
        record.pain_after,
        record.recovered,
        record.note,
    )


def fields(
    session_id: str,
    started_at: datetime,
    ended_at: datetime | None,
    routine_id: str,
    routine_name: str,
    status: str,
    active_seconds: float,
    rest_seconds: float,
    paused_seconds: float,
    exercise_counts: tuple[int, int, int],
    pain_before: int | None,
    pain_after: int | None,
    recovered: bool,
    note: str,
) -> dict[str, Any]:
    """The exported fields of a session from its parts; `exercise_counts` are the exercises
    done, planned and skipped. The one definition of each field, whatever the session was
    read into (a record, or a document straight from the file)."""
    done, planned, skipped = exercise_counts
    return {
        "id": session_id,
        "started_at": started_at.isoformat(),
        "ended_at": None if ended_at is None else ended_at.isoformat(),
        "routine_id": routine_id,
        "routine_name": routine_name,
        "status": status,
        "minutes": round((active_seconds + rest_seconds) / 60, 2),  # stats.total_minutes
        "active_seconds": active_seconds,
        "rest_seconds": rest_seconds,
        "paused_seconds": paused_seconds,
        "exercises_done": done,
        "exercises_planned": planned,
        "exercises_skipped": skipped,
        "pain_before": pain_before,
        "pain_after": pain_after,
        "pain_change": None if pain_before is None or pain_after is None else pain_after - pain_before,
        "recovered": recovered,
        "note": note,
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


class ExerciseFields:
    """Each exercise as exported in JSON, encoded once per export. Decoded sessions share the
    result objects of rows they repeat, so results are known by identity (cheaper than
    hashing them); each entry keeps its result alive, so an identity is never reused."""

    def __init__(self) -> None:
        self._encoded: dict[int, tuple[ExerciseResult, msgspec.Raw]] = {}

    def of(self, result: ExerciseResult) -> msgspec.Raw:
        known = self._encoded.get(id(result))
        if known is not None:
            return known[1]
        encoded = exercise_json(result)
        self._encoded[id(result)] = (result, encoded)
        return encoded


def json_fields(record: SessionRecord, exercises: ExerciseFields) -> dict[str, Any]:
    """A session as one element of the JSON export: its fields and its exercises."""
    row = session_fields(record)
    row["exercises"] = [exercises.of(result) for result in record.exercises]
    return row


def write_json(records: Iterable[SessionRecord], out: TextIO, indent: int = 0) -> None:
    """A JSON array of sessions, each with its exercises, keys in a fixed order, indented by
    two spaces; written to `out` a chunk of sessions at a time (`indent`: as in `write_json_rows`)."""
    exercises = ExerciseFields()
    write_json_rows((json_fields(record, exercises) for record in records), out, indent)


def write_json_rows(rows: Iterable[dict[str, Any]], out: TextIO, indent: int = 0) -> None:
    """A JSON array of `rows`, indented by two spaces, encoded and written a chunk at a time.
    With `indent`, every line after the first is indented by that many more spaces (for an
    array inside an object) and the closing bracket ends no line. Values may be
    `msgspec.Raw` (JSON encoded already, e.g. an exercise that repeats)."""
    write = _byte_writer(out)
    margin = b" " * indent
    separator = b"[\n" + margin
    for chunk in _chunks(rows):
        text = msgspec.json.format(msgspec.json.encode(chunk), indent=2)[2:-2]  # without "[\n", "\n]"
        write(separator + (text.replace(b"\n", b"\n" + margin) if margin else text))
        separator = b",\n" + margin
    end = b"[]" if separator.startswith(b"[") else b"\n" + margin + b"]"
    write(end if margin else end + b"\n")


def _byte_writer(out: TextIO) -> Callable[[bytes], object]:
    """Write UTF-8 to `out`: straight to its bytes when it encodes as UTF-8 (no decoding and
    encoding again), else as text, so its own encoding and error handling apply."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None and (out.encoding or "").lower().replace("-", "") == "utf8":
        out.flush()
        return buffer.write  # type: ignore[no-any-return]
    return lambda data: out.write(data.decode())


def exercise_json(result: ExerciseResult) -> msgspec.Raw:
    """One exercise's exported fields, encoded once to be spliced into each session."""
    return msgspec.Raw(msgspec.json.encode(exercise_fields(result)))


def _chunks(rows: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
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
    write_csv_rows((session_fields(record) for record in records), out)


def write_csv_rows(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """`rows` (each as `fields` makes them) as CSV under a header row, a chunk at a time."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for chunk in _chunks(rows):
        writer.writerows(map(_csv_row, chunk))


def _csv_row(row: dict[str, Any]) -> Iterable[Any]:
    row["recovered"] = "yes" if row["recovered"] else "no"
    return row.values()  # the csv module writes None as an empty cell


def render_csv(records: Sequence[SessionRecord]) -> str:
    buffer = io.StringIO()
    write_csv(records, buffer)
    return buffer.getvalue()

"""`backcare-tui history`: past sessions, weekly check-ins and dose changes, for people
(a table) and for spreadsheets and scripts (CSV, JSON).

`--table` chooses what is printed: `sessions` (the default), `checkins`, `dose-changes`,
or, as JSON only, `all` (one object holding the three lists). Nothing on disk is changed:
no lock file, no folder, no upgrade and no moving aside; a file that cannot be read is an
error (exit 2). Sessions of a current file are exported straight from what is stored and
written as they are encoded, so decades of history take about a second and little memory.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from . import paths, session_export
from .commands import CommandError, say
from .domain.checkin import CheckIn
from .domain.models import DoseChange, SessionRecord
from .domain.stats import local_day

TABLES = ("sessions", "checkins", "dose-changes", "all")
NEEDS_FORMAT = "--table {table} needs --json or --csv"
ONE_TABLE = "CSV holds one table: use --table sessions, checkins or dose-changes"


@dataclass
class History:
    """What the history file holds for an export; sessions newest first, the rest oldest first."""

    records: list[SessionRecord] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    changes: list[DoseChange] = field(default_factory=list)


def print_history(
    db: str | None, output: str, since: date | None, table: str = "sessions", library: Iterable[Path] = ()
) -> int:
    """Print one table of the history (or, as JSON, all of it) without changing anything."""
    if table != "sessions" and output == "table":
        raise CommandError(NEEDS_FORMAT.format(table=table))
    if table == "all" and output == "csv":
        raise CommandError(ONE_TABLE)
    path = paths.resolve_db_path(db)
    out = sys.stdout
    if table in ("sessions", "all") and output != "table":
        write_sessions = _stored_sessions(path, since, output)
        if write_sessions is not None:  # a current file, every session readable: the quick way
            history = read_history(path, since, sessions=False) if table == "all" else History()
            gc.freeze()
            _write(output, table, history, out, write_sessions, library)
            return 0
    history = read_history(path, since, sessions=table in ("sessions", "all"))
    gc.freeze()  # the records live until exit: spare them every collection while exporting
    if output == "table":
        out.write(session_export.render_table(history.records))
        return 0
    _write(output, table, history, out, _record_writer(history.records, output), library)
    return 0


Writer = Callable[[TextIO, int], None]


def _write(output: str, table: str, history: History, out: TextIO, sessions: Writer, library: Iterable[Path]) -> None:
    from . import progress_export

    if table == "sessions":
        sessions(out, 0)
    elif table == "all":
        out.write('{\n  "sessions": ')
        sessions(out, 2)
        out.write(',\n  "checkins": ' + _nested(progress_export.render_checkins_json(history.checkins)))
        out.write(',\n  "dose_changes": ' + _nested(progress_export.render_dose_changes_json(history.changes)))
        out.write("\n}\n")
    elif table == "checkins":
        render = progress_export.render_checkins_json if output == "json" else progress_export.render_checkins_csv
        out.write(render(history.checkins))
    elif output == "json":
        out.write(progress_export.render_dose_changes_json(history.changes))
    else:
        out.write(progress_export.render_dose_changes_csv(history.changes, exercise_names(library)))


def _nested(text: str) -> str:
    """A top-level JSON text as a value one level down: indented by two more spaces."""
    return text.rstrip("\n").replace("\n", "\n  ")


def exercise_names(library: Iterable[Path]) -> dict[str, str]:
    """Exercise id -> name, for dose changes a person can read (ids where the library has none)."""
    from .domain.library import load_library

    return load_library(paths.library_folders(list(library))).exercise_names()


def _record_writer(records: list[SessionRecord], output: str) -> Writer:
    def write(out: TextIO, indent: int) -> None:
        if output == "json":
            session_export.write_json(records, out, indent)
        else:
            session_export.write_csv(records, out)

    return write


def _stored_sessions(path: Path, since: date | None, output: str) -> Writer | None:
    """A writer of the sessions straight from the file, or None when the store must read it
    (no file, not a current one, a damaged session, or anything else out of the ordinary)."""
    from .storage.export_read import read_current_sessions
    from .storage.target import check_target, read_regular

    try:
        if check_target(path) is None:
            return None
        raw, _ = read_regular(path)
    except Exception:  # the store reads it again and says what is wrong
        return None
    stored = read_current_sessions(raw)
    if stored is None:
        return None
    sessions = stored.since(since)

    def write(out: TextIO, indent: int) -> None:
        if output == "json":
            rows = sessions.rows(session_export.fields, session_export.exercise_json)
            session_export.write_json_rows(rows, out, indent)
        else:
            session_export.write_csv_rows(sessions.rows(session_export.fields), out)

    return write


def read_history(path: Path, since: date | None, *, sessions: bool = True) -> History:
    """The history at `path` through the store, read-only; notices and damaged sessions are
    said on stderr. Raises CommandError if the file cannot be read."""
    from .storage import SessionStore, StorageError

    try:
        store = SessionStore.open(path, read_only=True)
        with store:
            history = History(
                store.sessions(since) if sessions else [],
                [c for c in store.checkins() if since is None or local_day(c.at) >= since],
                [c for c in store.dose_changes() if since is None or local_day(c.at) >= since],
            )
            damaged = store.damaged_sessions if sessions else {}
    except StorageError as error:
        raise CommandError(f"{error} Nothing was changed.") from None
    for notice in store.notices:
        say(f"note: {notice}", error=True)
    for session_id, problem in damaged.items():
        say(
            f"warning: session {session_id} in {path} is damaged ({problem}); "
            "it is left out here and kept as it is in the file.",
            error=True,
        )
    return history

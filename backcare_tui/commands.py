"""What each `backcare-tui` command does once its arguments are parsed.

Output goes to stdout and is stable enough to script against; warnings and errors go to
stderr. A `CommandError` becomes one line on stderr and its exit code.
"""

from __future__ import annotations

import gc
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .domain import wording
from .domain.library import Library, UnknownRoutineError, load_library
from .domain.models import ELEMENT_LABELS, RoutinePlan

if TYPE_CHECKING:
    from .storage.snapshot import HistorySnapshot


class CommandError(Exception):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(wording.printable(message))  # it may name a path or an id as typed
        self.exit_code = exit_code


def say(text: str, *, error: bool = False, one_line: bool = False) -> None:
    """Print text built from files or names, with any control character made visible;
    `one_line` keeps a newline inside it (in a key, say) from starting a new line."""
    shown = wording.one_line(text) if one_line else wording.printable(text)
    print(shown, file=sys.stderr if error else sys.stdout)


def _load(extra: list[Path]) -> Library:
    from .library_cache import load_cached_library

    library = load_cached_library(paths.library_folders(extra), paths.library_cache_path())
    for problem in library.problems:
        say(f"warning: {problem} (left out)", error=True, one_line=True)
    return library


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart; no trailing spaces."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [headers, ["-" * width for width in widths], *rows]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)


def elements_text(plan: RoutinePlan) -> str:
    return ", ".join(ELEMENT_LABELS[element].lower() for element in plan.elements)


def list_routines(extra: list[Path], routine_id: str | None = None) -> int:
    library = _load(extra)
    if routine_id is not None:
        try:
            plan = library.plan(routine_id)
        except UnknownRoutineError as error:
            raise CommandError(str(error)) from None
        say(describe_routine(library, plan))
        return 0
    rows = [
        [
            plan.routine.id,
            wording.one_line(plan.routine.name),
            wording.routine_length(plan.estimated_seconds),
            elements_text(plan),
            str(len(plan.items)),
            origin_note(library, plan.routine.id),
        ]
        for plan in sorted(library.plans(), key=lambda plan: plan.routine.id)
    ]
    say(format_table(["id", "name", "length", "elements", "exercises", "note"], rows))
    return 0


def origin_note(library: Library, routine_id: str) -> str:
    """Empty for a bundled routine; says where any other one comes from."""
    if library.overridden("routine", routine_id):
        return "user file, overrides built-in"
    path = library.origins[("routine", routine_id)]
    return "" if path.is_relative_to(paths.builtin_library_dir()) else "user file"


def describe_routine(library: Library, plan: RoutinePlan) -> str:
    routine = plan.routine
    lines = [
        f"{routine.name} ({routine.id})",
        f"{wording.routine_length(plan.estimated_seconds)} with rests; covers {elements_text(plan)}",
        routine.description.strip(),
        f"How often: {routine.how_often}",
        "",
    ]
    for number, item in enumerate(plan.items, start=1):
        lines.append(f"{number:2}. {item.exercise.name}: {item.dose.describe()}")
    lines += ["", f"Sources: {', '.join(routine.sources)}; file: {library.origins[('routine', routine.id)]}"]
    return "\n".join(lines)


def check_library(extra: list[Path]) -> int:
    from .domain.poses import library_pose_problems

    folders = paths.library_folders(extra)
    library = load_library(folders)
    library.problems += library_pose_problems(library, paths.builtin_library_dir())
    if library.problems:
        for problem in library.problems:
            say(str(problem), one_line=True)
        count = len(library.problems)
        print(f"{wording.count(count, 'problem')} found", file=sys.stderr)
        return 1
    for override in library.overrides:
        say(f"note: {override.path} overrides {override.kind} {override.id!r} from {override.replaces}", one_line=True)
    print(
        f"library OK: {wording.count(len(library.exercises), 'exercise')} and "
        f"{wording.count(len(library.routines), 'routine')} from {wording.count(len(folders), 'folder')}"
    )
    return 0


def _snapshot(db: str | None, *, quiet: bool = False) -> HistorySnapshot:
    from .storage import StorageError
    from .storage.snapshot import read_snapshot

    try:
        snapshot = read_snapshot(paths.resolve_db_path(db), recent=True)
    except StorageError as error:  # unreadable, or not a file we may read: nothing was changed
        raise CommandError(str(error)) from None
    for notice in [] if quiet else snapshot.notices:
        say(f"note: {notice}", error=True)
    return snapshot


def print_plan(db: str | None, extra: list[Path], routine_id: str | None, as_json: bool) -> int:
    """Personal doses and pending suggestions; reads the history without changing it."""
    from . import programme_report

    library = _load(extra)
    if routine_id is not None and routine_id not in library.routines:
        raise CommandError(str(UnknownRoutineError(routine_id, library.routines)))
    snapshot = _snapshot(db)
    routines = None if routine_id is None else [routine_id]
    plan = programme_report.programme_plan(snapshot, library, date.today(), routines)
    if as_json:
        sys.stdout.write(programme_report.plan_json(plan, routine_id))
    else:
        sys.stdout.write(programme_report.plan_table(plan, library, snapshot, routine_id))
    return 0


def print_status(db: str | None, extra: list[Path]) -> int:
    """One line for a shell prompt: last session, what is suggested today, streak."""
    from . import programme_report

    library = _load(extra)
    print(programme_report.status_line(_snapshot(db, quiet=True), library, date.today()))
    return 0


def write_report(db: str | None, extra: list[Path], since: date | None, output: str | None) -> int:
    """Write the HTML progress report; never creates, locks or changes the history file."""
    from .domain.clock import MonotonicClock
    from .report import ReportData, default_file_name, render_report
    from .storage import SessionStore, StorageError

    today = MonotonicClock().wall().date()
    if since is not None and since > today:
        raise CommandError(f"--since {since.isoformat()} is after today")
    library = _load(extra)
    path = paths.resolve_db_path(db)
    records, changes, checkins = [], [], []
    if path.exists():
        try:
            store = SessionStore.open(path)
        except StorageError as error:
            raise CommandError(str(error), exit_code=1) from None
        for notice in store.notices:
            print(f"note: {notice}", file=sys.stderr)
        records = store.sessions()
        changes = store.dose_changes()
        checkins = store.checkins()
        store.close()
    html = render_report(ReportData(records, today, since, checkins, changes=changes, names=library.exercise_names()))
    target = Path(output).expanduser() if output else Path.cwd() / default_file_name(today)
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"could not write the report to {target}: {error.strerror or error}", exit_code=1) from None
    print(f"Report written to {target.resolve()}")
    return 0


def print_safety() -> int:
    from .domain.safety import safety_text

    print(safety_text())
    return 0


def print_guide() -> int:
    from .domain.guide import guide_text

    print(guide_text())
    return 0


NEEDS_TERMINAL = (
    "the app needs a terminal for its input and output; without one, use "
    "`routines`, `history` (--json, --csv), `safety` or `check-library` (see --help)"
)


def use_replacement_characters() -> None:
    """Let every command print on any terminal: characters the output encoding (ASCII, a C
    locale, ...) cannot show are replaced instead of ending the command with an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def require_terminal() -> None:
    if not (sys.stdin and sys.stdin.isatty() and sys.stdout and sys.stdout.isatty()):
        raise CommandError(NEEDS_TERMINAL)


def run_app(db: str | None, extra: list[Path], routine_id: str | None) -> int:
    # Start-up builds only what lives until exit (modules, the library, the first screen):
    # collecting garbage meanwhile would scan it all, more than once, before anything is drawn.
    # The app turns the collector back on once its first screen is up; so does any way out.
    gc.disable()
    try:
        return _start_app(db, extra, routine_id)
    finally:
        gc.enable()


def _start_app(db: str | None, extra: list[Path], routine_id: str | None) -> int:
    from .app import make_app
    from .storage import StorageError
    from .storage.target import check_history_file

    require_terminal()
    try:
        check_history_file(paths.resolve_db_path(db))
    except StorageError as error:
        raise CommandError(str(error)) from None

    from .library_cache import load_cached_library

    library = load_cached_library(paths.library_folders(extra), paths.library_cache_path())
    if routine_id is not None and routine_id not in library.routines:
        raise CommandError(str(UnknownRoutineError(routine_id, library.routines)))
    app = make_app(db_path=paths.resolve_db_path(db), library=library, start_routine=routine_id)
    try:
        app.run()
    except Exception as error:  # one Textual could not catch, e.g. while setting up the terminal
        from .crash_log import crash_message, write_crash_log

        app.end_session()
        print(crash_message(write_crash_log(error)), file=sys.stderr)
        return 1
    return app.return_code or 0

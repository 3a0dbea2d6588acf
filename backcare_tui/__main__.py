"""The `backcare-tui` command: parse the arguments, build what they ask for, run it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import commands

PROG = "backcare-tui"


class VersionAction(argparse.Action):
    """`--version`, looking the version up only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from . import __version__

        print(f"{PROG} {__version__}")
        parser.exit()


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _folder(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"library folder {text!r} does not exist or is not a folder")
    return path


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2026-01-31") from None


def _common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--library and --db on the top level and on every command.

    Folders given before and after the command name are all used; for --db the command's own wins.
    """
    default = (lambda value: value) if top else (lambda value: argparse.SUPPRESS)
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=_folder,
        action="append",
        default=default([]),
        dest="library" if top else "command_library",
        help="extra folder of routine/exercise TOML files (repeatable); same ids override built-ins",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default(None),
        help="history file to use (default: history.json in your data folder; env BACKCARE_TUI_DB)",
    )


def build_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description="A keyboard-driven coach for a gradual, progressive back-care exercise programme. "
        "Run with no command to open the app.",
        epilog="This app does not diagnose, and does not replace an assessment by a clinician.",
    )
    parser.add_argument("--version", action=VersionAction)
    _common_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    start = sub.add_parser("start", help="open the app on one routine", description="Open the app on one routine.")
    start.add_argument("routine", metavar="ROUTINE_ID", help="id from `backcare-tui routines`")
    _common_options(start, top=False)

    routines = sub.add_parser(
        "routines",
        help="list the routines, or show one",
        description="List the routines: id, name, minutes, elements covered and exercise count.",
    )
    routines.add_argument("routine", metavar="ROUTINE_ID", nargs="?", help="show this routine's exercises")
    _common_options(routines, top=False)

    check = sub.add_parser(
        "check-library",
        help="validate library files",
        description="Validate the bundled, user and given library folders. Exit 0 when all is well, "
        "1 with every problem listed as `file: location: problem`.",
    )
    check.add_argument("folders", metavar="DIR", nargs="*", type=_folder, help="more folders to check")
    _common_options(check, top=False)

    history = sub.add_parser(
        "history",
        help="print past sessions",
        description="Print past sessions (newest first), weekly check-ins or dose changes (oldest first), "
        "as a table, JSON or CSV. The history file is only read.",
    )
    fmt = history.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json", help="every field, as JSON")
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="one row per session, as CSV")
    history.add_argument(
        "--table",
        choices=("sessions", "checkins", "dose-changes", "all"),
        default="sessions",
        help="what to print with --json or --csv: sessions (the default), weekly check-ins, dose changes, "
        "or all three as one JSON object",
    )
    history.add_argument("--since", metavar="YYYY-MM-DD", type=_day, help="only what happened on or after this day")
    _common_options(history, top=False)

    plan = sub.add_parser(
        "plan",
        help="print your doses and what is suggested next",
        description="Print your own dose for each exercise beside the routine's, and any suggested change "
        "with its reason. Reads the history without changing it.",
    )
    plan.add_argument("routine", metavar="ROUTINE_ID", nargs="?", help="only this routine")
    plan.add_argument(
        "--json", action="store_true", help="a list of objects: routine, exercise, dose, suggested, reason"
    )
    _common_options(plan, top=False)

    status = sub.add_parser(
        "status",
        help="print one line: last session, today's suggestion, streak",
        description="Print one line (last session, what is suggested today, streak), quickly enough for "
        "a shell start-up file. Reads the history without changing it.",
    )
    _common_options(status, top=False)

    report = sub.add_parser(
        "report",
        help="write a progress report to print or show a physiotherapist",
        description="Write a one-page HTML progress report (charts included, works offline): sessions per week, "
        "pain, weekly check-ins, doses and sessions stopped for pain. The history file is only read.",
    )
    report.add_argument("--since", metavar="YYYY-MM-DD", type=_day, help="start the report on this day")
    report.add_argument(
        "--output", metavar="FILE", help="where to write it (default: backcare-report-<date>.html in this folder)"
    )
    _common_options(report, top=False)

    safety = sub.add_parser("safety", help="print the safety advice", description="Print the safety advice.")
    _common_options(safety, top=False)

    guide = sub.add_parser("guide", help="print the guide", description="Print the guide: exercise, pain and pacing.")
    _common_options(guide, top=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    commands.use_replacement_characters()
    args = build_parser().parse_args(argv)
    args.library = [*args.library, *getattr(args, "command_library", [])]
    try:
        match args.command:
            case "routines":
                return commands.list_routines(args.library, args.routine)
            case "check-library":
                return commands.check_library([*args.library, *args.folders])
            case "history":
                from .history_command import print_history

                return print_history(args.db, args.format or "table", args.since, args.table, args.library)
            case "report":
                return commands.write_report(args.db, args.library, args.since, args.output)
            case "safety":
                return commands.print_safety()
            case "guide":
                return commands.print_guide()
            case "plan":
                return commands.print_plan(args.db, args.library, args.routine, args.json)
            case "status":
                return commands.print_status(args.db, args.library)
            case _:
                return commands.run_app(args.db, args.library, getattr(args, "routine", None))
    except commands.CommandError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # e.g. `backcare-tui history | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""The `backcare-tui` command line: help, version, `routines`, `check-library`, errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backcare_tui import __version__, paths
from backcare_tui.__main__ import main


@pytest.fixture
def builtin(library_maker, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small stand-in for the bundled library: one stretch, one strengthener, two routines."""
    folder = library_maker.folder("builtin")
    library_maker.exercise(folder, "calf-stretch")
    library_maker.exercise(
        folder, "wall-push", elements=["strengthen"], equipment=["wall"], dose={"kind": "reps", "reps": 10, "tempo": 3}
    )
    library_maker.routine(folder, "quick-stretch", exercises=("calf-stretch",), name="Quick stretch")
    library_maker.routine(
        folder, "both", exercises=("calf-stretch", "wall-push"), name="Both", elements=["stretch", "strengthen"]
    )
    monkeypatch.setattr(paths, "builtin_library_dir", lambda: folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run main() as the console script would: (exit code, stdout, stderr)."""
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


def table_rows(out: str) -> dict[str, list[str]]:
    """The `routines` table as {id: cells}, split on the column gaps."""
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name", "length", "elements", "exercises", "note"]
    return {line.split()[0]: [cell.strip() for cell in line.split("  ") if cell.strip()] for line in lines[2:]}


@pytest.mark.parametrize("argv", [["--help"], ["routines", "--help"], ["check-library", "--help"]])
def test_help_is_printed_and_exits_zero(capsys, argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)

    assert code == 0
    assert out.startswith("usage: backcare-tui")
    assert "--library DIR" in out
    assert err == ""


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")

    assert (code, out.strip()) == (0, f"backcare-tui {__version__}")


def test_routines_lists_id_name_minutes_elements_and_count(capsys, builtin: Path) -> None:
    code, out, err = run(capsys, "routines")

    assert (code, err) == (0, "")
    rows = table_rows(out)
    assert rows["both"] == ["both", "Both", "2 min", "stretch, strengthen", "2"]
    assert rows["quick-stretch"] == ["quick-stretch", "Quick stretch", "1 min", "stretch", "1"]


def test_routines_shows_one_routine_with_its_doses(capsys, builtin: Path) -> None:
    code, out, _ = run(capsys, "routines", "both")

    assert code == 0
    assert out.startswith("Both (both)\n")
    assert "covers stretch, strengthen" in out
    assert " 1. Calf stretch: hold 10 s x 3" in out
    assert " 2. Wall push: 10 reps, 3 s each" in out


def test_user_routine_overriding_builtin_says_so(capsys, builtin: Path, library_maker, user_config_dir) -> None:
    library_maker.routine(user_config_dir, "quick-stretch", exercises=("calf-stretch",), name="My stretch")
    library_maker.routine(user_config_dir, "mine-only", exercises=("wall-push",), elements=["strengthen"])

    code, out, _ = run(capsys, "routines")

    rows = table_rows(out)
    assert code == 0
    assert rows["quick-stretch"][1] == "My stretch"
    assert rows["quick-stretch"][-1] == "user file, overrides built-in"
    assert rows["mine-only"][-1] == "user file"
    assert len(rows["both"]) == 5  # a built-in routine has no note


@pytest.mark.parametrize("before", [True, False])
def test_library_option_works_before_or_after_the_command(capsys, builtin: Path, library_maker, before) -> None:
    extra = library_maker.folder("extra")
    library_maker.routine(extra, "extra-routine", exercises=("calf-stretch",))
    argv = ["--library", extra, "routines"] if before else ["routines", "--library", extra]

    code, out, _ = run(capsys, *argv)

    assert code == 0
    assert "extra-routine" in table_rows(out)


def test_library_option_repeats_and_combines_both_sides(capsys, builtin: Path, library_maker) -> None:
    first, second, third = (library_maker.folder(name) for name in ("one", "two", "three"))
    for folder in (first, second, third):
        library_maker.routine(folder, f"from-{folder.name}", exercises=("calf-stretch",))

    code, out, _ = run(capsys, "--library", first, "routines", "--library", second, "--library", third)

    assert code == 0
    assert {"from-one", "from-two", "from-three"} <= set(table_rows(out))


def test_routines_warns_about_broken_files_but_lists_the_rest(capsys, builtin: Path, library_maker) -> None:
    extra = library_maker.folder("extra")
    broken = library_maker.write(extra, "routines/broken.toml", "id = \n")

    code, out, err = run(capsys, "routines", "--library", extra)

    assert code == 0
    assert set(table_rows(out)) == {"both", "quick-stretch"}
    assert err.startswith(f"warning: {broken}: line 1, column 6: invalid TOML")
    assert err.endswith("(left out)\n") and err.count("\n") == 1


def test_check_library_passes_with_a_summary(capsys, builtin: Path, library_maker) -> None:
    extra = library_maker.folder("extra")
    library_maker.exercise(extra, "extra-move")

    code, out, err = run(capsys, "check-library", extra)

    assert (code, err) == (0, "")
    assert out == "library OK: 3 exercises and 2 routines from 2 folders\n"


def test_check_library_notes_overrides(capsys, builtin: Path, library_maker) -> None:
    extra = library_maker.folder("extra")
    path = library_maker.routine(extra, "both", exercises=("calf-stretch",))

    code, out, _ = run(capsys, "check-library", extra)

    assert code == 0
    assert f"note: {path} overrides routine 'both' from {builtin / 'routines' / 'both.toml'}" in out


def test_check_library_lists_every_problem_and_exits_one(capsys, builtin: Path, library_maker) -> None:
    extra = library_maker.folder("extra")
    bad_hold = library_maker.exercise(extra, "bad-hold", dose={"kind": "hold", "hold": 3600})
    typo = library_maker.exercise(extra, "typo", colour="red")
    orphan = library_maker.routine(extra, "orphan", exercises=("ghost",))

    code, out, err = run(capsys, "check-library", extra)

    assert code == 1
    lines = sorted(out.splitlines())
    assert len(lines) == 3
    assert lines[0] == f"{bad_hold}: dose.hold: must be a whole number from 1 to 120"
    assert lines[2].startswith(f"{orphan}: steps[0].exercise: names unknown exercise 'ghost'")
    assert lines[1].startswith(f"{typo}: colour: unknown key 'colour'")
    assert err == "3 problems found\n"


def test_check_library_includes_the_user_config_folder(capsys, builtin: Path, library_maker, user_config_dir) -> None:
    broken = library_maker.write(user_config_dir, "exercises/broken.toml", b"\xff")

    code, out, _ = run(capsys, "check-library")

    assert code == 1
    assert out == f"{broken}: file: not valid UTF-8 text; save it as UTF-8\n"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["routines", "no-such-routine"], "no routine with id 'no-such-routine'; known ids: both, quick-stretch"),
        (["check-library", "/no/such/folder"], "library folder '/no/such/folder' does not exist"),
        (["routines", "--library", "/no/such/folder"], "library folder '/no/such/folder' does not exist"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["routines", "--json"], "unrecognized arguments: --json"),
        (["dance"], "invalid choice: 'dance'"),
    ],
)
def test_user_mistakes_are_one_line_on_stderr_with_exit_two(capsys, builtin: Path, argv, words) -> None:
    code, out, err = run(capsys, *argv)

    assert code == 2
    assert out == ""
    assert err.startswith("backcare-tui") and err.endswith("\n")
    assert err.count("\n") == 1, err
    assert words in err


# Through a real process, as a user would run it.


def run_module(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backcare_tui", *argv], cwd=cwd, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "argv", [["routines", "no-such-routine"], ["check-library", "no-such-folder"], ["--bogus-flag"]]
)
def test_module_reports_mistakes_without_traceback(tmp_path: Path, argv: list[str]) -> None:
    result = run_module(*argv, cwd=tmp_path)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""


def test_module_lists_bundled_routines(tmp_path: Path) -> None:
    result = run_module("routines", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0].split()[:2] == ["id", "name"]

"""Build the wheel, install it into a fresh virtual environment, and run the installed command.

This proves the bundled library ships inside the wheel and is found from any directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed_command(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `backcare-tui` script of a fresh venv with only the built wheel (and its dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", work / "dist", ROOT, cwd=work
    )
    assert built.returncode == 0, built.stderr
    wheel = next((work / "dist").glob("backcare_tui-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    installed = _run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=work)
    assert installed.returncode == 0, installed.stderr
    return bin_dir / "backcare-tui"


def _clean_env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["BACKCARE_TUI_CONFIG_DIR"] = str(home / "config")
    env["BACKCARE_TUI_DB"] = str(home / "history.json")
    return env


def test_installed_wheel_lists_and_checks_the_bundled_library(installed_command: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)

    routines = _run(installed_command, "routines", cwd=tmp_path, env=env)
    checked = _run(installed_command, "check-library", cwd=tmp_path, env=env)

    assert routines.returncode == 0, routines.stderr
    ids = {line.split()[0] for line in routines.stdout.splitlines()[2:]}
    assert {"nhs-daily", "full-programme", "desk-break"} <= ids
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("library OK:")


def test_installed_wheel_reads_the_library_from_inside_the_package(installed_command: Path, tmp_path: Path) -> None:
    python = installed_command.parent / "python"
    code = "from backcare_tui import paths; print(paths.builtin_library_dir())"

    result = _run(python, "-c", code, cwd=tmp_path, env=_clean_env(tmp_path))

    library = Path(result.stdout.strip())
    assert library.parts[-2:] == ("backcare_tui", "library")
    assert not library.is_relative_to(ROOT)

"""Fixtures every test shares.

No test may read or write the real user's files: `isolated_user_files` (autouse) points the
config folder and the history file at a fresh temporary folder. `library_maker` writes small
library folders of TOML files for tests that need their own exercises and routines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from backcare_tui import paths

# Mutation runs judge each mutant once: the same examples every time, so a verdict never flips.
settings.register_profile("mutation", derandomize=True, database=None, deadline=None)


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home for user files; the config folder inside it does not exist until made."""
    home = tmp_path_factory.mktemp("user-home")
    monkeypatch.setenv(paths.CONFIG_ENV, str(home / "config"))
    monkeypatch.setenv(paths.DB_ENV, str(home / "history.json"))
    monkeypatch.setenv(paths.CRASH_ENV, str(home / "crashes"))
    monkeypatch.setenv(paths.CACHE_ENV, str(home / "cache"))
    return home


def toml_value(value: Any) -> str:
    """One value in TOML syntax: enough for library files (text, numbers, lists, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_document(data: Mapping[str, Any]) -> str:
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in data.items())


def exercise_data(exercise_id: str = "test-stretch", **changes: Any) -> dict[str, Any]:
    """A valid exercise; `changes` replace fields (a value of None removes the field)."""
    data: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").capitalize(),
        "elements": ["stretch"],
        "summary": "A gentle test movement.",
        "targets": ["lower back", "buttocks"],
        "position": "Lying on your back",
        "equipment": ["mat"],
        "steps": ["Lie down.", "Move gently.", "Relax."],
        "safety": ["Stop if it hurts more."],
        "floor": True,
        "cautions": ["pregnancy"],
        "dose": {"kind": "hold", "hold": 10, "reps": 3, "relax": 5},
        "sources": ["TEST"],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def routine_data(
    routine_id: str = "test-routine", exercises: tuple[str, ...] = ("test-stretch",), **changes: Any
) -> dict[str, Any]:
    """A valid routine over `exercises`; `changes` replace fields (None removes one)."""
    data: dict[str, Any] = {
        "id": routine_id,
        "name": routine_id.replace("-", " ").capitalize(),
        "description": "A routine made for a test.",
        "elements": ["stretch"],
        "steps": [{"exercise": exercise_id} for exercise_id in exercises],
        "sources": ["TEST"],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


class LibraryMaker:
    """Writes library folders (`exercises/`, `routines/`) under one temporary folder."""

    exercise_data = staticmethod(exercise_data)
    routine_data = staticmethod(routine_data)

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, name: str = "library") -> Path:
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def write(self, folder: Path | str, relative: str, content: str | bytes | Mapping[str, Any]) -> Path:
        """Write one file; a mapping is written as TOML, bytes as they are."""
        base = folder if isinstance(folder, Path) else self.folder(folder)
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            text = content if isinstance(content, str) else toml_document(content)
            path.write_text(text, encoding="utf-8")
        return path

    def exercise(self, folder: Path | str = "library", exercise_id: str = "test-stretch", **changes: Any) -> Path:
        return self.write(folder, f"exercises/{exercise_id}.toml", exercise_data(exercise_id, **changes))

    def routine(
        self,
        folder: Path | str = "library",
        routine_id: str = "test-routine",
        exercises: tuple[str, ...] = ("test-stretch",),
        **changes: Any,
    ) -> Path:
        return self.write(folder, f"routines/{routine_id}.toml", routine_data(routine_id, exercises, **changes))


@pytest.fixture
def library_maker(tmp_path: Path) -> LibraryMaker:
    return LibraryMaker(tmp_path)


@pytest.fixture
def user_config_dir(isolated_user_files: Path) -> Path:
    """The (isolated) user config folder, created, as `BACKCARE_TUI_CONFIG_DIR` points to it."""
    folder = isolated_user_files / "config"
    folder.mkdir(exist_ok=True)
    return folder

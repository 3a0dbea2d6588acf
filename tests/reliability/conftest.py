"""Helpers for the storage fault tests: stores in a temporary folder and child processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.storage import SessionStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.json"


@pytest.fixture
def open_store(db_path: Path):
    opened: list[SessionStore] = []

    def opener(path: Path = db_path, **options) -> SessionStore:
        store = SessionStore.open(path, **options)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


def sibling_files(path: Path) -> set[str]:
    return {entry.name for entry in path.parent.iterdir()}

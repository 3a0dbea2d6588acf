"""A history file that cannot be written never crashes the app, and nothing is lost."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from backcare_tui.app import make_app
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.summary import SummaryScreen
from backcare_tui.storage import database
from tests.ui.helpers import (
    FIRST_EXERCISE_ENDS,
    SIZE,
    TINY_ROUTINE,
    TINY_SECONDS,
    TODAY,
    advance,
    start_run,
    stored_sessions,
)


class FailingSaves:
    """Makes every write of the sessions file fail with a full disk while `failing` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.failing = True
        self.attempts = 0
        real_write = database.write_atomically

        def write_atomically(path: Path, data: bytes, **kwargs: Any) -> None:
            self.attempts += 1
            if self.failing:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_write(path, data, **kwargs)

        monkeypatch.setattr(database, "write_atomically", write_atomically)


def warnings(app) -> list[str]:
    return [notice.message for notice in app._notifications if notice.severity == "warning"]


async def test_a_failed_checkpoint_is_shown_and_saved_later(open_app, tiny_library, clock, db_path, monkeypatch):
    saves = FailingSaves(monkeypatch)
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        assert saves.attempts == 1
        assert any("disk is full" in message for message in warnings(app))
        assert stored_sessions(db_path) == []
        assert app.store.unsaved_count == 1

        await advance(pilot, clock, FIRST_EXERCISE_ENDS)  # the next checkpoint fails too
        assert app.is_running and app.screen is run
        assert stored_sessions(db_path) == []

        saves.failing = False
        await advance(pilot, clock, TINY_SECONDS - FIRST_EXERCISE_ENDS)
        [record] = stored_sessions(db_path)
        assert record.status == "completed"
        assert app.store.unsaved_count == 0


async def test_a_failed_final_save_keeps_the_session_in_memory(open_app, tiny_library, clock, db_path, monkeypatch):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        saves = FailingSaves(monkeypatch)
        await advance(pilot, clock, TINY_SECONDS)
        await pilot.press("3")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press(*"kept", "enter")
        assert app.is_running
        assert any("kept in memory" in message for message in warnings(app))
        [in_memory] = app.store.sessions()
        assert (in_memory.status, in_memory.note) == ("completed", "kept")
        [on_disk] = stored_sessions(db_path)
        assert on_disk.status == "in_progress"  # the last checkpoint that was written

        saves.failing = False
        second = await start_run(pilot, TINY_ROUTINE)  # its first checkpoint writes what waited
        on_disk = {record.id: record for record in stored_sessions(db_path)}
        assert on_disk[second.engine.session_id].status == "in_progress"
        assert (on_disk[in_memory.id].status, on_disk[in_memory.id].pain_after, on_disk[in_memory.id].note) == (
            "completed",
            3,
            "kept",
        )


async def test_an_unopenable_history_file_is_reported_and_the_app_runs(open_app, tiny_library, clock, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    db = blocker / "history.json"
    app = make_app(db_path=db, library=tiny_library, clock=clock, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the history is read just after the first paint
        assert any(str(db) in message for message in warnings(app))
        await pilot.press("enter")  # the safety advice: no setting could be read
        await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, TINY_SECONDS)
        await pilot.press("3", "enter")
        assert app.is_running
        assert isinstance(app.screen, RoutinesScreen)
        assert [record.status for record in app.store.sessions()] == ["completed"]
        assert not db.exists()

"""The history screen: rows newest first, details, delete, stats, empty state, paging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import DataTable

from backcare_tui.domain.models import replace
from backcare_tui.screens.dialogs import ConfirmScreen
from backcare_tui.screens.history import PAGE, HistoryScreen
from backcare_tui.screens.routines import RoutinesScreen
from backcare_tui.screens.session_detail import SessionDetailScreen
from tests.support.records import make_records
from tests.ui.helpers import save_sessions, stored_sessions, text_of


def table(app) -> DataTable:
    return app.screen.query_one(DataTable)


def shown_time(record) -> str:
    return record.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


async def open_history(pilot) -> HistoryScreen:
    await pilot.press("h")
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def recent_days(days: int) -> list:
    """Completed sessions on each of the last `days` days, up to the FakeClock's today."""
    records = make_records(days, seed=3)
    today = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    return [
        replace(
            record,
            status="completed",
            started_at=today - timedelta(days=n),
            ended_at=today - timedelta(days=n) + timedelta(minutes=10),
            active_seconds=600.0,
        )
        for n, record in enumerate(records)
    ]


async def test_rows_newest_first_and_enter_opens_the_details(open_app, db_path, bundled_library):
    records = make_records(5)
    save_sessions(db_path, records)
    newest = records[-1]
    async with open_app() as (app, pilot):
        await open_history(pilot)
        rows = [table(app).get_row_at(i) for i in range(table(app).row_count)]
        assert [str(row[0]) for row in rows] == [shown_time(r) for r in reversed(records)]
        assert str(rows[0][1]) == newest.routine_name

        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert app.screen.record.id == newest.id
        detail = table(app)
        assert detail.row_count == len(newest.exercises)
        for index, result in enumerate(newest.exercises):
            exercise = bundled_library.exercises.get(result.exercise_id)
            row = detail.get_row_at(index)
            assert str(row[0]) == (exercise.name if exercise else result.exercise_id)
            assert str(row[1]) == result.dose.describe()

        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)


async def test_delete_asks_first(open_app, db_path):
    records = make_records(3)
    save_sessions(db_path, records)
    async with open_app() as (app, pilot):
        await open_history(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, HistoryScreen)
        assert len(stored_sessions(db_path)) == 3

        await pilot.press("down", "delete")  # the middle one, with the other key
        await pilot.press("y")
        assert isinstance(app.screen, HistoryScreen)
        assert table(app).row_count == 2
        assert {record.id for record in stored_sessions(db_path)} == {records[0].id, records[2].id}


async def test_stats_show_the_streak(open_app, db_path):
    save_sessions(db_path, recent_days(3))
    async with open_app() as (app, pilot):
        await open_history(pilot)
        summary = text_of(app, "#history-summary")
        assert "Streak  3 days" in summary
        assert "All time  3 sessions, 30 min" in summary
        assert "Last session  today" in summary


async def test_empty_history(open_app):
    async with open_app() as (app, pilot):
        await open_history(pilot)
        assert app.screen.query_one("#history-empty").display
        assert not table(app).display
        assert "Streak  0 days" in text_of(app, "#history-summary")
        await pilot.press("enter", "d")  # nothing to open or delete
        assert isinstance(app.screen, HistoryScreen)


async def test_pages_load_as_the_cursor_moves_down(open_app, db_path):
    records = make_records(3 * PAGE + 20, exercises_per_session=4)
    save_sessions(db_path, records)
    async with open_app() as (app, pilot):
        screen = await open_history(pilot)
        assert table(app).row_count == PAGE
        assert screen.loaded == PAGE

        table(app).move_cursor(row=PAGE - 12)
        await pilot.press("down")  # ten rows from the end of the page: not yet
        assert table(app).row_count == PAGE
        await pilot.press("down")
        assert table(app).row_count == 2 * PAGE
        await pilot.press("ctrl+end")
        await pilot.press("ctrl+end")
        assert table(app).row_count == len(records)
        assert str(table(app).get_row_at(len(records) - 1)[0]) == shown_time(records[0])


async def test_a_delete_that_cannot_be_written_says_so_once_and_the_row_stays(open_app, db_path, monkeypatch):
    import errno
    import os

    from backcare_tui.storage import database

    records = make_records(2)
    save_sessions(db_path, records)

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with open_app() as (app, pilot):
        await open_history(pilot)
        monkeypatch.setattr(database, "write_atomically", full_disk)
        await pilot.press("d", "y")
        assert isinstance(app.screen, HistoryScreen)
        assert table(app).row_count == 2
        [failure] = [notice for notice in app._notifications if notice.severity == "error"]
        assert failure.title == "Not deleted" and "disk is full" in failure.message
        assert "deleted." not in " ".join(notice.message for notice in app._notifications)
        assert app.store.unsaved_count == 0
    assert len(stored_sessions(db_path)) == 2

"""The progress charts on the history screen: c switches between the table and the charts."""

from __future__ import annotations

from textual.widgets import DataTable, Tabs

from backcare_tui.screens.history import HistoryScreen
from backcare_tui.widgets.progress_charts import NO_PAIN, ProgressChart, ProgressCharts
from tests.support.progress import sixty_sessions
from tests.ui.helpers import save_sessions, text_of


async def test_c_shows_the_charts_and_back_to_the_table(open_app, db_path):
    save_sessions(db_path, sixty_sessions()[-20:])
    async with open_app() as (app, pilot):
        await pilot.press("h", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        charts = screen.query_one(ProgressCharts)
        assert charts.display and not screen.query_one(DataTable).display
        assert charts.progress is not None and len(charts.progress.pain) == 20
        assert text_of(app, "#progress-headline").startswith("This week:")
        assert screen.query_one(ProgressChart).display and not screen.query_one("#progress-text").display
        await pilot.press("enter", "d")  # no row to open or delete while the charts show
        assert app.screen is screen
        await pilot.press("right", "right")
        assert screen.query_one(Tabs).active == "tab-days"
        assert "active day" in text_of(app, "#progress-text")
        assert not screen.query_one(ProgressChart).display
        await pilot.press("c")
        await pilot.pause()
        assert not charts.display and screen.query_one(DataTable).display
        assert screen.query_one(DataTable).has_focus


async def test_charts_with_no_sessions_say_so(open_app):
    async with open_app() as (app, pilot):
        await pilot.press("h", "c")
        await pilot.pause()
        assert text_of(app, "#progress-headline") == "This week: no sessions yet."
        assert text_of(app, "#progress-text") == NO_PAIN
        assert not app.screen.query_one(ProgressChart).display
        assert not app.screen.query_one("#history-empty").display
        await pilot.press("c")
        assert app.screen.query_one("#history-empty").display


async def test_r_writes_the_report_into_the_current_folder(open_app, db_path, tmp_path, monkeypatch):
    save_sessions(db_path, sixty_sessions()[-5:])
    monkeypatch.chdir(tmp_path)
    async with open_app() as (app, pilot):
        await pilot.press("h", "r")
        await pilot.pause()
        [written] = tmp_path.glob("backcare-report-*.html")
        assert "Sessions per week" in written.read_text(encoding="utf-8")
        assert any(str(written) in str(notice.message) for notice in app._notifications)

"""Past sessions, newest first, with streak, weekly totals and the pain trend.

The table is filled a page at a time as the cursor nears its end, and the headline figures
look at recent sessions only, so fifty thousand sessions open about as fast as a hundred.
The progress charts (and their plotting library) are made the first time `c` asks for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..domain import stats, wording
from ..domain.models import SessionRecord
from ..domain.progress import progress
from ..session_export import table_row
from ..widgets.mini_bars import MiniBars, round_top
from ..widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from ..app import BackcareApp
    from ..widgets.progress_charts import ProgressCharts

PAGE = 100


def _sessions_and_minutes(sessions: int, minutes: float) -> str:
    return f"{wording.count(sessions, 'session')}, {wording.active_minutes(minutes)}"


class HistoryScreen(Screen[None]):
    if TYPE_CHECKING:
        app = getters.app(BackcareApp)

    TITLE = "History"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "details", "Details", priority=True),  # ahead of the table's own hidden Enter
        Binding("escape,h", "back", "Back"),
        Binding("d,delete", "delete", "Delete"),
        Binding("c", "charts", "Charts"),
        Binding("r", "report", "Report"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="history-stats"):
            yield Static(id="history-summary")
            with Vertical(id="history-charts"):
                yield Static("Pain after sessions, 0-10", classes="chart-label")
                yield MiniBars(id="pain-trend")
                yield Static(id="weekly-minutes-label", classes="chart-label")
                yield MiniBars(id="weekly-minutes")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")
        yield Static("No sessions yet. Pick a routine and press Enter to start one.", id="history-empty")
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Routine", "Total min", "Done", "Pain", "Status")
        self.load()
        table.focus()

    def load(self) -> None:
        self.records = self.app.store.sessions()
        self.app.show_history_notices()
        self.loaded = 0
        table = self.query_one(DataTable)
        table.clear()
        self.add_page()
        self.query_one("#history-empty").display = not self.records
        table.display = bool(self.records)
        self.show_stats()

    def add_page(self) -> None:
        table = self.query_one(DataTable)
        page = self.records[self.loaded : self.loaded + PAGE]
        table.add_rows([[Text(cell) for cell in table_row(record)] for record in page])  # never markup
        self.loaded += len(page)

    def show_stats(self) -> None:
        today = self.app.today()
        summary = stats.summarize(self.records, today, newest_first=True)
        weeks = stats.weekly_totals(self.records, today, weeks=8, newest_first=True)
        days = summary.days_since_last
        last = "-" if days is None else wording.days_ago(days)
        not_counted = (  # saved, listed below, but left out of every figure
            Text.assemble(("\nNot counted  ", "dim"), f"{wording.count(summary.not_counted, 'session')}, nothing done")
            if summary.not_counted
            else Text()
        )
        self.query_one("#history-summary", Static).update(
            Text.assemble(
                ("Streak  ", "dim"),
                (f"{wording.count(summary.streak, 'day')}\n", "bold"),
                ("This week  ", "dim"),
                (_sessions_and_minutes(summary.this_week, weeks[-1].minutes) + "\n", "bold"),
                ("All time  ", "dim"),
                (_sessions_and_minutes(summary.total_sessions, summary.total_minutes) + "\n", "bold"),
                ("Last session  ", "dim"),
                (last, "bold"),
                not_counted,
            )
        )
        self.query_one("#pain-trend", MiniBars).values = tuple(stats.pain_trend(self.records, newest_first=True))
        weekly = [week.minutes for week in weeks]
        top = round_top(max(weekly, default=0))
        bars = self.query_one("#weekly-minutes", MiniBars)
        bars.top, bars.values = top, tuple(weekly)
        self.query_one("#weekly-minutes-label", Static).update(f"Active min a week, 8 weeks, 0-{top}")
        self.show_progress()

    def show_progress(self) -> None:
        """Fill the progress charts, only while they are shown (c switches them with the table)."""
        charts = self._charts()
        if charts is not None and charts.display:
            self.query_one(DataTable).display = self.query_one("#history-empty").display = False
            checkins = self.app.checkins.checkins() if self.app.checkins is not None else []
            changes = self.app.store.programme().changes
            charts.progress = progress(
                self.records, self.app.today(), checkins, changes, names=self._names(), newest_first=True
            )

    def _charts(self) -> ProgressCharts | None:
        """The progress charts, once made (the plotting library is loaded only then)."""
        found = self.query_children("#progress-charts")
        if not found:
            return None
        from ..widgets.progress_charts import ProgressCharts

        return found.first(ProgressCharts)

    def _names(self) -> dict[str, str]:
        return self.app.library.exercise_names()

    def action_report(self) -> None:
        """Write the printable progress report into the current folder and say where."""
        from pathlib import Path

        from ..report import ReportData, default_file_name, render_report

        today = self.app.today()
        checkins = self.app.checkins.checkins() if self.app.checkins is not None else []
        target = Path.cwd() / default_file_name(today)
        changes = self.app.store.programme().changes
        html = render_report(ReportData(self.records, today, None, checkins, changes, names=self._names()))
        try:
            target.write_text(html, encoding="utf-8")
        except OSError as error:
            self.notify(f"{target}: {error.strerror or error}", title="Report not written", severity="error")
            return
        self.notify(f"Written to {target}. Open it in a browser to print it.", title="Progress report", timeout=10)

    async def action_charts(self) -> None:
        charts = self._charts()
        if charts is not None:
            charts.display = not charts.display
        else:  # made when first asked for, so the table opens without loading the plotting library
            from ..widgets.progress_charts import ProgressCharts

            charts = ProgressCharts(id="progress-charts")
            await self.mount(charts, before=self.query_one(Footer))
        table = self.query_one(DataTable)
        if charts.display:
            self.query_one("#progress-tabs").focus()
        else:
            table.display = bool(self.records)
            self.query_one("#history-empty").display = not self.records
            table.focus()
        self.show_progress()

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # Delete is greyed out on the running session's row
        if event.cursor_row >= self.loaded - 10 and self.loaded < len(self.records):
            self.add_page()

    def selected(self) -> SessionRecord | None:
        table = self.query_one(DataTable)
        if not self.records or table.cursor_row is None or table.cursor_row >= self.loaded:
            return None
        return self.records[table.cursor_row]

    @on(DataTable.RowSelected)
    def action_details(self) -> None:
        from .session_detail import SessionDetailScreen

        record = self.selected()
        if record is not None:
            self.app.push_screen(SessionDetailScreen(record))

    def action_delete(self) -> None:
        from .dialogs import ConfirmScreen

        record = self.selected()
        if record is None:
            return
        if record.status == "in_progress":
            self.notify("This session is still running. Stop it first.", title="Not deleted", timeout=5)
            return

        def answer(delete: bool | None) -> None:
            if delete:
                error = self.app.store.delete(record.id)
                if error:
                    self.notify(error, title="Not deleted", severity="error", markup=False)
                else:
                    self.notify("Session deleted.", timeout=3, markup=False)
                row = self.query_one(DataTable).cursor_row
                self.load()
                self.query_one(DataTable).move_cursor(row=min(row, max(0, len(self.records) - 1)))

        when = wording.day_and_time(record.started_at)
        self.app.push_screen(
            ConfirmScreen(
                "Delete this session?",
                f"{record.routine_name}, {when}. This cannot be undone.",
                yes="Delete",
                no="Keep",
            ),
            answer,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        charts_shown = any(charts.display for charts in self.query_children("#progress-charts"))
        if action in ("details", "delete") and (not self.records or charts_shown):
            return None
        if action == "delete" and (record := self.selected()) is not None and record.status == "in_progress":
            return None  # the running session is not history yet
        return True

    def action_back(self) -> None:
        self.dismiss()

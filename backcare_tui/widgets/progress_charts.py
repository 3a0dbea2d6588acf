"""Progress charts for the history screen: pain, weekly minutes, active days and the check-in.

The screen sets `ProgressCharts.progress` (made by `domain.progress.progress`) and the
widget draws it: the headline in words, then one tab per chart. The line and bar charts are
Plotext plots (textual-plotext), with a 0-10 axis for pain and scores and dates along the
bottom; a missing score is a gap, never filled with the other score. The calendar of active
days is drawn as text, a week a column, with a legend.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static, Tab, Tabs
from textual_plotext import PlotextPlot

from ..domain import wording
from ..domain.progress import CalendarDay, Progress
from .mini_bars import round_top

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MOST_DATE_LABELS = 6


def _short_day(day: object) -> str:
    return f"{day:%d %b}".lstrip("0")  # "3 Mar"


def _ticks(labels: Sequence[str], most: int = MOST_DATE_LABELS) -> tuple[list[float], list[str]]:
    """At most `most` evenly spaced x positions (1-based) with their labels, the last always kept."""
    if not labels:
        return [], []
    step = max(1, -(-len(labels) // most))
    chosen = list(range(len(labels) - 1, -1, -step))[::-1]
    return [float(index + 1) for index in chosen], [labels[index] for index in chosen]


def _runs(values: Sequence[int | float | None]) -> list[tuple[list[int], list[float]]]:
    """Runs of present values as (x positions, values); a missing value ends a run."""
    runs: list[tuple[list[int], list[float]]] = []
    xs: list[int] = []
    ys: list[float] = []
    for position, value in enumerate(values, start=1):
        if value is None:
            if xs:
                runs.append((xs, ys))
            xs, ys = [], []
        else:
            xs.append(position)
            ys.append(float(value))
    if xs:
        runs.append((xs, ys))
    return runs


class _Chart(PlotextPlot):
    """A Plotext plot whose series colours come from the app's theme."""

    def colour(self, variable: str) -> tuple[int, int, int]:
        value = self.app.theme_variables.get(variable, "#888888")
        red, green, blue = Color.parse(value).rgb
        return (red, green, blue)

    def lines(
        self, series: Sequence[tuple[str, Sequence[int | float | None], str]], labels: Sequence[str], top: int
    ) -> None:
        """Draw each (name, values, colour variable) as lines with gaps on a 0 to `top` axis."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        for name, values, variable in series:
            colour = self.colour(variable)
            for number, (xs, ys) in enumerate(_runs(values)):
                label = name if number == 0 else None
                if len(xs) == 1:
                    plt.scatter(xs, ys, color=colour, marker="dot", label=label)
                else:
                    plt.plot(xs, ys, color=colour, marker="braille", label=label)
        plt.ylim(0, top)
        plt.yticks(list(range(0, top + 1, 2)))
        positions, names = _ticks(labels)
        plt.xticks(positions, names)
        plt.xlim(0.5, max(1, len(labels)) + 0.5)
        self.refresh()


class ProgressChart(_Chart):
    """The one plot of the charts: pain, weekly minutes or the check-in, as the tab asks."""

    def pain(self, progress: Progress) -> None:
        points = progress.pain
        series = (
            ("before", [point.before for point in points], "warning"),
            ("after", [point.after for point in points], "primary"),
        )
        self.lines(series, [_short_day(point.day) for point in points], 10)

    def checkins(self, progress: Progress) -> None:
        points = progress.checkins
        series = (
            ("activities 0-10", [point.average for point in points], "success"),
            ("days of pain relief", [point.pain_relief_days for point in points], "error"),
        )
        self.lines(series, [_short_day(point.day) for point in points], 10)

    def minutes(self, progress: Progress) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        weeks = progress.weeks
        labels = [_short_day(week.week_start) for week in weeks]
        minutes = [round(week.minutes) for week in weeks]
        plt.bar(list(range(1, len(weeks) + 1)), minutes, color=self.colour("primary"), width=0.6)
        positions, names = _ticks(labels)
        plt.xticks(positions, names)
        plt.xlim(0.4, len(weeks) + 0.6)
        top = round_top(max(minutes, default=0))
        plt.ylim(0, top)
        plt.yticks([0, top // 2, top])
        self.refresh()


def _month_row(weeks: Sequence[Sequence[CalendarDay]]) -> str:
    """Month names above the week where each month begins, where there is room."""
    row = [" "] * (4 + 2 * len(weeks) + 2)
    shown = ""
    free_from = 0
    for number, week in enumerate(weeks):
        month = f"{week[-1].day:%b}"
        column = 4 + 2 * number
        if month != shown and column >= free_from:
            row[column : column + 3] = month
            free_from = column + 4
        shown = month
    return "".join(row).rstrip()


def calendar_content(days: Sequence[CalendarDay]) -> Content:
    """Weeks as columns, Monday at the top: a filled square for a day with a session."""
    weeks = [days[start : start + 7] for start in range(0, len(days), 7)]
    parts: list[tuple[str, str] | str] = [(_month_row(weeks) + "\n", "dim")]
    for weekday in range(7):
        parts.append((f"{WEEKDAYS[weekday]} ", "dim"))
        for week in weeks:
            cell = week[weekday]
            if cell.future:
                parts.append("  ")
            elif cell.sessions == 0:
                parts.append(("· ", "dim"))
            else:
                parts.append(("■ ", "$success" if cell.sessions == 1 else "bold $accent"))
        parts.append("\n")
    active = sum(1 for day in days if day.sessions)
    parts += [
        ("· ", "dim"),
        "no session  ",
        ("■", "$success"),
        " 1 session  ",
        ("■", "bold $accent"),
        " 2 or more\n",
        (f"{wording.count(active, 'active day')} in the last {wording.count(len(weeks), 'week')}", "dim"),
    ]
    return Content.assemble(*parts)


TABS = (
    ("pain", "Pain"),
    ("minutes", "Minutes a week"),
    ("days", "Active days"),
    ("checkin", "Check-in"),
    ("doses", "Doses"),
)
NO_PAIN = "No pain scores yet."
NO_CHECKINS = "No weekly check-ins yet. They are offered once a week when the app starts."


class ProgressCharts(Widget):
    """The headline and the progress charts, one tab each (left and right move between them).

    One plot and one text area serve every tab, so the charts appear quickly.
    """

    DEFAULT_CSS = """
    ProgressCharts { height: 1fr; }
    ProgressCharts #progress-headline { padding: 0 1; height: auto; text-style: bold; }
    ProgressCharts #progress-text { padding: 1 1 0 1; height: auto; }
    ProgressCharts ProgressChart { height: 1fr; }
    """

    progress: reactive[Progress | None] = reactive(None)
    tab: reactive[str] = reactive("pain")

    def compose(self) -> ComposeResult:
        yield Static(id="progress-headline")
        yield Tabs(*(Tab(label, id=f"tab-{key}") for key, label in TABS), id="progress-tabs")
        yield Static(id="progress-text")
        yield ProgressChart(id="progress-plot")

    @on(Tabs.TabActivated)
    def choose(self, event: Tabs.TabActivated) -> None:
        event.stop()
        self.tab = (event.tab.id or "tab-pain").removeprefix("tab-")

    def watch_progress(self) -> None:
        self.draw()

    def watch_tab(self) -> None:
        self.draw()

    def on_mount(self) -> None:
        self.draw()

    def draw(self) -> None:
        progress = self.progress
        if progress is None or not self.is_mounted:
            return
        self.query_one("#progress-headline", Static).update(Content(progress.headline))
        text, plot = self.query_one("#progress-text", Static), self.query_one(ProgressChart)
        words: Content | None = None
        drawn = False
        if self.tab == "pain":
            if any(point.before is not None or point.after is not None for point in progress.pain):
                plot.pain(progress)
                drawn = True
            else:
                words = Content(NO_PAIN)
        elif self.tab == "minutes":
            plot.minutes(progress)
            drawn = True
        elif self.tab == "days":
            words = calendar_content(progress.calendar)
        elif self.tab == "checkin":
            if progress.checkins:
                plot.checkins(progress)
                drawn = True
                if progress.function is not None:
                    words = Content(progress.function.text + ".")
            else:
                words = Content(NO_CHECKINS)
        else:
            lines = [growth.line for growth in progress.doses] or ["No dose changes recorded yet."]
            words = Content("\n".join(lines))
        text.display = words is not None
        if words is not None:
            text.update(words)
        plot.display = drawn

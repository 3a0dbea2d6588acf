"""A one-page progress report in HTML, to print or to show a physiotherapist.

One self-contained file: inline CSS and SVG charts, no scripts, nothing fetched, so it opens
offline in any browser and prints on one or two sides of A4. Everything drawn from the
person's data is HTML-escaped. The numbers come from `domain.progress`, as on the history
screen, so screen and paper agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape

from .domain import progress as progress_model
from .domain import wording
from .domain.checkin import CheckIn, function_change
from .domain.models import DoseChange, SessionRecord
from .domain.stats import counts_as_session, weekly_totals
from .report_charts import Series, bar_chart, legend, line_chart

DEFAULT_WEEKS = progress_model.CHART_WEEKS
MOST_WEEKS = 104
MOST_PAIN_POINTS = 365
DISCLAIMER = (
    "Made by backcare-tui from the person's own records. It does not diagnose and does not "
    "replace an assessment by a clinician."
)

STYLE = """
@page { size: A4; margin: 12mm; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto;
       max-width: 760px; padding: 8px; }
h1 { font-size: 17pt; margin: 0 0 2px; } h2 { font-size: 12pt; margin: 14px 0 4px; }
p { margin: 3px 0; } .muted { color: #555; } .headline { font-size: 12pt; font-weight: 600; margin: 8px 0; }
section { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 2px 6px;
       border-bottom: 1px solid #ddd; font-size: 9.5pt; }
.figures { display: flex; gap: 18px; margin: 6px 0; } .figures div { font-size: 9.5pt; }
.figures b { display: block; font-size: 14pt; }
svg { display: block; } svg text { font: 10px sans-serif; fill: #444; }
.axis { stroke: #444; stroke-width: 1; } .grid { stroke: #ddd; stroke-width: 0.6; }
.line { fill: none; stroke-width: 1.6; } .dot { stroke: none; } .bar { fill: #4a7fb5; }
.line.before { stroke: #b8860b; stroke-dasharray: 4 2; } .line.after { stroke: #2e6da4; }
.line.function { stroke: #2f8f4e; } .line.relief { stroke: #a33; stroke-dasharray: 2 2; }
.dot.before { fill: #b8860b; } .dot.after { fill: #2e6da4; }
.dot.function { fill: #2f8f4e; } .dot.relief { fill: #a33; }
.legend { font-size: 9pt; } .key { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 4px; vertical-align: middle; }
.swatch.before { background: #b8860b; } .swatch.after { background: #2e6da4; }
.swatch.function { background: #2f8f4e; } .swatch.relief { background: #a33; }
footer { margin-top: 14px; font-size: 8.5pt; color: #555; }
ul { margin: 2px 0; padding-left: 20px; }
@media print { body { font-size: 9pt; padding: 0; } h1 { font-size: 14pt; } h2 { font-size: 11pt; margin: 6px 0 2px; }
  .headline { font-size: 10.5pt; margin: 4px 0; } .figures b { font-size: 12pt; } td, th { font-size: 8.5pt; } }
"""


@dataclass(frozen=True)
class ReportData:
    """What the report is made from."""

    records: Sequence[SessionRecord]
    today: date
    since: date | None = None
    checkins: Sequence[CheckIn] = ()
    changes: Sequence[DoseChange] = ()
    names: Mapping[str, str] | None = None  # exercise id to name


def default_file_name(today: date) -> str:
    return f"backcare-report-{today.isoformat()}.html"


def _weeks_in(since: date | None, today: date) -> int:
    if since is None:
        return DEFAULT_WEEKS
    first_monday = since - timedelta(days=since.weekday())
    return max(1, min(MOST_WEEKS, (today - first_monday).days // 7 + 1))


def _start(since: date) -> datetime:
    return datetime.combine(since, time()).astimezone()


def _section(title: str, *parts: str) -> str:
    return f"<section>\n<h2>{escape(title)}</h2>\n" + "\n".join(parts) + "\n</section>"


def _para(text: str, css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{escape(text)}</p>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _sessions_chart(records: Sequence[SessionRecord], today: date, weeks: int) -> str:
    totals = weekly_totals(records, today, weeks=weeks)
    labels = [wording.day_month(week.week_start) for week in totals]
    chart = bar_chart("Sessions per week", labels, [week.sessions for week in totals], "sessions a week (from Monday)")
    return _section("Sessions per week", chart)


def _pain_chart(in_span: Sequence[SessionRecord]) -> str:
    points = progress_model.pain_points(in_span, limit=MOST_PAIN_POINTS)
    if not points:
        return _section("Pain before and after each session", _para("No sessions in this period.", "muted"))
    series = [
        Series("Pain before", [point.before for point in points], "before"),
        Series("Pain after", [point.after for point in points], "after"),
    ]
    labels = [wording.day_month(point.day) for point in points]
    chart = line_chart("Pain before and after each session", labels, series, 10, "pain 0-10", dots=len(points) <= 120)
    missing = sum(1 for point in points if point.before is None or point.after is None)
    note = f"0 no pain, 10 the worst imaginable; {wording.count(len(points), 'session')}, oldest on the left"
    note += f"; gaps are {wording.count(missing, 'score')} not given." if missing else "."
    return _section("Pain before and after each session", legend(series, note), chart)


def _checkin_chart(checkins: Sequence[CheckIn]) -> str:
    points = progress_model.checkin_points(checkins)
    title = "Weekly check-in: everyday activities"
    if not points:
        return _section(title, _para("No weekly check-ins yet.", "muted"))
    series = [
        Series("Everyday activities, average (0 unable, 10 as before)", [p.average for p in points], "function"),
        Series("Days needing pain relief (0-7)", [p.pain_relief_days for p in points], "relief"),
    ]
    labels = [wording.day_month(point.day) for point in points]
    chart = line_chart(title, labels, series, 10, "score or days")
    activities = next((c.activities for c in reversed(checkins) if c.scores), ())
    parts = [legend(series), chart]
    if activities:
        parts.append(_para("Activities: " + "; ".join(activities) + ".", "muted"))
    change = function_change(checkins)
    if change is not None:
        parts.append(_para(change.text + ". A rise of 2 points in the average is a meaningful improvement."))
    return _section(title, *parts)


def _doses(changes: Sequence[DoseChange], names: Mapping[str, str]) -> str:
    growth = progress_model.dose_growth(changes, names)
    if not growth:
        return _section("Doses now against the start", _para("No dose changes recorded yet.", "muted"))
    return _section(
        "Doses now against the start", "<ul>" + "".join(f"<li>{escape(g.line)}</li>" for g in growth) + "</ul>"
    )


def _stopped_for_pain(in_span: Sequence[SessionRecord], names: Mapping[str, str]) -> str:
    stopped = sorted((r for r in in_span if r.status == "stopped_for_pain"), key=lambda r: r.started_at)
    title = "Sessions stopped for pain"
    if not stopped:
        return _section(title, _para("None in this period.", "muted"))
    rows = [
        [
            wording.day_and_time(record.started_at),
            record.routine_name,
            names.get(record.hurt_exercise, record.hurt_exercise) if record.hurt_exercise else "not recorded",
            wording.pain_scores(record.pain_before, record.pain_after),
        ]
        for record in stopped
    ]
    return _section(title, _table(["When", "Routine", "Exercise that hurt", "Pain before → after"], rows))


def render_report(data: ReportData) -> str:
    """The whole report as one HTML document."""
    names = data.names or {}
    weeks = _weeks_in(data.since, data.today)
    since = data.since or data.today - timedelta(days=data.today.weekday() + 7 * (weeks - 1))
    start = _start(since)
    in_span = [record for record in data.records if record.started_at >= start]
    counted = [record for record in in_span if counts_as_session(record)]
    minutes = round(sum(record.active_seconds for record in counted) / 60)
    stopped = sum(1 for record in in_span if record.status == "stopped_for_pain")
    checkins = [checkin for checkin in data.checkins if checkin.at >= start]
    sessions_word = wording.count(len(counted), "session").split(" ", 1)[1]
    figures = (
        f"<div><b>{len(counted)}</b>{sessions_word}</div><div><b>{minutes}</b>active minutes</div>"
        f"<div><b>{stopped}</b>stopped for pain</div>"
    )
    period = f"{wording.day_month(since)} {since.year} to {wording.day_month(data.today)} {data.today.year}"
    body = [
        "<h1>Back care progress report</h1>",
        _para(f"{period}. Made on {data.today.isoformat()}.", "muted"),
        _para(progress_model.headline(data.records, data.today), "headline"),
        f'<div class="figures">{figures}</div>',
        _sessions_chart(data.records, data.today, weeks),
        _pain_chart(in_span),
        _checkin_chart(checkins),
        _doses(data.changes, names),
        _stopped_for_pain(in_span, names),
        f"<footer>{escape(DISCLAIMER)}</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Back care progress report, {escape(data.today.isoformat())}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )

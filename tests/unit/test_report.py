"""The printable report: valid HTML, every chart present, text escaped, the history only read."""

import re
import time
import xml.etree.ElementTree as ElementTree
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from backcare_tui.__main__ import main
from backcare_tui.domain.checkin import ActivityScore, CheckIn
from backcare_tui.domain.models import DoseChange, RepsDose, replace
from backcare_tui.report import ReportData, render_report
from backcare_tui.report_charts import Series, line_chart
from backcare_tui.storage import SessionStore
from tests.support.records import engine_records

VOID = {"meta", "br", "hr", "img", "input", "link"}  # HTML void elements; SVG ones close themselves
TODAY = date(2026, 3, 31)


class StrictWalk(HTMLParser):
    """Fails on any end tag that does not close the element opened last."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def check_html(text: str) -> StrictWalk:
    walk = StrictWalk()
    walk.feed(text)
    walk.close()
    assert walk.open == [], f"left open: {walk.open}"
    assert "<script" not in text and "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for svg in re.findall(r"<svg.*?</svg>", text, flags=re.S):
        ElementTree.fromstring(svg)  # each chart is well-formed XML
    return walk


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def sixty_sessions():
    start = datetime(2026, 1, 20, 8, tzinfo=UTC)
    records = engine_records(60, seed=3, start=start)
    # One stopped for pain names the exercise that hurt; the name is made to need escaping.
    for index, record in enumerate(records):
        if record.status == "stopped_for_pain":
            records[index] = replace(record, hurt_exercise="glute-bridge")
    records[5] = replace(records[5], routine_name='Back <easy> & "gentle"', status="stopped_for_pain")
    return records


def report_data(records) -> ReportData:
    checkins = [
        CheckIn(
            at=datetime(2026, 2, 2, 9, tzinfo=UTC) + timedelta(weeks=week),
            scores=(
                ActivityScore(activity="putting on <socks>", score=min(10, 3 + week)),
                ActivityScore(activity="walking 20 minutes", score=min(10, 4 + week // 2)),
            ),
            pain_relief_days=max(0, 5 - week),
        )
        for week in range(8)
    ]
    change = DoseChange(
        at=datetime(2026, 3, 3, 9, tzinfo=UTC),
        routine_id="nhs-daily",
        exercise_id="glute-bridge",
        from_exercise="glute-bridge",
        from_dose=RepsDose(reps=8),
        to_exercise="glute-bridge",
        to_dose=RepsDose(reps=14),
        reason="build_up",
    )
    names = {"glute-bridge": "Glute bridge"}
    return ReportData(records, TODAY, date(2026, 1, 19), checkins, [change], names)


def test_report_is_valid_html_with_every_chart():
    text = render_report(report_data(sixty_sessions()))
    walk = check_html(text)
    assert walk.seen.count("svg") == 3
    for title in (
        "Sessions per week",
        "Pain before and after each session",
        "Weekly check-in: everyday activities",
        "Doses now against the start",
        "Sessions stopped for pain",
    ):
        assert f"<h2>{title}</h2>" in text
    assert "Glute bridge: 8 → 14 reps since 3 March" in text
    assert "Back &lt;easy&gt; &amp; &quot;gentle&quot;" in text
    assert "putting on &lt;socks&gt;" in text
    assert "<socks>" not in text
    assert "Exercise that hurt" in text and "<td>Glute bridge</td>" in text


def test_an_empty_report_still_parses():
    text = render_report(ReportData([], TODAY))
    check_html(text)
    assert "No sessions in this period." in text and "No weekly check-ins yet." in text


def test_missing_scores_are_gaps_not_filled():
    chart = line_chart("pain", ["a", "b", "c", "d"], [Series("after", [3, None, 4, 5], "after")], 10, "pain")
    tree = ElementTree.fromstring(chart)
    lines = [e for e in tree.iter() if e.tag.endswith("polyline")]
    dots = [e for e in tree.iter() if e.tag.endswith("circle")]
    assert len(lines) == 1 and len(lines[0].get("points").split()) == 2  # c-d; a stands alone
    assert len(dots) == 3


def test_command_writes_the_report_and_only_reads_the_history(tmp_path, monkeypatch, capsys):
    (tmp_path / "data").mkdir()
    db = tmp_path / "data" / "history.json"
    with SessionStore.open(db) as store:
        for record in sixty_sessions():
            store.save_session(record)
    before = db.read_bytes(), db.stat().st_mtime_ns
    files_before = sorted(p.name for p in db.parent.iterdir())
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    assert main(["report", "--db", str(db), "--output", str(out), "--since", "2026-01-01"]) == 0
    assert f"Report written to {out}" in capsys.readouterr().out
    check_html(out.read_text(encoding="utf-8"))
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in db.parent.iterdir()) == files_before


def test_command_default_file_in_the_current_folder_and_no_history_made(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "none.json"
    assert main(["report", "--db", str(db)]) == 0
    written = list(tmp_path.glob("backcare-report-*.html"))
    assert len(written) == 1 and str(written[0]) in capsys.readouterr().out
    assert not db.exists()


def test_command_rejects_a_future_since(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "h.json"), "--since", "2999-01-01"]) == 2
    assert "after today" in capsys.readouterr().err

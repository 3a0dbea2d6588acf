import csv
import io
import json
from datetime import datetime, timedelta, timezone

from backcare_tui.domain.models import ExerciseResult, HoldDose, SessionRecord
from backcare_tui.session_export import CSV_FIELDS, render_csv, render_json, render_table
from tests.support.records import make_records

PLUS_ONE = timezone(timedelta(hours=1))


def _session(**changes) -> SessionRecord:
    fields = {
        "id": "s1",
        "routine_id": "nhs-daily",
        "routine_name": "Daily back set",
        "started_at": datetime(2026, 1, 5, 9, 0, tzinfo=PLUS_ONE),
        "ended_at": datetime(2026, 1, 5, 9, 12, tzinfo=PLUS_ONE),
        "status": "completed",
        "exercises": (
            ExerciseResult(exercise_id="knee-rolls", dose=HoldDose(hold=5), planned_seconds=5.0, status="done"),
            ExerciseResult(exercise_id="sphinx", dose=HoldDose(hold=5), planned_seconds=5.0, status="skipped"),
        ),
        "active_seconds": 540.0,
        "rest_seconds": 60.0,
        "pain_before": 5,
        "pain_after": 3,
        "note": 'Stiff, then "better", thanks',
    }
    return SessionRecord(**{**fields, **changes})


def test_table_shows_date_routine_minutes_done_pain_and_status():
    text = render_table([_session(), _session(id="s2", status="stopped", recovered=True, pain_after=None)])
    lines = text.splitlines()
    assert lines[0].split() == ["date", "routine", "total", "min", "done", "pain", "status"]
    shown = _session().started_at.astimezone()  # the table shows local time, as the app does
    assert lines[1].split() == [
        f"{shown:%Y-%m-%d}",
        f"{shown:%H:%M}",
        "Daily",
        "back",
        "set",
        "10",
        "1/2",
        "5",
        "→",
        "3",
        "completed",
    ]
    assert lines[2].endswith("5 → -  stopped (recovered)")


def test_table_of_nothing_says_so():
    assert render_table([]) == "No sessions yet.\n"


def test_json_has_every_field_and_the_exercises():
    [session] = json.loads(render_json([_session()]))
    assert session["started_at"] == "2026-01-05T09:00:00+01:00"
    assert session["minutes"] == 10.0
    assert (session["exercises_done"], session["exercises_planned"], session["exercises_skipped"]) == (1, 2, 1)
    assert session["pain_change"] == -2
    assert [exercise["status"] for exercise in session["exercises"]] == ["done", "skipped"]
    assert session["exercises"][0]["dose"] == "hold 5 s"


def test_csv_round_trips_through_a_csv_reader():
    rows = list(csv.DictReader(io.StringIO(render_csv([_session(), _session(id="s2", pain_before=None)]))))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows[0]["note"] == 'Stiff, then "better", thanks'
    assert rows[0]["recovered"] == "no"
    assert rows[1]["pain_before"] == "" and rows[1]["pain_change"] == ""


def test_output_is_stable_for_the_same_records():
    records = make_records(20)
    for render in (render_table, render_json, render_csv):
        assert render(records) == render(list(records))

"""Check-ins and dose changes export to CSV and JSON, oldest first, every answer kept."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from backcare_tui.domain.checkin import ActivityScore, CheckIn
from backcare_tui.domain.models import DoseChange, RepsDose
from backcare_tui.progress_export import (
    CHECKIN_FIELDS,
    render_checkins_csv,
    render_checkins_json,
    render_dose_changes_csv,
    render_dose_changes_json,
)

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CHECKINS = [
    CheckIn(at=AT + timedelta(weeks=1), skipped=True),
    CheckIn(
        at=AT,
        scores=(ActivityScore(activity="socks, left foot", score=3), ActivityScore(activity='"walking"', score=6)),
        pain_relief_days=4,
    ),
]
CHANGE = DoseChange(
    at=AT,
    routine_id="nhs-daily",
    exercise_id="glute-bridge",
    from_exercise="glute-bridge",
    from_dose=RepsDose(reps=8),
    to_exercise="glute-bridge",
    to_dose=RepsDose(reps=10),
    reason="build_up",
    why="three comfortable sessions",
)


def test_checkins_csv_has_a_column_per_activity_and_parses_back():
    rows = list(csv.DictReader(io.StringIO(render_checkins_csv(CHECKINS))))
    assert tuple(rows[0]) == CHECKIN_FIELDS
    assert rows[0]["activity_1"] == "socks, left foot" and rows[0]["score_2"] == "6" and rows[0]["average"] == "4.5"
    assert rows[0]["activity_3"] == "" and rows[0]["pain_relief_days"] == "4"
    assert rows[1]["skipped"] == "True" and rows[1]["average"] == ""


def test_checkins_json_keeps_every_field():
    data = json.loads(render_checkins_json(CHECKINS))
    assert data[0]["scores"] == [{"activity": "socks, left foot", "score": 3}, {"activity": '"walking"', "score": 6}]
    assert data[1]["skipped"] is True


def test_dose_changes_in_words_and_as_data():
    [row] = csv.DictReader(io.StringIO(render_dose_changes_csv([CHANGE], {"glute-bridge": "Glute bridge"})))
    assert (row["from_exercise"], row["from_dose"], row["to_dose"]) == (
        "Glute bridge",
        "8 reps, 3 s each",
        "10 reps, 3 s each",
    )
    [data] = json.loads(render_dose_changes_json([CHANGE]))
    assert data["to_dose"] == {
        "kind": "reps",
        "reps": 10,
        "per_side": False,
        "sets": 1,
        "rest": 15,
        "tempo": 3,
        "own_pace": False,
    }
    assert data["reason"] == "build_up" and data["at"] == "2026-03-02T09:00:00Z"

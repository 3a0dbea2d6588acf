"""`history --json/--csv` with `--table`: sessions, check-ins, dose changes, or all as JSON.

Sessions of a current file are exported straight from the stored form; the output must be
byte for byte what the records give, for every kind of session.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from backcare_tui.__main__ import main
from backcare_tui.domain.models import replace
from backcare_tui.progress_export import CHECKIN_FIELDS, DOSE_CHANGE_FIELDS
from backcare_tui.session_export import render_csv, render_json
from backcare_tui.storage import SessionStore, normalise
from backcare_tui.storage.export_read import read_current_sessions
from tests.support.progress import dose_changes, sixty_sessions, weekly_checkins
from tests.support.records import make_records


def _odd_sessions() -> list:
    """Sessions of every kind the export must get right."""
    plain = make_records(40, seed=9)
    odd = [
        replace(plain[0], note="Back [easy]\x1b[31m, \u00e9 \U0001f9d8", routine_name="Name\x07 [/]"),
        replace(plain[1], status="in_progress", ended_at=None, pain_after=None),
        replace(plain[2], status="stopped_for_pain", hurt_exercise="glute-bridge", recovered=True),
        replace(plain[3], exercises=(), active_seconds=0.0, rest_seconds=0.0, pain_before=None),
        replace(plain[4], started_at=plain[4].started_at.astimezone(UTC), ended_at=None, status="stopped"),
        replace(plain[5], ended_at=plain[5].started_at.astimezone(UTC) + timedelta(hours=3)),
    ]
    return [*odd, *plain[6:], *sixty_sessions()]


@pytest.fixture
def history(tmp_path: Path) -> Path:
    path = tmp_path / "history.json"
    with SessionStore.open(path) as store:
        for record in _odd_sessions():
            store.save_session(record)
        for checkin in weekly_checkins():
            store.save_checkin(checkin)
        for change in dose_changes():
            store.save_dose_change(_dose_of(change), change)
    return path


def _dose_of(change):
    from backcare_tui.domain.models import PersonalDose

    return PersonalDose(
        routine_id=change.routine_id,
        exercise_id=change.exercise_id,
        current_exercise=change.to_exercise,
        dose=change.to_dose,
    )


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _newest_first(path: Path) -> list:
    with SessionStore.open(path, read_only=True) as store:
        return store.sessions()


def test_the_stored_form_exports_exactly_what_the_records_give(history: Path, capsys) -> None:
    assert read_current_sessions(history.read_bytes()) is not None  # the quick way is taken
    records = _newest_first(history)
    assert (
        records == sorted((normalise(r) for r in _odd_sessions()), key=lambda r: (r.started_at.timestamp(), r.id))[::-1]
    )
    code, out, err = _run(capsys, "history", "--json", "--db", str(history))
    assert (code, err) == (0, "")
    assert out == render_json(records)
    code, out, err = _run(capsys, "history", "--csv", "--db", str(history))
    assert (code, err) == (0, "")
    assert out == render_csv(records)


def test_since_keeps_the_same_sessions_either_way(history: Path, capsys) -> None:
    records = _newest_first(history)
    day = records[len(records) // 2].started_at.astimezone().date()
    expected = [record for record in records if record.started_at.astimezone().date() >= day]
    _, out, _ = _run(capsys, "history", "--csv", "--since", day.isoformat(), "--db", str(history))
    assert out == render_csv(expected)


def test_an_empty_or_missing_history_exports_nothing(tmp_path: Path, capsys) -> None:
    missing = str(tmp_path / "none.json")
    assert _run(capsys, "history", "--json", "--db", missing)[1] == "[]\n"
    assert (
        _run(capsys, "history", "--csv", "--table", "checkins", "--db", missing)[1] == ",".join(CHECKIN_FIELDS) + "\n"
    )
    everything = json.loads(_run(capsys, "history", "--json", "--table", "all", "--db", missing)[1])
    assert everything == {"sessions": [], "checkins": [], "dose_changes": []}


def test_check_ins_as_csv_and_json_oldest_first(history: Path, capsys) -> None:
    code, out, _ = _run(capsys, "history", "--csv", "--table", "checkins", "--db", str(history))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and tuple(rows[0]) == CHECKIN_FIELDS
    assert len(rows) == len(weekly_checkins())
    assert [row["at"] for row in rows] == sorted(row["at"] for row in rows)
    assert rows[0]["activity_1"] and rows[0]["score_1"]
    items = json.loads(_run(capsys, "history", "--json", "--table", "checkins", "--db", str(history))[1])
    moments = [datetime.fromisoformat(item["at"]) for item in items]
    assert moments == [datetime.fromisoformat(row["at"]) for row in rows]


def test_dose_changes_as_csv_name_the_exercises(history: Path, capsys) -> None:
    code, out, _ = _run(capsys, "history", "--csv", "--table", "dose-changes", "--db", str(history))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and tuple(rows[0]) == DOSE_CHANGE_FIELDS and len(rows) == len(dose_changes())
    assert rows[0]["exercise_id"] == "glute-bridge" and rows[0]["from_exercise"] == "Glute bridge"
    assert "8 reps" in rows[0]["from_dose"] and "10 reps" in rows[0]["to_dose"]
    items = json.loads(_run(capsys, "history", "--json", "--table", "dose-changes", "--db", str(history))[1])
    assert items[0]["from_dose"]["reps"] == 8 and items[0]["to_dose"]["reps"] == 10


def test_all_as_one_json_object(history: Path, capsys) -> None:
    code, out, err = _run(capsys, "history", "--json", "--table", "all", "--db", str(history))
    assert (code, err) == (0, "")
    everything = json.loads(out)
    assert list(everything) == ["sessions", "checkins", "dose_changes"]
    assert everything["sessions"] == json.loads(render_json(_newest_first(history)))
    assert len(everything["checkins"]) == len(weekly_checkins())
    assert len(everything["dose_changes"]) == len(dose_changes())
    assert out.startswith('{\n  "sessions": [\n    {\n      "id": ') and out.endswith("\n  ]\n}\n")


def test_since_applies_to_check_ins_and_dose_changes(history: Path, capsys) -> None:
    day = date(2099, 1, 1)
    everything = json.loads(
        _run(capsys, "history", "--json", "--table", "all", "--since", str(day), "--db", str(history))[1]
    )
    assert everything == {"sessions": [], "checkins": [], "dose_changes": []}


def test_a_schema_three_file_is_exported_through_the_store(tmp_path: Path, capsys) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "history-v3.json"
    path = tmp_path / "history.json"
    path.write_bytes(fixture.read_bytes())
    code, out, err = _run(capsys, "history", "--json", "--table", "all", "--db", str(path))
    everything = json.loads(out)
    assert (code, err) == (0, "")  # upgraded in memory only
    assert len(everything["sessions"]) == 12 and len(everything["dose_changes"]) == 1
    assert path.read_bytes() == fixture.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--table", "checkins"], "--table checkins needs --json or --csv"),
        (["--csv", "--table", "all"], "CSV holds one table"),
    ],
)
def test_what_cannot_be_printed_is_one_clear_error(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    code, out, err = _run(capsys, "history", *args, "--db", str(tmp_path / "history.json"))
    assert code == 2 and out == "" and message in err


def test_the_export_speaks_utf8_bytes_only_to_a_utf8_stream(history: Path) -> None:
    from backcare_tui.session_export import write_json_rows

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    write_json_rows([{"note": "caf\u00e9"}], ascii_out)
    ascii_out.flush()
    assert ascii_out.buffer.getvalue() == b'[\n  {\n    "note": "caf?"\n  }\n]\n'  # type: ignore[attr-defined]
    utf8_out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    utf8_out.write("before ")
    write_json_rows([{"note": "caf\u00e9"}], utf8_out, indent=2)
    utf8_out.write(" after")
    utf8_out.flush()
    assert utf8_out.buffer.getvalue().decode() == 'before [\n    {\n      "note": "caf\u00e9"\n    }\n  ] after'  # type: ignore[attr-defined]


def test_the_report_command_charts_the_check_ins_kept_in_the_file(history: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--db", str(history), "--output", str(out), "--since", "2026-01-01"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "No weekly check-ins yet." not in html
    assert "Activities: putting on socks; walking 20 minutes; lifting my child." in html

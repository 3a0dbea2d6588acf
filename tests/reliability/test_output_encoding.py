"""Any output encoding: characters the output cannot show are replaced, never an error."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from backcare_tui.storage import encode_session
from tests.reliability.cli import run_cli
from tests.support.records import make_records

NOTE = "café ☃ naïve — “quoted” 🧘"
ENCODINGS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "PYTHONIOENCODING=latin-1": {"PYTHONIOENCODING": "latin-1"},
    "C locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
}
COMMANDS = (
    ["routines"],
    ["routines", "nhs-daily"],
    ["safety"],
    ["check-library"],
    ["history"],
    ["history", "--json"],
    ["history", "--csv"],
    ["--help"],
)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("encoding") / "history.json"
    record = make_records(1, seed=6)[0]
    document = {**encode_session(record), "n": "Rücken ☃", "m": NOTE}
    path.write_bytes(msgspec.json.encode({"meta": {"1": {"schema_version": 2}}, "sessions": {record.id: document}}))
    return path


@pytest.mark.parametrize("encoding", ENCODINGS.values(), ids=ENCODINGS.keys())
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_prints_on_any_output_encoding(
    history: Path, encoding: dict[str, str], command: list[str]
) -> None:
    result = (
        run_cli(*command, "--db", history, env=encoding) if command[0] == "history" else run_cli(*command, env=encoding)
    )
    assert "UnicodeEncodeError" not in result.stderr and "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    if command[0] == "history":
        assert "cken" in result.stdout  # the name is there, unshowable letters replaced


def test_a_damaged_file_message_prints_on_ascii(tmp_path: Path) -> None:
    path = tmp_path / "hïstory ☃.json"
    path.write_bytes(b'{"meta": [')
    result = run_cli("history", "--db", path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2 and "Traceback" not in result.stderr and "damaged" in result.stderr

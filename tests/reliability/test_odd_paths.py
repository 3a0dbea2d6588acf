"""Only ever touch our own files: odd history and settings paths are refused, left as they were.

Each case runs the real command (`python -m backcare_tui`) in a child process: a folder, a
device, a FIFO, a socket, a link to one of them, a path under a file, someone else's file or
a file too large to be a history gets one line naming the path, exit 2, and nothing beside
it or in it changes. Read-only commands create, move and write nothing at all.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import msgspec
import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore, StorageError, UnsuitableFileError, encode_session
from backcare_tui.storage.target import MAX_HISTORY_BYTES
from tests.reliability.cli import run_cli, snapshot
from tests.reliability.test_signals import PtyApp
from tests.support.records import make_records

HISTORY_COMMANDS = (["history"], ["history", "--json"], ["history", "--csv"])
READ_ONLY_COMMANDS = (*HISTORY_COMMANDS, ["plan"], ["plan", "--json"], ["status"])


def _odd_paths(folder: Path) -> dict[str, Path]:
    """One of each kind of path that is not a history file, made inside `folder`."""
    (folder / "a-folder").mkdir()
    os.mkfifo(folder / "a-fifo")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "a-socket"))
    server.close()
    (folder / "bashrc").write_text("export PATH=$HOME/bin:$PATH\nalias ll='ls -l'\n")
    (folder / "link-to-folder").symlink_to(folder / "a-folder")
    (folder / "link-to-fifo").symlink_to(folder / "a-fifo")
    (folder / "plain").write_text("x")
    return {
        "folder": folder / "a-folder",
        "fifo": folder / "a-fifo",
        "socket": folder / "a-socket",
        "link to a folder": folder / "link-to-folder",
        "link to a fifo": folder / "link-to-fifo",
        "under a file": folder / "plain" / "history.json",
        "someone else's file": folder / "bashrc",
    }


KINDS = ("folder", "fifo", "socket", "link to a folder", "link to a fifo", "under a file", "someone else's file")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=" ".join)
def test_history_refuses_a_path_that_is_not_a_history_file(tmp_path: Path, kind: str, command: list[str]) -> None:
    path = _odd_paths(tmp_path)[kind]
    before = snapshot(tmp_path)
    result = run_cli(*command, "--db", path, timeout=20)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(path) in line and ("--db" in line or "move" in line)
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_refused_and_nothing_is_created_beside_it(device: str) -> None:
    before = set(os.listdir("/dev"))
    for command in READ_ONLY_COMMANDS:
        result = run_cli(*command, env={"BACKCARE_TUI_DB": device}, timeout=20)
        assert result.returncode == 2 and device in result.stderr and "device" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert set(os.listdir("/dev")) == before  # no lock file, no moved-aside copy


def test_a_file_too_large_to_be_a_history_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    with path.open("wb") as stream:
        stream.write(b'{"meta":')
        stream.truncate(MAX_HISTORY_BYTES + 1)  # sparse: costs no disk
    before = snapshot(tmp_path)
    result = run_cli("history", "--db", path)
    assert result.returncode == 2 and "MB" in result.stderr and str(path) in result.stderr
    assert snapshot(tmp_path) == before
    store = SessionStore.open(path)
    assert store.read_only and any("MB" in notice for notice in store.notices)
    store.close()
    assert snapshot(tmp_path) == before


def _history_file(path: Path, *, version: int = 2, in_progress: bool = False) -> bytes:
    records = make_records(3, seed=4)
    sessions = {record.id: encode_session(record) for record in records}
    if in_progress:
        sessions[records[0].id]["t"] = "i"
    content = msgspec.json.encode({"meta": {"1": {"schema_version": version}}, "sessions": sessions})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return content


def test_history_creates_no_folder_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "history.json"
    for command in READ_ONLY_COMMANDS:
        result = run_cli(*command, "--db", path)
        assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_history_never_writes_locks_recovers_or_migrates(tmp_path: Path) -> None:
    """An older file with an interrupted session: shown, but nothing is changed on disk."""
    path = tmp_path / "history.json"
    _history_file(path, in_progress=True)
    old = msgspec.json.decode(path.read_bytes())
    old["meta"]["1"]["schema_version"] = 0  # unstamped: would be migrated by the app
    path.write_bytes(msgspec.json.encode(old))
    before = snapshot(tmp_path)
    for command in HISTORY_COMMANDS:
        result = run_cli(*command, "--db", path)
        assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path) == before  # no .lock, .bak, .schema-0.bak, no recovery


def test_history_on_a_damaged_history_moves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(b'{"meta": {"1": {"schema_version": 2}}, "sessions": {"a": {')
    before = snapshot(tmp_path)
    result = run_cli("history", "--json", "--db", path)
    assert result.returncode == 2 and "damaged" in result.stderr and result.stdout == ""
    assert snapshot(tmp_path) == before


def test_the_app_moves_aside_only_a_file_it_can_tell_is_a_history(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.txt"
    foreign.write_text("my notes\n")
    before = snapshot(tmp_path)
    store = SessionStore.open(foreign, clock=FakeClock())
    assert store.read_only and "does not look like a backcare-tui history" in store.notices[0]
    with pytest.raises(StorageError):
        store.save_session(make_records(1)[0])
    store.close()
    assert snapshot(tmp_path) == before
    config = tmp_path / "config.json"
    config.write_bytes(b'{"editor": {"tabs": 4}, "colours": {"dark": true}}')  # JSON, but not ours
    before = snapshot(tmp_path)
    with SessionStore.open(config, clock=FakeClock()) as store:
        assert store.read_only and "does not look like a backcare-tui history" in store.notices[0]
    assert snapshot(tmp_path) == before
    result = run_cli("history", "--db", config)
    assert result.returncode == 2 and "does not look like" in result.stderr
    truncated = tmp_path / "history.json"
    truncated.write_bytes(b'{"meta": {"1": {"schema_ver')
    with SessionStore.open(truncated, clock=FakeClock()) as store:
        assert not store.read_only and "moved to" in store.notices[0]


def test_a_read_only_history_file_is_opened_read_only_and_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    content = _history_file(path)
    path.chmod(0o444)
    before = snapshot(tmp_path)
    with SessionStore.open(path, clock=FakeClock()) as store:
        assert store.read_only and "read-only" in store.notices[0]
        assert len(store.sessions()) == 3
        with pytest.raises(StorageError):
            store.save_session(make_records(1, seed=9)[0])
        assert store.pending_sessions == 1  # kept in memory, not lost
    assert snapshot(tmp_path) == before and path.read_bytes() == content


def test_a_store_on_a_fifo_creates_nothing_beside_it(tmp_path: Path) -> None:
    fifo = tmp_path / "history.json"
    os.mkfifo(fifo)
    before = snapshot(tmp_path)
    store = SessionStore.open(fifo, clock=FakeClock())  # must not hang
    assert store.read_only and "named pipe" in store.notices[0]
    assert store.sessions() == [] and store.recover_interrupted() == []
    store.claim("s1")
    with pytest.raises(StorageError):
        store.save_session(make_records(1)[0])
    store.close()
    assert snapshot(tmp_path) == before
    with pytest.raises(UnsuitableFileError):
        SessionStore.open(fifo, read_only=True)


@pytest.mark.parametrize("kind", ["folder", "fifo", "socket", "link to a fifo", "someone else's file"])
def test_the_app_refuses_an_odd_history_path_before_starting(tmp_path: Path, kind: str) -> None:
    path = _odd_paths(tmp_path)[kind]
    before = snapshot(tmp_path)
    app = PtyApp(path)
    try:
        assert app.wait_exit(timeout=20) == 2
    finally:
        app.close()
    assert str(path) in app.tail()
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", ["folder", "fifo", "socket", "link to a folder", "under a file"])
def test_settings_at_an_odd_path_are_never_read_or_replaced(tmp_path: Path, kind: str) -> None:
    path = _odd_paths(tmp_path)[kind]
    before = snapshot(tmp_path)
    settings = Settings.load(path)
    assert settings.problem is not None and str(path) in settings.problem
    assert settings.sound is True  # the defaults
    assert settings.change(sound=False) is not None and settings.sound is False  # for this run only
    assert snapshot(tmp_path) == before


def test_settings_that_are_read_only_deep_or_huge_are_handled(tmp_path: Path) -> None:
    read_only = tmp_path / "read-only.json"
    read_only.write_bytes(b'{"sound": false}')
    read_only.chmod(0o444)
    settings = Settings.load(read_only)
    assert settings.sound is False and settings.problem is not None
    assert settings.change(sound=True) is not None and read_only.read_bytes() == b'{"sound": false}'
    deep = tmp_path / "deep.json"
    deep.write_bytes(b'{"later": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    settings = Settings.load(deep)
    assert settings.problem is not None and "could not be understood" in settings.problem
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(64 * 1024 * 1024)
    settings = Settings.load(huge)
    assert settings.problem is not None and "MB" in settings.problem

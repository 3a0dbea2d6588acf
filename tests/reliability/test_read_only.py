"""Case 6 for real: a history in a folder the app's user cannot write to, even when tests run as root.

Root can write anywhere, so `test_write_faults` skips its read-only folder test under root. Here
root prepares a history in a folder only root may write to, then a child interpreter gives up
root for good (setgroups, setgid, setuid to "nobody") and uses the store as an ordinary user
would. The child drops its privileges itself, after its imports, so the interpreter and the
project only need to be reachable by root.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backcare_tui.storage import SessionStore
from tests.reliability.children import ROOT
from tests.support.records import make_records

NOBODY = 65534
CHILD_TIMEOUT = 5.0  # seconds; the child's lock timeout is 2 s, so a wait on the lock still ends in time

pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root to hand the folder to another user; test_write_faults covers running as a normal user",
)

SAVE_AS_NOBODY = """
import json, os, sys
from pathlib import Path
from backcare_tui.storage import SessionStore, ReadOnlyDatabaseError, StorageError
from tests.support.records import make_records

uid = int(sys.argv[2])
path = Path(sys.argv[1])
new_session = make_records(2, seed=5)[1]
os.setgroups([])
os.setgid(uid)
os.setuid(uid)
try:
    os.setuid(0)
    regained_root = True
except PermissionError:
    regained_root = False
report = {
    "euid": os.geteuid(),
    "regained_root": regained_root,
    "folder_writable": os.access(path.parent, os.W_OK),
    "new_session": new_session.id,
}
store = SessionStore.open(path, lock_timeout=2)
report.update(read_only=store.read_only, notices=store.notices, error=None)
try:
    store.save_session(new_session)
except StorageError as error:
    report["error"] = {
        "classes": [cls.__name__ for cls in type(error).__mro__],
        "errno": error.errno,
        "message": str(error),
    }
report["sessions"] = [record.id for record in store.sessions()]
report["pending"] = store.pending_sessions
store.close()
print(json.dumps(report))
"""


def _traversable_by_others(folder: Path) -> bool:
    return all(part.stat().st_mode & stat.S_IXOTH for part in (folder, *folder.parents))


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder owned by root, mode 0o755, under a parent every user can traverse.

    pytest's tmp_path lives in a 0o700 folder of root's, which "nobody" cannot enter.
    """
    candidates = (Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp"))
    parent = next((folder for folder in candidates if folder.is_dir() and _traversable_by_others(folder)), None)
    if parent is None:
        pytest.skip(f"no temporary folder that uid {NOBODY} can traverse among {[str(c) for c in candidates]}")
    folder = Path(tempfile.mkdtemp(prefix="backcare-read-only-", dir=parent))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def _history_with_one_session(folder: Path, lock_file: str) -> tuple[Path, str]:
    """Write a history as root; arrange its lock file as `lock_file` says."""
    path = folder / "history.json"
    first = make_records(1)[0]
    with SessionStore.open(path) as store:
        store.save_session(first)
    path.chmod(0o644)
    lock_path = path.with_name(path.name + ".lock")
    if lock_file == "absent":
        lock_path.unlink(missing_ok=True)
    elif lock_file == "left by root":
        lock_path.chmod(0o644)
    else:
        lock_path.chmod(0o666)
    return path, first.id


def _save_as_nobody(path: Path) -> dict[str, Any]:
    environment = {
        **os.environ,
        "HOME": str(path.parent),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        child = subprocess.run(
            [sys.executable, "-c", SAVE_AS_NOBODY, str(path), str(NOBODY)],
            cwd=path.parent,
            env=environment,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"saving into a read-only folder hung for {CHILD_TIMEOUT:g} s:\n{timeout.stderr}")
    assert child.returncode == 0 and not child.stderr, f"the child crashed:\n{child.stderr}"
    return json.loads(child.stdout)


@pytest.mark.parametrize("lock_file", ["absent", "left by root", "writable by all"])
def test_a_read_only_folder_refuses_the_save_clearly_and_changes_nothing(shared_folder, lock_file):
    path, first_id = _history_with_one_session(shared_folder, lock_file)
    before = path.read_bytes()
    files_before = sorted(entry.name for entry in shared_folder.iterdir())

    report = _save_as_nobody(path)

    assert report["euid"] == NOBODY and not report["regained_root"]
    assert not report["folder_writable"], "the child could write to the folder: the test proves nothing"
    if report["read_only"]:  # the store noticed at opening time
        assert any(str(path) in notice for notice in report["notices"])
        assert report["error"]["classes"][0] == "ReadOnlyDatabaseError"
    else:  # the save was tried and refused, and the user was warned at opening time
        assert len(report["notices"]) == 1
        assert str(shared_folder) in report["notices"][0] and "read-only" in report["notices"][0]
        error = report["error"]
        assert error is not None, "a save into a read-only folder reported success"
        assert "StorageError" in error["classes"] and error["classes"][0] == "WriteFailedError"
        assert error["errno"] == errno.EACCES
        assert str(path) in error["message"] and "permission was denied" in error["message"]
        assert report["pending"] == 1  # kept in memory for the next try
    assert first_id in report["sessions"]
    assert report["new_session"] in report["sessions"]

    assert path.read_bytes() == before
    assert sorted(entry.name for entry in shared_folder.iterdir()) == files_before  # no temp or lock file
    with SessionStore.open(path) as reopened:
        assert [record.id for record in reopened.sessions()] == [first_id]

"""Which sessions are running right now, in this or another copy of the app.

A running session holds `<db>.run-<session id>.lock`, an OS file lock. The operating system
releases it when the process ends for any reason, SIGKILL included, so a checkpointed
`in_progress` session whose lock nobody holds was interrupted and can be recovered.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from filelock import FileLock, Timeout

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def run_lock_path(database: Path, session_id: str) -> Path:
    """The lock file for one session; ids that are not file-name safe are hashed."""
    name = session_id if _SAFE_ID.match(session_id) else hashlib.sha256(session_id.encode()).hexdigest()[:32]
    return database.with_name(f"{database.name}.run-{name}.lock")


def _run_lock(database: Path, session_id: str) -> FileLock:
    return FileLock(run_lock_path(database, session_id), timeout=0, thread_local=False)


class RunningSessions:
    """The run locks this process holds for one database."""

    def __init__(self, database: Path) -> None:
        self._database = database
        self._held: dict[str, FileLock] = {}

    def __contains__(self, session_id: str) -> bool:
        return session_id in self._held

    def claim(self, session_id: str) -> bool:
        """Hold the session's run lock; False if another running copy holds it."""
        if session_id in self._held:
            return True
        lock = _run_lock(self._database, session_id)
        try:
            lock.acquire()
        except Timeout:
            return False
        self._held[session_id] = lock
        return True

    def release(self, session_id: str) -> None:
        lock = self._held.pop(session_id, None)
        if lock is not None:
            lock.release()
            run_lock_path(self._database, session_id).unlink(missing_ok=True)

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def is_running_elsewhere(self, session_id: str) -> bool:
        """True if another process (or another store in this one) holds the session."""
        if session_id in self._held:
            return False
        lock_path = run_lock_path(self._database, session_id)
        if not lock_path.exists():
            return False
        lock = _run_lock(self._database, session_id)
        try:
            lock.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        lock.release()
        lock_path.unlink(missing_ok=True)
        return False

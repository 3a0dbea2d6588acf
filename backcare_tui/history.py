"""The app's hold on the history file: saving can fail, but nothing is ever dropped.

`History` wraps a `HistoryStore`. When the file cannot be opened or written (disk full,
read-only folder, another copy holding the lock too long, a newer file), records stay in
memory as "unsaved", every later save retries them, and each failure comes back as a sentence
for the user instead of an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .domain.models import SessionRecord
from .domain.stats import local_day
from .storage import HistoryStore, StorageError


class History:
    def __init__(self, path: Path, opener: Callable[[Path], HistoryStore] = HistoryStore.open) -> None:
        self.path = path
        self._opener = opener
        self._store: HistoryStore | None = None
        self._unsaved: dict[str, SessionRecord] = {}
        self._settings: dict[str, Any] = {}
        self.notices: list[str] = []
        self.recovered: list[SessionRecord] = []
        self._store_notices_seen = 0

    # -- opening -------------------------------------------------------------------------
    def open(self) -> list[str]:
        """Open the file, recover interrupted sessions; returns sentences to show the user."""
        try:
            self._store = self._opener(self.path)
        except StorageError as error:
            self.notices.append(f"{error} Your sessions will be kept in memory until it can be saved.")
            return self.notices
        self.take_store_notices()
        try:
            self.recovered = self._store.recover_interrupted()
        except StorageError as error:
            self.notices.append(str(error))
        return self.notices

    def take_store_notices(self) -> None:
        """Move what the store has said since last time into `notices`."""
        if self._store is not None:
            fresh = self._store.notices[self._store_notices_seen :]
            self._store_notices_seen += len(fresh)
            self.notices.extend(fresh)

    def take_notices(self) -> list[str]:
        """Everything not yet shown to the user, once."""
        self.take_store_notices()
        taken, self.notices = self.notices, []
        return taken

    @property
    def read_only(self) -> bool:
        return self._store is None or self._store.read_only

    @property
    def unsaved_count(self) -> int:
        return len(self._unsaved)

    # -- sessions ------------------------------------------------------------------------
    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Saved and unsaved sessions, newest first."""
        saved: list[SessionRecord] = []
        if self._store is not None:
            try:
                saved = self._store.sessions(since)
            except StorageError as error:
                self.notices.append(str(error))
        if not self._unsaved:
            return saved
        merged = {record.id: record for record in saved} | self._unsaved
        pending = [r for r in merged.values() if since is None or local_day(r.started_at) >= since]
        return sorted(pending, key=lambda record: record.started_at, reverse=True)

    def save(self, record: SessionRecord) -> str | None:
        """Save (or update) a session; on failure keep it and return what went wrong."""
        self._unsaved[record.id] = record
        return self.flush()

    def flush(self) -> str | None:
        """Try to write every unsaved session; None when all are on disk."""
        if not self._unsaved:
            return None
        if self._store is None:
            return f"Not saved: the history file {self.path} could not be opened. Kept in memory."
        try:
            for session_id, record in list(self._unsaved.items()):
                self._store.save_session(record)
                del self._unsaved[session_id]
        except StorageError as error:
            return f"{error} The session is kept in memory and saving is tried again at the next step."
        return None

    def delete(self, session_id: str) -> str | None:
        self._unsaved.pop(session_id, None)
        if self._store is None:
            return None
        try:
            self._store.delete_session(session_id)
        except StorageError as error:
            return str(error)
        return None

    def claim(self, session_id: str) -> None:
        if self._store is not None:
            try:
                self._store.claim(session_id)
            except StorageError as error:
                self.notices.append(str(error))

    def release(self, session_id: str) -> None:
        if self._store is not None:
            self._store.release(session_id)

    # -- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        if key in self._settings:
            return self._settings[key]
        if self._store is not None:
            try:
                return self._store.setting(key, default)
            except StorageError:
                pass
        return default

    def set_setting(self, key: str, value: Any) -> str | None:
        self._settings[key] = value
        if self._store is None or self._store.read_only:
            return None
        try:
            self._store.set_setting(key, value)
        except StorageError as error:
            return str(error)
        return None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

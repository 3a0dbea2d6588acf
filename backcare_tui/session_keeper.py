"""The app's hold on its sessions file: every storage failure becomes one sentence.

`SessionKeeper` is a thin layer over `SessionStore`. It keeps nothing of its own: a session
that could not be written waits in the store (which retries it with the next write and
shows it in `sessions()`), and a delete that could not be written is undone there. What the
keeper adds is that no StorageError reaches a screen; each comes back once, as a sentence.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain.checkin import CheckIn
from .domain.models import DoseChange, KeepDecision, PersonalDose, SessionRecord
from .storage import SessionStore, StorageError

if TYPE_CHECKING:
    from .domain.library import Library
    from .domain.progression import Plan

KEPT_IN_MEMORY = "The session is kept in memory and saving is tried again at the next step."
CHECKIN_KEPT = "The check-in is kept in memory and saving is tried again with the next save."
NOT_CHANGED = "Your dose was not changed."


@dataclass(frozen=True, slots=True)
class Programme:
    """A person's doses, the change log (oldest first) and their "keep as is" decisions."""

    doses: list[PersonalDose] = field(default_factory=list)
    changes: list[DoseChange] = field(default_factory=list)
    decisions: list[KeepDecision] = field(default_factory=list)


class SessionKeeper:
    def __init__(self, path: Path, opener: Callable[[Path], SessionStore] = SessionStore.open) -> None:
        self.path = path
        self._opener = opener
        self._store: SessionStore | None = None
        self.recovered: list[SessionRecord] = []
        self._notices: list[str] = []
        self._store_notices_seen = 0

    @property
    def store(self) -> SessionStore:
        """The store; opened on first use if `open()` was not called."""
        if self._store is None:
            self._store = self._opener(self.path)
        return self._store

    def open(self) -> None:
        """Open the file and recover sessions a crash interrupted (kept in `recovered`)."""
        try:
            self.recovered = self.store.recover_interrupted()
        except StorageError as error:
            self._notices.append(str(error))

    def take_notices(self) -> list[str]:
        """Everything the user has not been told yet, once."""
        fresh = self.store.notices[self._store_notices_seen :]
        self._store_notices_seen += len(fresh)
        taken, self._notices = [*fresh, *self._notices], []
        return taken

    @property
    def unsaved_count(self) -> int:
        """Sessions waiting in memory because they could not be written."""
        return self.store.pending_sessions

    def legacy_settings(self) -> dict[str, Any]:
        """Settings an older version kept in the sessions file (empty if none or unreadable)."""
        try:
            return self.store.legacy_settings()
        except StorageError:
            return {}

    def forget_legacy_settings(self) -> None:
        with contextlib.suppress(StorageError):  # the settings file takes precedence anyway
            self.store.forget_legacy_settings()

    # -- sessions ------------------------------------------------------------------------
    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Saved sessions and those waiting to be saved, newest first."""
        try:
            return self.store.sessions(since)
        except StorageError as error:
            self._notices.append(str(error))
            return []

    def save(self, record: SessionRecord) -> str | None:
        """Save (or update) a session; None once it is on disk, else why it is waiting."""
        try:
            self.store.save_session(record)
        except StorageError as error:
            return f"{error} {KEPT_IN_MEMORY}"
        return None

    def flush(self) -> str | None:
        """Try to write every waiting session; None when all are on disk."""
        if self._store is None:
            return None  # never opened: nothing was read or written yet
        try:
            self.store.flush()
        except StorageError as error:
            return f"{error} {KEPT_IN_MEMORY}"
        return None

    def delete(self, session_id: str) -> str | None:
        """Delete a session; None when done, else why it failed (the session is kept)."""
        try:
            self.store.delete_session(session_id)
        except StorageError as error:
            return f"{error} The session is kept."
        return None

    # -- the programme -------------------------------------------------------------------
    def programme(self) -> Programme:
        """The stored doses, change log and decisions (empty, with a notice, if unreadable)."""
        try:
            store = self.store
            return Programme(store.doses(), store.dose_changes(), store.keep_decisions())
        except StorageError as error:
            self._notices.append(str(error))
            return Programme()

    def plan(self, library: Library, today: date, routine_ids: Iterable[str] | None = None) -> Plan:
        """What to suggest next for each exercise, from the history and the programme."""
        from .domain.progression import plan

        programme = self.programme()
        return plan(
            self.sessions(), programme.doses, programme.changes, programme.decisions, library, today, routine_ids
        )

    def save_dose_change(self, dose: PersonalDose, change: DoseChange) -> str | None:
        """Store a new dose with its log entry, both or neither; None once done, else why not."""
        try:
            self.store.save_dose_change(dose, change)
        except StorageError as error:
            return f"{error} {NOT_CHANGED}"
        return None

    def keep_as_is(self, decisions: list[KeepDecision]) -> str | None:
        """Remember "keep as is"; None once saved, else why it could not be."""
        try:
            self.store.save_keep_decisions(decisions)
        except StorageError as error:
            return f"{error} The choice is not remembered, so it may be suggested again."
        return None

    # -- the weekly check-in (this makes the keeper a CheckInLog) -------------------------
    def checkins(self) -> list[CheckIn]:
        """Every check-in, oldest first (empty, with a notice, if the file cannot be read)."""
        try:
            return self.store.checkins()
        except StorageError as error:
            self._notices.append(str(error))
            return []

    def save_checkin(self, checkin: CheckIn) -> str | None:
        """Keep one check-in; None once it is on disk, else why it is waiting in memory."""
        try:
            self.store.save_checkin(checkin)
        except StorageError as error:
            return f"{error} {CHECKIN_KEPT}"
        return None

    def claim(self, session_id: str) -> None:
        try:
            self.store.claim(session_id)
        except StorageError as error:
            self._notices.append(str(error))

    def release(self, session_id: str) -> None:
        self.store.release(session_id)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

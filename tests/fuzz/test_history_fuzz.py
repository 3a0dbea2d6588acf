"""History files of every shape open as sessions or as a damaged-file notice, never a crash.

The store either returns session records or raises its own StorageError naming the file;
nothing else escapes (no RecursionError, OverflowError, UnicodeError, msgspec error). Text
read back never carries a control character, and every export renders what was read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given

from backcare_tui import session_export
from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.wording import control_characters
from backcare_tui.storage import SessionStore, StorageError
from tests.fuzz.conftest import FUZZ
from tests.fuzz.strategies import history_file


@FUZZ
@given(history_file())
def test_history_file_opens_or_is_reported(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "history.json"
        path.write_bytes(raw)
        try:
            store = SessionStore.open(path)
            with store:
                records = store.sessions()
                for record in records:
                    assert store.get_session(record.id) is not None
        except StorageError as error:
            assert str(path) in str(error)
            return

        for record in records:
            assert isinstance(record, SessionRecord)
            shown = [record.routine_id, record.routine_name, record.note, record.hurt_exercise or ""]
            shown += [result.exercise_id for result in record.exercises]
            assert control_characters("".join(shown)) == [], record
        for render in (session_export.render_table, session_export.render_json, session_export.render_csv):
            render(records)

"""Reading the history: order, date filter, counts, settings, and no files until needed."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from backcare_tui.domain.models import replace
from backcare_tui.domain.stats import local_day
from backcare_tui.storage import SessionStore
from tests.support.records import make_records


def test_opening_a_missing_history_creates_nothing(tmp_path):
    path = tmp_path / "not" / "yet" / "history.json"
    with SessionStore.open(path) as store:
        assert store.sessions() == [] and len(store.sessions()) == 0 and store.notices == []
        assert store.legacy_settings() == {}
    assert not (tmp_path / "not").exists()


def test_sessions_are_newest_first_and_filtered_by_day(db_path, open_store):
    records = make_records(30)
    store = open_store()
    for record in records:
        store.save_session(record)
    listed = store.sessions()
    assert [r.id for r in listed] == [r.id for r in reversed(records)]
    cutoff = local_day(records[10].started_at)
    assert [r.id for r in store.sessions(since=cutoff)] == [
        r.id for r in reversed(records) if local_day(r.started_at) >= cutoff
    ]
    assert store.sessions(since=date(2100, 1, 1)) == []
    assert store.delete_session(records[0].id) and not store.delete_session(records[0].id)
    assert len(store.sessions()) == 29 and store.get_session(records[0].id) is None


def test_since_means_the_local_day_the_session_happened(db_path, open_store, monkeypatch):
    """23:30 in London is 08:30 the next day in Tokyo: there it belongs to the next day."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        late = replace(make_records(1)[0], started_at=datetime(2026, 1, 5, 23, 30, tzinfo=UTC), ended_at=None)
        store = open_store()
        store.save_session(late)
        assert [r.id for r in store.sessions(since=date(2026, 1, 6))] == [late.id]
        assert store.sessions(since=date(2026, 1, 7)) == []
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()

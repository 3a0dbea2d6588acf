"""Which sessions count, which minutes are which, and how long a routine is said to take."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backcare_tui.domain import stats, wording
from backcare_tui.domain.models import SessionRecord, replace
from tests.support.records import make_records

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def nothing_done(status: str = "completed") -> SessionRecord:
    [record] = make_records(1, exercises_per_session=3, seed=1, start=START)
    skipped = tuple(replace(result, status="skipped", active_seconds=0.0) for result in record.exercises)
    return replace(record, status=status, exercises=skipped, active_seconds=0.0, rest_seconds=12.0)


@pytest.mark.parametrize("status", ["completed", "stopped", "stopped_for_pain"])
def test_a_session_with_nothing_done_is_stopped_and_not_counted(status: str) -> None:
    record = nothing_done(status)
    assert not stats.counts_as_session(record)
    assert stats.shown_status(record) == ("stopped_for_pain" if status == "stopped_for_pain" else "stopped")
    summary = stats.summarize([record], START.date())
    assert (summary.total_sessions, summary.streak, summary.not_counted) == (0, 0, 1)


def test_active_and_total_minutes_are_told_apart() -> None:
    record = replace(nothing_done(), active_seconds=120.0, rest_seconds=60.0, paused_seconds=600.0)
    assert stats.active_minutes(record) == 2.0
    assert stats.total_minutes(record) == 3.0  # pauses are left out of both
    assert wording.active_minutes(2.0) == "2 min active"
    assert wording.total_minutes(3.0) == "3 min in total"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(145, "2½ min"), (120, "2 min"), (121, "2½ min"), (292, "5 min"), (20, "½ min"), (599, "10 min"), (681, "12 min")],
)
def test_a_routine_length_is_never_shorter_than_it_takes(seconds: int, shown: str) -> None:
    assert wording.routine_length(seconds) == shown

"""Advice for next time: build up only when it went well, ease back when pain rose or it hurt."""

from datetime import UTC, datetime

import pytest

from backcare_tui.domain.models import ExerciseResult, RepsDose, SessionRecord
from backcare_tui.domain.progression import next_time

DOSE = RepsDose(reps=10, tempo=3)


def record(status="completed", before=4, after=4, results=("done", "done")):
    return SessionRecord(
        id="s1",
        routine_id="nhs-daily",
        routine_name="Daily back set",
        started_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
        status=status,
        exercises=tuple(
            ExerciseResult(exercise_id="knee-rolls", dose=DOSE, planned_seconds=30, status=s) for s in results
        ),
        pain_before=before,
        pain_after=after,
    )


def test_a_comfortable_complete_session_suggests_a_small_step_up():
    assert "add one or two reps" in next_time(record(before=4, after=3))


def test_unrated_pain_still_allows_a_step_up_after_a_full_session():
    assert "add one or two reps" in next_time(record(before=None, after=None))


@pytest.mark.parametrize(("before", "after"), [(2, 3), (4, 6), (7, 9)])
def test_meaningfully_worse_pain_eases_back(before, after):
    advice = next_time(record(before=before, after=after))
    assert "ease back" in advice and "add one" not in advice


def test_a_rise_within_normal_variation_does_not_ease_back():
    # 5 -> 6 is one point: under the 1.5-point threshold for a start of 5
    assert "add one or two reps" in next_time(record(before=5, after=6))


def test_stopping_for_pain_never_suggests_more():
    advice = next_time(record(status="stopped_for_pain", before=3, after=2))
    assert "smaller range or fewer reps" in advice and "add one" not in advice


@pytest.mark.parametrize(
    ("status", "results"),
    [
        ("stopped", ("done", "not_started")),
        ("completed", ("done", "skipped")),
        ("completed", ("partial", "done")),
    ],
)
def test_an_unfinished_session_holds_steady(status, results):
    assert "same level" in next_time(record(status=status, results=results))

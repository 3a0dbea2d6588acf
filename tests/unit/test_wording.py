"""The app's repeated phrases come out the same everywhere."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backcare_tui.domain import wording


@pytest.mark.parametrize(
    ("number", "expected"), [(0, "0 sessions"), (1, "1 session"), (2, "2 sessions"), (10_000, "10000 sessions")]
)
def test_counts_are_plural_except_for_one(number, expected):
    assert wording.count(number, "session") == expected


def test_an_irregular_plural_can_be_given():
    assert wording.count(1, "is", "are") == "1 is" and wording.count(3, "is", "are") == "3 are"


@pytest.mark.parametrize(("days", "expected"), [(0, "today"), (1, "yesterday"), (2, "2 days ago"), (30, "30 days ago")])
def test_days_ago(days, expected):
    assert wording.days_ago(days) == expected


def test_pain_scores_and_missing_ones():
    assert wording.pain(4, 2) == "pain 4 → 2"
    assert wording.pain_scores(None, 3) == "- → 3" and wording.pain_scores(5, None) == "5 → -"


def test_statuses_have_one_name_each():
    assert wording.session_status("stopped_for_pain") == "stopped (pain)"
    assert wording.session_status("stopped", recovered=True) == "stopped (recovered)"
    assert wording.EXERCISE_STATUS["not_started"] == "not reached"


def test_dates_and_times_are_local():
    moment = datetime(2026, 1, 5, 9, 30, 59, tzinfo=UTC)
    local = moment.astimezone()
    assert (wording.day(moment), wording.clock_time(moment)) == (f"{local:%Y-%m-%d}", f"{local:%H:%M}")
    assert wording.day_and_time(moment) == f"{local:%Y-%m-%d %H:%M}"
    assert wording.long_day_and_time(moment) == f"{local:%A %d %B %Y, %H:%M}"


def test_durations():
    assert (wording.minutes(90), wording.minutes(90, 1), wording.seconds(44.6)) == ("2 min", "1.5 min", "45 s")
    assert wording.in_minutes(12.4) == "12 min"


@pytest.mark.parametrize(
    ("remaining", "expected"), [(0, "0:00"), (0.2, "0:01"), (59.0, "0:59"), (65, "1:05"), (-3, "0:00")]
)
def test_countdown_rounds_up(remaining, expected):
    assert wording.countdown(remaining) == expected

"""The weekly check-in: when it is due, and when a change in everyday activities is meaningful."""

from datetime import UTC, date, datetime, timedelta

import msgspec
import pytest

from backcare_tui.domain.checkin import (
    ActivityScore,
    CheckIn,
    MemoryCheckIns,
    checkin_due,
    clean_activities,
    current_activities,
    function_change,
    meaningful_rise,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ACTIVITIES = ("putting on socks", "walking 20 minutes", "lifting my child")


def checkin(weeks: int, *scores: int, activities=ACTIVITIES, relief: int | None = 2) -> CheckIn:
    return CheckIn(
        at=START + timedelta(weeks=weeks),
        scores=tuple(ActivityScore(activity=a, score=s) for a, s in zip(activities, scores, strict=True)),
        pain_relief_days=relief,
    )


def test_average_of_the_scores():
    assert checkin(0, 2, 4, 6).average == 4
    assert CheckIn(at=START, skipped=True).average is None


def test_a_rise_of_two_in_the_average_is_meaningful():
    change = function_change([checkin(0, 2, 4, 6), checkin(4, 4, 6, 8)])
    assert change is not None
    assert change.points == 2
    assert change.meaningful
    assert change.direction == "better"
    assert change.text == "Everyday activities: 4.0 → 6.0 since 2 March, a meaningful improvement"


def test_a_rise_under_two_is_not_meaningful():
    change = function_change([checkin(0, 2, 4, 6), checkin(4, 3, 5, 7)])
    assert change is not None and not change.meaningful
    assert change.text.endswith("a small change so far")


def test_one_activity_needs_about_three_points():
    assert meaningful_rise(1) == 3
    assert meaningful_rise(2) == meaningful_rise(3) == 2
    one = ("walking 20 minutes",)
    two_up = function_change([checkin(0, 3, activities=one), checkin(3, 5, activities=one)])
    three_up = function_change([checkin(0, 3, activities=one), checkin(3, 6, activities=one)])
    assert two_up is not None and not two_up.meaningful
    assert three_up is not None and three_up.meaningful


def test_a_fall_of_two_is_a_meaningful_worsening():
    change = function_change([checkin(0, 6, 6, 6), checkin(2, 4, 4, 4)])
    assert change is not None and change.meaningful and change.direction == "worse"
    assert change.text.endswith("a meaningful worsening")


def test_comparison_uses_check_ins_with_the_current_activities():
    renamed = ("climbing stairs", "walking 20 minutes", "lifting my child")
    history = [checkin(0, 1, 1, 1), checkin(1, 5, 5, 5, activities=renamed), checkin(2, 6, 6, 6, activities=renamed)]
    change = function_change(history)
    assert change is not None and change.first == 5 and change.latest == 6
    assert function_change([checkin(0, 1, 1, 1), checkin(1, 5, 5, 5, activities=renamed)]) is None


def test_skips_and_a_single_check_in_give_no_change():
    assert function_change([checkin(0, 2, 4, 6)]) is None
    assert function_change([checkin(0, 2, 4, 6), CheckIn(at=START + timedelta(weeks=1), skipped=True)]) is None


def test_due_at_most_once_a_week_and_never_when_turned_off():
    today = START.date()
    assert checkin_due([], today)
    assert not checkin_due([], today, enabled=False)
    done = [checkin(0, 2, 4, 6)]
    assert not checkin_due(done, today + timedelta(days=6))
    assert checkin_due(done, today + timedelta(days=7))
    skipped = [*done, CheckIn(at=START + timedelta(days=8), skipped=True)]
    assert not checkin_due(skipped, today + timedelta(days=8))
    assert checkin_due(skipped, today + timedelta(days=15))


def test_activities_are_named_once_and_kept():
    assert clean_activities(["  putting on  socks ", "", "Putting on socks", "a", "b", "c"]) == (
        "putting on socks",
        "a",
        "b",
    )
    assert current_activities([checkin(0, 2, 4, 6), CheckIn(at=START + timedelta(weeks=1), skipped=True)]) == ACTIVITIES
    assert current_activities([]) == ()


def test_scores_outside_the_scales_are_refused():
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"at": START.isoformat(), "scores": [{"activity": "x", "score": 11}]}, CheckIn)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"at": START.isoformat(), "pain_relief_days": 8}, CheckIn)
    too_many = [{"activity": str(n), "score": 1} for n in range(4)]
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"at": START.isoformat(), "scores": too_many}, CheckIn)


def test_memory_log_keeps_check_ins_in_order():
    log = MemoryCheckIns([checkin(2, 1, 1, 1)])
    assert log.save_checkin(checkin(0, 2, 2, 2)) is None
    assert [c.at for c in log.checkins()] == [START, START + timedelta(weeks=2)]
    assert date(2026, 3, 2) == log.checkins()[0].at.date()

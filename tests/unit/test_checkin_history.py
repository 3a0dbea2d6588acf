"""The weekly check-in over several weeks: which check-ins are compared, and how names are kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backcare_tui.domain.checkin import ActivityScore, CheckIn, MemoryCheckIns, clean_activities, function_change

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SOCKS = ("putting on socks",)
STAIRS = ("climbing stairs",)


def checkin(weeks: int, score: int, activities: tuple[str, ...] = SOCKS) -> CheckIn:
    return CheckIn(
        at=START + timedelta(weeks=weeks),
        scores=tuple(ActivityScore(activity=name, score=score) for name in activities),
    )


def test_a_memory_log_given_check_ins_out_of_order_lists_them_oldest_first() -> None:
    log = MemoryCheckIns([checkin(2, 5), checkin(0, 3), checkin(1, 4)])
    assert [item.average for item in log.checkins()] == [3, 4, 5]


def test_an_activity_name_is_cut_at_sixty_characters() -> None:
    assert clean_activities(["x" * 61]) == ("x" * 60,)
    assert clean_activities(["y" * 60]) == ("y" * 60,)


def test_the_comparison_runs_from_the_first_to_the_latest_of_several_weeks() -> None:
    change = function_change([checkin(0, 2), checkin(1, 3), checkin(2, 4), checkin(3, 8)])
    assert change is not None and (change.first, change.latest) == (2, 8)
    assert change.since == START.date()


def test_the_latest_check_in_decides_which_activities_are_compared() -> None:
    history = [checkin(0, 2, SOCKS), checkin(1, 1, STAIRS), checkin(2, 5, STAIRS), checkin(3, 9, SOCKS)]
    change = function_change(history)
    assert change is not None and (change.first, change.latest) == (2, 9)

"""The reminder about when to exercise next: the exact day counts where its advice changes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from backcare_tui.domain.models import Routine, replace
from backcare_tui.domain.nudge import RoutineKind, return_nudge, routine_kind, routine_kinds
from tests.support.progression import TODAY, routine, session

KINDS: dict[str, RoutineKind] = {"core": "daily", "strong": "strength"}

WELCOME = "Welcome: a short, gentle routine is a good first step."
DONE_TODAY = "Strength work done today: rest tomorrow, or do a stretch routine."
YESTERDAY = "Strength work yesterday: today suits a rest day or a stretch routine."
TWICE_A_WEEK = "Strength work goes best two or three times a week: today would suit it."
EVERY_DAY = "Stretching and mobility are best every day: a few minutes today keeps things moving."


@pytest.fixture(autouse=True, scope="module")
def utc_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


def with_elements(*elements: str) -> Routine:
    return replace(routine("r", ("bridge", None)), elements=elements)


@pytest.mark.parametrize(
    ("elements", "kind"),
    [
        (("strengthen",), "strength"),
        (("strengthen", "stretch"), "daily"),
        (("strengthen", "mobilise"), "daily"),
        (("stretch",), "daily"),
        (("mobilise",), "daily"),
        (("stretch", "mobilise"), "daily"),
    ],
)
def test_only_a_routine_that_only_strengthens_is_strength_work(elements: tuple[str, ...], kind: str) -> None:
    assert routine_kind(with_elements(*elements)) == kind


def test_routine_kinds_maps_each_routine_id() -> None:
    strong = replace(with_elements("strengthen"), id="strong")
    daily = replace(with_elements("stretch"), id="daily")
    assert routine_kinds([strong, daily]) == {"strong": "strength", "daily": "daily"}


def nudge(*records: object) -> str | None:
    return return_nudge(records, TODAY, KINDS)  # type: ignore[arg-type]


def strength(days_ago: int) -> object:
    return session(days_ago, routine_id="strong")


def test_the_first_time_is_a_welcome() -> None:
    assert nudge() == WELCOME
    nothing_done = replace(session(0), active_seconds=0.0, exercises=())
    assert nudge(nothing_done) == WELCOME


def test_two_days_without_a_session_is_a_long_rest() -> None:
    assert nudge(session(2)) == (
        "Last session 2 days ago: a short routine today helps; "
        "more than a couple of days' rest makes it harder to get going."
    )
    assert nudge(session(1)) == EVERY_DAY


def test_the_latest_session_counts_whatever_the_order() -> None:
    assert nudge(session(5), session(0), session(9)) is None


def test_strength_today_or_yesterday() -> None:
    assert nudge(strength(0)) == DONE_TODAY
    assert nudge(strength(1)) == YESTERDAY
    assert nudge(strength(1), session(0)) is None  # a stretch routine already done today


def test_strength_two_days_ago_and_once_this_week_suggests_another() -> None:
    assert nudge(session(0), strength(2)) == TWICE_A_WEEK


def test_strength_on_the_limit_of_the_look_back() -> None:
    assert nudge(session(0), strength(28)) == TWICE_A_WEEK
    assert nudge(session(0), strength(29)) is None


def test_two_strength_sessions_this_week_are_enough() -> None:
    assert nudge(session(0), strength(2), strength(6)) is None
    assert nudge(session(0), strength(2), strength(7)) == TWICE_A_WEEK  # a week ago is last week


def test_a_day_that_was_only_strength_is_not_a_daily_routine() -> None:
    assert nudge(session(1), strength(3)) == TWICE_A_WEEK
    assert nudge(session(1)) == EVERY_DAY


def test_a_routine_of_unknown_kind_counts_as_daily() -> None:
    assert nudge(session(0, routine_id="gone")) is None
    assert nudge(session(0, routine_id="gone"), strength(1)) is None

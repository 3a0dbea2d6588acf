"""Wording at its edges: routine lengths at the half-minute and ten-minute marks, long
countdowns, text on one line and a day seen from a time zone ahead of UTC."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from backcare_tui.domain.wording import control_characters, countdown, day_month, one_line, printable, routine_length


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (-5, "0 min"),
        (0, "0 min"),
        (1, "½ min"),
        (30, "½ min"),
        (31, "1 min"),
        (90, "1½ min"),
        (599, "10 min"),
        (600, "10 min"),
        (600.5, "11 min"),
        (601, "11 min"),
        (610, "11 min"),
        (660, "11 min"),
        (661, "12 min"),
    ],
)
def test_a_routine_length_is_never_less_than_it_takes(span: float, expected: str) -> None:
    assert routine_length(span) == expected


@pytest.mark.parametrize(
    ("remaining", "expected"),
    [(59.5, "1:00"), (60, "1:00"), (61, "1:01"), (120, "2:00"), (3599, "59:59"), (3600, "60:00")],
)
def test_a_countdown_shows_minutes_and_seconds(remaining: float, expected: str) -> None:
    assert countdown(remaining) == expected


def test_one_line_shows_a_newline_as_backslash_n_and_a_tab_as_a_space() -> None:
    assert one_line("first\nsecond\tthird\u2028fourth") == "first\\nsecond third fourth"


def test_control_characters_become_visible_and_are_named() -> None:
    text = "bold \x1b[1m and bell \x07"
    assert printable(text) == "bold \N{REPLACEMENT CHARACTER}[1m and bell \N{REPLACEMENT CHARACTER}"
    assert control_characters(text) == ["U+001B", "U+0007"]
    assert printable("line\nnext\ttab") == "line\nnext\ttab"


@pytest.fixture
def auckland(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    original = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    if original is None:
        monkeypatch.delenv("TZ")
    else:
        monkeypatch.setenv("TZ", original)
    time.tzset()


def test_the_day_and_month_of_a_moment_are_those_where_the_person_lives(auckland: None) -> None:
    evening_in_london = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)  # already 4 March in Auckland
    assert day_month(evening_in_london) == "4 March"
    assert day_month(date(2026, 3, 3)) == "3 March"

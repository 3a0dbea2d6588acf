"""The bars above the history table: a fixed scale from 0, gaps for missing values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backcare_tui.domain.models import replace
from backcare_tui.widgets.mini_bars import MiniBars, bar_rows, columns, round_top
from tests.support.records import make_records
from tests.ui.helpers import save_sessions, text_of


def test_one_value_fills_only_its_share_of_the_height() -> None:
    # 2 of 10 over two rows of eight eighths: 3.2 eighths, shown as 3, on the bottom row
    assert bar_rows([2], 10, 3, 2) == ["   ", "▃▃▃"]


def test_a_full_value_fills_both_rows_and_a_half_fills_the_bottom_one() -> None:
    assert bar_rows([10, 5, 0], 10, 3, 2) == ["█  ", "██▁"]


def test_a_missing_value_is_a_gap_and_a_zero_a_thin_line() -> None:
    assert bar_rows([4, None, 0], 10, 3, 1) == ["▃ ▁"]


def test_values_above_the_top_stop_at_the_top() -> None:
    assert bar_rows([25], 10, 1, 2) == ["█", "█"]


def test_few_values_are_spread_over_the_width_and_many_are_averaged() -> None:
    assert columns([1, 2], 4) == [1, 1, 2, 2]
    assert columns([1, 3, None, None, 5, 7], 3) == [2, None, 6]
    assert columns([], 4) == []


@pytest.mark.parametrize(
    ("value", "top"), [(0, 10), (10, 10), (10.5, 20), (42, 60), (600, 600), (601, 800), (1000, 1000)]
)
def test_the_top_of_the_scale_is_a_round_number_at_or_above_the_largest_value(value: float, top: int) -> None:
    assert round_top(value) == top


NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)  # the FakeClock's time in the app under test


def bars_text(app, selector: str) -> list[str]:
    bars = app.screen.query_one(selector, MiniBars)
    return bar_rows(bars.values, bars.top, *bars.content_size)


async def test_one_session_with_pain_2_fills_a_fifth_of_the_pain_bars(open_app, db_path):
    (record,) = make_records(1, start=NOW - timedelta(hours=1))
    save_sessions(db_path, [replace(record, pain_before=6, pain_after=2)])
    async with open_app() as (app, pilot):
        await pilot.press("h")
        bars = app.screen.query_one("#pain-trend", MiniBars)
        assert bars.values == (2,) and bars.top == 10
        top_row, bottom_row = bars_text(app, "#pain-trend")
        assert set(top_row) == {" "} and set(bottom_row) == {"▃"}


async def test_a_session_with_only_a_score_before_is_a_gap_not_that_score(open_app, db_path):
    first, second = make_records(2, start=NOW - timedelta(days=5))  # past the morning-after question
    save_sessions(
        db_path, [replace(first, pain_before=8, pain_after=None), replace(second, pain_before=3, pain_after=3)]
    )
    async with open_app() as (app, pilot):
        await pilot.press("h")
        assert app.screen.query_one("#pain-trend", MiniBars).values == (None, 3)


async def test_the_minutes_bars_say_their_scale(open_app, db_path):
    (record,) = make_records(1, start=NOW - timedelta(hours=1))
    save_sessions(db_path, [replace(record, active_seconds=12.0)])
    async with open_app() as (app, pilot):
        await pilot.press("h")
        bars = app.screen.query_one("#weekly-minutes", MiniBars)
        assert bars.top == 10 and bars.values[-1] == pytest.approx(0.2)
        assert text_of(app, "#weekly-minutes-label") == "Active min a week, 8 weeks, 0-10"
        assert set(bars_text(app, "#weekly-minutes")[0]) == {" "}  # 0.2 of 10 is no more than a thin line

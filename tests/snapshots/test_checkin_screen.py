"""Snapshots of the weekly check-in at 80x24: the first one (naming activities) and a later one."""

from datetime import timedelta

import pytest
from textual.widgets import Input

from backcare_tui import paths
from backcare_tui.app import make_app
from backcare_tui.domain.checkin import ActivityScore, CheckIn, MemoryCheckIns
from backcare_tui.domain.clock import FakeClock
from backcare_tui.settings import Settings


def log(kind: str, clock: FakeClock) -> MemoryCheckIns:
    if kind == "first":
        return MemoryCheckIns()
    scores = (
        ActivityScore(activity="putting on socks", score=3),
        ActivityScore(activity="walking 20 minutes", score=5),
        ActivityScore(activity="lifting my child [age 2]", score=2),
    )
    return MemoryCheckIns([CheckIn(at=clock.wall() - timedelta(days=8), scores=scores, pain_relief_days=4)])


@pytest.mark.parametrize("kind", ["first", "weekly"])
def test_checkin_screen(kind, snap_compare, tmp_path):
    Settings.load(paths.settings_path()).change(safety_acknowledged=True)
    clock = FakeClock()
    app = make_app(
        db_path=tmp_path / "history.json", clock=clock, today=lambda: clock.wall().date(), checkins=log(kind, clock)
    )
    app.animation_level = "none"

    async def settle(pilot) -> None:
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # the cursor shows steadily, whenever the picture is taken
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, run_before=settle, terminal_size=(80, 24))

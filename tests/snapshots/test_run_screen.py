"""The run screen at 80x24, 100x32 and 60x20: a hold, reps, timed work, and the get-ready
before a change of position. A FakeClock fixes the countdown and the figure's frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from backcare_tui import paths
from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.settings import Settings

SIZES = ((80, 24), (100, 32), (60, 20))
# name: (routine, keys after the pain check, seconds the clock then moves)
MOMENTS = {
    "reps": ("flare-up-gentle", (), 13.0),  # knee rolls, rep 1, moving out
    "hold": ("evening-stretch", (), 14.0),  # single knee to chest, 4 s into the first hold
    "timed": ("walking-build-up", (), 15.0),  # walking, 5 s in
    "get-ready-new-position": ("flare-up-gentle", ("n", "n"), 3.0),  # from the back to standing
}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("moment", MOMENTS)
def test_run_screen(moment: str, size: tuple[int, int], snap_compare, tmp_path: Path) -> None:
    routine, keys, seconds = MOMENTS[moment]
    Settings.load(paths.settings_path()).change(safety_acknowledged=True)
    clock = FakeClock()
    app = make_app(db_path=tmp_path / "history.json", clock=clock, start_routine=routine)
    app.animation_level = "none"

    async def bring_up(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("3")  # the pain check
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        clock.advance(seconds)
        app.screen.tick()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, run_before=bring_up, terminal_size=size)

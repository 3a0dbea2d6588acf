"""SVG snapshots of the safety page and the guide at 80x24, the smallest size they must read at.

A fresh history file (first run), the bundled library and a fixed clock. Review a failing
diff (snapshot_report.html) before `--snapshot-update`."""

from __future__ import annotations

import pytest

from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock

SMALL = (80, 24)


def first_run_app(tmp_path):
    clock = FakeClock()
    app = make_app(db_path=tmp_path / "history.json", clock=clock, today=lambda: clock.wall().date())
    app.animation_level = "none"
    return app


SCENES = {
    "safety-first-run": (),
    "safety-scrolled-to-tiers": ("pagedown",),
    "guide": ("enter", "g"),
    "guide-when-to-get-checked": ("enter", "g", *("n",) * 9),
}


@pytest.mark.parametrize("keys", SCENES.values(), ids=SCENES.keys())
def test_care_screen_at_80x24(keys, snap_compare, tmp_path):
    async def steps(pilot):
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(first_run_app(tmp_path), run_before=steps, terminal_size=SMALL)

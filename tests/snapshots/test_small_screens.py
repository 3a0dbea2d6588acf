"""Every screen but the run screen at 80x24, the smallest size a person is likely to use, and
the main ones again in a light theme. (The command palette fills in as it searches, so it is
tested by Pilot in tests/ui, not here.) Review a failing diff (snapshot_report.html) before
`--snapshot-update`."""

from __future__ import annotations

import pytest

from tests.support.scenes import LIGHT, LIGHT_SCENES, SMALL_SCENES, Scene, build


@pytest.mark.parametrize("scene", SMALL_SCENES, ids=[scene.name for scene in SMALL_SCENES])
def test_screen_at_80x24(scene: Scene, snap_compare, tmp_path) -> None:
    app, steps = build(scene, tmp_path)
    assert snap_compare(app, run_before=steps, terminal_size=scene.size)


LIGHT_ONES = [scene for scene in SMALL_SCENES if scene.name in LIGHT_SCENES]


@pytest.mark.parametrize("scene", LIGHT_ONES, ids=[f"{scene.name}-light" for scene in LIGHT_ONES])
def test_screen_in_a_light_theme(scene: Scene, snap_compare, tmp_path) -> None:
    app, steps = build(scene, tmp_path)

    async def light_then_steps(pilot) -> None:
        app.theme = LIGHT
        await steps(pilot)

    assert snap_compare(app, run_before=light_then_steps, terminal_size=scene.size)

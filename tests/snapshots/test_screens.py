"""An SVG snapshot of every screen at 100x32 with a fixed clock, fixed dates and a temporary
history file. Review a failing diff (snapshot_report.html) before `--snapshot-update`."""

import pytest

from tests.support.scenes import SCENES, build


@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
def test_screen(scene, snap_compare, tmp_path):
    app, steps = build(scene, tmp_path)
    assert snap_compare(app, run_before=steps, terminal_size=scene.size)

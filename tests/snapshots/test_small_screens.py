"""Every screen but the run screen at 80x24, the smallest size a person is likely to use, and
the main ones again in a light theme. (The command palette fills in as it searches, so it is
tested by Pilot in tests/ui, not here.) Review a failing diff (snapshot_report.html) before
`--snapshot-update`."""

from __future__ import annotations

import pytest

from tests.support.scenes import Scene, build

SMALL = (80, 24)
LIGHT = "textual-light"

SCENES = (
    Scene("routines", history=12, size=SMALL),
    Scene("routines-last", keys=("end",), history=12, size=SMALL),
    Scene("filter", keys=("slash", "c", "h", "a", "i", "r"), history=12, size=SMALL),
    Scene("pain-check", keys=("enter",), history=12, size=SMALL),
    Scene("pain-check-typing", keys=("enter", "tab"), history=12, size=SMALL),
    Scene("this-hurts", keys=("enter", "3", "x"), history=12, size=SMALL),
    Scene("pain-after-stopping", keys=("enter", "3", "x", "enter"), history=12, size=SMALL),
    Scene("quit-during-session", keys=("enter", "3", "ctrl+q"), history=12, size=SMALL),
    Scene("summary", keys=("enter", "4"), advance=150, then=("2",), history=12, size=SMALL),
    Scene("history", keys=("h",), history=40, size=SMALL),
    Scene("history-delete", keys=("h", "d"), history=40, size=SMALL),
    Scene("session-detail", keys=("h", "enter"), history=40, size=SMALL),
    Scene("help", keys=("question_mark",), history=12, size=SMALL),
    Scene("help-history", keys=("h", "question_mark"), history=12, size=SMALL),
    Scene("safety", acknowledged=False, size=SMALL),
    Scene("guide", keys=("g",), history=12, size=SMALL),
)
LIGHT_SCENES = ("routines", "pain-check", "summary", "history", "session-detail", "help", "guide")


@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
def test_screen_at_80x24(scene: Scene, snap_compare, tmp_path) -> None:
    app, steps = build(scene, tmp_path)
    assert snap_compare(app, run_before=steps, terminal_size=scene.size)


@pytest.mark.parametrize(
    "scene", [s for s in SCENES if s.name in LIGHT_SCENES], ids=[f"{name}-light" for name in LIGHT_SCENES]
)
def test_screen_in_a_light_theme(scene: Scene, snap_compare, tmp_path) -> None:
    app, steps = build(scene, tmp_path)

    async def light_then_steps(pilot) -> None:
        app.theme = LIGHT
        await steps(pilot)

    assert snap_compare(app, run_before=light_then_steps, terminal_size=scene.size)

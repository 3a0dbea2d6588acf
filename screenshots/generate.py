"""Regenerate every SVG in this folder from the same scenes the snapshot tests use.

python screenshots/generate.py              # all of them
python screenshots/generate.py routines     # only the shots named (small-routines, exercises, ...)

The 100x32 shots are named as they are; the 80x24 ones start with `small-`, and a few
of those are drawn again in a light theme (`-light`). The shared scenes come from
tests/support/scenes.py, the rest from more_shots.py; exercises.svg, every exercise's
figure, comes from gallery.py.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ["TZ"] = "UTC"
time.tzset()

import gallery  # noqa: E402
from more_shots import SHOTS, Maker  # noqa: E402

from tests.support.scenes import LIGHT, LIGHT_SCENES, SCENES, SMALL_SCENES, Scene, build  # noqa: E402

SMALL_SHOTS = ("routines", "pain-check", "summary", "history", "history-delete", "help", "guide")


def shared(scene: Scene) -> Maker:
    return lambda folder: build(scene, folder)


def shots() -> list[tuple[str, tuple[int, int], Maker, str | None]]:
    """(file name, terminal size, how to build it, theme) of every screenshot."""
    small = {scene.name: scene for scene in SMALL_SCENES}
    return [
        *((scene.name, scene.size, shared(scene), None) for scene in SCENES),
        *((f"small-{name}", small[name].size, shared(small[name]), None) for name in SMALL_SHOTS),
        *(
            (f"small-{name}-light", small[name].size, shared(small[name]), LIGHT)
            for name in LIGHT_SCENES
            if name in SMALL_SHOTS
        ),
        *((shot.name, shot.size, shot.make, None) for shot in SHOTS),
    ]


async def shoot(folder: Path, wanted: set[str]) -> None:
    for name, size, make, theme in shots():
        if wanted and name not in wanted:
            continue
        os.environ["BACKCARE_TUI_CONFIG_DIR"] = tempfile.mkdtemp(dir=folder)  # no theme carried over
        app, steps = make(Path(tempfile.mkdtemp(dir=folder)))
        async with app.run_test(size=size) as pilot:
            if theme is not None:
                app.theme = theme
            await steps(pilot)
            app.save_screenshot(str(HERE / f"{name}.svg"))
        print(f"screenshots/{name}.svg")


def main() -> None:
    wanted = set(sys.argv[1:])
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(shoot(Path(folder), wanted))
    if not wanted or "exercises" in wanted:
        gallery.main([])


if __name__ == "__main__":
    main()

"""Regenerate every SVG in this folder from the same scenes the snapshot tests use.

python screenshots/generate.py              # all of them
python screenshots/generate.py routines     # only the scenes named (small-routines, ...)

The 100x32 scenes are named as they are; the 80x24 ones start with `small-`, and a few
of those are drawn again in a light theme (`-light`).
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
os.environ["TZ"] = "UTC"
time.tzset()

from tests.support.scenes import LIGHT, LIGHT_SCENES, SCENES, SMALL_SCENES, Scene, build  # noqa: E402

SMALL_SHOTS = ("routines", "pain-check", "summary", "history", "history-delete", "help")


def shots() -> list[tuple[str, Scene, str | None]]:
    """(file name, scene, theme) of every screenshot."""
    small = {scene.name: scene for scene in SMALL_SCENES}
    return [
        *((scene.name, scene, None) for scene in SCENES),
        *((f"small-{name}", small[name], None) for name in SMALL_SHOTS),
        *((f"small-{name}-light", small[name], LIGHT) for name in LIGHT_SCENES if name in SMALL_SHOTS),
    ]


async def shoot(folder: Path, wanted: set[str]) -> None:
    for name, scene, theme in shots():
        if wanted and name not in wanted:
            continue
        os.environ["BACKCARE_TUI_CONFIG_DIR"] = tempfile.mkdtemp(dir=folder)  # no theme carried over
        app, steps = build(scene, folder)
        async with app.run_test(size=scene.size) as pilot:
            if theme is not None:
                app.theme = theme
            await steps(pilot)
            app.save_screenshot(str(HERE / f"{name}.svg"))
        print(f"screenshots/{name}.svg")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(shoot(Path(folder), set(sys.argv[1:])))


if __name__ == "__main__":
    main()

"""Regenerate every SVG in this folder from the same scenes the snapshot tests use.

python screenshots/generate.py
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

from tests.support.scenes import SCENES, build  # noqa: E402


async def shoot(folder: Path) -> None:
    for scene in SCENES:
        app, steps = build(scene, folder)
        async with app.run_test(size=scene.size) as pilot:
            await steps(pilot)
            app.save_screenshot(str(HERE / f"{scene.name}.svg"))
        print(f"screenshots/{scene.name}.svg")


def main() -> None:
    os.environ.setdefault("BACKCARE_TUI_CONFIG_DIR", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(shoot(Path(folder)))


if __name__ == "__main__":
    main()

"""Work done while the person reads: loading the history screen's code, collecting old screens."""

from __future__ import annotations

import gc
import subprocess
import sys

from backcare_tui import first_paint
from backcare_tui.screens import routines
from backcare_tui.screens.history import HistoryScreen
from backcare_tui.screens.routines import RoutinesScreen


async def test_the_history_screens_code_is_loaded_soon_after_start(open_app, monkeypatch):
    loaded: list[bool] = []
    monkeypatch.setattr(first_paint, "PRELOAD_AFTER", 0.01)
    monkeypatch.setattr(first_paint, "preload_history_screens", lambda: loaded.append(True))
    async with open_app() as (_app, pilot):
        await pilot.pause(0.1)
        assert loaded == [True]


def test_loading_the_history_screens_code_loads_the_charts_and_their_plotting_library() -> None:
    code = (
        "import sys; from backcare_tui import first_paint; "
        "names = ('backcare_tui.screens.history', 'backcare_tui.widgets.progress_charts', 'plotext'); "
        "before = [n in sys.modules for n in names]; first_paint.preload_history_screens(); "
        "print(before, [n in sys.modules for n in names])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[False, False, False] [True, True, True]"


async def test_coming_back_to_the_routines_collects_the_closed_screen(open_app, monkeypatch):
    collections: list[int] = []
    monkeypatch.setattr(routines, "TIDY_AFTER", 0.01)
    async with open_app() as (app, pilot):
        monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
        await pilot.pause(0.1)
        assert collections == []  # nothing closed yet
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)
        await pilot.pause(0.1)
        assert collections == [1]

"""How fast the session engine ticks: the screen asks it several times a second.

python tests/bench/run.py engine
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from tests.support.plans import hold, make_plan, reps, timed

TICKS = 50_000  # 2,500 s of a 3,149 s routine: every tick is a live one
STEP = 0.05  # a tick every 50 ms, as a smooth countdown would ask


def _engine() -> tuple[SessionEngine, FakeClock]:
    doses = [hold(10, reps=5, per_side=True, sets=2), reps(12, tempo=3, sets=3), timed(300)] * 4
    clock = FakeClock()
    engine = SessionEngine(make_plan(*doses), clock)
    engine.start()
    return engine, clock


def run() -> Iterator[tuple[str, float, str]]:
    engine, clock = _engine()
    readings = [clock.monotonic() + STEP * n for n in range(1, TICKS + 1)]
    began = time.perf_counter()
    for now in readings:
        engine.tick(now)
    seconds = time.perf_counter() - began
    assert not engine.finished
    yield "engine_tick_rate", round(TICKS / seconds), "ticks/s"
    yield "engine_tick_cost", seconds / TICKS * 1e6, "us"

    engine, clock = _engine()
    began = time.perf_counter()
    for _ in range(TICKS // 10):
        clock.advance(STEP)
        engine.tick()
        engine.view()
    seconds = time.perf_counter() - began
    yield "engine_tick_and_view_cost", seconds / (TICKS // 10) * 1e6, "us"

"""What the exercise figure costs: one frame, how often it redraws, CPU while it moves.

    python tests/bench/run.py figure

- figure_frame_cost: drawing one new frame (angles, points, Braille canvas) at 30x12 cells,
  averaged over every bundled exercise; frames drawn before are reused, not redrawn.
- figure_redraws_per_second: new pictures a second while a reps dose moves, asked 20 times a
  second (the widget caps it at 8 whatever the tick rate).
- figure_cpu_share: a headless app with only the figure, moved by a session engine from a
  timer four times a second, as the run screen ticks: share of one core. The same app with
  the figure standing still (figure_still_cpu_share) gives what the timer and Textual cost.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

from textual.app import App, ComposeResult

from backcare_tui import paths
from backcare_tui.domain.canvas import FigureLayout, draw_frame
from backcare_tui.domain.clock import FakeClock, MonotonicClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.figure import Figure
from backcare_tui.domain.models import PlannedExercise, RoutinePlan
from backcare_tui.domain.poses import load_poses
from backcare_tui.domain.rep_cue import figure_fraction
from backcare_tui.widgets.exercise_figure import ExerciseFigure, quantise_fraction
from tests.support.plans import make_exercise, make_plan, reps

COLUMNS, ROWS = 30, 12
FRACTIONS = 24
CPU_SECONDS = 10.0
SETTLE_SECONDS = 2.0
TICK_SECONDS = 0.25


def _figures() -> dict[str, Figure]:
    poses = load_poses([paths.builtin_library_dir()]).figures
    return {exercise: Figure.from_poses(figure) for exercise, figure in poses.items()}


def _bridge_plan(tempo: int) -> RoutinePlan:
    plan = make_plan(reps(50, tempo=tempo), get_ready=0)
    dose = plan.items[0].dose
    return RoutinePlan(plan.routine, (PlannedExercise(make_exercise("glute-bridge", dose), dose),))


def frame_cost() -> tuple[float, float]:
    figures = _figures()
    began = time.perf_counter()
    layouts = {name: FigureLayout.fit(figure, COLUMNS, ROWS) for name, figure in figures.items()}
    layout_seconds = (time.perf_counter() - began) / len(figures)
    began = time.perf_counter()
    for name, figure in figures.items():
        for step in range(FRACTIONS):
            draw_frame(figure, layouts[name], step / (FRACTIONS - 1))
    frame_seconds = (time.perf_counter() - began) / (len(figures) * FRACTIONS)
    return frame_seconds, layout_seconds


def redraws_per_second(ask_every: float = 0.05, seconds: float = 60.0) -> float:
    poses = load_poses([paths.builtin_library_dir()]).figures["glute-bridge"]
    clock = FakeClock()
    engine = SessionEngine(_bridge_plan(tempo=5), clock)
    engine.start()
    shown, changes = None, 0
    for _ in range(round(seconds / ask_every)):
        clock.advance(ask_every)
        engine.tick()
        fraction = quantise_fraction(figure_fraction(engine.view(), poses))
        changes += fraction != shown
        shown = fraction
    return changes / seconds


class FigureApp(App[None]):
    def __init__(self, moving: bool = True) -> None:
        super().__init__()
        self.moving = moving
        self.figures = load_poses([paths.builtin_library_dir()]).figures
        self.engine = SessionEngine(_bridge_plan(tempo=5), MonotonicClock())

    def compose(self) -> ComposeResult:
        yield ExerciseFigure()

    def on_mount(self) -> None:
        self.engine.start()
        self.set_interval(TICK_SECONDS, self.tick)

    def tick(self) -> None:
        self.engine.tick()
        if self.moving or self.query_one(ExerciseFigure).poses is None:
            self.query_one(ExerciseFigure).show_view(self.engine.view(), self.figures)


async def cpu_share(moving: bool = True) -> tuple[float, int]:
    app = FigureApp(moving)
    async with app.run_test(size=(COLUMNS, ROWS)):
        await asyncio.sleep(SETTLE_SECONDS)
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(CPU_SECONDS)  # the measured span: the figure moves meanwhile
        share = (time.process_time() - cpu) / (time.perf_counter() - wall)
        return share, app.query_one(ExerciseFigure).frames_drawn


def run() -> Iterator[tuple[str, float, str]]:
    frame_seconds, layout_seconds = frame_cost()
    yield "figure_frame_cost", frame_seconds * 1e6, "us"
    yield "figure_layout_cost", layout_seconds * 1e3, "ms"
    yield "figure_redraws_per_second", redraws_per_second(), "frames/s"
    yield "figure_redraws_per_second_at_4hz_ticks", redraws_per_second(TICK_SECONDS), "frames/s"
    share, drawn = asyncio.run(cpu_share())
    yield "figure_cpu_share", share * 100, "%"
    yield "figure_still_cpu_share", asyncio.run(cpu_share(moving=False))[0] * 100, "%"
    yield "figure_frames_drawn_in_12s", float(drawn), "frames"

"""The figure widget on its own: draws in Braille, redraws only when its picture changes."""

from __future__ import annotations

from textual.app import App, ComposeResult

from backcare_tui import paths
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import SessionEngine
from backcare_tui.domain.poses import load_poses
from backcare_tui.widgets.exercise_figure import ExerciseFigure
from tests.support.plans import make_exercise, make_plan, reps

FIGURES = load_poses([paths.builtin_library_dir()]).figures


class FigureApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ExerciseFigure(id="figure")


def screen_lines(app: App[None]) -> list[str]:
    figure = app.query_one(ExerciseFigure)
    return [strip.text for strip in figure.render_lines(figure.region.reset_offset)]


async def test_draws_the_figure_and_only_new_pictures() -> None:
    app = FigureApp()
    async with app.run_test(size=(30, 10)) as pilot:
        figure = app.query_one(ExerciseFigure)
        figure.poses = FIGURES["glute-bridge"]
        await pilot.pause()
        lines = screen_lines(app)
        assert any(any("\u2800" < char <= "\u28ff" for char in line) for line in lines)
        drawn = figure.frames_drawn
        figure.fraction = 0.001  # rounds to the same picture
        await pilot.pause()
        assert figure.frames_drawn == drawn
        figure.fraction = 1.0
        await pilot.pause()
        assert figure.frames_drawn == drawn + 1
        assert screen_lines(app) != lines
        figure.fraction = 0.0  # drawn before: reused
        await pilot.pause()
        assert figure.frames_drawn == drawn + 1
        assert screen_lines(app) == lines


async def test_without_poses_it_shows_the_position_in_words() -> None:
    app = FigureApp()
    async with app.run_test(size=(40, 6)) as pilot:
        figure = app.query_one(ExerciseFigure)
        figure.position = "Kneeling [on a cushion]"
        await pilot.pause()
        assert "Kneeling [on a cushion]" in "\n".join(screen_lines(app))
        assert figure.has_class("-no-figure")


async def test_follows_a_session_view() -> None:
    clock = FakeClock()
    plan = make_plan(reps(8, tempo=4), get_ready=0)
    exercise = make_exercise("glute-bridge", plan.items[0].dose)
    plan = type(plan)(plan.routine, (type(plan.items[0])(exercise, plan.items[0].dose),))
    engine = SessionEngine(plan, clock)
    engine.start()
    app = FigureApp()
    async with app.run_test(size=(30, 10)) as pilot:
        figure = app.query_one(ExerciseFigure)
        figure.show_view(engine.view(), FIGURES)
        await pilot.pause()
        assert figure.poses is FIGURES["glute-bridge"] and figure.fraction == 0.0
        clock.advance(2.0)  # tempo 4: 1.4 s up, then holding at the top
        engine.tick()
        figure.show_view(engine.view(), FIGURES)
        assert figure.fraction == 1.0

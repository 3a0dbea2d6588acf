"""The run screen's figure, rep cue, time to get into position, sound indicator and scrolling."""

from __future__ import annotations

from textual.containers import VerticalScroll

from backcare_tui.domain.engine import Phase
from backcare_tui.widgets.exercise_figure import ExerciseFigure
from tests.ui.conftest import write_sitting_poses
from tests.ui.helpers import TINY_ROUTINE, advance, start_run, text_of

OWN_PACE_ROUTINE = "own-pace-routine"


def own_pace_library(library_maker):
    from backcare_tui.domain.library import load_library

    folder = library_maker.folder("pace")
    library_maker.exercise(folder, "pace-reps", name="Own pace reps", dose={"kind": "reps", "reps": 6})
    library_maker.exercise(folder, "pace-hold", name="Then a hold", dose={"kind": "hold", "hold": 5})
    library_maker.routine(
        folder,
        OWN_PACE_ROUTINE,
        ("pace-reps", "pace-hold"),
        steps=[
            {"exercise": "pace-reps", "dose": {"kind": "reps", "reps": 6, "tempo": 3, "own_pace": True}},
            {"exercise": "pace-hold"},
        ],
        get_ready=2,
        rest_between=3,
    )
    write_sitting_poses(folder, ("pace-reps", "pace-hold"))
    library = load_library([folder])
    assert not library.problems, library.problems
    return library


async def test_reps_at_your_own_pace_say_so_and_end_on_enter(open_app, library_maker, clock):
    async with open_app(library=own_pace_library(library_maker)) as (app, pilot):
        run = await start_run(pilot, OWN_PACE_ROUTINE)
        await advance(pilot, clock, 2)
        assert text_of(app, "#run-phase") == "YOUR OWN PACE"
        assert text_of(app, "#run-cue") == "6 reps · at your own pace"
        assert text_of(app, "#run-hint") == "Enter when done"
        assert "own pace" in text_of(app, "#run-dose")
        await advance(pilot, clock, 300)  # no countdown runs out
        assert run.engine.view().phase is Phase.WORK
        assert run.query_one("#run-digits").value == "5:00"  # the time so far
        await pilot.press("enter")
        assert run.engine.view().phase is Phase.REST_EXERCISE
        assert run.session.record().exercises[0].status == "done"
        assert text_of(app, "#run-hint") == ""


async def test_the_sound_indicator_follows_mute(open_app, tiny_library):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        assert text_of(app, "#run-sound") == "♪ sound on"
        await pilot.press("m")
        assert text_of(app, "#run-sound") == "sound off"
        app.action_toggle_sound()  # from the command palette
        app.screen.tick()
        await pilot.pause()
        assert text_of(app, "#run-sound") == "♪ sound on"


async def test_instructions_start_at_the_top_for_each_exercise(open_app, bundled_library, clock):
    async with open_app(library=bundled_library, size=(60, 20)) as (_app, pilot):
        run = await start_run(pilot, "nhs-daily")
        info = run.query_one("#run-info", VerticalScroll)
        await advance(pilot, clock, 3)
        info.scroll_end(animate=False)
        await pilot.pause()
        assert info.scroll_y > 0
        await pilot.press("n")
        await pilot.pause()
        assert info.scroll_y == 0
        assert run.engine.view().index == 1


async def test_rest_and_get_ready_show_the_exercise_to_come(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        assert text_of(app, "#run-position").startswith("Get into position: ")
        await advance(pilot, clock, 14.5)  # the rest after the first exercise
        assert run.engine.view().phase is Phase.REST_EXERCISE
        assert text_of(app, "#run-exercise") == "Next: Tiny reps"
        assert "First: " in text_of(app, "#run-position")
        figure = run.query_one(ExerciseFigure)
        assert figure.fraction == 0 and figure.poses is not None
        await advance(pilot, clock, 5)  # into the reps
        assert not run.query_one("#run-position").display


async def test_get_ready_is_longer_before_a_change_of_position(open_app, bundled_library, clock):
    # nhs-daily: on all fours, then on the back (a change), ... abdominal brace, pelvic tilt (both on the back)
    async with open_app(library=bundled_library) as (_app, pilot):
        run = await start_run(pilot, "nhs-daily")
        plan = run.session.plan
        assert [plan.get_ready_before(index) for index in range(len(plan.items))] == [10, 10, 10, 10, 5]
        assert run.engine.view().remaining == 10


async def test_the_figure_hides_on_a_small_terminal_and_shows_on_a_larger_one(open_app, tiny_library, clock):
    async with open_app(library=tiny_library, size=(60, 20)) as (_app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        figure = run.query_one(ExerciseFigure)
        assert not figure.display
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        assert figure.display


def footer_line(run) -> str:
    """The footer's keys as one line of text, the gaps between them included."""
    from textual.widgets import Footer

    footer = run.query_one(Footer)
    return "".join(segment.text for segment in run.app.screen._compositor.render_strips()[footer.region.y])


async def test_the_footer_keeps_a_gap_between_keys_at_80_columns_and_drops_it_only_below_72(
    open_app, tiny_library, clock
):
    async with open_app(library=tiny_library, size=(80, 24)) as (_app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        assert "Pause n Next x This hurts q Stop s Safety ? Keys" in footer_line(run)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert "Pausen Nextx This hurtsq Stops Safety? Keys" in footer_line(run)


async def test_the_figure_redraws_only_when_its_picture_changes(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (_app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        figure = run.query_one(ExerciseFigure)
        await pilot.pause()
        drawn = figure.frames_drawn
        for _ in range(8):  # still while getting ready: nothing new to draw
            await advance(pilot, clock, 0.125)
        assert figure.frames_drawn == drawn
        await advance(pilot, clock, 2 + 17)  # into the reps, moving
        drawn = figure.frames_drawn
        for _ in range(16):
            await advance(pilot, clock, 0.125)
        assert 0 < figure.frames_drawn - drawn <= 16  # at most one picture per eighth of a second


async def test_repainting_only_the_changed_rows_leaves_no_trace_of_the_old_picture(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        figure = run.query_one(ExerciseFigure)
        await advance(pilot, clock, 19)  # into the reps
        for _ in range(10):
            await advance(pilot, clock, 0.125)
        partly_repainted = app.export_screenshot()
        figure.refresh()  # the whole picture, painted afresh
        await pilot.pause()
        assert app.export_screenshot() == partly_repainted


async def test_an_exercise_without_poses_shows_its_position_in_words(open_app, library_maker, clock):
    from backcare_tui.domain.library import load_library

    folder = library_maker.folder("own")
    library_maker.exercise(folder, "my-move", name="My own move", position="Lying on a mat [face up]", posture="back")
    library_maker.routine(folder, "my-routine", ("my-move",), get_ready=5)
    library = load_library([folder])
    async with open_app(library=library) as (_app, pilot):
        run = await start_run(pilot, "my-routine")
        figure = run.query_one(ExerciseFigure)
        assert figure.poses is None
        assert figure.display and str(figure.render()) == "Lying on a mat [face up]"  # literally, not markup
        assert run.engine.view().remaining == 10  # down from sitting: time to get there

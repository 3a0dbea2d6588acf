"""The guided run: every key, checkpoints, and each way a session ends.

The tiny routine's timeline, in seconds from the start:
    0 get ready, 2 hold, 7 release, 9 hold, 14 rest | 17 get ready, 19 reps (3 x 4 s), 31 rest |
    34 get ready, 36 walk 10 s, 46 done.
"""

from __future__ import annotations

from backcare_tui.domain.engine import Phase
from backcare_tui.screens.dialogs import ConfirmScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.run import RunScreen
from backcare_tui.screens.safety import WhenToStopScreen
from backcare_tui.screens.summary import STATUS_TEXT, SummaryScreen
from tests.ui.helpers import (
    FIRST_EXERCISE_ENDS,
    TINY_EXERCISES,
    TINY_ROUTINE,
    TINY_SECONDS,
    advance,
    start_run,
    stored_sessions,
    stored_setting,
    text_of,
)


def digits(run: RunScreen) -> str:
    return run.query_one("#run-digits").value


async def test_space_pauses_and_resumes_with_time_frozen(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)  # 1 s into the first 5 s hold
        assert text_of(app, "#run-phase") == "HOLD"
        assert digits(run) == "0:04"

        await pilot.press("space")
        assert run.engine.paused
        assert text_of(app, "#run-phase") == "PAUSED · HOLD"
        assert text_of(app, "#run-hint") == "Space to resume"
        await advance(pilot, clock, 30)
        assert digits(run) == "0:04"
        assert run.engine.view().phase is Phase.WORK

        await pilot.press("space")
        assert not run.engine.paused
        await advance(pilot, clock, 1)
        assert digits(run) == "0:03"
        assert run.session.record().paused_seconds == 30


async def test_next_and_previous_keys(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("n")
        assert run.engine.view().index == 1
        assert text_of(app, "#run-exercise") == "Tiny reps"
        assert "exercise 2 of 3" in text_of(app, "#run-routine")
        await pilot.press("right")
        assert run.engine.view().index == 2
        assert text_of(app, "#run-next") == "Last exercise"
        await pilot.press("p")
        assert run.engine.view().index == 1
        await pilot.press("left")
        assert run.engine.view().index == 0
        assert run.engine.view().phase is Phase.GET_READY
        await pilot.press("p")  # on the first exercise: back to its start
        assert run.engine.view().index == 0

        statuses = [result.status for result in run.session.record().exercises]
        assert statuses == ["partial", "skipped", "not_started"]  # jumped back over, never reached


async def test_restart_and_adjust_keys(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (_app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("plus")
        assert digits(run) == "0:14"
        await pilot.press("equals_sign")
        assert digits(run) == "0:24"
        await pilot.press("minus", "underscore")
        assert digits(run) == "0:04"
        await pilot.press("minus")  # never below a second
        assert digits(run) == "0:01"

        await pilot.press("r")
        view = run.engine.view()
        assert (view.index, view.phase) == (0, Phase.GET_READY)
        assert digits(run) == "0:02"


async def test_paced_reps_follow_the_rep_cue_and_enter_does_nothing(open_app, tiny_library, clock):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("enter")  # a hold is timed: Enter does nothing
        assert run.engine.view().phase is Phase.WORK
        assert run.engine.view().index == 0

        await pilot.press("n")
        await advance(pilot, clock, 3)  # into the reps
        assert text_of(app, "#run-phase") == "MOVE"
        assert text_of(app, "#run-cue").startswith("Rep 1 of 3 · ")
        assert text_of(app, "#run-hint") == ""  # the countdown paces them: no "press Enter"
        await pilot.press("enter")
        assert run.engine.view().phase is Phase.WORK
        await advance(pilot, clock, 4)
        assert text_of(app, "#run-cue").startswith("Rep 2 of 3 · ")
        await advance(pilot, clock, 8)
        assert run.engine.view().phase is Phase.REST_EXERCISE
        reps = run.session.record().exercises[1]
        assert (reps.status, reps.reps_done) == ("done", 3)


async def test_m_mutes_and_the_setting_is_saved(open_app, tiny_library, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE)
        assert app.sound
        await pilot.press("m")
        assert not app.sound
        assert stored_setting("sound") is False
        await pilot.press("m")
        assert app.sound
        assert stored_setting("sound") is True
        await pilot.press("m")

    async with open_app(library=tiny_library) as (app, pilot):
        assert not app.sound


async def test_stop_asks_first_and_saves_as_stopped(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, 3)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        assert run.engine.paused  # covered: paused while deciding
        await pilot.press("n")
        assert app.screen is run
        assert run.is_running and not run.engine.paused

        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert not run.is_running
        assert isinstance(app.screen, PainCheckScreen)
        assert app.screen.moment == "after"
        [record] = stored_sessions(db_path)
        assert record.status == "stopped"
        assert record.exercises[0].status == "partial"

        await pilot.press("2")
        assert isinstance(app.screen, SummaryScreen)
        assert text_of(app, "#summary-status") == STATUS_TEXT["stopped"]


async def test_this_hurts_stops_for_pain_and_shows_advice(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        await start_run(pilot, TINY_ROUTINE, pain="4")
        await advance(pilot, clock, 5)
        await pilot.press("x", "q")  # this hurts: stop the session
        assert isinstance(app.screen, WhenToStopScreen)
        [record] = stored_sessions(db_path)
        assert record.status == "stopped_for_pain"
        assert record.pain_before == 4
        assert record.hurt_exercise == "tiny-hold"

        await pilot.press("enter")
        assert isinstance(app.screen, PainCheckScreen)
        await pilot.press("6")
        assert isinstance(app.screen, SummaryScreen)
        assert text_of(app, "#summary-status") == STATUS_TEXT["stopped_for_pain"]


async def test_checkpoint_after_the_first_exercise(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (_app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, FIRST_EXERCISE_ENDS - 1)
        [record] = stored_sessions(db_path)
        assert record.id == run.engine.session_id
        assert [result.status for result in record.exercises] == ["not_started"] * 3

        await advance(pilot, clock, 1)
        [record] = stored_sessions(db_path)
        assert record.status == "in_progress"
        assert [result.status for result in record.exercises] == ["done", "not_started", "not_started"]
        assert record.exercises[0].reps_done == 2


async def test_a_whole_routine_completes_on_the_fake_clock(open_app, tiny_library, clock, db_path):
    async with open_app(library=tiny_library) as (app, pilot):
        run = await start_run(pilot, TINY_ROUTINE)
        await advance(pilot, clock, FIRST_EXERCISE_ENDS)
        await advance(pilot, clock, TINY_SECONDS - FIRST_EXERCISE_ENDS - 1)
        assert isinstance(app.screen, RunScreen)
        assert text_of(app, "#run-exercise") == "Tiny walk"
        assert digits(run) == "0:01"

        await advance(pilot, clock, 1)
        assert isinstance(app.screen, PainCheckScreen)
        [record] = stored_sessions(db_path)
        assert record.status == "completed"
        assert [result.exercise_id for result in record.exercises] == list(TINY_EXERCISES)
        assert [result.status for result in record.exercises] == ["done"] * 3
        assert record.active_seconds == 34
        assert (record.ended_at - record.started_at).total_seconds() == TINY_SECONDS

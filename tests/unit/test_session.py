"""GuidedSession: when it writes, how it ends, and that every way out ends it once.

The app's exit paths (q, ctrl+q, SIGTERM, SIGHUP, the terminal going away, a crash) all come
down to `finish()` or `stop()`; these tests drive them directly, with fake time.
"""

from __future__ import annotations

import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.session import GuidedSession
from backcare_tui.storage.codec import decode_session, encode_session
from tests.support.plans import hold, make_plan, timed

# get ready 2 + 10 s, rest 3, get ready 2 + 10 s, rest 3, get ready 2 + 10 s
FIRST_DONE = 12
WHOLE = 42


class Disk:
    """What the session wrote, in order; `failing` makes the next writes fail."""

    def __init__(self) -> None:
        self.writes: list[SessionRecord] = []
        self.released: list[str] = []
        self.failing = False

    def save(self, record: SessionRecord) -> str | None:
        if self.failing:
            return "The disk is full."
        self.writes.append(record)
        return None

    @property
    def last(self) -> SessionRecord:
        return self.writes[-1]


@pytest.fixture
def disk() -> Disk:
    return Disk()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def new_session(disk: Disk, clock: FakeClock, pain_before: int | None = 3) -> GuidedSession:
    plan = make_plan(timed(10), timed(10), timed(10), get_ready=2, rest_between=3)
    return GuidedSession(plan, clock, save=disk.save, release=disk.released.append, pain_before=pain_before)


def started(disk: Disk, clock: FakeClock) -> GuidedSession:
    session = new_session(disk, clock)
    session.start()
    return session


def advance(session: GuidedSession, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    session.tick()


def test_starting_writes_a_first_checkpoint_with_the_pain_score(disk: Disk, clock: FakeClock) -> None:
    session = new_session(disk, clock)
    assert not session.running and not disk.writes
    session.start()
    assert session.running
    assert [(r.status, r.pain_before) for r in disk.writes] == [("in_progress", 3)]
    assert session.saved


def test_ticks_inside_an_exercise_write_nothing(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    for _ in range(4):
        advance(session, clock, 2)
    assert len(disk.writes) == 1


def test_one_write_per_exercise_boundary(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    advance(session, clock, FIRST_DONE)
    assert len(disk.writes) == 2
    assert disk.last.exercises[0].status == "done"
    advance(session, clock, 3)  # the rest ends and the next exercise begins: nothing new
    advance(session, clock, 1)
    assert len(disk.writes) == 2


@pytest.mark.parametrize("jump", ["next_exercise", "previous_exercise", "restart_exercise"])
def test_a_jump_writes_a_checkpoint(disk: Disk, clock: FakeClock, jump: str) -> None:
    session = started(disk, clock)
    advance(session, clock, FIRST_DONE + 3 + 4)  # into the second exercise
    before = len(disk.writes)
    getattr(session, jump)()
    assert len(disk.writes) == before + 1
    assert disk.last.status == "in_progress"


def test_a_completed_routine_is_written_once_and_released(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    advance(session, clock, WHOLE)
    assert session.ended and not session.running
    assert disk.last.status == "completed"
    assert disk.released == [session.id]
    writes = len(disk.writes)
    session.finish()
    session.stop()
    assert len(disk.writes) == writes
    assert disk.released == [session.id]


def test_pain_after_and_note_are_saved_and_finish_is_idempotent(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    advance(session, clock, WHOLE)
    assert session.set_pain_after(2) is None
    assert (disk.last.status, disk.last.pain_after) == ("completed", 2)
    session.set_note("  stiff today ")
    writes = len(disk.writes)
    record = session.finish()
    assert record.note == "stiff today" == disk.last.note
    assert len(disk.writes) == writes + 1
    session.finish()
    session.finish()
    assert len(disk.writes) == writes + 1  # nothing new to write


@pytest.mark.parametrize("exit_path", ["q", "ctrl+q", "SIGTERM", "SIGHUP", "terminal gone", "crash"])
def test_every_exit_mid_session_saves_it_as_stopped_once(disk: Disk, clock: FakeClock, exit_path: str) -> None:
    """Each exit path ends in `finish()` (q confirms `stop()` first); twice is as good as once."""
    session = started(disk, clock)
    advance(session, clock, FIRST_DONE + 3 + 5)
    if exit_path == "q":
        session.stop()
    record = session.finish()
    again = session.finish()
    assert record == again
    assert record.status == "stopped" == disk.last.status
    assert [r.status for r in record.exercises] == ["done", "partial", "not_started"]
    assert record.ended_at is not None
    assert sum(1 for r in disk.writes if r.status == "stopped") == 1
    assert disk.released == [session.id]


def test_finishing_a_session_never_started_writes_nothing(disk: Disk, clock: FakeClock) -> None:
    session = new_session(disk, clock)
    session.finish()
    session.stop()
    assert disk.writes == [] and disk.released == []


def test_this_hurts_records_the_exercise(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    advance(session, clock, FIRST_DONE + 3 + 5)
    session.stop("stopped_for_pain")
    assert (disk.last.status, disk.last.hurt_exercise) == ("stopped_for_pain", "exercise-2")
    session.finish()
    assert session.record().status == "stopped_for_pain"  # a later exit does not overwrite it


def test_a_failed_write_is_reported_once_and_remembered(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    disk.failing = True
    advance(session, clock, FIRST_DONE)
    assert not session.saved
    assert session.save_error == "The disk is full."
    assert session.take_save_error() == "The disk is full."
    assert session.take_save_error() is None
    disk.failing = False
    assert session.finish_error() is None
    assert session.saved and disk.last.status == "stopped"


def test_finish_error_names_a_failed_final_write(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    disk.failing = True
    assert session.finish_error() == "The disk is full."
    assert not session.saved


def test_pause_and_resume_count_paused_time(disk: Disk, clock: FakeClock) -> None:
    plan = make_plan(hold(5, reps=2), get_ready=2)
    session = GuidedSession(plan, clock, save=disk.save)
    session.start()
    session.pause()
    assert session.paused
    clock.advance(30)
    session.resume()
    assert not session.paused
    assert session.finish().paused_seconds == 30


def test_controls_before_the_start_write_nothing(disk: Disk, clock: FakeClock) -> None:
    session = new_session(disk, clock)
    session.tick()
    session.next_exercise()
    assert disk.writes == []


def test_the_exercise_that_hurt_survives_the_file_format(disk: Disk, clock: FakeClock) -> None:
    session = started(disk, clock)
    session.stop("stopped_for_pain")
    record = session.record()
    document = encode_session(record)
    assert document["h"] == "exercise-1"
    assert decode_session(record.id, document) == record
    assert "h" not in encode_session(started(disk, clock).record())  # left out when nothing hurt

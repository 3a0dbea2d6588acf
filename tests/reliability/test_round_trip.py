"""Cases 1 and 2: what is saved is what comes back, through any sequence of changes."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from backcare_tui.domain.models import ExerciseResult, HoldDose, RepsDose, SessionRecord, TimedDose, replace
from backcare_tui.domain.wording import printable
from backcare_tui.storage import SessionStore, normalise

seconds = st.floats(min_value=0, max_value=20_000, allow_nan=False)
offsets = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))])
# Starts outside the years 1000 to 9000 read back as damaged: near the ends of the calendar
# a time cannot be shown in every time zone.
times = st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9000, 12, 31), timezones=offsets)
doses = st.one_of(
    st.builds(
        HoldDose,
        hold=st.integers(1, 120),
        reps=st.integers(1, 50),
        relax=st.integers(0, 30),
        sets=st.integers(1, 10),
        rest=st.integers(0, 300),
        per_side=st.booleans(),
    ),
    st.builds(
        RepsDose,
        reps=st.integers(1, 50),
        tempo=st.integers(1, 30),
        sets=st.integers(1, 10),
        per_side=st.booleans(),
        own_pace=st.booleans(),
    ),
    st.builds(TimedDose, seconds=st.integers(5, 1800), sets=st.integers(1, 10), per_side=st.booleans()),
)
results = st.builds(
    ExerciseResult,
    exercise_id=st.from_regex(r"^[a-z0-9][a-z0-9-]{0,20}$", fullmatch=True),
    dose=doses,
    planned_seconds=seconds,
    active_seconds=seconds,
    reps_done=st.integers(0, 50),
    sets_done=st.integers(0, 10),
    sides_done=st.integers(0, 2),
    status=st.sampled_from(["done", "partial", "skipped", "not_started"]),
)
records = st.builds(
    SessionRecord,
    id=st.from_regex(r"^[a-z0-9-]{1,40}$", fullmatch=True),
    routine_id=st.from_regex(r"^[a-z0-9][a-z0-9-]{0,20}$", fullmatch=True),
    routine_name=st.text(max_size=60),
    started_at=times,
    ended_at=st.none() | times,
    status=st.sampled_from(["in_progress", "completed", "stopped", "stopped_for_pain"]),
    exercises=st.lists(results, max_size=12).map(tuple),
    active_seconds=seconds,
    rest_seconds=seconds,
    paused_seconds=seconds,
    pain_before=st.none() | st.integers(0, 10),
    pain_after=st.none() | st.integers(0, 10),
    note=st.text(max_size=200),
    recovered=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records)
def test_a_saved_session_reads_back_equal_after_reopening(record, tmp_path):
    path = tmp_path / "history.json"
    path.unlink(missing_ok=True)
    with SessionStore.open(path) as store:
        store.save_session(record)
    with SessionStore.open(path) as reopened:
        assert reopened.sessions() == [normalise(record)]
        assert reopened.get_session(record.id) == normalise(record)
        assert reopened.notices == []


@settings(max_examples=100, deadline=None)
@given(record=records)
def test_normalising_only_rounds_times(record):
    stored = normalise(record)
    assert normalise(stored) == stored
    assert abs(stored.active_seconds - record.active_seconds) <= 0.05 + 1e-9
    assert abs((stored.started_at - record.started_at).total_seconds()) < 1
    assert replace(
        stored,
        started_at=record.started_at,
        ended_at=record.ended_at,
        active_seconds=0.0,
        rest_seconds=0.0,
        paused_seconds=0.0,
        exercises=(),
    ) == replace(
        record,
        active_seconds=0.0,
        rest_seconds=0.0,
        paused_seconds=0.0,
        exercises=(),
        routine_name=printable(record.routine_name),  # control characters read back made visible
        note=printable(record.note),
    )


class HistoryMachine(RuleBasedStateMachine):
    """Add, update, delete and reopen, checked against a plain dict."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "history.json"
        self.store = SessionStore.open(self.path)
        self.expected: dict[str, SessionRecord] = {}

    @rule(target=ids, record=records)
    def add(self, record):
        self.store.save_session(record)
        self.expected[record.id] = normalise(record)
        return record.id

    @rule(session_id=ids, pain=st.integers(0, 10), extra=seconds)
    def update(self, session_id, pain, extra):
        current = self.store.get_session(session_id)
        if current is None:
            return
        changed = replace(current, pain_after=pain, active_seconds=current.active_seconds + extra)
        self.store.save_session(changed)
        self.expected[session_id] = normalise(changed)

    @rule(session_id=ids)
    def delete(self, session_id):
        assert self.store.delete_session(session_id) == (session_id in self.expected)
        self.expected.pop(session_id, None)

    @rule()
    def reopen(self):
        self.store.close()
        self.store = SessionStore.open(self.path)
        assert self.store.notices == []

    @invariant()
    def matches_the_model(self):
        expected = sorted(self.expected.values(), key=lambda r: (r.started_at.timestamp(), r.id), reverse=True)
        assert self.store.sessions() == expected
        assert len(self.store.sessions()) == len(self.expected)

    def teardown(self):
        self.store.close()
        self.folder.cleanup()


HistoryMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=15, deadline=None)
test_history_state_machine = HistoryMachine.TestCase

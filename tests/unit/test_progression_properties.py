"""Whatever the history, the plan never raises a dose after a bad session, moves one step at most
and keeps doses within the exercise's limits."""

from __future__ import annotations

import time
from collections.abc import Iterator

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.domain.dose_steps import Step, amount, bounds, step_down, step_up
from backcare_tui.domain.models import DoseChange, ExerciseResult, PersonalDose, RepsDose, SessionRecord
from backcare_tui.domain.progression import Plan, Suggestion, plan
from tests.support.progression import BRIDGE, TODAY, at, result, session, small_library

LIBRARY = small_library()
EXERCISES = LIBRARY.exercises
STRETCH_DOSE = EXERCISES["stretch"].dose


@pytest.fixture(autouse=True, scope="module")
def utc_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


pain = st.none() | st.integers(0, 10)
bridge_dose = st.builds(RepsDose, reps=st.integers(5, 18), tempo=st.just(3), sets=st.integers(1, 3)) | st.just(BRIDGE)


def mostly(calm: bool, good: object, *others: object) -> st.SearchStrategy:
    """`good` most of the time in a calm history, any of the values otherwise."""
    return st.sampled_from([good] * (12 if calm else 1) + list(others))


@st.composite
def a_session(draw: st.DrawFn, slot: int, current: Step, calm: bool) -> SessionRecord:
    days_ago, hour = divmod(slot, 24)
    exercise_id = draw(mostly(calm, current.exercise_id, "bridge", "one-leg-bridge"))
    if exercise_id == current.exercise_id:
        dose = draw(mostly(calm, current.dose, BRIDGE)) if exercise_id == "bridge" else current.dose
    else:
        dose = draw(bridge_dose) if exercise_id == "bridge" else EXERCISES[exercise_id].dose
    results: tuple[ExerciseResult, ...] = (
        result(exercise_id, dose, draw(mostly(calm, "done", "partial", "skipped"))),
        result("stretch", STRETCH_DOSE, draw(mostly(calm, "done", "skipped"))),
    )
    before = draw(st.integers(0, 4) if calm else pain)
    after = draw(st.integers(0, 10) if not calm else st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8, None]))
    if calm and before is not None and after is not None and draw(st.integers(0, 5)):
        after = min(10, before + draw(st.sampled_from([-1, 0, 0, 1])))
    return session(
        days_ago,
        before,
        after,
        routine_id=draw(mostly(calm, "core", "walks")),
        results=results,
        status=draw(mostly(calm, "completed", "stopped", "stopped_for_pain", "in_progress")),
        hurt=draw(mostly(calm, None, "bridge", "stretch", "one-leg-bridge")),
        morning=draw(mostly(calm, None, "better", "same", "worse", "skipped")),
        hour=hour,
    )


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[SessionRecord], tuple[PersonalDose, ...], tuple[DoseChange, ...]]:
    calm = draw(st.booleans())
    doses: tuple[PersonalDose, ...] = ()
    current = Step("bridge", BRIDGE)
    kind = draw(st.sampled_from(["routine", "bridge", "one-leg-bridge", "tilt"]))
    if kind != "routine":
        current = Step(kind, draw(bridge_dose) if kind == "bridge" else EXERCISES[kind].dose)
        doses = (PersonalDose(routine_id="core", exercise_id="bridge", current_exercise=kind, dose=current.dose),)
    slots = draw(st.lists(st.integers(0, 20 * 24 - 1), unique=True, max_size=12))
    records = sorted((draw(a_session(slot, current, calm)) for slot in slots), key=lambda r: r.started_at, reverse=True)
    spoil = draw(st.sampled_from([None, "worse", "hurt", "rise", "high"]))
    if records and spoil is not None:
        # A calm run of sessions ending in one bad one: the case the rules exist for.
        latest = records[0]
        before = latest.pain_before if latest.pain_before is not None else 2
        changes_to_latest: dict[str, object] = {
            "worse": {"next_morning": "worse"},
            "hurt": {"hurt_exercise": current.exercise_id},
            "rise": {"pain_before": min(before, 8), "pain_after": min(before, 8) + 2},
            "high": {"pain_before": 5, "pain_after": 6},
        }[spoil]
        records[0] = msgspec.structs.replace(latest, **changes_to_latest)  # type: ignore[arg-type]
    changes: tuple[DoseChange, ...] = ()
    if draw(st.booleans()):
        reason = draw(st.sampled_from(["build_up", "ease_back", "by_hand_up", "reset"]))
        changes = (
            DoseChange(
                at=at(draw(st.integers(0, 20)), hour=draw(st.integers(0, 23))),
                routine_id="core",
                exercise_id="bridge",
                from_exercise="bridge",
                from_dose=BRIDGE,
                to_exercise=current.exercise_id,
                to_dose=current.dose,
                reason=reason,
            ),
        )
    return records, doses, changes


def bad(record: SessionRecord, exercise_id: str | None, usual: float | None) -> bool:
    """The sources' reasons never to build up after a session, written out independently."""
    before, after = record.pain_before, record.pain_after
    rise = before is not None and after is not None and after - before >= 2
    high = after is not None and after >= 6 and (usual is None or after > usual)
    hurt = exercise_id is not None and record.hurt_exercise == exercise_id
    stopped_on_it = record.status == "stopped_for_pain" and record.hurt_exercise is None
    return rise or high or hurt or stopped_on_it or record.next_morning == "worse"


def run(history: tuple[list[SessionRecord], tuple[PersonalDose, ...], tuple[DoseChange, ...]]) -> Plan:
    records, doses, changes = history
    return plan(records, doses, changes, (), LIBRARY, TODAY, routine_ids=["core"])


def allowed_steps(suggestion: Suggestion) -> list[Step | None]:
    current, start = suggestion.current, suggestion.start
    exercise = EXERCISES[current.exercise_id]
    floor = start.dose if current.exercise_id == start.exercise_id else exercise.dose
    return [step_up(exercise, current.dose, EXERCISES), step_down(exercise, current.dose, floor, EXERCISES, slot=start)]


@settings(max_examples=300, deadline=None)
@given(histories())
def test_no_dose_rises_after_a_bad_session(history: tuple) -> None:
    records = history[0]
    result_plan = run(history)
    finished = [r for r in records if r.status != "in_progress"]
    for suggestion in result_plan.suggestions.values():
        if suggestion.action != "build_up":
            continue
        assert finished and not bad(finished[0], None, result_plan.usual)
        with_it = [r for r in finished if any(x.exercise_id == suggestion.current.exercise_id for x in r.exercises)]
        latest = next(r for r in with_it if r.routine_id == "core")
        assert not bad(latest, suggestion.current.exercise_id, result_plan.usual)
        assert latest.pain_before is not None and latest.pain_after is not None and latest.pain_after < 7


@settings(max_examples=300, deadline=None)
@given(histories())
def test_every_change_is_one_step_within_the_limits(history: tuple) -> None:
    for suggestion in run(history).suggestions.values():
        if suggestion.to is None:
            assert suggestion.action == "hold"
            continue
        assert suggestion.to in allowed_steps(suggestion)
        assert suggestion.to != suggestion.current
        current, to = suggestion.current, suggestion.to
        if to.exercise_id == current.exercise_id:
            limit = bounds(EXERCISES[to.exercise_id], to.dose)
            assert amount(to.dose) <= max(limit.most, amount(current.dose))
            assert to.dose.sets <= max(limit.most_sets, current.dose.sets)
            if suggestion.action == "ease_back" and to.exercise_id == suggestion.start.exercise_id:
                start = suggestion.start.dose
                assert amount(to.dose) >= min(amount(start), amount(current.dose))
                assert to.dose.sets >= min(start.sets, current.dose.sets)
        else:
            variant = EXERCISES[current.exercise_id]
            assert to.exercise_id in (variant.easier, variant.harder)
            assert to.dose in (EXERCISES[to.exercise_id].dose, suggestion.start.dose)


@settings(max_examples=200, deadline=None)
@given(histories())
def test_unscored_sessions_never_build_up(history: tuple) -> None:
    records, doses, changes = history
    unscored = [msgspec.structs.replace(r, pain_before=None, pain_after=None) for r in records]
    for suggestion in run((unscored, doses, changes)).suggestions.values():
        assert suggestion.action != "build_up"

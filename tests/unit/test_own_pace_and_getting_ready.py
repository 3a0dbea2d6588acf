"""Reps at one's own pace (validated, described, stored compactly) and the time to get ready."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.engine import Phase, SessionEngine
from backcare_tui.domain.getting_ready import POSITION_CHANGE_SECONDS, changes_position, get_ready_seconds
from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import Dose, HoldDose, RepsDose, replace
from backcare_tui.domain.personal_doses import personal_plan
from backcare_tui.paths import builtin_library_dir
from backcare_tui.storage.codec import StoredDose, _encode_dose, dose_facts
from tests.support.plans import hold, make_plan, reps, timed


def test_own_pace_is_a_reps_dose_field_and_is_validated() -> None:
    dose = msgspec.convert({"kind": "reps", "reps": 8, "own_pace": True}, Dose)
    assert isinstance(dose, RepsDose) and dose.own_pace
    assert dose.describe() == "8 reps, at your own pace"
    with pytest.raises(msgspec.ValidationError, match="own_pace"):
        msgspec.convert({"kind": "reps", "reps": 8, "own_pace": "yes"}, Dose)
    with pytest.raises(msgspec.ValidationError, match="own_pace"):
        msgspec.convert({"kind": "hold", "hold": 8, "own_pace": True}, Dose)


def test_own_pace_is_stored_only_when_set() -> None:
    assert _encode_dose(RepsDose(reps=8)) == ["r", 8]
    encoded = _encode_dose(RepsDose(reps=8, own_pace=True))
    assert encoded[-1] is True
    stored = msgspec.convert(encoded, StoredDose)
    assert dose_facts(stored)[0] == RepsDose(reps=8, own_pace=True)


def test_get_ready_is_at_least_ten_seconds_for_a_new_position() -> None:
    assert get_ready_seconds(5, "standing", "back", first=False) == POSITION_CHANGE_SECONDS == 10
    assert get_ready_seconds(15, "standing", "back", first=False) == 15
    assert get_ready_seconds(5, "back", "front", first=False) == 10
    assert get_ready_seconds(5, "back", "back", first=False) == 5
    assert get_ready_seconds(5, "back", None, first=False) == 5  # unknown: the routine's time
    assert get_ready_seconds(5, None, "sitting", first=True) == 5  # from the pain check, seated
    assert get_ready_seconds(5, None, "back", first=True) == 10
    assert changes_position("hands-knees", "back") and not changes_position(None, "back")


def test_the_plan_gets_longer_get_ready_where_the_posture_changes() -> None:
    postures = ("sitting", "standing", "standing", "back")
    plan = make_plan(hold(5), reps(4), timed(10), timed(10), get_ready=5)
    same = replace(
        plan, items=tuple(replace(item, exercise=replace(item.exercise, posture="sitting")) for item in plan.items)
    )
    moving = replace(
        plan,
        items=tuple(
            replace(item, exercise=replace(item.exercise, posture=posture))
            for item, posture in zip(plan.items, postures, strict=True)
        ),
    )
    assert [moving.get_ready_before(index) for index in range(4)] == [5, 10, 5, 10]
    assert moving.estimated_seconds == same.estimated_seconds + 10 == plan.estimated_seconds + 10


def test_a_hold_dose_has_no_own_pace() -> None:
    assert not hasattr(HoldDose(hold=5), "own_pace")


def test_a_routine_that_changes_position_is_estimated_and_run_with_the_longer_get_ready() -> None:
    library = load_library([builtin_library_dir()])
    plan = library.plan("nhs-daily")  # on all fours, then on the back
    get_ready = [plan.get_ready_before(index) for index in range(len(plan.items))]
    assert get_ready == [10, 10, 10, 10, 5]
    work = sum(item.planned_seconds for item in plan.items)
    assert plan.estimated_seconds == sum(get_ready) + work + plan.routine.rest_between * (len(plan.items) - 1)
    assert personal_plan(library, "nhs-daily", {}).estimated_seconds == plan.estimated_seconds

    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    engine.start()
    seconds_getting_ready = [0] * len(plan.items)
    elapsed = 0
    while not engine.finished:
        view = engine.view()
        if view.phase is Phase.GET_READY:
            seconds_getting_ready[view.index] += 1
        clock.advance(1)
        engine.tick()
        elapsed += 1
    assert seconds_getting_ready == get_ready
    assert elapsed == plan.estimated_seconds

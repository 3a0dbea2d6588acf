"""Reps at one's own pace (validated, described, stored compactly) and the time to get ready."""

from __future__ import annotations

import msgspec
import pytest

from backcare_tui.domain.getting_ready import (
    POSITION_CHANGE_SECONDS,
    get_ready_seconds,
    needs_position_change,
    with_time_to_change_position,
)
from backcare_tui.domain.models import Dose, HoldDose, RepsDose
from backcare_tui.domain.poses import ExercisePoses, Pose, PoseSet
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


def figure(posture: str | None) -> ExercisePoses:
    pose = Pose(trunk=90, head=90, arm=(-90, -90), leg=(-90, -90, 0))
    return ExercisePoses(poses=PoseSet(start=pose, end=pose), posture=posture)  # type: ignore[arg-type]


def test_get_ready_is_at_least_ten_seconds_for_a_new_position() -> None:
    assert get_ready_seconds(5, position_changes=True) == POSITION_CHANGE_SECONDS == 10
    assert get_ready_seconds(15, position_changes=True) == 15
    assert get_ready_seconds(5, position_changes=False) == 5
    assert needs_position_change(figure("standing"), figure("back"))
    assert needs_position_change(figure("back"), figure("front"))
    assert not needs_position_change(figure("back"), figure("back"))
    assert needs_position_change(figure("back"), None)  # unknown: allow the time
    assert not needs_position_change(None, figure("sitting"), first=True)  # from the pain check
    assert needs_position_change(None, figure("back"), first=True)


def test_the_plan_gets_longer_get_ready_where_the_posture_changes() -> None:
    plan = make_plan(hold(5), reps(4), timed(10), timed(10), get_ready=5)
    figures = {
        "exercise-1": figure("sitting"),
        "exercise-2": figure("standing"),
        "exercise-3": figure("standing"),
        "exercise-4": figure("back"),
    }
    fitted = with_time_to_change_position(plan, figures)
    assert [fitted.get_ready_before(index) for index in range(4)] == [5, 10, 5, 10]
    assert fitted.estimated_seconds == plan.estimated_seconds + 10
    assert [item.get_ready for item in fitted.items] == [None, 10, None, 10]


def test_a_hold_dose_has_no_own_pace() -> None:
    assert not hasattr(HoldDose(hold=5), "own_pace")

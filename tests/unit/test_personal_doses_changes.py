"""A person's own doses in a routine of four exercises: where each starts, and every logged change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backcare_tui.domain.dose_steps import Step
from backcare_tui.domain.library import Library
from backcare_tui.domain.models import DoseChange, HoldDose, KeepDecision, PersonalDose, RepsDose, TimedDose
from backcare_tui.domain.personal_doses import (
    accept,
    change,
    current_step,
    dose_table,
    keep_as_is,
    personal_plan,
    reset,
    starting_step,
    step_by_hand,
)
from backcare_tui.domain.progression import Suggestion
from tests.support.progression import exercise, routine

AT = datetime(2026, 3, 20, 8, 30, tzinfo=UTC)
ROUTINE_BRIDGE = RepsDose(reps=8, tempo=3)
LIBRARY = Library(
    exercises={
        e.id: e
        for e in (
            exercise("tilt", RepsDose(reps=6, tempo=3)),
            exercise("bridge", RepsDose(reps=10, tempo=3), easier="tilt", harder="one-leg-bridge"),
            exercise("one-leg-bridge", RepsDose(reps=5, tempo=3), easier="bridge"),
            exercise("stretch", HoldDose(hold=8, reps=3), elements=("stretch",)),
            exercise("plank", TimedDose(seconds=20)),
            exercise("dead-bug", RepsDose(reps=6, tempo=2)),
        )
    },
    routines={
        r.id: r
        for r in (
            routine(
                "core",
                ("stretch", None),
                ("plank", TimedDose(seconds=15)),
                ("bridge", ROUTINE_BRIDGE),
                ("dead-bug", None),
            ),
        )
    },
)


def personal(
    exercise_id: str, doing: str, dose: RepsDose | HoldDose | TimedDose, routine_id: str = "core"
) -> PersonalDose:
    return PersonalDose(routine_id=routine_id, exercise_id=exercise_id, current_exercise=doing, dose=dose)


# --- where each exercise starts and stands -------------------------------------------------------


def test_the_starting_step_is_the_routines_dose_or_else_the_exercises_own() -> None:
    assert starting_step(LIBRARY, "core", "bridge") == Step("bridge", ROUTINE_BRIDGE)
    assert starting_step(LIBRARY, "core", "plank") == Step("plank", TimedDose(seconds=15))
    assert starting_step(LIBRARY, "core", "dead-bug") == Step("dead-bug", RepsDose(reps=6, tempo=2))


def test_an_exercise_not_in_the_routine_has_no_starting_step() -> None:
    with pytest.raises(KeyError, match="core has no exercise tilt"):
        starting_step(LIBRARY, "core", "tilt")


def test_the_current_step_is_the_persons_own_dose_for_that_routine_and_exercise() -> None:
    doses = dose_table(
        [
            personal("bridge", "one-leg-bridge", RepsDose(reps=7, tempo=3)),
            personal("dead-bug", "dead-bug", RepsDose(reps=9, tempo=2), routine_id="other"),
        ]
    )
    assert current_step(LIBRARY, "core", "bridge", doses) == Step("one-leg-bridge", RepsDose(reps=7, tempo=3))
    assert current_step(LIBRARY, "core", "dead-bug", doses) == Step("dead-bug", RepsDose(reps=6, tempo=2))


def test_a_stored_variant_the_library_no_longer_has_falls_back_to_the_routine() -> None:
    doses = dose_table([personal("bridge", "gone", RepsDose(reps=12))])
    assert current_step(LIBRARY, "core", "bridge", doses) == Step("bridge", ROUTINE_BRIDGE)


def test_a_dose_table_from_a_table_is_a_copy() -> None:
    table = {("core", "bridge"): personal("bridge", "bridge", RepsDose(reps=9))}
    copied = dose_table(table)
    assert copied == table and copied is not table


def test_the_personal_plan_keeps_the_routines_order_of_four_exercises() -> None:
    doses = dose_table([personal("dead-bug", "dead-bug", RepsDose(reps=8, tempo=2))])
    items = personal_plan(LIBRARY, "core", doses).items
    assert [(item.exercise.id, item.dose) for item in items] == [
        ("stretch", HoldDose(hold=8, reps=3)),
        ("plank", TimedDose(seconds=15)),
        ("bridge", ROUTINE_BRIDGE),
        ("dead-bug", RepsDose(reps=8, tempo=2)),
    ]


# --- the change log ------------------------------------------------------------------------------


def test_a_change_logs_every_field() -> None:
    before, after = Step("bridge", ROUTINE_BRIDGE), Step("one-leg-bridge", RepsDose(reps=5, tempo=3))
    dose, entry = change("core", "bridge", before, after, "build_up", AT, "Comfortable twice.")
    assert dose == personal("bridge", "one-leg-bridge", RepsDose(reps=5, tempo=3))
    assert entry == DoseChange(
        at=AT,
        routine_id="core",
        exercise_id="bridge",
        from_exercise="bridge",
        from_dose=ROUTINE_BRIDGE,
        to_exercise="one-leg-bridge",
        to_dose=RepsDose(reps=5, tempo=3),
        reason="build_up",
        why="Comfortable twice.",
    )


def test_the_reason_kept_with_a_change_is_cut_at_400_characters() -> None:
    step = Step("bridge", ROUTINE_BRIDGE)
    assert change("core", "bridge", step, step, "reset", AT, "x" * 401)[1].why == "x" * 400
    assert change("core", "bridge", step, step, "reset", AT)[1].why == ""


# --- by hand -------------------------------------------------------------------------------------


def test_a_step_up_by_hand_is_logged_as_such() -> None:
    moved = step_by_hand(LIBRARY, "core", "dead-bug", {}, "up", AT)
    assert moved is not None
    dose, entry = moved
    assert dose == personal("dead-bug", "dead-bug", RepsDose(reps=7, tempo=2))
    assert (entry.at, entry.routine_id, entry.exercise_id, entry.reason, entry.why) == (
        AT,
        "core",
        "dead-bug",
        "by_hand_up",
        "changed by hand",
    )


def test_a_step_up_by_hand_at_the_top_moves_to_the_harder_variant_or_nowhere() -> None:
    top = dose_table([personal("bridge", "bridge", RepsDose(reps=15, tempo=3, sets=3))])
    moved = step_by_hand(LIBRARY, "core", "bridge", top, "up", AT)
    assert moved is not None and moved[0].current_exercise == "one-leg-bridge"
    stuck = dose_table([personal("dead-bug", "dead-bug", RepsDose(reps=15, tempo=2, sets=3))])
    assert step_by_hand(LIBRARY, "core", "dead-bug", stuck, "up", AT) is None


def test_a_step_down_by_hand_is_logged_as_such() -> None:
    doses = dose_table([personal("bridge", "bridge", RepsDose(reps=12, tempo=3))])
    moved = step_by_hand(LIBRARY, "core", "bridge", doses, "down", AT)
    assert moved is not None
    dose, entry = moved
    assert dose.dose == RepsDose(reps=10, tempo=3)
    assert (entry.reason, entry.why, entry.from_dose) == ("by_hand_down", "changed by hand", RepsDose(reps=12, tempo=3))


def test_a_step_down_by_hand_from_the_harder_variant_returns_to_the_routines_dose() -> None:
    doses = dose_table([personal("bridge", "one-leg-bridge", RepsDose(reps=5, tempo=3))])
    moved = step_by_hand(LIBRARY, "core", "bridge", doses, "down", AT)
    assert moved is not None and moved[0].dose == ROUTINE_BRIDGE and moved[0].current_exercise == "bridge"


def test_a_step_down_by_hand_in_the_harder_variant_stops_at_its_own_starting_dose() -> None:
    doses = dose_table([personal("bridge", "one-leg-bridge", RepsDose(reps=7, tempo=3))])
    moved = step_by_hand(LIBRARY, "core", "bridge", doses, "down", AT)
    assert moved is not None and moved[0].current_exercise == "one-leg-bridge"
    assert moved[0].dose == RepsDose(reps=6, tempo=3)


def test_a_step_down_by_hand_below_the_routine_dose_is_the_easier_variant_or_nothing() -> None:
    moved = step_by_hand(LIBRARY, "core", "bridge", {}, "down", AT)
    assert moved is not None and (moved[0].current_exercise, moved[0].dose) == ("tilt", RepsDose(reps=6, tempo=3))
    assert step_by_hand(LIBRARY, "core", "dead-bug", {}, "down", AT) is None


# --- reset, accept, keep -------------------------------------------------------------------------


def test_reset_returns_to_the_routines_dose_with_its_log_entry() -> None:
    doses = dose_table([personal("plank", "plank", TimedDose(seconds=40))])
    back = reset(LIBRARY, "core", "plank", doses, AT)
    assert back is not None
    dose, entry = back
    assert dose == personal("plank", "plank", TimedDose(seconds=15))
    assert (entry.at, entry.routine_id, entry.exercise_id, entry.from_dose, entry.reason, entry.why) == (
        AT,
        "core",
        "plank",
        TimedDose(seconds=40),
        "reset",
        "reset to the routine's dose",
    )


def suggestion(action: str, to: Step | None, reason: str = "Comfortable twice this week.") -> Suggestion:
    start = Step("plank", TimedDose(seconds=15))
    return Suggestion("core", "plank", start, start, action, to, action, reason)  # type: ignore[arg-type]


def test_accepting_a_build_up_or_an_ease_back_logs_it_with_its_reason() -> None:
    up = accept(suggestion("build_up", Step("plank", TimedDose(seconds=20))), AT)
    assert up is not None
    assert up[0] == personal("plank", "plank", TimedDose(seconds=20))
    assert (up[1].at, up[1].routine_id, up[1].exercise_id, up[1].reason, up[1].why) == (
        AT,
        "core",
        "plank",
        "build_up",
        "Comfortable twice this week.",
    )
    assert up[1].from_dose == TimedDose(seconds=15)
    down = accept(suggestion("ease_back", Step("plank", TimedDose(seconds=10)), "Last time it hurt."), AT)
    assert down is not None and (down[1].reason, down[1].why) == ("ease_back", "Last time it hurt.")


def test_accepting_a_hold_changes_nothing() -> None:
    assert accept(suggestion("hold", None), AT) is None
    assert accept(suggestion("hold", Step("plank", TimedDose(seconds=20))), AT) is None
    assert accept(suggestion("build_up", None), AT) is None


def test_keeping_a_dose_is_remembered_for_that_routine_and_exercise() -> None:
    assert keep_as_is(suggestion("build_up", None), AT) == KeepDecision(at=AT, routine_id="core", exercise_id="plank")

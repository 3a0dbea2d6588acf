"""The exact words of suggestions: headlines, the summary's outlook, notes beside routines, status.

Plans are built by hand here so that each line can be checked for one routine among several,
for holds and changes, and for routines the library no longer has.
"""

from __future__ import annotations

from backcare_tui.domain.advice import (
    describe_step,
    headline,
    outlook,
    plan_rows,
    routine_note,
    suggestion_line,
    today_line,
)
from backcare_tui.domain.dose_steps import Step
from backcare_tui.domain.models import HoldDose, RepsDose
from backcare_tui.domain.progression import Plan, StageSuggestion, Suggestion
from tests.support.progression import small_library

LIBRARY = small_library()
EXERCISES = LIBRARY.exercises
ROUTINES = LIBRARY.routines
EIGHT = Step("bridge", RepsDose(reps=8, tempo=3))
NINE = Step("bridge", RepsDose(reps=9, tempo=3))


def suggestion(
    routine_id: str = "core",
    exercise_id: str = "bridge",
    action: str = "hold",
    to: Step | None = None,
    *,
    current: Step = EIGHT,
    code: str = "once",
    reason: str = "Comfortable last time.",
    flare_up: bool = False,
) -> Suggestion:
    return Suggestion(routine_id, exercise_id, current, current, action, to, code, reason, flare_up=flare_up)  # type: ignore[arg-type]


def plan_of(*suggestions: Suggestion, stages: dict[str, StageSuggestion] | None = None) -> Plan:
    return Plan(suggestions={(s.routine_id, s.exercise_id): s for s in suggestions}, stages=stages or {})


BUILD = suggestion(action="build_up", to=NINE, code="build_up", reason="Comfortable twice this week.")
OTHER_BUILD = suggestion("strong", "plank", "build_up", to=Step("plank", HoldDose(hold=9)), code="build_up")


# --- one line per suggestion ----------------------------------------------------------------


def test_a_hold_headline_names_the_exercise_and_its_current_dose() -> None:
    assert (
        headline(suggestion(current=Step("bridge", RepsDose(reps=12, sets=2))), EXERCISES) == "Bridge: 12 reps x 2 sets"
    )


def test_an_unknown_exercise_is_named_by_its_id() -> None:
    assert headline(suggestion(current=Step("gone", RepsDose(reps=5))), EXERCISES) == "gone: 5 reps"
    assert describe_step(EXERCISES, Step("gone", HoldDose(hold=10))) == "gone, hold 10 s"


def test_moving_to_another_variant_names_both() -> None:
    moved = suggestion(action="build_up", to=Step("one-leg-bridge", RepsDose(reps=5)))
    assert headline(moved, EXERCISES) == "Bridge → One leg bridge, 5 reps"


def test_a_suggestion_line_lowers_only_the_first_letter_of_the_reason() -> None:
    line = suggestion_line(suggestion(action="build_up", to=NINE, reason="Pain rose: Ease Back"), EXERCISES)
    assert line == "Bridge: 8 reps → 9 reps: pain rose: Ease Back"


# --- the summary's "next time" lines -------------------------------------------------------------


def test_the_outlook_lists_only_this_routines_changes() -> None:
    lines = outlook(plan_of(BUILD, OTHER_BUILD), "core", EXERCISES, ROUTINES)
    assert lines == ["Bridge: 8 reps → 9 reps: comfortable twice this week."]


def test_the_outlook_names_the_next_stage_by_its_routine_name() -> None:
    stage = StageSuggestion("core", "strong", "every exercise is at its limit")
    lines = outlook(plan_of(suggestion(code="top"), stages={"core": stage}), "core", EXERCISES, ROUTINES)
    assert lines == ["Ready for the next stage, Strong: every exercise is at its limit."]


def test_the_outlook_names_an_unknown_next_stage_by_its_id() -> None:
    stage = StageSuggestion("core", "later", "every exercise is at its limit")
    lines = outlook(plan_of(stages={"core": stage}), "core", EXERCISES, ROUTINES)
    assert lines == ["Ready for the next stage, later: every exercise is at its limit."]


def test_a_stage_of_another_routine_is_not_mentioned() -> None:
    stage = StageSuggestion("strong", "core", "every exercise is at its limit")
    lines = outlook(plan_of(suggestion(), stages={"strong": stage}), "core", EXERCISES, ROUTINES)
    assert lines == ["Same doses next time: two comfortable sessions on different days lead to a small step up."]


def test_the_outlook_after_two_hard_sessions_adds_gentle_advice() -> None:
    eased = suggestion(action="ease_back", to=EIGHT, current=NINE, reason="Last time it hurt.", flare_up=True)
    lines = outlook(plan_of(eased), "core", EXERCISES, ROUTINES)
    assert lines == [
        "Bridge: 9 reps → 8 reps: last time it hurt.",
        "Two hard sessions in a row: go gently for a few days, and get advice if it does not settle.",
    ]


def test_a_flare_up_in_another_routine_is_not_mentioned() -> None:
    elsewhere = suggestion("strong", "plank", code="at_start", flare_up=True)
    lines = outlook(plan_of(BUILD, elsewhere), "core", EXERCISES, ROUTINES)
    assert lines == ["Bridge: 8 reps → 9 reps: comfortable twice this week."]


def test_the_outlook_with_unscored_pain_asks_for_scores() -> None:
    lines = outlook(
        plan_of(suggestion(code="unscored"), suggestion(exercise_id="stretch")), "core", EXERCISES, ROUTINES
    )
    assert lines == ["Same doses next time. Scoring your pain before and after lets the app help you build up."]


def test_unscored_pain_in_another_routine_does_not_change_the_outlook() -> None:
    lines = outlook(plan_of(suggestion(), suggestion("strong", "plank", code="unscored")), "core", EXERCISES, ROUTINES)
    assert lines == ["Same doses next time: two comfortable sessions on different days lead to a small step up."]


# --- the note beside a routine --------------------------------------------------------------------


def test_a_routine_note_says_ease_back_first() -> None:
    eased = suggestion(exercise_id="stretch", action="ease_back", to=EIGHT)
    stage = StageSuggestion("core", "strong", "ready")
    assert routine_note(plan_of(BUILD, eased, stages={"core": stage}), "core", ROUTINES) == "ease back suggested"


def test_a_routine_note_names_the_next_stage_before_build_ups() -> None:
    assert routine_note(plan_of(BUILD, stages={"core": StageSuggestion("core", "strong", "")}), "core", ROUTINES) == (
        "ready for Strong"
    )
    assert routine_note(plan_of(stages={"core": StageSuggestion("core", "later", "")}), "core", ROUTINES) == (
        "ready for later"
    )


def test_a_routine_note_counts_build_ups() -> None:
    assert routine_note(plan_of(BUILD), "core", ROUTINES) == "build up suggested"
    two = plan_of(BUILD, suggestion(exercise_id="stretch", action="build_up", to=EIGHT))
    assert routine_note(two, "core", ROUTINES) == "2 build-ups suggested"


def test_a_routine_note_ignores_other_routines() -> None:
    eased_elsewhere = suggestion("strong", "plank", "ease_back", to=EIGHT)
    stage_elsewhere = {"strong": StageSuggestion("strong", "core", "")}
    assert routine_note(plan_of(suggestion(), eased_elsewhere, stages=stage_elsewhere), "core", ROUTINES) is None
    assert routine_note(plan_of(BUILD, eased_elsewhere), "core", ROUTINES) == "build up suggested"


# --- plain data for `plan --json` -------------------------------------------------------------------


def test_plan_rows_of_a_hold_have_no_suggested_dose() -> None:
    [row] = plan_rows(plan_of(suggestion(code="once", reason="Once more.")))
    assert (row["action"], row["suggested_exercise"], row["suggested"], row["code"], row["reason"]) == (
        "hold",
        None,
        None,
        "once",
        "Once more.",
    )


def test_plan_rows_for_one_routine_or_all() -> None:
    both = plan_of(BUILD, OTHER_BUILD)
    assert [row["routine"] for row in plan_rows(both)] == ["core", "strong"]
    assert [(row["routine"], row["exercise"]) for row in plan_rows(both, "strong")] == [("strong", "plank")]
    assert plan_rows(both, "walks") == []


# --- the status line -------------------------------------------------------------------------------


def test_today_line_puts_the_flare_up_routine_first() -> None:
    flare = suggestion("strong", "plank", code="at_start", flare_up=True)
    stage = {"core": StageSuggestion("core", "strong", "")}
    assert today_line(plan_of(BUILD, flare, stages=stage), ROUTINES) == (
        "the flare-up routine, and advice if it does not settle"
    )


def test_today_line_names_the_next_stage() -> None:
    assert today_line(plan_of(BUILD, stages={"core": StageSuggestion("core", "strong", "")}), ROUTINES) == (
        "ready for Strong"
    )
    assert today_line(plan_of(stages={"core": StageSuggestion("core", "later", "")}), ROUTINES) == "ready for later"


def test_today_line_counts_changes_per_routine() -> None:
    assert today_line(plan_of(suggestion()), ROUTINES) == "same doses"
    assert today_line(plan_of(BUILD), ROUTINES) == "1 change in Core"
    eased = suggestion(exercise_id="stretch", action="ease_back", to=EIGHT)
    unknown = suggestion("old", "bridge", "build_up", to=NINE)
    assert today_line(plan_of(BUILD, eased, OTHER_BUILD, unknown), ROUTINES) == (
        "2 changes in Core, 1 change in Strong, 1 change in old"
    )

"""The progression rules as a table of cases from the sources (NHS, BeST, the pain-monitoring model).

Each case is a short history of the "core" routine, newest session first, and what the plan
must suggest for its glute bridge (routine dose 8 reps, limits 15 reps and 3 sets, easier
variant "tilt", harder "one-leg-bridge").
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from backcare_tui.domain.models import DoseChange, KeepDecision, PersonalDose, RepsDose, SessionRecord
from backcare_tui.domain.progression import Plan, Suggestion, next_time, plan
from tests.support.progression import BRIDGE, TODAY, at, result, session, small_library

LIBRARY = small_library()


@pytest.fixture(autouse=True, scope="module")
def utc_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


def bridge_at(reps: int, sets: int = 1) -> tuple:
    dose = RepsDose(reps=reps, tempo=3, sets=sets)
    return (result("bridge", dose), result("stretch", LIBRARY.exercises["stretch"].dose))


def personal(reps: int, sets: int = 1, exercise_id: str = "bridge") -> PersonalDose:
    dose = RepsDose(reps=reps, tempo=3, sets=sets) if exercise_id == "bridge" else LIBRARY.exercises[exercise_id].dose
    return PersonalDose(routine_id="core", exercise_id="bridge", current_exercise=exercise_id, dose=dose)


def change(days_ago: int, reason: str = "build_up", to_reps: int = 8) -> DoseChange:
    return DoseChange(
        at=at(days_ago, hour=8),
        routine_id="core",
        exercise_id="bridge",
        from_exercise="bridge",
        from_dose=BRIDGE,
        to_exercise="bridge",
        to_dose=RepsDose(reps=to_reps, tempo=3),
        reason=reason,  # type: ignore[arg-type]
    )


def bridge(records: list[SessionRecord], doses: tuple = (), changes: tuple = (), decisions: tuple = ()) -> Suggestion:
    result_plan = plan(records, doses, changes, decisions, LIBRARY, TODAY)
    return result_plan.suggestions[("core", "bridge")]


def reps_of(suggestion: Suggestion) -> int | None:
    return suggestion.to.dose.reps if suggestion.to and isinstance(suggestion.to.dose, RepsDose) else None


# --- build up ------------------------------------------------------------------------------

BUILD_UP_CASES = [
    # NHS: add 1-2 reps every few days if comfortable; two comfortable days within 14 days.
    ("comfortable on two days", [session(1, 2, 2), session(3, 2, 1)], "build_up"),
    ("pain after one point up and at most 5 is comfortable", [session(1, 4, 5), session(2, 3, 4)], "build_up"),
    ("two sessions on the same day are not two days", [session(1, 2, 2, hour=18), session(1, 2, 2, hour=9)], "hold"),
    ("one comfortable session is not enough", [session(1, 2, 2)], "hold"),
    ("the earlier session is more than 14 days back", [session(1, 2, 2), session(16, 2, 2)], "hold"),
    ("both sessions more than 14 days back", [session(15, 2, 2), session(17, 2, 2)], "hold"),
    ("skipped last time", [session(1, results=bridge_at(8)[1:]), session(2)], "hold"),
    ("pain not scored", [session(1, None, None), session(2)], "hold"),
    ("only pain before scored", [session(1, 3, None), session(2)], "hold"),
    ("pain after 6 is not comfortable", [session(1, 5, 6), session(2, 5, 5)], "ease_back"),
    (
        "pain after 7 never builds up",
        [session(1, 7, 7), session(3, 7, 7)] + [session(d, 8, 7) for d in range(4, 12)],
        "hold",
    ),
]


@pytest.mark.parametrize(("history", "expected"), [c[1:] for c in BUILD_UP_CASES], ids=[c[0] for c in BUILD_UP_CASES])
def test_build_up_rules(history: list[SessionRecord], expected: str) -> None:
    assert bridge(history).action == expected


def test_a_build_up_is_one_step_with_its_reason() -> None:
    suggestion = bridge([session(1), session(3)])
    assert (suggestion.current.dose, reps_of(suggestion)) == (BRIDGE, 9)
    assert suggestion.reason == "Comfortable twice this week."


def test_unscored_pain_says_scoring_helps() -> None:
    suggestion = bridge([session(1, None, None), session(2, None, None)])
    assert suggestion.code == "unscored" and "scoring it before and after" in suggestion.reason


def test_a_person_whose_pain_is_usually_higher_can_still_build_up() -> None:
    # usual pain before 6: ending at 6 is no worse than usual
    history = [session(1, 6, 6), session(3, 6, 6), session(5, 6, 5), session(6, 6, 6)]
    assert bridge(history).action == "build_up"


def test_a_dose_changed_less_than_three_days_ago_settles_first() -> None:
    history = [session(0), session(1)]
    assert bridge(history, changes=(change(2),)).code == "settling"
    history = [session(0), session(2)]
    assert bridge(history, changes=(change(3),)).action == "build_up"


def test_only_sessions_since_the_last_change_count() -> None:
    history = [session(4), session(5)]
    assert bridge(history, changes=(change(3),)).code == "no_sessions"


def test_sessions_at_a_gentler_dose_are_not_evidence_for_building_up() -> None:
    history = [session(1, results=bridge_at(7)), session(2, results=bridge_at(7))]
    assert bridge(history).action == "hold"


def test_another_routine_with_a_pain_rise_since_blocks_building_up() -> None:
    walk = session(0, 2, 5, routine_id="walks", results=(result("walk", LIBRARY.exercises["walk"].dose),))
    assert bridge([walk, session(1), session(3)]).code == "blocked"


# --- ease back -------------------------------------------------------------------------------

EASE_BACK_CASES = [
    ("pain rose by 2", [session(1, 2, 4)], ("rise",)),
    ("pain 6 after, above usual", [session(1, 5, 6)], ("high_after",)),
    ("pain 8 after with no usual yet", [session(1, None, 8)], ("high_after",)),
    ("worse next morning", [session(1, 2, 2, morning="worse")], ("worse_morning",)),
    ("this hurts on the bridge", [session(1, 2, 2, hurt="bridge", status="stopped_for_pain")], ("hurt",)),
    (
        "an older record stopped for pain on the bridge",
        [session(1, 3, 3, status="stopped_for_pain", results=(result("bridge", BRIDGE, "partial"),))],
        ("hurt",),
    ),
]


@pytest.mark.parametrize(("history", "causes"), [c[1:] for c in EASE_BACK_CASES], ids=[c[0] for c in EASE_BACK_CASES])
def test_ease_back_rules(history: list[SessionRecord], causes: tuple[str, ...]) -> None:
    suggestion = bridge(history, doses=(personal(10),))
    assert suggestion.action == "ease_back"
    assert reps_of(suggestion) == 9


def test_no_ease_back_when_pain_after_6_is_the_persons_usual() -> None:
    history = [session(1, 6, 6), session(2, 6, 5), session(3, 6, 6)]
    assert bridge(history).action != "ease_back"


def test_this_hurts_on_another_exercise_does_not_ease_back_the_bridge() -> None:
    assert bridge([session(1, 2, 2, hurt="stretch")]).action == "hold"


def test_easing_back_never_goes_below_the_routine_dose_but_to_the_easier_variant() -> None:
    suggestion = bridge([session(1, 2, 5)])
    assert suggestion.action == "ease_back"
    assert suggestion.to is not None and suggestion.to.exercise_id == "tilt"
    assert suggestion.to.dose == LIBRARY.exercises["tilt"].dose


def test_easing_back_removes_a_set_before_reps() -> None:
    suggestion = bridge([session(1, 2, 5, results=bridge_at(15, sets=2))], doses=(personal(15, sets=2),))
    assert suggestion.to is not None and suggestion.to.dose == RepsDose(reps=15, tempo=3, sets=1)


def test_easing_back_from_the_harder_variant_returns_to_the_routine_dose() -> None:
    history = [session(1, 2, 5, results=(result("one-leg-bridge", LIBRARY.exercises["one-leg-bridge"].dose),))]
    suggestion = bridge(history, doses=(personal(0, exercise_id="one-leg-bridge"),))
    assert suggestion.to is not None and (suggestion.to.exercise_id, suggestion.to.dose) == ("bridge", BRIDGE)


def test_two_ease_backs_in_a_row_suggest_the_flare_up_routine_and_advice() -> None:
    history = [session(0, 2, 5, results=bridge_at(9))]
    suggestion = bridge(history, doses=(personal(9),), changes=(change(2, "ease_back", to_reps=9),))
    assert suggestion.action == "ease_back" and suggestion.flare_up
    assert "flare-up routine" in suggestion.reason
    first = bridge(history, doses=(personal(9),), changes=(change(2, "build_up", to_reps=9),))
    assert first.action == "ease_back" and not first.flare_up


def test_two_hard_sessions_in_a_row_count_as_two_ease_backs() -> None:
    history = [session(0, 2, 5, results=bridge_at(9)), session(2, 3, 3, hurt="bridge", results=bridge_at(9))]
    assert bridge(history, doses=(personal(9),)).flare_up


def test_in_the_flare_up_routine_at_its_start_the_advice_is_to_get_help() -> None:
    tilt = (result("tilt", LIBRARY.exercises["tilt"].dose),)
    history = [
        session(0, 3, 6, routine_id="flare-up-gentle", results=tilt),  # 6 after, above the usual 3
        session(1, 3, 5, routine_id="flare-up-gentle", results=tilt),  # a 2-point rise
    ]
    suggestion = plan(history, (), (), (), LIBRARY, TODAY).suggestions[("flare-up-gentle", "tilt")]
    assert (suggestion.action, suggestion.code, suggestion.flare_up) == ("hold", "at_start", True)
    assert "get advice from a doctor or physiotherapist" in suggestion.reason
    assert "flare-up routine" not in suggestion.reason
    once = plan(history[:1], (), (), (), LIBRARY, TODAY).suggestions[("flare-up-gentle", "tilt")]
    assert (once.code, once.flare_up) == ("at_start", False) and "go gently or leave it out" in once.reason


# --- the person decides ------------------------------------------------------------------------


def test_keep_as_is_is_remembered_until_a_newer_session() -> None:
    history = [session(1), session(3)]
    keep = KeepDecision(at=at(0), routine_id="core", exercise_id="bridge")
    assert bridge(history, decisions=(keep,)).code == "kept"
    assert bridge([session(0, hour=18), *history], decisions=(keep,)).action == "build_up"


# --- the ladder and stages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reps", "sets", "to_exercise", "to_reps", "to_sets"),
    [
        (8, 1, "bridge", 9, 1),
        (9, 1, "bridge", 10, 1),
        (10, 1, "bridge", 12, 1),
        (14, 1, "bridge", 15, 1),
        (15, 1, "bridge", 15, 2),
        (15, 2, "bridge", 15, 3),
        (15, 3, "one-leg-bridge", 5, 1),
    ],
)
def test_the_build_up_ladder(reps: int, sets: int, to_exercise: str, to_reps: int, to_sets: int) -> None:
    history = [session(1, results=bridge_at(reps, sets)), session(3, results=bridge_at(reps, sets))]
    suggestion = bridge(history, doses=(personal(reps, sets),), changes=(change(10),))
    assert suggestion.to is not None and suggestion.to.exercise_id == to_exercise
    assert isinstance(suggestion.to.dose, RepsDose)
    assert (suggestion.to.dose.reps, suggestion.to.dose.sets) == (to_reps, to_sets)


def stage_plan(bridge_reps: int, stretch_hold: int) -> Plan:
    from backcare_tui.domain.models import HoldDose

    top_bridge = RepsDose(reps=bridge_reps, tempo=3, sets=3)
    top_stretch = HoldDose(hold=stretch_hold, reps=3, sets=3)
    results = (result("bridge", top_bridge), result("stretch", top_stretch))
    doses = (
        PersonalDose(routine_id="core", exercise_id="bridge", current_exercise="bridge", dose=top_bridge),
        PersonalDose(routine_id="core", exercise_id="stretch", current_exercise="stretch", dose=top_stretch),
    )
    return plan([session(1, results=results), session(3, results=results)], doses, (), (), LIBRARY, TODAY)


def test_the_next_stage_is_suggested_when_every_exercise_is_at_its_limit_comfortably() -> None:
    ready = stage_plan(15, 30)
    assert ready.stages["core"].next_routine_id == "strong"
    assert "core" not in stage_plan(15, 25).stages


def test_routines_without_sessions_or_doses_are_left_out_unless_asked() -> None:
    result_plan = plan([session(1)], (), (), (), LIBRARY, TODAY)
    assert {routine for routine, _ in result_plan.suggestions} == {"core"}
    asked = plan([], (), (), (), LIBRARY, TODAY, routine_ids=["walks"])
    assert asked.suggestions[("walks", "walk")].code == "no_sessions"
    assert asked.pending() == []


# --- the summary's one-line advice ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "status", "hurt", "words"),
    [
        (4, 3, "completed", None, "add one or two reps"),
        (2, 2, "completed", None, "add one or two reps"),
        (7, 7, "completed", None, "same level"),
        (8, 9, "completed", None, "ease back"),
        (5, 6, "completed", None, "ease back"),
        (4, 5, "completed", None, "same level"),
        (2, 4, "completed", None, "ease back"),
        (None, None, "completed", None, "Scoring your pain"),
        (3, None, "completed", None, "Scoring your pain"),
        (3, 2, "stopped_for_pain", None, "leave out any exercise that hurt"),
        (3, 2, "completed", "bridge", "leave out any exercise that hurt"),
        (3, 2, "stopped", None, "same level"),
    ],
)
def test_next_time_never_says_build_up_unless_it_was_comfortable(
    before: int | None, after: int | None, status: str, hurt: str | None, words: str
) -> None:
    record = session(0, before, after, status=status, hurt=hurt)  # type: ignore[arg-type]
    advice = next_time(record)
    assert words in advice
    if words != "add one or two reps":
        assert "add one" not in advice and "build up" not in advice.replace("build up again", "")


def test_next_time_after_an_unfinished_exercise_holds_steady() -> None:
    record = session(0, 3, 2, results=(result("bridge", BRIDGE, "partial"),))
    assert "same level" in next_time(record)


def test_next_time_is_judged_against_the_usual_score() -> None:
    assert "add one or two reps" in next_time(session(0, 6, 6), usual=6)
    assert "ease back" in next_time(session(0, 6, 6), usual=5)


# --- the whole loop, through the session engine ----------------------------------------------


def run_core(doses: dict, day: int, before: int, after: int) -> SessionRecord:
    from backcare_tui.domain.clock import FakeClock
    from backcare_tui.domain.engine import SessionEngine
    from backcare_tui.domain.models import replace
    from backcare_tui.domain.personal_doses import personal_plan

    clock = FakeClock(start=at(day, hour=9))
    engine = SessionEngine(personal_plan(LIBRARY, "core", doses), clock, session_id=f"day-{day}")
    engine.start()
    clock.advance(engine.plan.estimated_seconds + 60)
    engine.tick()
    assert engine.finished
    return replace(engine.record(), pain_before=before, pain_after=after)


def test_two_comfortable_days_offer_one_step_which_the_next_session_runs() -> None:
    from backcare_tui.domain.personal_doses import accept, dose_table

    history = [run_core({}, 3, 3, 2), run_core({}, 1, 3, 3)][::-1]
    suggestion = plan(history, (), (), (), LIBRARY, TODAY).suggestions[("core", "bridge")]
    assert (suggestion.action, reps_of(suggestion)) == ("build_up", 9)
    accepted = accept(suggestion, at(0, hour=8))
    assert accepted is not None
    personal, logged = accepted
    assert (logged.from_dose, logged.to_dose, logged.reason) == (BRIDGE, RepsDose(reps=9, tempo=3), "build_up")
    doses = dose_table([personal])
    today = run_core(doses, 0, 3, 7)
    assert today.exercises[0].dose == RepsDose(reps=9, tempo=3)
    after_pain_7 = plan([today, *history], doses, (logged,), (), LIBRARY, TODAY).suggestions[("core", "bridge")]
    assert after_pain_7.action == "ease_back" and reps_of(after_pain_7) == 8
    assert "add one" not in next_time(today)

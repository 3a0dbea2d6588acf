"""The plan's rules at their edges: window and week boundaries, earlier sessions, the exact reasons.

Uses the small library of tests.support.progression: the "core" routine names the bridge at
8 reps (limits 15 reps, 3 sets; easier "tilt", harder "one-leg-bridge") and a stretch.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from backcare_tui.domain.dose_steps import Step
from backcare_tui.domain.library import Library
from backcare_tui.domain.models import DoseChange, HoldDose, KeepDecision, PersonalDose, RepsDose, SessionRecord
from backcare_tui.domain.progression import Plan, Suggestion, next_time, plan
from tests.support.progression import BRIDGE, TODAY, at, exercise, result, routine, session, small_library

LIBRARY = small_library()
STRETCH = HoldDose(hold=8, reps=3)


@pytest.fixture(autouse=True, scope="module")
def utc_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


def bridge_at(reps: int, status: str = "done", sets: int = 1) -> tuple:
    return (result("bridge", RepsDose(reps=reps, tempo=3, sets=sets), status), result("stretch", STRETCH))  # type: ignore[arg-type]


def personal(reps: int, sets: int = 1, exercise_id: str = "bridge") -> PersonalDose:
    dose = RepsDose(reps=reps, tempo=3, sets=sets)
    return PersonalDose(routine_id="core", exercise_id="bridge", current_exercise=exercise_id, dose=dose)


def change(days_ago: int, reason: str = "build_up", hour: int = 8) -> DoseChange:
    return DoseChange(
        at=at(days_ago, hour=hour),
        routine_id="core",
        exercise_id="bridge",
        from_exercise="bridge",
        from_dose=BRIDGE,
        to_exercise="bridge",
        to_dose=BRIDGE,
        reason=reason,  # type: ignore[arg-type]
    )


def bridge(records: list[SessionRecord], doses: tuple = (), changes: tuple = (), decisions: tuple = ()) -> Suggestion:
    return plan(records, doses, changes, decisions, LIBRARY, TODAY, ["core"]).suggestions[("core", "bridge")]


# --- which sessions count ----------------------------------------------------------------------


def test_a_session_still_in_progress_is_passed_over_not_the_end_of_history() -> None:
    running = session(0, 2, None, status="in_progress")
    assert bridge([running, session(1), session(3)]).action == "build_up"


def test_an_unfinished_session_in_progress_does_not_block_building_up() -> None:
    running = session(0, 2, 9, status="in_progress")
    assert bridge([running, session(1), session(3)]).code == "build_up"


def test_the_earlier_session_may_be_14_days_back_but_not_15() -> None:
    assert bridge([session(1), session(14)]).action == "build_up"
    assert bridge([session(1), session(15)]).code == "once"


def test_two_comfortable_days_within_a_week_or_within_two() -> None:
    assert bridge([session(1), session(6)]).reason == "Comfortable twice this week."
    assert bridge([session(0), session(7)]).reason == "Comfortable twice in the last two weeks."


def test_an_earlier_session_not_done_in_full_is_not_evidence() -> None:
    assert bridge([session(1), session(3, results=bridge_at(8, "partial"))]).code == "once"


def test_an_earlier_session_at_another_dose_is_not_evidence() -> None:
    assert bridge([session(1), session(3, results=bridge_at(7))]).code == "once"


def test_a_same_day_session_between_two_days_must_be_comfortable_too() -> None:
    history = [session(1, hour=18), session(1, 2, None, hour=9), session(3)]
    assert bridge(history).code == "once"
    assert bridge([session(1, hour=18), session(1, hour=9), session(3)]).action == "build_up"


def test_a_session_where_only_this_hurts_was_pressed_counts_for_that_exercise() -> None:
    only_hurt = session(1, 2, 2, hurt="bridge", results=(result("stretch", STRETCH),))
    assert bridge([only_hurt]).action == "ease_back"


def test_sessions_before_the_latest_change_do_not_count_but_one_in_the_same_second_does() -> None:
    same_second = change(1, hour=9)
    assert bridge([session(1), session(3)], changes=(change(10), same_second)).code == "once"
    assert bridge([session(1), session(3)], changes=(same_second, change(10))).code == "once"


def test_only_the_latest_100_sessions_of_a_routine_are_searched() -> None:
    others = [session(1, routine_id="core", results=(result("stretch", STRETCH),), hour=h) for h in range(10, 20)]
    filler = [
        session(1 + n // 20, routine_id="core", results=(result("stretch", STRETCH),), hour=n % 20) for n in range(90)
    ]
    history = [*others, *filler, session(2)]
    assert len(history) == 101
    assert bridge(history).code == "no_sessions"
    assert bridge(history[1:]).code == "once"


# --- keep as is ----------------------------------------------------------------------------------


def test_a_keep_decided_in_the_second_the_latest_session_started_no_longer_holds() -> None:
    history = [session(1), session(3)]
    kept = KeepDecision(at=history[0].started_at, routine_id="core", exercise_id="bridge")
    assert bridge(history, decisions=(kept,)).action == "build_up"
    later = KeepDecision(at=history[0].started_at + timedelta(seconds=1), routine_id="core", exercise_id="bridge")
    assert bridge(history, decisions=(kept, later)).code == "kept"
    assert bridge(history, decisions=(later, kept)).reason == (
        "You chose to keep this dose; it is looked at again after your next session."
    )


def test_a_keep_for_another_exercise_does_not_hold_the_bridge() -> None:
    kept = KeepDecision(at=at(0), routine_id="core", exercise_id="stretch")
    assert bridge([session(1), session(3)], decisions=(kept,)).action == "build_up"


# --- easing back ---------------------------------------------------------------------------------


def test_the_ease_back_reason_names_every_cause() -> None:
    suggestion = bridge([session(1, 2, 4, morning="worse")], doses=(personal(10),))
    assert suggestion.reason == "Last time pain rose by 2 points or more and your back was worse the next morning."
    assert (suggestion.code, suggestion.flare_up) == ("ease_back", False)
    assert suggestion.to == Step("bridge", RepsDose(reps=9, tempo=3))


def test_only_the_session_just_before_counts_towards_twice_in_a_row() -> None:
    history = [session(0, 2, 5, results=bridge_at(10)), session(2, results=bridge_at(10)), session(4, 2, 5)]
    assert not bridge(history, doses=(personal(10),)).flare_up
    twice = bridge([*history[:1], session(2, 2, 5, results=bridge_at(10))], doses=(personal(10),))
    assert twice.flare_up
    assert twice.reason == (
        "Last time pain rose by 2 points or more. "
        "Twice in a row now: try the flare-up routine, and get advice if it does not settle."
    )


def test_the_session_just_before_counts_even_from_before_the_latest_change() -> None:
    history = [session(0, 2, 5, results=bridge_at(10)), session(3, 2, 5, results=bridge_at(10))]
    assert bridge(history, doses=(personal(10),), changes=(change(2, "by_hand_up"),)).flare_up


def test_a_change_by_hand_before_a_bad_session_is_not_an_ease_back() -> None:
    history = [session(0, 2, 5, results=bridge_at(10))]
    assert not bridge(history, doses=(personal(10),), changes=(change(2, "by_hand_down"),)).flare_up


def test_at_the_easiest_dose_the_advice_is_to_go_gently() -> None:
    tilt = (result("tilt", LIBRARY.exercises["tilt"].dose),)
    history = [session(0, 2, 5, routine_id="flare-up-gentle", results=tilt)]
    suggestion = plan(history, (), (), (), LIBRARY, TODAY).suggestions[("flare-up-gentle", "tilt")]
    assert (suggestion.action, suggestion.to, suggestion.code) == ("hold", None, "at_start")
    assert (
        suggestion.reason
        == "Last time pain rose by 2 points or more. This is already the starting dose: go gently or leave it out."
    )


def test_easing_back_in_the_harder_variant_stops_at_its_own_starting_dose() -> None:
    one_leg = (result("one-leg-bridge", RepsDose(reps=7, tempo=3)),)
    suggestion = bridge([session(0, 2, 5, results=one_leg)], doses=(personal(7, exercise_id="one-leg-bridge"),))
    assert suggestion.to == Step("one-leg-bridge", RepsDose(reps=6, tempo=3))


# --- holds and their reasons ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "code", "reason"),
    [
        ([], "no_sessions", "No session at this dose yet."),
        (
            [session(1, None, 2), session(3)],
            "unscored",
            "Pain was not scored last time: scoring it before and after lets the app help.",
        ),
        (
            [session(1, 8, 7), session(3, 8, 8), session(4, 8, 8)],
            "too_sore",
            "Pain afterwards was above the comfortable range last time, so keep it steady.",
        ),
        (
            [session(1, results=bridge_at(8, "skipped")), session(3)],
            "not_in_full",
            "Not done in full at this dose last time, so keep it steady.",
        ),
        (
            [session(1, results=bridge_at(9)), session(3)],
            "other_dose",
            "Last time was at another dose: once more at this one before building up.",
        ),
        ([session(1)], "once", "Comfortable last time; once more on another day before building up."),
    ],
)
def test_each_hold_says_why(history: list[SessionRecord], code: str, reason: str) -> None:
    suggestion = bridge(history)
    assert (suggestion.action, suggestion.to, suggestion.code, suggestion.reason) == ("hold", None, code, reason)
    assert not suggestion.comfortable and not suggestion.at_limit


def test_after_a_hard_session_in_another_routine_comfortable_doses_hold_steady() -> None:
    walk = session(0, 2, 2, routine_id="walks", status="stopped_for_pain", results=())
    suggestion = bridge([walk, session(1), session(3)])
    assert (suggestion.code, suggestion.reason) == (
        "blocked",
        "Your last session was hard on your back, so hold steady for now.",
    )
    assert (suggestion.comfortable, suggestion.at_limit) == (True, False)


def test_blocked_and_settling_still_say_whether_the_dose_is_at_its_limit() -> None:
    top = RepsDose(reps=15, tempo=3, sets=3)
    results = (result("bridge", top), result("stretch", STRETCH))
    history = [session(1, results=results), session(3, results=results)]
    doses = (PersonalDose(routine_id="core", exercise_id="bridge", current_exercise="bridge", dose=top),)
    hard = session(0, 2, 6, routine_id="walks", results=())
    blocked = bridge([hard, *history], doses=doses)
    assert (blocked.code, blocked.at_limit, blocked.comfortable) == ("blocked", True, True)
    settling = bridge([session(0, results=results), history[0]], doses=doses, changes=(change(2),))
    assert (settling.code, settling.at_limit, settling.comfortable) == ("settling", True, True)
    assert settling.reason == "Changed recently: give it a few days to settle."


def test_at_the_top_without_a_harder_variant_it_holds_comfortably() -> None:
    top = RepsDose(reps=15, tempo=3, sets=3)
    lonely = Library(
        exercises={"bridge": exercise("bridge", RepsDose(reps=8, tempo=3))},
        routines={"core": routine("core", ("bridge", None))},
    )
    results = (result("bridge", top),)
    doses = (PersonalDose(routine_id="core", exercise_id="bridge", current_exercise="bridge", dose=top),)
    history = [session(1, results=results), session(3, results=results)]
    suggestion = plan(history, doses, (), (), lonely, TODAY).suggestions[("core", "bridge")]
    assert (suggestion.code, suggestion.reason) == ("top", "At the top of its range and comfortable.")
    assert (suggestion.at_limit, suggestion.comfortable, suggestion.to) == (True, True, None)


def test_a_build_up_below_the_limit_is_comfortable_but_not_at_the_limit() -> None:
    suggestion = bridge([session(1), session(3)])
    assert (suggestion.action, suggestion.code, suggestion.comfortable, suggestion.at_limit) == (
        "build_up",
        "build_up",
        True,
        False,
    )
    assert suggestion.start == Step("bridge", BRIDGE) and suggestion.current == Step("bridge", BRIDGE)


# --- the plan as a whole ---------------------------------------------------------------------------


def test_a_plan_covers_routines_with_doses_and_skips_unknown_routines_and_exercises() -> None:
    library = Library(
        exercises=dict(LIBRARY.exercises),
        routines={
            **LIBRARY.routines,
            "mixed": routine(
                "mixed", ("tilt", None), ("gone", None), ("plank", None), ("tilt", None), ("stretch", None)
            ),
        },
    )
    doses = (PersonalDose(routine_id="mixed", exercise_id="plank", current_exercise="plank", dose=BRIDGE),)
    result_plan = plan([session(1, routine_id="old")], doses, (), (), library, TODAY)
    assert list(result_plan.suggestions) == [("mixed", "tilt"), ("mixed", "plank"), ("mixed", "stretch")]
    asked = plan([], (), (), (), library, TODAY, routine_ids=["walks", "old", "core"])
    assert list(asked.suggestions) == [("walks", "walk"), ("core", "bridge"), ("core", "stretch")]


def test_the_usual_score_comes_with_the_plan() -> None:
    assert plan([session(1, 4), session(2, 6)], (), (), (), LIBRARY, TODAY).usual == 5
    assert plan([], (), (), (), LIBRARY, TODAY).usual is None


def stage_history(stretch_hold: int) -> Plan:
    top_bridge = RepsDose(reps=15, tempo=3, sets=3)
    top_stretch = HoldDose(hold=stretch_hold, reps=3, sets=3)
    results = (result("bridge", top_bridge), result("stretch", top_stretch))
    doses = (
        PersonalDose(routine_id="core", exercise_id="bridge", current_exercise="bridge", dose=top_bridge),
        PersonalDose(routine_id="core", exercise_id="stretch", current_exercise="stretch", dose=top_stretch),
    )
    return plan([session(1, results=results), session(3, results=results)], doses, (), (), LIBRARY, TODAY)


def test_the_next_stage_reason() -> None:
    stage = stage_history(30).stages["core"]
    assert (stage.routine_id, stage.next_routine_id) == ("core", "strong")
    assert stage.reason == "every exercise is at its limit and has felt comfortable"


def test_no_next_stage_when_it_is_missing_from_the_library() -> None:
    library = Library(exercises=dict(LIBRARY.exercises), routines={"core": LIBRARY.routines["core"]})
    top = RepsDose(reps=15, tempo=3, sets=3)
    top_stretch = HoldDose(hold=30, reps=3, sets=3)
    results = (result("bridge", top), result("stretch", top_stretch))
    doses = (
        PersonalDose(routine_id="core", exercise_id="bridge", current_exercise="bridge", dose=top),
        PersonalDose(routine_id="core", exercise_id="stretch", current_exercise="stretch", dose=top_stretch),
    )
    history = [session(1, results=results), session(3, results=results)]
    assert plan(history, doses, (), (), library, TODAY).stages == {}


def test_a_routine_with_no_exercises_left_is_never_ready_for_the_next_stage() -> None:
    library = Library(
        exercises=dict(LIBRARY.exercises),
        routines={"empty": routine("empty", ("gone", None), next_stage="core"), "core": LIBRARY.routines["core"]},
    )
    assert plan([], (), (), (), library, TODAY, routine_ids=["empty"]).stages == {}


def test_pending_and_flare_up_across_routines() -> None:
    history = [
        session(0, 2, 5),
        session(1, routine_id="walks", results=(result("walk", LIBRARY.exercises["walk"].dose),)),
    ]
    result_plan = plan(history, (personal(10),), (), (), LIBRARY, TODAY)
    assert [s.exercise_id for s in result_plan.pending("core")] == ["bridge"]
    assert result_plan.pending("walks") == []
    assert [s.exercise_id for s in result_plan.pending()] == ["bridge"]
    assert [s.exercise_id for s in result_plan.for_routine("walks")] == ["walk"]
    assert not result_plan.flare_up_advised
    twice = plan([session(0, 2, 5), session(1, 2, 5)], (), (), (), LIBRARY, TODAY)
    assert twice.flare_up_advised


# --- the summary's sentence ----------------------------------------------------------------------

GO_GENTLY = (
    "Go gently: an easier version or a smaller range, and leave out any exercise that hurt. "
    "If the pain does not settle, ask a doctor or physiotherapist."
)
EASE_BACK = (
    "Your pain was up afterwards, so ease back: fewer reps or shorter holds, "
    "then build up again slowly once it settles."
)
UNSCORED = "Keep the same level. Scoring your pain before and after lets the app tell when you are ready for more."
SAME = "Aim for the same routine at the same level; there is no rush to do more."
WELL = (
    "That went well. If it stays comfortable over the next few days, add one or two reps, "
    "or a few seconds to each hold. Small steps are the way to progress."
)


@pytest.mark.parametrize(
    ("record", "usual", "words"),
    [
        (session(0, 3, 2, status="stopped_for_pain"), None, GO_GENTLY),
        (session(0, 3, 2, hurt="stretch"), None, GO_GENTLY),
        (session(0, 2, 4), None, EASE_BACK),
        (session(0, 2, 2, morning="worse"), None, EASE_BACK),
        (session(0, 2, None), None, UNSCORED),
        (session(0, None, 2), None, UNSCORED),
        (session(0, 3, 3, status="stopped"), None, SAME),
        (session(0, 3, 3, results=bridge_at(8, "skipped")), None, SAME),
        (session(0, 3, 4), None, SAME),
        (session(0, 6, 6), 5, EASE_BACK),
        (session(0, 6, 6), 6, WELL),
        (session(0, 7, 7), 7, SAME),
        (session(0, 3, 3), None, WELL),
        (session(0, 5, 5), None, WELL),
    ],
)
def test_next_time_in_full(record: SessionRecord, usual: float | None, words: str) -> None:
    assert next_time(record, usual) == words


def test_pending_changes_of_one_routine_or_of_all() -> None:
    walk = (result("walk", LIBRARY.exercises["walk"].dose),)
    history = [
        session(1),
        session(2, routine_id="walks", results=walk),
        session(3),
        session(4, routine_id="walks", results=walk),
    ]
    result_plan = plan(history, (), (), (), LIBRARY, TODAY)
    assert [s.exercise_id for s in result_plan.pending("walks")] == ["walk"]
    assert [s.exercise_id for s in result_plan.pending("core")] == ["bridge", "stretch"]
    assert [s.exercise_id for s in result_plan.pending()] == ["bridge", "stretch", "walk"]


def test_a_hold_names_its_routine_exercise_and_both_doses() -> None:
    suggestion = bridge([], doses=(personal(12),))
    assert (suggestion.routine_id, suggestion.exercise_id, suggestion.action, suggestion.code) == (
        "core",
        "bridge",
        "hold",
        "no_sessions",
    )
    assert suggestion.current == Step("bridge", RepsDose(reps=12, tempo=3))
    assert suggestion.start == Step("bridge", BRIDGE)


def test_a_session_before_at_the_persons_usual_pain_is_not_a_first_hard_one() -> None:
    history = [
        session(0, 6, 8, results=bridge_at(10)),
        session(2, 6, 6, results=bridge_at(10)),
        session(4, 6, 6),
        session(5, 6, 6),
    ]
    suggestion = bridge(history, doses=(personal(10),))
    assert (suggestion.action, suggestion.flare_up) == ("ease_back", False)


def test_twice_in_a_row_in_the_flare_up_routine_says_to_get_advice() -> None:
    tilt = (result("tilt", LIBRARY.exercises["tilt"].dose),)
    history = [
        session(0, 5, 6, routine_id="flare-up-gentle", results=tilt),
        session(1, 3, 5, routine_id="flare-up-gentle", results=tilt),
    ]
    suggestion = plan(history, (), (), (), LIBRARY, TODAY).suggestions[("flare-up-gentle", "tilt")]
    assert suggestion.reason == (
        "Last time pain was 6 or more afterwards, above your usual. "
        "Twice in a row now: if it does not settle, get advice from a doctor or physiotherapist. "
        "This is already the starting dose: go gently or leave it out."
    )

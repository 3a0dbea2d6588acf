"""The pain checks at their exact limits: a 2-point rise, 6 after, the usual score, 8 and 36 hours."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backcare_tui.domain.models import replace
from backcare_tui.domain.pain_monitoring import (
    CAUSE_TEXT,
    ExerciseVerdict,
    comfortable_ceiling,
    high_pain_ask,
    hurt_exercise,
    judge,
    next_morning_due,
    session_causes,
    usual_pain,
)
from tests.support.progression import BRIDGE, result, session

STRETCH_DOSE = session(0).exercises[1].dose


# --- the usual score ---------------------------------------------------------------------------


def test_usual_pain_leaves_out_a_session_still_in_progress() -> None:
    records = [session(0, 9, status="in_progress"), session(1, 2), session(2, 4)]
    assert usual_pain(records) == 3


def test_usual_pain_takes_exactly_the_latest_count_scores() -> None:
    records = [session(0, 1), session(1, 2), session(2, 9), session(3, 9)]
    assert usual_pain(records, count=2) == 1.5
    assert usual_pain(records, count=3) == 2


@pytest.mark.parametrize(("usual", "ceiling"), [(None, 5), (3, 5), (5.5, 5.5), (6, 6), (8, 6)])
def test_the_comfortable_ceiling_is_5_or_the_usual_score_up_to_6(usual: float | None, ceiling: float) -> None:
    assert comfortable_ceiling(usual) == ceiling


# --- reasons to ease back ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "usual", "causes"),
    [
        (2, 4, None, ("rise",)),
        (2, 3, None, ()),
        (None, 4, None, ()),
        (4, None, None, ()),
        (5, 6, None, ("high_after",)),
        (5, 6, 5.5, ("high_after",)),
        (6, 6, 6, ()),
        (4, 5, None, ()),
        (3, 8, 2, ("rise", "high_after")),
    ],
)
def test_session_causes(before: int | None, after: int | None, usual: float | None, causes: tuple) -> None:
    assert session_causes(session(0, before, after), usual) == causes


def test_a_worse_morning_is_a_cause_after_the_others() -> None:
    assert session_causes(session(0, 2, 8, morning="worse"), 2) == ("rise", "high_after", "worse_morning")
    assert session_causes(session(0, 2, 2, morning="same"), 2) == ()


def test_the_exercise_that_hurt() -> None:
    assert hurt_exercise(session(0, hurt="stretch")) == "stretch"
    assert hurt_exercise(session(0)) is None
    assert hurt_exercise(session(0, status="stopped")) is None
    older = (result("bridge", BRIDGE, "done"), result("stretch", STRETCH_DOSE, "partial"))
    assert hurt_exercise(session(0, status="stopped_for_pain", results=older)) == "stretch"
    not_yet = (result("bridge", BRIDGE, "partial"), result("stretch", STRETCH_DOSE, "not_started"))
    assert hurt_exercise(session(0, status="stopped_for_pain", results=not_yet)) == "bridge"
    nothing = (result("bridge", BRIDGE, "not_started"),)
    assert hurt_exercise(session(0, status="stopped_for_pain", results=nothing)) is None


# --- one exercise judged -----------------------------------------------------------------------


def test_this_hurts_eases_back_even_an_exercise_not_done() -> None:
    record = session(0, 2, 2, hurt="bridge", results=(result("bridge", BRIDGE, "not_started"),))
    assert judge(record, "bridge", None) == ExerciseVerdict("ease_back", ("hurt",))


def test_a_session_cause_eases_back_only_exercises_done_in_it() -> None:
    record = session(0, 2, 4, results=(result("bridge", BRIDGE, "partial"), result("stretch", STRETCH_DOSE, "skipped")))
    assert judge(record, "bridge", None) == ExerciseVerdict("ease_back", ("rise",))
    assert judge(record, "stretch", None) == ExerciseVerdict("not_in_full")
    assert judge(record, "walk", None) == ExerciseVerdict("not_in_full")


def test_hurt_comes_before_the_session_causes() -> None:
    record = session(0, 2, 4, hurt="bridge")
    assert judge(record, "bridge", None).causes == ("hurt", "rise")


def test_a_session_stopped_is_not_in_full_for_any_exercise() -> None:
    assert judge(session(0, status="stopped_for_pain", hurt="stretch"), "bridge", None).judgement == "not_in_full"
    assert judge(session(0, results=(result("bridge", BRIDGE, "partial"),)), "bridge", None).judgement == "not_in_full"


@pytest.mark.parametrize(
    ("before", "after", "usual", "judgement"),
    [
        (2, 2, None, "comfortable"),
        (2, 3, None, "comfortable"),  # one point up is fine
        (4, 5, None, "comfortable"),
        (None, 2, None, "unscored"),
        (2, None, None, "unscored"),
        (6, 6, 6, "comfortable"),  # the usual score
        (7, 7, 8, "too_sore"),  # 7 after is never comfortable
        (8, 7, 8, "too_sore"),
    ],
)
def test_judge_done_in_full(before: int | None, after: int | None, usual: float | None, judgement: str) -> None:
    assert judge(session(0, before, after), "bridge", usual).judgement == judgement


def test_the_words_for_each_cause() -> None:
    assert CAUSE_TEXT == {
        "rise": "pain rose by 2 points or more",
        "high_after": "pain was 6 or more afterwards, above your usual",
        "worse_morning": "your back was worse the next morning",
        "hurt": "it hurt",
    }


# --- high pain before starting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "usual", "reason"),
    [
        (7, None, "Your pain is 7 out of 10 right now."),
        (7, 6, "Your pain is 7 out of 10 right now."),
        (6, 3, "Your pain is 6 out of 10, well above your usual 3."),
        (6, 2.5, "Your pain is 6 out of 10, well above your usual 2.5."),
        (6, 3.5, None),
        (6, None, None),
        (None, 0, None),
    ],
)
def test_high_pain_before_asks_with_its_reason(pain: int | None, usual: float | None, reason: str | None) -> None:
    ask = high_pain_ask(pain, usual)
    assert (ask.reason if ask else None) == reason
    if ask:
        assert (ask.pain, ask.usual) == (pain, usual)
        assert [label for _, label in ask.choices] == [
            "Go ahead gently: this session at lower doses",
            "Switch to the gentle flare-up routine",
            "Stop for today",
        ]


# --- the next-morning question -------------------------------------------------------------------


def test_the_next_morning_question_is_due_from_8_to_36_hours_inclusive() -> None:
    last = session(1, 3, 3)
    assert last.ended_at is not None
    ended = last.ended_at
    assert next_morning_due([last], ended + timedelta(hours=8)) == last
    assert next_morning_due([last], ended + timedelta(hours=8) - timedelta(seconds=1)) is None
    assert next_morning_due([last], ended + timedelta(hours=36)) == last
    assert next_morning_due([last], ended + timedelta(hours=36, seconds=1)) is None


def test_the_next_morning_question_looks_past_a_session_in_progress_to_the_latest_finished() -> None:
    last = session(1, 3, 3)
    ended = last.ended_at
    assert ended is not None
    running = session(0, 3, None, status="in_progress")
    assert next_morning_due([running, last], ended + timedelta(hours=10)) == last


def test_only_the_latest_session_is_asked_about() -> None:
    older = session(2, 3, 3)
    answered = replace(session(1, 3, 3), next_morning="same")
    assert next_morning_due([answered, older], older.started_at + timedelta(hours=20)) is None


def test_one_pain_score_is_enough_to_ask() -> None:
    only_before = session(1, 3, None)
    assert next_morning_due([only_before], only_before.started_at + timedelta(hours=12)) == only_before
    only_after = session(1, None, 3)
    assert next_morning_due([only_after], only_after.started_at + timedelta(hours=12)) == only_after


def test_without_an_end_time_the_start_counts() -> None:
    unended = replace(session(1, 3, 3), ended_at=None)
    assert next_morning_due([unended], unended.started_at + timedelta(hours=8)) == unended
    assert next_morning_due([], unended.started_at) is None

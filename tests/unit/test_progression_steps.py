"""The pieces behind the plan: dose steps, personal doses, the pain checks, nudges and the words."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from backcare_tui.domain.advice import headline, outlook, plan_rows, routine_note, suggestion_line, today_line
from backcare_tui.domain.dose_steps import Step, at_limit, bounds, gentle, step_down, step_up
from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import Dose, Exercise, HoldDose, Limits, PersonalDose, RepsDose, TimedDose
from backcare_tui.domain.nudge import return_nudge, routine_kind
from backcare_tui.domain.pain_monitoring import high_pain_ask, next_morning_due, usual_pain
from backcare_tui.domain.personal_doses import gentle_plan, personal_plan, reset, step_by_hand
from backcare_tui.domain.progression import plan
from tests.support.progression import BRIDGE, TODAY, at, exercise, result, routine, session, small_library

LIBRARY = small_library()
EXERCISES = LIBRARY.exercises


@pytest.fixture(autouse=True, scope="module")
def utc_is_local() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


# --- steps ------------------------------------------------------------------------------------

STRETCH = exercise("s", HoldDose(hold=8), elements=("stretch",))
STRONG_HOLD = exercise("h", HoldDose(hold=8))
PLANK = EXERCISES["plank"]
WALK = EXERCISES["walk"]


@pytest.mark.parametrize(
    ("ex", "dose", "expected"),
    [
        (STRETCH, HoldDose(hold=5), HoldDose(hold=7)),  # +2 s below 10 s
        (STRETCH, HoldDose(hold=9), HoldDose(hold=11)),
        (STRETCH, HoldDose(hold=10), HoldDose(hold=15)),  # +5 s from 10 s
        (STRETCH, HoldDose(hold=28), HoldDose(hold=30)),  # capped at the limit
        (STRETCH, HoldDose(hold=30), HoldDose(hold=30, sets=2)),  # then a second set
        (STRONG_HOLD, HoldDose(hold=30, sets=3), None),  # no harder variant: the top
        (PLANK, TimedDose(seconds=20), TimedDose(seconds=25)),  # planks step like holds
        (PLANK, TimedDose(seconds=58), TimedDose(seconds=60)),  # planks up to 60 s
        (WALK, TimedDose(seconds=600), TimedDose(seconds=660)),  # +10%
        (WALK, TimedDose(seconds=120), TimedDose(seconds=150)),  # at least 30 s
        (WALK, TimedDose(seconds=1790), TimedDose(seconds=1800)),  # up to 30 minutes
    ],
)
def test_one_step_up(ex: Exercise, dose: Dose, expected: Dose | None) -> None:
    step = step_up(ex, dose, EXERCISES)
    assert (step.dose if step else None) == expected


@pytest.mark.parametrize(
    ("dose", "floor", "expected"),
    [
        (RepsDose(reps=12, sets=2), RepsDose(reps=8), RepsDose(reps=12)),  # a set first
        (RepsDose(reps=12), RepsDose(reps=8), RepsDose(reps=10)),
        (RepsDose(reps=11), RepsDose(reps=8), RepsDose(reps=10)),
        (RepsDose(reps=10), RepsDose(reps=8), RepsDose(reps=9)),
        (RepsDose(reps=9), RepsDose(reps=8), RepsDose(reps=8)),
    ],
)
def test_one_step_down_not_below_the_floor(dose: Dose, floor: Dose, expected: Dose) -> None:
    step = step_down(EXERCISES["bridge"], dose, floor, EXERCISES)
    assert step == Step("bridge", expected)


def test_below_the_floor_only_the_easier_variant_remains() -> None:
    assert step_down(EXERCISES["bridge"], BRIDGE, BRIDGE, EXERCISES) == Step("tilt", EXERCISES["tilt"].dose)
    assert step_down(EXERCISES["tilt"], RepsDose(reps=6), RepsDose(reps=6), EXERCISES) is None


def test_limits_come_from_the_library_with_defaults_by_kind() -> None:
    assert bounds(STRETCH, HoldDose(hold=8)).most == 30
    assert bounds(PLANK, TimedDose(seconds=20)).most == 60
    assert bounds(WALK, TimedDose(seconds=600)).most == 1800
    assert bounds(EXERCISES["bridge"], BRIDGE).most == 15
    custom = exercise("c", RepsDose(reps=5), limits=Limits(max_reps=8, max_sets=2, min_reps=3))
    assert bounds(custom, RepsDose(reps=5)) == bounds(custom, RepsDose(reps=7))
    assert step_up(custom, RepsDose(reps=8, sets=2), EXERCISES) is None
    assert at_limit(custom, RepsDose(reps=8, sets=2))
    assert gentle(custom, RepsDose(reps=3)) == RepsDose(reps=3)  # never under its minimum


def test_a_starting_dose_above_the_limit_is_never_raised_further() -> None:
    step = step_up(EXERCISES["bridge"], RepsDose(reps=20), EXERCISES)
    assert step is not None and step.dose == RepsDose(reps=20, sets=2)


def test_limits_are_validated_like_every_other_field() -> None:
    assert msgspec.convert({"max_hold": 60, "min_hold": 10}, Limits) == Limits(max_hold=60, min_hold=10)
    with pytest.raises(msgspec.ValidationError, match="min_reps"):
        msgspec.convert({"max_reps": 8, "min_reps": 10}, Limits)
    with pytest.raises(msgspec.ValidationError, match="max_sets"):
        msgspec.convert({"max_sets": 4}, Limits)


@pytest.mark.parametrize(
    ("limits", "location", "words"),
    [
        ("max_reps = 60", "limits.max_reps", "from 1 to 50"),
        ("max_hold = 200", "limits.max_hold", "from 5 to 120"),
        ("max_reps = 10\nmin_reps = 12", "limits", "min_reps (12) must not be more than max_reps (10)"),
    ],
)
def test_check_library_reports_bad_limits(tmp_path: Path, limits: str, location: str, words: str) -> None:
    good = Path(__file__).resolve().parents[2] / "library" / "exercises" / "glute-bridge.toml"
    text = good.read_text().replace("[dose]", f"[limits]\n{limits}\n\n[dose]")
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "glute-bridge.toml").write_text(text)
    library = load_library([tmp_path])
    [problem] = [p for p in library.problems if p.location.startswith("limits")]
    assert problem.location == location and words in problem.message


def test_the_bundled_stages_lead_from_gentle_to_progressed() -> None:
    bundled = load_library([Path(__file__).resolve().parents[2] / "library"])
    chain, routine_id = [], "flare-up-gentle"
    while routine_id:
        chain.append((routine_id, bundled.routines[routine_id].level))
        routine_id = bundled.routines[routine_id].next_stage
    assert chain == [("flare-up-gentle", 1), ("nhs-daily", 2), ("core-and-glutes", 3), ("strength-progressed", 4)]


# --- personal doses ----------------------------------------------------------------------------


def test_the_personal_plan_uses_the_persons_dose_and_variant() -> None:
    doses = {
        ("core", "bridge"): PersonalDose(
            routine_id="core", exercise_id="bridge", current_exercise="one-leg-bridge", dose=RepsDose(reps=6)
        )
    }
    items = personal_plan(LIBRARY, "core", doses).items
    assert [(i.exercise.id, i.dose) for i in items] == [
        ("one-leg-bridge", RepsDose(reps=6)),
        ("stretch", HoldDose(hold=8, reps=3)),
    ]
    assert personal_plan(LIBRARY, "core", {}).items == LIBRARY.plan("core").items


def test_gentle_doses_are_one_step_down_for_one_session() -> None:
    gentle_items = gentle_plan(LIBRARY.plan("core")).items
    assert [i.dose for i in gentle_items] == [RepsDose(reps=7, tempo=3), HoldDose(hold=6, reps=3)]


def test_by_hand_steps_and_reset_log_each_change() -> None:
    moved = step_by_hand(LIBRARY, "core", "bridge", {}, "up", at(0))
    assert moved is not None
    personal, entry = moved
    assert personal.dose == RepsDose(reps=9, tempo=3)
    assert (entry.from_dose, entry.to_dose, entry.reason) == (BRIDGE, personal.dose, "by_hand_up")
    doses = {("core", "bridge"): personal}
    down = step_by_hand(LIBRARY, "core", "bridge", doses, "down", at(0))
    assert down is not None and down[0].dose == BRIDGE
    back = reset(LIBRARY, "core", "bridge", doses, at(0))
    assert back is not None and back[0].dose == BRIDGE and back[1].reason == "reset"
    assert reset(LIBRARY, "core", "bridge", {}, at(0)) is None


# --- pain checks -------------------------------------------------------------------------------


def test_usual_pain_is_the_median_of_recent_scores_before() -> None:
    records = [session(d, before) for d, before in enumerate([2, 8, None, 3, 4])]
    assert usual_pain(records) == 3.5
    assert usual_pain(records, count=3) == 3
    assert usual_pain([session(0, None, None)]) is None


@pytest.mark.parametrize(
    ("pain", "usual", "asks"),
    [(7, None, True), (10, 8, True), (6, None, False), (6, 3, True), (5, 3, False), (None, 2, False)],
)
def test_high_pain_before_asks_first(pain: int | None, usual: float | None, asks: bool) -> None:
    ask = high_pain_ask(pain, usual)
    assert (ask is not None) == asks
    if ask:
        assert [key for key, _ in ask.choices] == ["gentle", "flare_up", "stop"]


def test_the_next_morning_check_is_due_8_to_36_hours_after_a_scored_session() -> None:
    last = session(1, 3, 3)
    ended = last.ended_at
    assert ended is not None
    assert next_morning_due([last], ended + timedelta(hours=8)) == last
    assert next_morning_due([last], ended + timedelta(hours=7)) is None
    assert next_morning_due([last], ended + timedelta(hours=37)) is None
    assert next_morning_due([session(1, None, None)], ended + timedelta(hours=10)) is None
    answered = msgspec.structs.replace(last, next_morning="skipped")
    assert next_morning_due([answered], ended + timedelta(hours=10)) is None


# --- return nudge ------------------------------------------------------------------------------

KINDS = {"core": "daily", "strong": "strength"}


def test_routine_kinds() -> None:
    assert routine_kind(routine("x", ("bridge", None))) == "strength"
    assert routine_kind(LIBRARY.routines["core"]) == "strength"


@pytest.mark.parametrize(
    ("history", "words"),
    [
        ([], "Welcome"),
        ([session(3)], "Last session 3 days ago"),
        ([session(0, routine_id="strong")], "rest tomorrow, or do a stretch routine"),
        ([session(1, routine_id="strong")], "today suits a rest day or a stretch routine"),
        ([session(1), session(4, routine_id="strong")], "two or three times a week"),
        ([session(1)], "best every day"),
        ([session(0)], None),
        ([session(0), session(1, routine_id="strong")], None),
    ],
)
def test_return_nudge_by_kind(history: list, words: str | None) -> None:
    line = return_nudge(history, TODAY, KINDS)  # type: ignore[arg-type]
    assert (line is None) if words is None else (line is not None and words in line)


# --- words -------------------------------------------------------------------------------------


def test_headlines_and_the_summary_outlook() -> None:
    history = [session(1), session(3)]
    result_plan = plan(history, (), (), (), LIBRARY, TODAY)
    up = result_plan.suggestions[("core", "bridge")]
    assert headline(up, EXERCISES) == "Bridge: 8 reps → 9 reps"
    assert suggestion_line(up, EXERCISES) == "Bridge: 8 reps → 9 reps: comfortable twice this week."
    assert outlook(result_plan, "core", EXERCISES, LIBRARY.routines)[0].startswith("Bridge: 8 reps → 9 reps")
    assert routine_note(result_plan, "core", LIBRARY.routines) == "2 build-ups suggested"
    hurt = plan([session(1, 2, 2, hurt="bridge")], (), (), (), LIBRARY, TODAY)
    assert headline(hurt.suggestions[("core", "bridge")], EXERCISES) == "Bridge → Tilt, 6 reps"
    assert routine_note(hurt, "core", LIBRARY.routines) == "ease back suggested"
    unscored = plan([session(1, None, None)], (), (), (), LIBRARY, TODAY)
    assert "Scoring your pain" in outlook(unscored, "core", EXERCISES, LIBRARY.routines)[0]
    assert result("bridge", BRIDGE).dose == BRIDGE


def test_plan_rows_and_the_status_words() -> None:
    result_plan = plan([session(1), session(3)], (), (), (), LIBRARY, TODAY)
    rows = plan_rows(result_plan, "core")
    assert rows[0] | {"reason": ""} == {
        "routine": "core",
        "exercise": "bridge",
        "doing": "bridge",
        "dose": {"kind": "reps", "per_side": False, "sets": 1, "rest": 15, "reps": 8, "tempo": 3, "own_pace": False},
        "routine_dose": {
            "kind": "reps",
            "per_side": False,
            "sets": 1,
            "rest": 15,
            "reps": 8,
            "tempo": 3,
            "own_pace": False,
        },
        "action": "build_up",
        "suggested_exercise": "bridge",
        "suggested": {
            "kind": "reps",
            "per_side": False,
            "sets": 1,
            "rest": 15,
            "reps": 9,
            "tempo": 3,
            "own_pace": False,
        },
        "reason": "",
        "code": "build_up",
    }
    assert today_line(result_plan, LIBRARY.routines) == "2 changes in Core"
    assert today_line(plan([session(1)], (), (), (), LIBRARY, TODAY), LIBRARY.routines) == "same doses"

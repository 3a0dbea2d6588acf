"""The exact words and places of library problems, straight from the schema checks.

Each case states what a person editing a library file reads: the place (`dose.hold`,
`steps[1].dose.hold`, `"bad key"`) and a sentence saying what to write instead.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any, Literal

import msgspec

from backcare_tui.domain.library_errors import describe_all, describe_validation_error, key_text
from backcare_tui.domain.models import Exercise, RepsDose, Routine
from tests.support.plans import make_plan

PLAN = make_plan(RepsDose(reps=5))
EXERCISE: dict[str, Any] = msgspec.to_builtins(PLAN.items[0].exercise)
ROUTINE: dict[str, Any] = msgspec.to_builtins(PLAN.routine)
EXERCISE_KEYS = (
    "id, name, elements, summary, targets, position, posture, equipment, steps, safety, cautions, floor, "
    "dose_sources, easier, harder, dose, sources, limits"
)


class Inner(msgspec.Struct, forbid_unknown_fields=True):
    size: int


class Sample(msgspec.Struct, forbid_unknown_fields=True):
    pair: tuple[int, str] = (1, "a")
    pairs: Annotated[tuple[int, ...], msgspec.Meta(min_length=2)] = (1, 2)
    plain: tuple[int, ...] = ()
    inner: Inner | Literal["none"] = "none"


def exercise(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXERCISE)
    data.update(changes)
    return data


def test_a_valid_exercise_has_no_problems() -> None:
    assert describe_all(Exercise, exercise()) == []


def test_an_unknown_key_lists_every_allowed_key_and_suggests_the_closest() -> None:
    assert describe_all(Exercise, exercise(sumary="x")) == [
        ("sumary", f"unknown key 'sumary'; did you mean 'summary'? allowed here: {EXERCISE_KEYS}")
    ]
    assert describe_all(Exercise, exercise(colour="red")) == [
        ("colour", f"unknown key 'colour'; allowed here: {EXERCISE_KEYS}")
    ]


def test_keys_that_are_not_plain_names_are_quoted_as_toml_writes_them() -> None:
    problems = describe_all(Exercise, exercise(**{"bad key": 1, "café": 2, "a\nb": 3}))
    assert [location for location, _ in problems] == ['"bad key"', '"café"', '"a\\nb"']
    assert problems[2][1] == f"unknown key 'a\\nb'; allowed here: {EXERCISE_KEYS}"
    assert key_text("café au lait") == '"café au lait"'
    assert key_text("knee-rolls_2") == "knee-rolls_2"


def test_keys_allowed_in_a_dose_follow_its_kind() -> None:
    timed = exercise(dose={"kind": "timed", "seconds": 20, "colour": 1})
    assert describe_all(Exercise, timed) == [
        ("dose.colour", "unknown key 'colour'; allowed here: kind, per_side, sets, rest, seconds")
    ]
    message = "Object contains unknown field `colour` - at `$.dose`"
    assert describe_validation_error(Exercise, message, timed) == describe_all(Exercise, timed)[0]


def test_a_dose_without_a_kind_allows_the_keys_of_every_kind() -> None:
    untagged = exercise(dose={"seconds": 20, "colour": 1})
    assert describe_all(Exercise, untagged) == [("dose.kind", "is required but missing; add it")]
    message = "Object contains unknown field `colour` - at `$.dose`"
    assert describe_validation_error(Exercise, message, untagged) == (
        "dose.colour",
        "unknown key 'colour'; allowed here: kind, per_side, sets, rest, hold, reps, relax, tempo, own_pace, seconds",
    )


def test_a_dose_in_the_second_step_of_a_routine_is_checked_as_its_own_kind() -> None:
    routine = copy.deepcopy(ROUTINE)
    routine["steps"] = [{"exercise": "a"}, {"exercise": "b", "dose": {"kind": "timed", "seconds": 20, "hold": 3}}]
    assert describe_all(Routine, routine) == [
        ("steps[1].dose.hold", "unknown key 'hold'; allowed here: kind, per_side, sets, rest, seconds")
    ]


def test_a_missing_field_inside_a_dose_is_named_with_its_place() -> None:
    assert describe_all(Exercise, exercise(dose={"kind": "hold"})) == [("dose.hold", "is required but missing; add it")]


def test_every_bad_choice_in_a_list_is_named_with_the_allowed_values() -> None:
    assert describe_all(Exercise, exercise(elements=["stretch", "flying"], cautions=["pregnant"])) == [
        ("elements[1]", "must be one of: activity, mobilise, strengthen, stretch"),
        ("cautions[0]", "must be one of: osteoporosis, pregnancy, spinal-surgery"),
    ]
    assert describe_validation_error(Exercise, "Invalid enum value 'x' - at `$.nowhere`") == (
        "nowhere",
        "is not one of the allowed values",
    )


def test_limits_of_lists_and_text_are_spelled_out() -> None:
    assert describe_all(Exercise, exercise(targets=[])) == [("targets", "must list at least 1 item")]
    assert describe_all(Sample, {"pairs": ["x"]}) == [
        ("pairs", "must list at least 2 items"),
        ("pairs[0]", "must be a whole number, not text"),
    ]
    assert describe_all(Exercise, exercise(easier="Not An Id", name=5)) == [
        ("name", "must be text in quotes, not a whole number (must be text of 1 to 60 characters)"),
        ("easier", "must use lowercase letters, digits and hyphens only, like knee-rolls"),
    ]


def test_a_list_of_the_wrong_length_and_its_bad_items_are_all_reported() -> None:
    assert describe_all(Exercise, exercise(steps=["", "ok"])) == [
        ("steps", "must list 3 to 6 items"),
        ("steps[0]", "must be text of 1 to 400 characters"),
    ]
    assert describe_all(Exercise, exercise(equipment=["", ""])) == [
        ("equipment[0]", "must be text of 1 to 400 characters"),
        ("equipment[1]", "must be text of 1 to 400 characters"),
    ]
    assert describe_all(Sample, {"plain": ["x", "y"]}) == [
        ("plain[0]", "must be a whole number, not text"),
        ("plain[1]", "must be a whole number, not text"),
    ]


def test_each_place_of_a_fixed_pair_has_its_own_type() -> None:
    assert describe_all(Sample, {"pair": ["a", "b"]}) == [("pair[0]", "must be a whole number, not text")]
    message = "Expected `int`, got `str` - at `$.pair[1]`"
    assert describe_validation_error(Sample, message) == ("pair[1]", "must be a whole number, not text")


def test_a_table_in_a_choice_of_table_or_word_is_checked_as_the_table() -> None:
    assert describe_all(Sample, {"inner": {"size": "big"}}) == [("inner.size", "must be a whole number, not text")]


def test_type_words_for_types_the_app_knows_and_does_not() -> None:
    assert describe_validation_error(Exercise, "Expected `int | float`, got `str` - at `$.floor`") == (
        "floor",
        "must be a whole number or a number, not text",
    )
    assert describe_validation_error(Exercise, "Expected `frob`, got `weird` - at `$.name`") == (
        "name",
        "must be frob, not weird (must be text of 1 to 60 characters)",
    )
    assert describe_validation_error(Exercise, "Expected `object`, got `array`") == (
        "top level",
        "must be a table, not a list",
    )


def test_other_messages_are_put_in_plain_words() -> None:
    for message in ("Integer value out of range", "Number out of range", "Number value out of range"):
        assert describe_validation_error(Exercise, f"{message} - at `$.dose.reps`") == (
            "dose.reps",
            "is far too large a number",
        )
    assert describe_validation_error(Exercise, "Something `weird` with `int` happened - at `$.name`") == (
        "name",
        "something weird with a whole number happened",
    )
    assert describe_validation_error(Exercise, "Expected `str` of length <= 60 - at `$.nowhere`") == (
        "nowhere",
        "must be text in quotes of length <= 60",
    )


class Small(msgspec.Struct, tag="small", tag_field="kind"):
    size: Annotated[int, msgspec.Meta(ge=1, le=5)]


class Big(msgspec.Struct, tag="big", tag_field="kind"):
    size: Annotated[int, msgspec.Meta(ge=10, le=99)]


class Box(msgspec.Struct):
    item: Small | Big


class Shelf(msgspec.Struct):
    box: Box
    boxes: tuple[Box, ...] = ()


def test_limits_deep_inside_a_tagged_choice_are_those_of_the_kind_the_data_names() -> None:
    shelf = {"box": {"item": {"kind": "small", "size": 0}}}
    assert describe_all(Shelf, shelf) == [("box.item.size", "must be a whole number from 1 to 5")]
    good = {"item": {"kind": "big", "size": 20}}
    in_a_list = {"box": good, "boxes": [good, {"item": {"kind": "small", "size": 9}}]}
    assert describe_all(Shelf, in_a_list) == [("boxes[1].item.size", "must be a whole number from 1 to 5")]


def test_an_unknown_dose_kind_names_the_three_kinds() -> None:
    assert describe_all(Exercise, exercise(dose={"kind": "jump", "reps": 5})) == [
        ("dose.kind", "must be one of: hold, reps, timed")
    ]

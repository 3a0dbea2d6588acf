"""The programme's dialogs on their own, in a small host app: each key gives its answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen

from backcare_tui.domain.library import load_library
from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.pain_monitoring import high_pain_ask
from backcare_tui.paths import builtin_library_dir
from backcare_tui.screens.high_pain import HighPainScreen
from backcare_tui.screens.hurts_choice import HurtsChoiceScreen
from backcare_tui.screens.morning_check import MorningCheckScreen
from backcare_tui.screens.suggestions import SuggestionsScreen

LIBRARY = load_library([builtin_library_dir()])
SESSION = SessionRecord(
    id="s1",
    routine_id="core-and-glutes",
    routine_name="Core [easy]",
    started_at=datetime(2026, 1, 4, 18, tzinfo=UTC),
    status="completed",
    pain_before=3,
    pain_after=3,
)


class Host(App[None]):
    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[Any] = []
        self.safety_shown = 0

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)

    def action_safety(self) -> None:
        self.safety_shown += 1


async def answer(dialog: ModalScreen[Any], *keys: str) -> Host:
    host = Host(dialog)
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    return host


@pytest.mark.parametrize(("key", "expected"), [("b", "better"), ("m", "same"), ("w", "worse"), ("escape", "skipped")])
async def test_the_morning_check_takes_one_key(key, expected):
    assert (await answer(MorningCheckScreen(SESSION), key)).answers == [expected]


async def test_the_morning_check_shows_the_routine_name_literally():
    host = Host(MorningCheckScreen(SESSION))
    async with host.run_test() as pilot:
        await pilot.pause()
        text = " ".join(str(static.visual) for static in host.screen.query("Static"))
        assert "Core [easy]" in text


@pytest.mark.parametrize(("key", "expected"), [("g", "gentle"), ("f", "flare_up"), ("q", "stop"), ("escape", "stop")])
async def test_high_pain_asks_before_the_countdown(key, expected):
    ask = high_pain_ask(8, 3)
    assert ask is not None
    assert (await answer(HighPainScreen(ask), key)).answers == [expected]


async def test_the_safety_advice_is_a_key_away_from_every_question():
    ask = high_pain_ask(8, 3)
    assert ask is not None
    for dialog in (
        HighPainScreen(ask),
        MorningCheckScreen(SESSION),
        HurtsChoiceScreen(LIBRARY.exercises["glute-bridge"], None),
    ):
        host = await answer(dialog, "s")
        assert host.safety_shown == 1 and host.answers == []


@pytest.mark.parametrize(("key", "expected"), [("n", "skip"), ("e", "easier"), ("q", "stop"), ("escape", "carry_on")])
async def test_this_hurts_offers_skip_easier_or_stop(key, expected):
    bridge = LIBRARY.exercises["glute-bridge"]
    easier = LIBRARY.exercises[bridge.easier] if bridge.easier else None
    assert easier is not None
    assert (await answer(HurtsChoiceScreen(bridge, easier), key)).answers == [expected]


async def test_without_an_easier_version_that_choice_is_not_offered():
    host = await answer(HurtsChoiceScreen(LIBRARY.exercises["glute-bridge"], None), "e")
    assert host.answers == []


LINES = ["Glute bridge: 10 reps → 12 reps: comfortable twice this week.", "Bird-dog: 6 reps → 7 reps: likewise."]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(("a",), (0, 1)), (("k",), ()), (("enter",), (0, 1)), (("space", "enter"), (1,)), (("escape",), None)],
)
async def test_suggestions_accept_all_some_or_none(keys, expected):
    assert (await answer(SuggestionsScreen("Core [easy]", LINES, ["A note."]), *keys)).answers == [expected]

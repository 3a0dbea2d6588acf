""" "This hurts" during a session: skip this exercise, do its easier version, or stop."""

from __future__ import annotations

from typing import Literal

from textual.content import Content

from ..domain.models import Exercise
from .choices import Choice, ChoiceScreen

HurtsChoice = Literal["skip", "easier", "stop", "carry_on"]


class HurtsChoiceScreen(ChoiceScreen[HurtsChoice]):
    """Escape goes back to the exercise (paused); stopping shows the safety advice."""

    def __init__(self, exercise: Exercise, easier: Exercise | None) -> None:
        choices: list[Choice[HurtsChoice]] = [("n", "skip", "Skip this exercise and go on to the next")]
        if easier is not None:
            choices.append(
                ("e", "easier", Content.assemble("Do the easier version, ", (easier.name, "bold"), ", from now on"))
            )
        choices += [("q", "stop", "Stop the session"), ("c", "carry_on", "Carry on (paused)")]
        super().__init__(
            Content.assemble("It hurts: ", (exercise.name, "bold")),
            [
                "Stop anything that makes your pain worse. A dull ache that eases is usually fine; "
                "sharp or spreading pain is a reason to stop.",
            ],
            choices,
            on_escape="carry_on",
            classes="hurt",
        )

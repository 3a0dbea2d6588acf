"""High pain before starting: ask what to do before the countdown begins."""

from __future__ import annotations

from ..domain.pain_monitoring import HighPainAsk, HighPainChoice
from .choices import ChoiceScreen

KEYS: dict[HighPainChoice, str] = {"gentle": "g", "flare_up": "f", "stop": "q"}


class HighPainScreen(ChoiceScreen[HighPainChoice]):
    """Go ahead gently (lower doses this session), switch to the flare-up routine, or stop."""

    def __init__(self, ask: HighPainAsk) -> None:
        super().__init__(
            "Your back is sore today",
            [
                ask.reason,
                "Gentle movement usually helps, but not at full doses. Choose how to go on; "
                "press s for when to get help.",
            ],
            [(KEYS[choice], choice, text) for choice, text in ask.choices],
            on_escape="stop",
        )

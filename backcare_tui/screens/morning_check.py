"""The next-morning check: one key says how the back is compared with before that session."""

from __future__ import annotations

from textual.content import Content

from ..domain import wording
from ..domain.models import NextMorning, SessionRecord
from .choices import ChoiceScreen


class MorningCheckScreen(ChoiceScreen[NextMorning]):
    """Better, the same or worse than before the session? Escape skips (and it is not asked again)."""

    def __init__(self, record: SessionRecord) -> None:
        when = wording.day_and_time(record.started_at)
        super().__init__(
            "How is your back today?",
            [
                Content.assemble(
                    "Compared with before your last session (", (record.routine_name, "bold"), f", {when}):"
                ),
                "Your answer helps the app judge when to build up and when to ease back.",
            ],
            [("b", "better", "Better"), ("m", "same", "About the same"), ("w", "worse", "Worse")],
            on_escape="skipped",
        )

    def escape_text(self) -> str:
        return "skip (not asked again)"

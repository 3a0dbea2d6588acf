"""The weekly check-in dialog: everyday activities scored 0-10, and days that needed pain relief.

The first time, the person names up to three activities their back makes hard; after that
the names are kept and only the scores are asked. The dialog dismisses with a
`CheckInAnswer`: the check-in to keep (answered or skipped), or None when the person closed
it, and whether they asked not to be asked again. `offer_checkin` shows it when it is due.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import Number
from textual.widgets import Button, Input, Static

from ..domain.checkin import (
    MAX_ACTIVITIES,
    ActivityScore,
    CheckIn,
    CheckInLog,
    checkin_due,
    clean_activities,
    current_activities,
)

EXAMPLES = ("e.g. putting on socks", "e.g. walking 20 minutes", "e.g. lifting my child")


@dataclass(frozen=True)
class CheckInAnswer:
    checkin: CheckIn | None  # None: closed without answering (asked again next start)
    turn_off: bool = False


class CheckInScreen(ModalScreen[CheckInAnswer]):
    """Score this week's everyday activities; names them first when none are known yet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Not now"),
        Binding("ctrl+s", "save", "Save", show=False),
    ]
    DEFAULT_CSS = """
    CheckInScreen #checkin-dialog { width: 76; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        background: $panel; border: thick $primary 60%; }
    CheckInScreen #checkin-title { color: $text-primary; }
    CheckInScreen .checkin-row { height: 3; }
    CheckInScreen .checkin-name { width: 1fr; }
    CheckInScreen .checkin-label { width: 1fr; padding: 1 1 0 1; }
    CheckInScreen .checkin-score { width: 10; }
    CheckInScreen #checkin-error { color: $text-error; height: auto; display: none; }
    CheckInScreen #checkin-buttons { height: 3; align-horizontal: right; }
    CheckInScreen #checkin-buttons Button { margin-left: 1; }
    """

    def __init__(self, activities: Sequence[str], at: datetime) -> None:
        super().__init__()
        self.activities = tuple(activities)
        self.at = at

    def compose(self) -> ComposeResult:
        naming = not self.activities
        with Vertical(id="checkin-dialog"):
            yield Static(Content.styled("Weekly check-in", "bold"), id="checkin-title")
            intro = (
                "Name up to three everyday activities your back makes hard, then score each: "
                "0 unable, 10 as well as before the back trouble."
                if naming
                else "How well can you do each of these this week? 0 unable, 10 as well as before."
            )
            yield Static(intro)
            for number in range(MAX_ACTIVITIES if naming else len(self.activities)):
                with Horizontal(classes="checkin-row"):
                    if naming:
                        yield Input(
                            placeholder=EXAMPLES[number], max_length=60, id=f"name-{number}", classes="checkin-name"
                        )
                    else:
                        yield Static(Content(self.activities[number]), classes="checkin-label")
                    yield Input(
                        placeholder="0-10",
                        type="integer",
                        max_length=2,
                        validators=[Number(minimum=0, maximum=10)],
                        id=f"score-{number}",
                        classes="checkin-score",
                    )
            with Horizontal(classes="checkin-row"):
                yield Static("On how many days this week did you need pain relief?", classes="checkin-label")
                yield Input(
                    placeholder="0-7",
                    type="integer",
                    max_length=1,
                    validators=[Number(minimum=0, maximum=7)],
                    id="relief",
                    classes="checkin-score",
                )
            yield Static(id="checkin-error")
            with Horizontal(id="checkin-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Skip this week", id="skip")
                yield Button("Don't ask again", id="turn-off")

    def _names(self) -> list[str]:
        if self.activities:
            return list(self.activities)
        return [self.query_one(f"#name-{n}", Input).value for n in range(MAX_ACTIVITIES)]

    def _answer(self) -> CheckIn | str:
        """The check-in the form describes, or what is missing, in words."""
        names = self._names()
        scores: list[ActivityScore] = []
        for number, name in enumerate(names):
            text = self.query_one(f"#score-{number}", Input).value.strip()
            if not name.strip():
                if text:
                    return f"Name activity {number + 1}, or clear its score."
                continue
            if not text.isdigit() or not 0 <= int(text) <= 10:
                return f"Score {clean_activities([name])[0]!r} from 0 to 10."
            scores.append(ActivityScore(activity=clean_activities([name])[0], score=int(text)))
        if not scores:
            return "Name at least one activity and score it, or skip this week."
        if len({score.activity.casefold() for score in scores}) < len(scores):
            return "Each activity once, please."
        relief = self.query_one("#relief", Input).value.strip()
        if relief and (not relief.isdigit() or int(relief) > 7):
            return "Days needing pain relief: a number from 0 to 7, or leave it empty."
        return CheckIn(at=self.at, scores=tuple(scores), pain_relief_days=int(relief) if relief else None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        answer = self._answer()
        if isinstance(answer, str):
            error = self.query_one("#checkin-error", Static)
            error.update(answer)
            error.display = True
            return
        self.dismiss(CheckInAnswer(answer))

    @on(Button.Pressed, "#skip")
    def skip(self) -> None:
        self.dismiss(CheckInAnswer(CheckIn(at=self.at, skipped=True)))

    @on(Button.Pressed, "#turn-off")
    def turn_off(self) -> None:
        self.dismiss(CheckInAnswer(CheckIn(at=self.at, skipped=True), turn_off=True))

    def action_close(self) -> None:
        self.dismiss(CheckInAnswer(None))


def offer_checkin(
    app: App[Any],
    log: CheckInLog,
    today: date,
    now: datetime,
    enabled: bool,
    turn_off: Callable[[], str | None],
) -> bool:
    """Show the check-in if it is due; keep what the person answers. True when shown.

    `turn_off` saves the setting that stops it (it returns why it could not, or None).
    """
    checkins = log.checkins()
    if not checkin_due(checkins, today, enabled):
        return False

    def keep(answer: CheckInAnswer | None) -> None:
        if answer is None or answer.checkin is None:
            return
        problem = log.save_checkin(answer.checkin)
        if answer.turn_off:
            problem = turn_off() or problem
            app.notify("Weekly check-ins are off. Turn them back on from the command palette.", timeout=6)
        elif answer.checkin.scores:
            app.notify("Check-in saved. The history screen charts it (h, then c).", timeout=5)
        if problem:
            app.notify(problem, title="Check-in not saved", severity="warning", timeout=10)

    app.push_screen(CheckInScreen(clean_activities(current_activities(checkins)), now), keep)
    return True

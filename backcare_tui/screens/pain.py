"""The 0-10 pain check before and after a session. Dismisses with the score, or None if skipped.

Before a session, Escape goes back to the routines without starting (the screen is popped and
nothing is answered); after one, Escape skips the score.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from ..domain.safety import PAIN_SCALE

SPLIT_AT = 6  # 0-5 in the left column, 6-10 in the right


def scale_column(scores: range) -> Content:
    return Content("\n").join(Content.assemble((f"{score:>2}", "bold"), f"  {PAIN_SCALE[score]}") for score in scores)


class PainCheckScreen(ModalScreen[int | None]):
    AUTO_FOCUS = ""  # digits answer at once; Tab reaches the box for typing "10"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "choose(0)", "Score", key_display="0-9"),
        *(Binding(str(score), f"choose({score})", str(score), show=False) for score in range(1, 10)),
        Binding("t", "choose(10)", "10"),
        Binding("enter", "no_score", "No score"),
        Binding("escape", "back", "Back to routines"),
        Binding("escape", "no_score", "Skip"),
        Binding("question_mark", "app.help", "Keys", show=False),  # a modal screen passes no keys on
    ]

    def __init__(self, *, moment: str, routine_name: str) -> None:
        super().__init__()
        self.moment = moment
        self.routine_name = routine_name

    @property
    def before(self) -> bool:
        return self.moment == "before"

    def when(self) -> str:
        if self.before:
            return "before you start"
        session = getattr(self.app, "session", None)
        if session is not None and session.ended and session.record().status != "completed":
            return "now that you have stopped"
        return "now that you have finished"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pain"):
            yield Static(f"How is your back pain {self.when()}?", classes="dialog-title")
            yield Static(Content(self.routine_name), classes="dim")  # a name from a file: never markup
            with Horizontal(id="pain-scale"):
                yield Static(scale_column(range(0, SPLIT_AT)), classes="pain-column")
                yield Static(scale_column(range(SPLIT_AT, 11)), classes="pain-column")
            yield Static("Press 0-9, or t for 10. Tab to type it instead.", classes="dim")
            yield Input(placeholder="or type 0-10 and Enter", id="pain-input", max_length=2, restrict=r"\d*")
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return not isinstance(self.focused, Input)  # digits type into the box while it has the focus
        if action == "back":
            return self.before  # after a session, the same Escape skips the score
        return True

    @on(Input.Submitted)
    def typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
        elif value.isdigit() and 0 <= int(value) <= 10:
            self.dismiss(int(value))
        else:
            self.notify("Type a whole number from 0 to 10.", severity="warning", timeout=3, markup=False)

    def action_choose(self, score: int) -> None:
        self.dismiss(score)

    def action_no_score(self) -> None:
        self.dismiss(None)

    def action_back(self) -> None:
        """Before a session: back to the routines; the session is not started."""
        self.app.pop_screen()

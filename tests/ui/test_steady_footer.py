"""The steady footer rebuilds its keys only when the keys it shows change."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from backcare_tui.widgets.steady_footer import SteadyFooter


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("d", "delete", "Delete"), Binding("c", "charts", "Charts")]

    def __init__(self) -> None:
        super().__init__()
        self.can_delete = True

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield SteadyFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "delete" and not self.can_delete else True

    def action_delete(self) -> None: ...

    def action_charts(self) -> None: ...


def shown_keys(app: FooterApp) -> list[tuple[str, bool]]:
    return [(key.description, key.has_class("-disabled")) for key in app.query(FooterKey) if key.description]


async def test_the_same_keys_are_kept_and_changed_keys_are_redrawn() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = list(app.query(FooterKey))
        assert ("Delete", False) in shown_keys(app)

        app.query_one("#two").focus()  # the bindings may have changed: they have not
        app.refresh_bindings()
        await pilot.pause()
        assert list(app.query(FooterKey)) == first

        app.can_delete = False
        app.refresh_bindings()
        await pilot.pause()
        assert ("Delete", True) in shown_keys(app)
        assert list(app.query(FooterKey)) != first

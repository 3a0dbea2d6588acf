"""A key footer that is rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer


class SteadyFooter(Footer):
    """Textual's `Footer`, without rebuilding the same keys again and again.

    The footer rebuilds every key each time the screen says its bindings may have changed:
    several times while a screen opens (pushed, focused, a row highlighted), nearly always
    to show the same keys, and building and styling a dozen keys is a large share of the
    time a screen takes to open. This one compares the keys it would show with the keys
    it shows and rebuilds only when they differ.
    """

    _keys_shown: tuple[object, ...] | None = None

    def _keys_to_show(self) -> tuple[object, ...]:
        """Everything `Footer.compose` draws from: each shown binding, in order, and its state."""
        app = self.app
        return (
            self.show_command_palette,
            *(
                (
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    binding.group,
                    enabled,
                    tooltip,
                )
                for _, binding, enabled, tooltip in self.screen.active_bindings.values()
                if binding.show
            ),
        )

    async def recompose(self) -> None:
        if not self.is_attached:
            return await super().recompose()
        keys = self._keys_to_show()
        if keys == self._keys_shown:
            return None
        self._keys_shown = keys
        return await super().recompose()

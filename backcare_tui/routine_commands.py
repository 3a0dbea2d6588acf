"""The command palette's "Start <routine>" commands, one per routine, found by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content


class RoutineCommands(Provider):
    """Start any routine by typing part of its name; offered only from the routines screen."""

    def _routines(self) -> list[tuple[str, str, str]]:
        """(command, help, routine id) for each routine, shortest first; none mid-session."""
        from .domain import wording
        from .screens.routines import RoutinesScreen

        app = self.app
        if not isinstance(self.screen, RoutinesScreen):
            return []
        plans = sorted(app.library.plans(), key=lambda plan: plan.estimated_seconds)  # type: ignore[attr-defined]
        return [
            (
                f"Start {plan.routine.name}",
                f"{wording.routine_length(plan.estimated_seconds)}, {wording.count(len(plan.items), 'exercise')}",
                plan.routine.id,
            )
            for plan in plans
        ]

    def _start(self, routine_id: str) -> None:
        self.app.begin_routine(routine_id)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for command, help_text, routine_id in self._routines():
            yield DiscoveryHit(Content(command), partial(self._start, routine_id), text=command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, help_text, routine_id in self._routines():
            score = matcher.match(command)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command), partial(self._start, routine_id), text=command, help=help_text
                )

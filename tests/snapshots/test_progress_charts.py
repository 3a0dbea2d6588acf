"""Snapshots of the history screen's progress charts (press c) at 80x24 and 120x40.

With no sessions, one, sixty, and sixty whose pain scores are often missing (the lines must
break there, not borrow the other score). A fixed clock, fixed dates and local time in UTC.
Review a failing diff (snapshot_report.html) before `--snapshot-update`.
"""

from datetime import UTC, datetime

import pytest

from backcare_tui import paths
from backcare_tui.app import make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.models import replace
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore
from tests.support.progress import sixty_sessions

NOW = datetime(2026, 4, 3, 18, 0, tzinfo=UTC)


def with_missing_scores():
    records = sixty_sessions()
    return [
        replace(
            record,
            pain_before=None if index % 5 == 0 else record.pain_before,
            pain_after=None if index % 3 == 0 else record.pain_after,
        )
        for index, record in enumerate(records)
    ]


HISTORIES = {
    "none": list,
    "one": lambda: sixty_sessions()[-2:-1],  # with both pain scores
    "sixty": sixty_sessions,
    "missing-scores": with_missing_scores,
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


def build(tmp_path, history: str):
    db = tmp_path / "history.json"
    with SessionStore.open(db) as store:
        for record in HISTORIES[history]():
            store.save_session(record)
    Settings.load(paths.settings_path()).change(safety_acknowledged=True, weekly_checkin=False)
    clock = FakeClock(NOW)
    app = make_app(db_path=db, clock=clock, today=lambda: clock.wall().date())
    app.animation_level = "none"
    return app


def steps(*keys: str):
    async def run(pilot) -> None:
        await pilot.pause()
        for key in ("h", "c", *keys):
            await pilot.press(key)
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("history", HISTORIES)
def test_pain_chart(history, size, snap_compare, tmp_path):
    assert snap_compare(build(tmp_path, history), run_before=steps(), terminal_size=SIZES[size])


@pytest.mark.parametrize("tab", [("minutes", 1), ("active-days", 2)], ids=lambda tab: tab[0])
@pytest.mark.parametrize("size", SIZES)
def test_other_charts(tab, size, snap_compare, tmp_path):
    keys = ("right",) * tab[1]
    assert snap_compare(build(tmp_path, "sixty"), run_before=steps(*keys), terminal_size=SIZES[size])

"""Fixtures for driving the whole app with Pilot.

Every app is built by `make_app()` with a temporary history file, a `FakeClock` and a fixed
`today`, so time moves only when a test says so. `open_app` builds and runs one:

    async with open_app() as (app, pilot):
        await pilot.press("enter")
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from backcare_tui import paths
from backcare_tui.app import BackcareApp, make_app
from backcare_tui.domain.clock import FakeClock
from backcare_tui.domain.library import Library, load_library
from tests.ui.helpers import SIZE, TINY_EXERCISES, TINY_ROUTINE, TODAY, OpenApp, acknowledge_safety


@pytest.fixture(scope="session")
def bundled_library() -> Library:
    """The library shipped with the app, loaded once."""
    return load_library([paths.builtin_library_dir()])


@pytest.fixture
def tiny_library(library_maker: Any) -> Library:
    """One short routine (46 s of fake time) over a hold, a reps and a timed exercise."""
    folder = library_maker.folder("tiny")
    library_maker.exercise(
        folder, "tiny-hold", name="Tiny hold", dose={"kind": "hold", "hold": 5, "reps": 2, "relax": 2}
    )
    library_maker.exercise(
        folder, "tiny-reps", name="Tiny reps", elements=["strengthen"], dose={"kind": "reps", "reps": 3, "tempo": 4}
    )
    library_maker.exercise(
        folder,
        "tiny-timed",
        name="Tiny walk",
        elements=["activity"],
        equipment=[],
        dose={"kind": "timed", "seconds": 10},
    )
    library_maker.routine(
        folder,
        TINY_ROUTINE,
        TINY_EXERCISES,
        name="Tiny routine",
        elements=["stretch", "strengthen", "activity"],
        get_ready=2,
        rest_between=3,
    )
    write_sitting_poses(folder, TINY_EXERCISES)  # one position throughout: get ready stays 2 s
    library = load_library([folder])
    assert not library.problems, library.problems
    return library


SITTING_POSES = """props = ["floor", "chair"]

[poses.start]
trunk = 90
head = 90
arm = [-90, -60]
leg = [0, -90, 0]

[poses.end]
trunk = 90
head = 90
arm = [-90, -60]
leg = [20, -70, 0]
"""


def write_sitting_poses(folder: Path, exercise_ids: tuple[str, ...]) -> None:
    """A seated figure for each exercise, so no change of position between them."""
    (folder / "poses").mkdir(exist_ok=True)
    for exercise_id in exercise_ids:
        (folder / "poses" / f"{exercise_id}.toml").write_text(SITTING_POSES)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.json"


@pytest.fixture
def open_app(db_path: Path, clock: FakeClock, bundled_library: Library) -> OpenApp:
    """Build and run an app; by default the safety advice is already acknowledged."""

    @contextlib.asynccontextmanager
    async def run(
        *,
        library: Library | None = None,
        acknowledged: bool = True,
        size: tuple[int, int] = SIZE,
        start_routine: str | None = None,
    ) -> AsyncIterator[tuple[BackcareApp, Pilot]]:
        if acknowledged:
            acknowledge_safety()
        app = make_app(
            db_path=db_path,
            library=library or bundled_library,
            clock=clock,
            today=lambda: TODAY,
            start_routine=start_routine,
        )
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield app, pilot

    return run

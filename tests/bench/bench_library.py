"""How long loading the bundled library (plus the user's folders) takes; target under 30 ms."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

from backcare_tui import paths
from backcare_tui.domain.library import load_library

ROUNDS = 30


def run() -> Iterator[tuple[str, float, str]]:
    folders = paths.library_folders()
    load_library(folders)  # warm the imports and the file system cache
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        load_library(folders)
        timings.append(time.perf_counter() - started)
    yield "library_load", statistics.median(timings) * 1000, "ms"

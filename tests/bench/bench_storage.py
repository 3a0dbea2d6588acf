"""Storage figures at 1,000 and 10,000 sessions, beside stock TinyDB.

The sessions are made by running the real engine with a fake clock over the bundled routines
(most completed, some paused, with skips, a partial exercise, stopped, or stopped for pain;
pain scores and the odd note), so the file is the size real use gives.

Targets at 10,000 sessions: one checkpoint save <= 100 ms (stock TinyDB about 550 ms),
opening <= 250 ms, the first `sessions()` <= 300 ms, the file <= 6 MB.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from backcare_tui.domain.models import replace
from backcare_tui.storage import SessionStore, encode_session
from backcare_tui.storage.schema import SCHEMA_VERSION
from tests.support.records import engine_records

SIZES = (1_000, 10_000)
REPEATS = 5


def _median_ms(action, repeats: int = REPEATS) -> float:
    timings = []
    for index in range(repeats):
        started = time.perf_counter()
        action(index)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _write_history(path: Path, records) -> None:
    data = {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "sessions": {record.id: encode_session(record) for record in records},
    }
    path.write_bytes(msgspec.json.encode(data))


def _stock_insert_ms(folder: Path, records) -> float:
    """Insert one more session into a stock TinyDB JSONStorage holding the same data."""
    path = folder / "stock.json"
    stock = TinyDB(path, storage=JSONStorage)
    stock.table("sessions").insert_multiple(msgspec.to_builtins(record) for record in records[:-1])
    extra = msgspec.to_builtins(records[-1])
    milliseconds = _median_ms(lambda index: stock.table("sessions").insert(extra), repeats=3)
    stock.close()
    return milliseconds


def run() -> Iterator[tuple[str, float, str]]:
    for size in SIZES:
        records = engine_records(size + 1, seed=size)
        history, running = records[:-1], records[-1]
        with tempfile.TemporaryDirectory() as folder_name:
            folder = Path(folder_name)
            path = folder / "history.json"
            _write_history(path, history)
            yield f"storage.file_size.{size}", path.stat().st_size / 1e6, "MB"
            yield f"storage.bytes_per_session.{size}", path.stat().st_size / size, "B"

            yield f"storage.open.{size}", _median_ms(lambda index, path=path: SessionStore.open(path).close()), "ms"
            opened = [SessionStore.open(path) for _ in range(3)]
            first_list = _median_ms(lambda index, opened=opened: opened[index].sessions(), repeats=3)
            yield f"storage.first_sessions_list.{size}", first_list, "ms"

            store = SessionStore.open(path)
            store.sessions()
            checkpoints = [replace(running, active_seconds=30.0 * step) for step in range(REPEATS)]
            yield (
                f"storage.checkpoint_save.{size}",
                _median_ms(lambda i, store=store, checkpoints=checkpoints: store.save_session(checkpoints[i])),
                "ms",
            )
            yield f"storage.sessions_after_save.{size}", _median_ms(lambda index, store=store: store.sessions()), "ms"
            store.close()

            yield f"storage.stock_tinydb_insert.{size}", _stock_insert_ms(folder, records), "ms"

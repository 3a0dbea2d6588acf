"""Sessions made by the real engine store compactly and read back unchanged."""

from __future__ import annotations

from collections import Counter

from backcare_tui.storage import decode_session, encode_session, normalise
from tests.support.records import engine_records


def test_engine_made_sessions_round_trip_and_leave_implied_values_out():
    records = engine_records(300, seed=3)
    assert Counter(record.status for record in records).keys() >= {"completed", "stopped"}
    for record in records:
        document = encode_session(record)
        assert decode_session(record.id, document) == normalise(record)
        for result, row in zip(record.exercises, document.get("x", []), strict=True):
            if result.status == "done" and result.active_seconds == result.dose.blocks * result.dose.block_seconds:
                assert len(row) == 2, row  # counts and active time are what the dose implies
        if record.status == "completed":
            assert "t" not in document
        assert isinstance(document.get("e", 0), int)  # implied, or seconds after the start
    ends_left_out = sum("e" not in encode_session(record) for record in records)
    assert ends_left_out >= 0.9 * len(records)


def test_the_engine_and_the_codec_agree_on_full_counts():
    for record in engine_records(100, seed=4):
        for result in record.exercises:
            if result.status == "done":
                assert (result.reps_done, result.sets_done, result.sides_done) == result.dose.full_counts

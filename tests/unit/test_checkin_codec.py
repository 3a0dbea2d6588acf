"""Check-ins keep their answers through the history file's encoding."""

from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest

from backcare_tui.domain.checkin import ActivityScore, CheckIn
from backcare_tui.storage.checkin_codec import checkin_key, decode_checkin, encode_checkin, readable_checkins

AT = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=1)))


def test_round_trip_to_the_second():
    checkin = CheckIn(
        at=AT,
        scores=(ActivityScore(activity="putting on socks", score=4), ActivityScore(activity="walking", score=7)),
        pain_relief_days=2,
    )
    document = encode_checkin(checkin)
    assert document == {"s": "2026-03-02T09:30:15+01:00", "a": [["putting on socks", 4], ["walking", 7]], "p": 2}
    decoded = decode_checkin(msgspec.json.decode(msgspec.json.encode(document)))
    assert decoded == msgspec.structs.replace(checkin, at=AT.replace(microsecond=0))


def test_a_skip_is_small():
    document = encode_checkin(CheckIn(at=AT, skipped=True))
    assert document == {"s": "2026-03-02T09:30:15+01:00", "k": 1}
    assert decode_checkin(document).skipped


def test_out_of_range_values_are_refused():
    with pytest.raises(msgspec.ValidationError):
        decode_checkin({"s": "2026-03-02T09:30:15+01:00", "a": [["socks", 11]]})
    with pytest.raises(msgspec.ValidationError):
        decode_checkin({"s": "2026-03-02T09:30:15+01:00", "p": 9})
    with pytest.raises(msgspec.ValidationError):
        decode_checkin({"s": "2026-03-02T09:30:15", "k": 1})  # no offset


def test_keys_sort_by_time_and_a_table_decodes_oldest_first():
    later = CheckIn(at=AT + timedelta(days=7), skipped=True)
    earlier = CheckIn(at=AT.astimezone(UTC), skipped=True)
    table = {checkin_key(c): encode_checkin(c) for c in (later, earlier)}
    assert min(table)[:16] == "20260302T083015Z"
    assert [c.at for c in readable_checkins(table)] == [
        AT.replace(microsecond=0),
        (AT + timedelta(days=7)).replace(microsecond=0),
    ]

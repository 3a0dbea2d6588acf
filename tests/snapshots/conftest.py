import time

import pytest


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    """Dates on screen are local time; pin it so snapshots match on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()

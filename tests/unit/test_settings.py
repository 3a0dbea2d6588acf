"""Settings live in their own file in the config folder, apart from any sessions file."""

from __future__ import annotations

import errno
import os

import msgspec

from backcare_tui import paths
from backcare_tui.session_keeper import SessionKeeper
from backcare_tui.settings import Settings
from backcare_tui.storage import SessionStore
from backcare_tui.storage import files as storage_files


def _legacy_file(path, settings):
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"1": {"schema_version": 2}}
    path.write_bytes(msgspec.json.encode({"meta": meta, "sessions": {}, "settings": {"1": settings}}))


def test_the_settings_file_is_in_the_config_folder(user_config_dir):
    assert paths.settings_path() == user_config_dir / "settings.json"


def test_defaults_then_changes_are_kept(tmp_path):
    path = tmp_path / "config" / "settings.json"
    settings = Settings.load(path)
    assert (settings.safety_acknowledged, settings.theme, settings.sound) == (False, None, True)
    assert settings.change(sound=False, theme="nord") is None
    assert not list(path.parent.glob(".settings.json.*"))  # no temp file left
    again = Settings.load(path)
    assert (again.safety_acknowledged, again.theme, again.sound) == (False, "nord", False)


def test_another_sessions_file_keeps_the_settings(tmp_path):
    path = tmp_path / "settings.json"
    Settings.load(path, legacy=SessionKeeper(tmp_path / "one.json")).change(safety_acknowledged=True)
    assert Settings.load(path, legacy=SessionKeeper(tmp_path / "elsewhere.json")).safety_acknowledged


def test_settings_move_out_of_an_older_sessions_file_at_the_first_change(tmp_path):
    db = tmp_path / "history.json"
    _legacy_file(db, {"safety_acknowledged": True, "theme": "nord", "sound": "loud", "unknown": 1})
    path = tmp_path / "settings.json"
    keeper = SessionKeeper(db)
    settings = Settings.load(path, legacy=keeper)
    assert (settings.safety_acknowledged, settings.theme, settings.sound) == (True, "nord", True)  # bad value left out
    assert not path.exists()
    assert settings.change(sound=False) is None
    keeper.close()
    assert msgspec.json.decode(path.read_bytes()) == {
        "safety_acknowledged": True,
        "theme": "nord",
        "sound": False,
        "weekly_checkin": True,
    }
    with SessionStore.open(db) as store:
        assert store.legacy_settings() == {}
    assert msgspec.json.decode(db.read_bytes()).get("settings", {}) == {}


def test_a_settings_file_that_cannot_be_read_gives_defaults_and_says_why(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    settings = Settings.load(path)
    assert settings.sound and settings.problem is not None and str(path) in settings.problem


def test_a_failed_write_is_reported_and_the_change_applies_for_now(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    settings = Settings.load(path)

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_files.os, "fsync", full_disk)
    error = settings.change(theme="nord")
    assert error is not None and "disk is full" in error
    assert settings.theme == "nord" and not path.exists()

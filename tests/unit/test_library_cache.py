"""The parsed-library cache: the same library as parsing every file, and only ever a shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui import paths
from backcare_tui.domain import library as library_module
from backcare_tui.domain.library import load_library
from backcare_tui.library_cache import is_plain, load_cached_library


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "library.msgpack"


def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files parsed from here on."""
    parsed: list[Path] = []
    real = library_module.parse_toml

    def counting(path: Path, raw: bytes) -> dict | library_module.Problem:
        parsed.append(path)
        return real(path, raw)

    monkeypatch.setattr("backcare_tui.library_cache.parse_toml", counting)
    return parsed


def test_the_bundled_library_loads_the_same_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = paths.library_folders()
    first = load_cached_library(folders, cache)
    assert cache.is_file()
    parsed = parses(monkeypatch)
    again = load_cached_library(folders, cache)
    assert parsed == []  # nothing parsed a second time
    assert again == first == load_library(folders)


def test_a_changed_file_is_parsed_again(library_maker, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library_maker.exercise()
    routine = library_maker.routine(name="Before")
    folder = routine.parent.parent
    assert load_cached_library([folder], cache).routines["test-routine"].name == "Before"
    library_maker.routine(name="After")
    parsed = parses(monkeypatch)
    assert load_cached_library([folder], cache).routines["test-routine"].name == "After"
    assert parsed == [routine]


def test_broken_files_are_reported_as_without_the_cache(library_maker, cache: Path) -> None:
    library_maker.exercise()
    bad = library_maker.write("library", "routines/bad.toml", "id = [unclosed\n")
    folder = bad.parent.parent
    for _ in range(2):
        assert load_cached_library([folder], cache).problems == load_library([folder]).problems != []


def test_a_damaged_or_foreign_cache_counts_as_empty(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = paths.library_folders()
    cache.parent.mkdir(parents=True)
    for content in (b"", b"\xc1 not msgpack", b"\x93\x01\x02\x03"):
        cache.write_bytes(content)
        assert load_cached_library(folders, cache) == load_library(folders)
    parsed = parses(monkeypatch)
    load_cached_library(folders, cache)
    assert parsed == []  # the last load replaced the damaged cache with a good one


def test_an_unwritable_cache_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    folders = paths.library_folders()
    assert load_cached_library(folders, blocker / "library.msgpack") == load_library(folders)


def test_only_plain_data_is_kept() -> None:
    from datetime import date

    assert is_plain({"a": ["b", 1, 2.5, True, {"c": []}]})
    assert not is_plain({"a": [{"when": date(2026, 1, 1)}]})


def test_a_file_holding_a_date_is_parsed_every_time(library_maker, cache: Path, monkeypatch) -> None:
    path = library_maker.write("library", "routines/dated.toml", "id = 'dated'\nwhen = 2026-01-01\n")
    folder = path.parent.parent
    first = load_cached_library([folder], cache)
    parsed = parses(monkeypatch)
    assert load_cached_library([folder], cache).problems == first.problems
    assert parsed == [path]

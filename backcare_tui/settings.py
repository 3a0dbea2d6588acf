"""The user's settings: safety advice acknowledged, theme and sound, in the config folder.

They live in `settings.json` (see `paths.settings_path`), apart from any sessions file, so
`--db elsewhere.json` keeps them. The file is small JSON written atomically (temp file,
fsync, rename). Versions before it kept settings in the sessions file: while no settings
file exists they are read from there, and the first change moves them over.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import msgspec

from .storage.errors import StorageError, describe_os_error
from .storage.files import write_atomically
from .storage.target import check_target, is_writable, read_regular

MAX_SETTINGS_BYTES = 1024 * 1024


class Values(msgspec.Struct, frozen=True, kw_only=True):
    safety_acknowledged: bool = False
    theme: str | None = None
    sound: bool = True
    weekly_checkin: bool = True


class LegacySettings(Protocol):
    """Where an older version kept the settings (the sessions file)."""

    def legacy_settings(self) -> dict[str, Any]: ...

    def forget_legacy_settings(self) -> None: ...


class Settings:
    def __init__(self, path: Path, values: Values, legacy: LegacySettings | None = None) -> None:
        self.path = path
        self.values = values
        self._legacy = legacy
        self.problem: str | None = None
        self._keep_file = False  # not ours to replace: never written

    @classmethod
    def load(cls, path: Path, legacy: LegacySettings | None = None) -> Settings:
        """The settings in `path`; from `legacy` if the file does not exist yet; else defaults.

        A path that is not a regular file (a folder, a device, a FIFO, ...) or is too large
        is never read or replaced: the defaults apply and `problem` says why.
        """
        try:
            if check_target(path, what="settings file", limit=MAX_SETTINGS_BYTES) is None:
                return cls(path, _values(legacy.legacy_settings() if legacy else {}), legacy)
            raw, status = read_regular(path, what="settings file", limit=MAX_SETTINGS_BYTES)
        except FileNotFoundError:
            return cls(path, _values(legacy.legacy_settings() if legacy else {}), legacy)
        except StorageError as error:
            return cls._with_problem(path, f"{error} Using the default settings.", keep_file=True)
        except OSError as error:
            return cls._with_problem(
                path, f"The settings in {path} could not be read ({describe_os_error(error)}); using defaults."
            )
        try:
            settings = cls(path, msgspec.json.decode(raw, type=Values))
        except (msgspec.DecodeError, UnicodeDecodeError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            return cls._with_problem(
                path, f"The settings in {path} could not be understood ({reason}); using defaults."
            )
        if not is_writable(path, status):
            settings._keep_file = True
            settings.problem = f"The settings file {path} is marked read-only: changes apply until you quit."
        return settings

    @classmethod
    def _with_problem(cls, path: Path, problem: str, *, keep_file: bool = False) -> Settings:
        settings = cls(path, Values())
        settings.problem = problem
        settings._keep_file = keep_file
        return settings

    @property
    def safety_acknowledged(self) -> bool:
        return self.values.safety_acknowledged

    @property
    def theme(self) -> str | None:
        return self.values.theme

    @property
    def sound(self) -> bool:
        return self.values.sound

    @property
    def weekly_checkin(self) -> bool:
        return self.values.weekly_checkin

    def change(self, **changes: bool | str | None) -> str | None:
        """Change and save settings; None when saved, else why not (kept for this run)."""
        values = msgspec.structs.replace(self.values, **changes)
        if values == self.values and self.path.exists():
            return None
        self.values = values
        if self._keep_file:
            return f"Settings not saved: {self.path} is not a file backcare-tui may replace. They apply until you quit."
        try:
            write_atomically(self.path, msgspec.json.format(msgspec.json.encode(values)) + b"\n")
        except OSError as error:
            return f"Settings not saved to {self.path}: {describe_os_error(error)}. They apply until you quit."
        if self._legacy is not None:
            self._legacy.forget_legacy_settings()  # moved: the settings file now has them
            self._legacy = None
        return None


def _values(stored: Mapping[str, Any]) -> Values:
    """Known settings of the right type from an older file; anything else is left out."""
    known: dict[str, Any] = {}
    for name in Values.__struct_fields__:
        if name in stored:
            try:
                msgspec.convert({name: stored[name]}, Values)
            except msgspec.ValidationError:
                continue
            known[name] = stored[name]
    return msgspec.convert(known, Values)

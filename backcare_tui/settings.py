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

from .storage.errors import describe_os_error
from .storage.files import write_atomically


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

    @classmethod
    def load(cls, path: Path, legacy: LegacySettings | None = None) -> Settings:
        """The settings in `path`; from `legacy` if the file does not exist yet; else defaults."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, _values(legacy.legacy_settings() if legacy else {}), legacy)
        except OSError as error:
            settings = cls(path, Values())
            settings.problem = f"The settings in {path} could not be read ({describe_os_error(error)}); using defaults."
            return settings
        try:
            return cls(path, msgspec.json.decode(raw, type=Values))
        except msgspec.DecodeError as error:
            settings = cls(path, Values())
            settings.problem = f"The settings in {path} could not be understood ({error}); using defaults."
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

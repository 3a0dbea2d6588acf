"""Where backcare-tui keeps things. Computed on request, never at import, and created lazily.

- the bundled library: inside the installed package, or `library/` beside it in a checkout;
- the user's own routines and exercises: the platform config folder (`routines/`,
  `exercises/`), or `BACKCARE_TUI_CONFIG_DIR`;
- the sessions file: `history.json` in the platform data folder, or `BACKCARE_TUI_DB`, or `--db`;
- the settings: `settings.json` in the config folder.
- crash logs: `crashes/` in the platform state folder, or `BACKCARE_TUI_CRASH_DIR`.
- the library files as last parsed (a cache, safe to delete): the platform cache folder, or
  `BACKCARE_TUI_CACHE_DIR`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "backcare-tui"
DB_ENV = "BACKCARE_TUI_DB"
CONFIG_ENV = "BACKCARE_TUI_CONFIG_DIR"
CRASH_ENV = "BACKCARE_TUI_CRASH_DIR"
CACHE_ENV = "BACKCARE_TUI_CACHE_DIR"
DB_NAME = "history.json"
SETTINGS_NAME = "settings.json"
LIBRARY_CACHE_NAME = "library.msgpack"

_PACKAGE = Path(__file__).resolve().parent


def builtin_library_dir() -> Path:
    """The library shipped with the app (in the wheel) or kept beside it (in a checkout)."""
    installed = _PACKAGE / "library"
    return installed if installed.is_dir() else _PACKAGE.parent / "library"


def user_config_dir(environ: Mapping[str, str] = os.environ) -> Path:
    override = environ.get(CONFIG_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_config_dir(APP_NAME))


def crash_log_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the full traceback of an unexpected error is written."""
    override = environ.get(CRASH_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_state_dir(APP_NAME)) / "crashes"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / DB_NAME


def resolve_db_path(flag: str | os.PathLike[str] | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The history file to use: `--db` first, then `BACKCARE_TUI_DB`, then the default."""
    if flag:
        return Path(flag).expanduser()
    if environ.get(DB_ENV):
        return Path(environ[DB_ENV]).expanduser()
    return default_db_path()


def library_folders(extra: list[Path] | tuple[Path, ...] = (), environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Folders to load in order: bundled, the user's config folder (if it exists), then `extra`."""
    folders = [builtin_library_dir()]
    user = user_config_dir(environ)
    if user.is_dir():
        folders.append(user)
    folders.extend(extra)
    return folders


def settings_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The settings file (theme, sound, safety advice read), in the user config folder."""
    return user_config_dir(environ) / SETTINGS_NAME


def library_cache_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The library files as last parsed, so that unchanged ones are not parsed at every start."""
    override = environ.get(CACHE_ENV)
    folder = Path(override).expanduser() if override else Path(platformdirs.user_cache_dir(APP_NAME))
    return folder / LIBRARY_CACHE_NAME

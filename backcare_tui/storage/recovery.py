"""Dealing with a file this version cannot use as it is: corrupt, or from an older version.

Both run under the database lock. A corrupt file is never overwritten: it is moved aside to
`<name>.corrupt-<UTC time>` and the last good `<name>.bak` (if it reads) takes its place. An
older file is kept as `<name>.schema-<version>.bak`, migrated in memory and written once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from .database import AtomicJSONStorage, backup_path, damaged
from .errors import StorageError, describe_os_error
from .files import keep_copy, move_aside, write_atomically
from .schema import SCHEMA_VERSION, ShapeError, migrate, parse, schema_version
from .target import read_regular


def quarantine(path: Path, reason: str, now: datetime) -> tuple[str, bool]:
    """Move a corrupt file aside and restore the backup. Returns a notice and whether the
    history can now be used (False if the file could not be moved)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        moved = move_aside(path, f"{path.name}.corrupt-{stamp}")
    except FileNotFoundError:
        return f"{reason} It has since disappeared; starting again from what is on disk.", True
    except OSError as error:
        return (
            f"{reason} It could not be moved aside ({describe_os_error(error)}), so nothing will be "
            f"saved. Move {path} away yourself, or choose another file with --db."
        ), False
    notice = f"{reason} It was moved to {moved} and left untouched."
    backup = backup_path(path)
    restored = _restore(backup, path)
    if restored is None:
        return f"{notice} Starting with an empty history.", True
    if restored:
        return f"{notice} Restored the last good copy from {backup}; anything saved after it is in {moved}.", True
    return f"{notice} The backup {backup} could not be used either, so the history starts empty.", True


def _restore(backup: Path, path: Path) -> bool | None:
    """Copy a readable backup into place: True if restored, False if unusable, None if none."""
    try:
        raw, _ = read_regular(backup, what="backup")
    except FileNotFoundError:
        return None
    except (OSError, StorageError):
        return False
    try:
        parse(raw)
        write_atomically(path, raw)
    except (ShapeError, OSError):
        return False
    return True


def migrate_file(storage: AtomicJSONStorage) -> list[str]:
    """Bring an older file up to date with one atomic write; notices for the user."""
    data = storage.read()
    version = schema_version(data)
    if data is None or version >= SCHEMA_VERSION:
        return []  # another copy did it first
    kept = storage.path.with_name(f"{storage.path.name}.schema-{version}.bak")
    try:
        migrated = migrate(data)
    except ShapeError as error:
        raise damaged(storage.path, str(error)) from None
    keep_copy(storage.path, kept)
    storage.write(migrated)
    return [
        f"Updated {storage.path} from schema version {version} to {SCHEMA_VERSION}; the old file is kept as {kept}."
    ]

"""Opening a data folder: to write (the lock, restores cut short, stray temp files, migration, profile) or to read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

from . import backup as backups
from . import restore as restoring
from . import restore_plan
from .atomic import sweep_temp_files
from .errors import ReadOnlyFolderError, SchemaError
from .layout import JOURNAL_DIR, PROFILE_FILE, journal_parts
from .lock import READ_ONLY_ERRORS, DataLock
from .migrate import migrate_if_needed
from .open_files import OpenFiles
from .schema import SCHEMA_VERSION, stored_version


def check_readable(data_dir: Path, files: OpenFiles, reason: str) -> None:
    """The profile of a folder opened to read only is opened, and refused when its schema is
    not this gymtui's: a newer one it cannot read, an older one it may not migrate here."""
    profile_path = data_dir / PROFILE_FILE
    data = files.open_profile()
    if data is not None:
        version = stored_version(data, profile_path)
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{profile_path}: written by a newer gymtui (schema {version}, this one reads"
                              f" {SCHEMA_VERSION}); upgrade gymtui")
        if version < SCHEMA_VERSION:
            raise ReadOnlyFolderError(profile_path, f"{reason}; it was written at schema {version} and must be"
                                                    " migrated before this gymtui can read it")


def open_to_write(
    data_dir: Path, lock: DataLock, files: OpenFiles, purpose: str, now: Callable[[], pendulum.DateTime]
) -> tuple[list[Path], list[Path]]:
    """Take the folder's lock and make the folder ready to write; returns the restores cut
    short that were finished and the stray temp files swept. The lock is let go on a failure."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / JOURNAL_DIR).mkdir(exist_ok=True)
    except OSError as error:
        if error.errno in READ_ONLY_ERRORS:
            raise ReadOnlyFolderError(data_dir, error.strerror or str(error)) from None
        raise
    lock.acquire(purpose)
    try:
        finished_restores = restoring.finish_interrupted_restores(data_dir)
        swept = sweep_temp_files(data_dir) + sweep_temp_files(data_dir / JOURNAL_DIR)
        migrate_if_needed(data_dir, now().date())
        if files.open_profile() is None:
            meta: dict[str, Any] = {"schema": SCHEMA_VERSION}
            if journal_parts(data_dir) or backups.list_backups(data_dir):
                # Not a first start: the profile went missing. Noted, so doctor and a
                # restore can tell one made again with default settings from the lifter's.
                meta[restore_plan.MADE_AGAIN] = now().date().isoformat()
            files.profile.table("meta").insert(meta)
    except BaseException:
        lock.release()
        raise
    return finished_restores, swept

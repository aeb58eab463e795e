"""Daily rotating backups inside the data folder, and restoring one.

A backup is a folder `backups/YYYY-MM-DD[-reason]/` holding copies of every data file.
It is built under a temp name and renamed into place, so a half-made backup never looks
like a good one. Restoring never deletes: the files it replaces are moved aside first.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

from .atomic import fsync_dir
from .errors import DiskWriteError
from .layout import JOURNAL_DIR, PROFILE_FILE, data_files
from .schema import PART_TABLES, PROFILE_TABLES, validate_tables
from .storage import read_json_file

BACKUP_DIR = "backups"


def backups_root(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """Complete backups, newest first."""
    root = backups_root(data_dir)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "broken-"))]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_backup(data_dir: Path, label: str, keep: int, *, verify: bool = True) -> Path:
    """Copy every data file into backups/<label>/.

    With `verify`, a file is copied only if it reads and validates (or is unchanged since
    the newest daily backup, which was checked when it was made): a file damaged since
    then raises CorruptFileError and no backup is made, so the backups keep the last good
    copy instead of filling up, day after day, with the damage. The copy made before a
    schema migration passes verify=False: those files are valid for the old schema only.
    """
    data_dir = Path(data_dir)
    root = backups_root(data_dir)
    root.mkdir(exist_ok=True)
    target = root / label
    if target.exists():
        return target
    reference = next((p for p in list_backups(data_dir) if _is_daily(p)), None) if verify else None
    staging = root / f".partial-{label}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        (staging / JOURNAL_DIR).mkdir(parents=True)
        for source in data_files(data_dir):
            relative = source.relative_to(data_dir)
            if verify:
                _check_source(source, reference / relative if reference else None)
            copy = staging / relative
            shutil.copy2(source, copy)
            _fsync_file(copy)
        fsync_dir(staging / JOURNAL_DIR)
        fsync_dir(staging)
        staging.rename(target)
        fsync_dir(root)
    except BaseException as error:
        # No half backup is left to look like a good one; the data files were only read.
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):  # a full disk or a failing card
            raise DiskWriteError(target, error) from error
        raise
    prune_backups(data_dir, keep)
    return target


def _is_daily(backup: Path) -> bool:
    return len(backup.name) == 10  # YYYY-MM-DD; other labels are made for other reasons


def _check_source(source: Path, previous_copy: Path | None) -> None:
    """Raise CorruptFileError unless `source` is unchanged since `previous_copy` or valid."""
    if previous_copy is not None:
        try:
            now, then = source.stat(), previous_copy.stat()
            if (now.st_size, now.st_mtime_ns) == (then.st_size, then.st_mtime_ns):  # copy2 keeps mtime
                return
        except OSError:
            pass
    data = read_json_file(source)
    if data is not None:
        validate_tables(source, data, PROFILE_TABLES if source.name == PROFILE_FILE else PART_TABLES)


def _fsync_file(path: Path) -> None:
    # The folder is renamed into place only once every copy is on disk: after a power cut a
    # listed backup never holds empty files.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_if_due(data_dir: Path, today: date, keep: int) -> Path | None:
    """One backup a day; returns the new folder, or None if today's exists already."""
    label = today.isoformat()
    if (backups_root(data_dir) / label).exists():
        return None
    if not (Path(data_dir) / PROFILE_FILE).exists():
        return None
    return make_backup(data_dir, label, keep)


def prune_backups(data_dir: Path, keep: int) -> None:
    daily = [p for p in list_backups(data_dir) if _is_daily(p)]
    for old in daily[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    for partial in backups_root(data_dir).glob(".partial-*"):
        shutil.rmtree(partial, ignore_errors=True)


# Markers in a restore's staging folder: the copy is complete, then the current files are aside.
COPIED = ".copied"
ASIDE_DONE = ".aside-done"


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Put a backup's files in place; the current files go to backups/broken-<time>/.

    The backup is first copied next to the data (backups/.restoring-<time>/) and flushed: a
    full disk or a failing write stops the restore there, with every current file where it
    was (DiskWriteError). Only then are the current files moved aside and the copies moved
    in, by renames within the folder, which need no new space. Each step is marked in the
    staging folder, so a restore cut short is finished by `finish_interrupted_restores`.
    """
    data_dir = Path(data_dir)
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    staging = backups_root(data_dir) / f".restoring-{stamp}"
    target = staging
    try:
        (staging / JOURNAL_DIR).mkdir(parents=True, exist_ok=True)
        for source in data_files(backup):
            target = staging / source.relative_to(backup)
            shutil.copy2(source, target)
            _fsync_file(target)
        fsync_dir(staging / JOURNAL_DIR)
        _mark(staging, COPIED)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise DiskWriteError(target, error) from error
    return _swap_in(data_dir, staging)


def finish_interrupted_restores(data_dir: Path) -> list[Path]:
    """Restores cut short (killed, a power cut): one whose copy was complete is finished,
    one whose copy was not is dropped (nothing had moved yet). Returns where the finished
    ones put the files they replaced. Called with the data folder's lock held."""
    root = backups_root(data_dir)
    if not root.is_dir():
        return []
    finished = []
    for staging in sorted(root.glob(".restoring-*")):
        if (staging / COPIED).exists():
            finished.append(_swap_in(Path(data_dir), staging))
        else:
            shutil.rmtree(staging, ignore_errors=True)
    return finished


def _mark(folder: Path, name: str) -> None:
    (folder / name).write_bytes(b"")
    fsync_dir(folder)


def _swap_in(data_dir: Path, staging: Path) -> Path:
    """The current files aside, then the staged copies in; safe to run again after a cut."""
    aside = backups_root(data_dir) / f"broken-{staging.name.removeprefix('.restoring-')}"
    (data_dir / JOURNAL_DIR).mkdir(exist_ok=True)
    if not (staging / ASIDE_DONE).exists():
        (aside / JOURNAL_DIR).mkdir(parents=True, exist_ok=True)
        for current in data_files(data_dir):
            os.replace(current, aside / current.relative_to(data_dir))
        for folder in (aside, aside / JOURNAL_DIR, data_dir, data_dir / JOURNAL_DIR):
            fsync_dir(folder)
        _mark(staging, ASIDE_DONE)
    for copied in data_files(staging):
        os.replace(copied, data_dir / copied.relative_to(staging))
    fsync_dir(data_dir)
    fsync_dir(data_dir / JOURNAL_DIR)
    shutil.rmtree(staging, ignore_errors=True)
    return aside

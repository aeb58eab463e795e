"""Daily rotating backups inside the data folder.

A backup is a folder `backups/YYYY-MM-DD[-reason]/` holding copies of every data file and,
written last, `manifest.json`: each file's size and SHA-256, and the backup's place in the
order backups were made. A program file that does not validate is left out of the backup
and named in the manifest's `left_out` (never fatal: the last good copy stays in the older
backups). The folder is built under a temp name and renamed into place, so
a half-made backup never looks like a good one; one being pruned is renamed away before
its files are deleted, so a half-deleted backup never looks like one either. Restoring is
in restore.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .atomic import fsync_dir
from .errors import CorruptFileError, DiskWriteError
from .layout import JOURNAL_DIR, PROFILE_FILE, data_files, is_table_file
from .program_files import program_problems
from .schema import PART_TABLES, PROFILE_TABLES, validate_tables
from .storage import read_json_file

BACKUP_DIR = "backups"
MANIFEST = "manifest.json"
# Hidden work folders inside backups/: one being made, one being deleted.
PARTIAL_PREFIX = ".partial-"
DELETING_PREFIX = ".deleting-"


def backups_root(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup, the most recently made first (see `made_order`); check one with
    `backup_problem` before trusting it."""
    root = backups_root(data_dir)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "broken-"))]
    return sorted(found, key=made_order, reverse=True)


def made_order(backup: Path) -> tuple[int, str]:
    """Backups sort by the order they were made in, counted in their manifests, never by
    date: a clock that ran ahead and came back makes names that sort wrongly. Backups made
    before manifests existed count as the oldest, in name order."""
    manifest = read_manifest(backup)
    sequence = manifest.get("sequence") if manifest else None
    return (sequence if isinstance(sequence, int) else 0, backup.name)


def read_manifest(backup: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def backup_problem(backup: Path, *, deep: bool = True) -> str | None:
    """What makes a backup unusable (files missing, changed or unreadable), or None.

    With a manifest every listed file must be there with its size (and with `deep`, its
    SHA-256). A backup made before manifests existed has each file read and validated.
    """
    if not (backup / MANIFEST).exists():
        if not (backup / PROFILE_FILE).exists():
            return "incomplete: it has no profile.json"
        return _legacy_problem(backup) if deep else None
    manifest = read_manifest(backup)
    files = manifest.get("files") if manifest else None
    if not isinstance(files, dict):
        return f"its {MANIFEST} cannot be read"
    missing = [name for name in files if not (backup / name).is_file()]
    if missing:
        return f"incomplete: {len(missing)} of {len(files)} files missing ({', '.join(sorted(missing)[:3])})"
    for name, facts in files.items():
        path = backup / name
        if not isinstance(facts, dict) or path.stat().st_size != facts.get("size"):
            return f"damaged: {name} has changed size since the backup was made"
        if deep and _sha256(path) != facts.get("sha256"):
            return f"damaged: {name} has changed since the backup was made"
    return None


def _legacy_problem(backup: Path) -> str | None:
    for path in data_files(backup):
        if not is_table_file(path):
            continue  # backups made before manifests held no program files
        try:
            data = read_json_file(path)
            if data is not None:
                validate_tables(path, data, PROFILE_TABLES if path.name == PROFILE_FILE else PART_TABLES)
        except CorruptFileError as error:
            return f"damaged: {path.relative_to(backup)} {error.reason}"
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_backup(data_dir: Path, label: str, keep: int, *, verify: bool = True, today: date | None = None) -> Path:
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
    made = list_backups(data_dir)
    reference = next((p for p in made if _is_daily(p)), None) if verify else None
    staging = root / f"{PARTIAL_PREFIX}{label}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        (staging / JOURNAL_DIR).mkdir(parents=True)
        files = {}
        left_out = program_problems(data_dir) if verify else {}
        for source in data_files(data_dir):
            relative = source.relative_to(data_dir)
            if relative.as_posix() in left_out:
                continue
            if verify and is_table_file(source):
                _check_source(source, reference / relative if reference else None)
            copy = staging / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            _fsync_file(copy)
            files[relative.as_posix()] = {"size": copy.stat().st_size, "sha256": _sha256(copy)}
        # The manifest goes last: a backup holding it was complete when it was made.
        manifest = {"sequence": 1 + max((made_order(p)[0] for p in made), default=0),
                    "made_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                    "verified": verify, "files": files, "left_out": left_out}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        _fsync_file(staging / MANIFEST)
        for folder in {(staging / name).parent for name in files} | {staging / JOURNAL_DIR}:
            fsync_dir(folder)
        fsync_dir(staging)
        staging.rename(target)
        fsync_dir(root)
    except BaseException as error:
        # No half backup is left to look like a good one; the data files were only read.
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):  # a full disk or a failing card
            raise DiskWriteError(target, error) from error
        raise
    prune_backups(data_dir, keep, today)
    return target


def left_out(backup: Path) -> dict[str, str]:
    """The program files the backup left out because they did not validate, with why."""
    manifest = read_manifest(backup) or {}
    found = manifest.get("left_out")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


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
    return make_backup(data_dir, label, keep, today=today)


def prune_backups(data_dir: Path, keep: int, today: date | None = None) -> None:
    """Keep the `keep` daily backups made last, and today's whatever its place."""
    daily = [p for p in list_backups(data_dir) if _is_daily(p)]
    for old in daily[keep:]:
        if today is None or old.name != today.isoformat():
            _delete(old)
    root = backups_root(data_dir)
    for leftover in [*root.glob(PARTIAL_PREFIX + "*"), *root.glob(DELETING_PREFIX + "*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _delete(backup: Path) -> None:
    # Renamed first: a kill part-way through the deletion leaves a hidden folder (swept at
    # the next prune), never a backup with files missing under its own name.
    doomed = backup.with_name(f"{DELETING_PREFIX}{backup.name}")
    try:
        shutil.rmtree(doomed, ignore_errors=True)
        backup.rename(doomed)
    except OSError:
        return
    fsync_dir(backup.parent)
    shutil.rmtree(doomed, ignore_errors=True)


def dated_ahead(data_dir: Path, today: date) -> list[Path]:
    """Backups whose name is a day after `today`: made while the clock was wrong."""
    ahead = []
    for backup in list_backups(data_dir):
        try:
            day = date.fromisoformat(backup.name[:10])
        except ValueError:
            continue
        if day > today:
            ahead.append(backup)
    return ahead


def newest_good_backup(data_dir: Path, having: Path | None = None) -> Path | None:
    """The most recently made backup that is complete and unchanged (and holds a copy of
    the data file `having`, when given)."""
    name = None
    if having is not None and Path(having).is_relative_to(data_dir):
        name = Path(having).relative_to(data_dir)
    return next((b for b in list_backups(data_dir)
                 if (name is None or (b / name).is_file()) and backup_problem(b) is None), None)

"""Restoring a backup: the damaged or missing files only, or (asked for) the whole folder.

A restore first checks the backup (complete, and each file as it was made) and refuses a
bad one before anything moves. The files it will put back are copied next to the data
(`.restoring-<id>/` in the data folder, so on its file system whatever `backups/` is, e.g.
a symlink to a USB stick) and flushed: a full disk or a failing read stops it there, with
every current file where it was. Only then are the files it replaces moved to
`replaced/<id>/` and the copies moved in, by renames on one file system, which need no new
space. Each step is marked in the staging folder, so a restore cut short is finished by
`finish_interrupted_restores`. `<id>` is made unique by creating its folder exclusively:
two restores in one second, or in the hour a clock change repeats, never share one.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .atomic import fsync_dir
from .backup import backup_problem, backups_root, list_backups, made_order
from .errors import CorruptFileError, DiskWriteError, StoreError
from .layout import JOURNAL_DIR, PROFILE_FILE, PROGRAMS_DIR, data_files, is_table_file
from .program_files import program_problems
from .schema import PART_TABLES, PROFILE_TABLES, validate_tables
from .storage import read_json_file

REPLACED_DIR = "replaced"
STAGING_PREFIX = ".restoring-"
# Markers in a staging folder: the copy is complete; the files it replaces are aside; the
# restore replaces the whole folder (not only the files staged).
COPIED = ".copied"
ASIDE_DONE = ".aside-done"
WHOLE = ".whole"
# In the folder a whole-folder rollback set files aside in: how many backups had been made
# then. Backups made before a rollback hold files the lifter chose to leave behind.
ROLLED_BACK = ".rolled-back"
# In profile.json's meta record: the day the profile was made again after it went missing.
MADE_AGAIN = "made_again_after_missing"


class BackupDamagedError(StoreError):
    """The chosen backup is incomplete or changed; nothing was moved."""

    def __init__(self, backup: Path, problem: str) -> None:
        self.backup = Path(backup)
        super().__init__(f"the backup {self.backup.name} cannot be used, {problem}; nothing was changed"
                         " (run 'gymtui restore' to see the other backups)")


@dataclass
class RestorePlan:
    backup: Path
    whole: bool
    damaged: list[str] = field(default_factory=list)  # now unreadable, the backup has a copy
    missing: list[str] = field(default_factory=list)  # gone from the folder, the backup has it
    no_copy: list[str] = field(default_factory=list)  # unreadable, and the backup has no copy
    made_again: list[str] = field(default_factory=list)  # profile.json made again with defaults (in missing)
    # Program files of the backup that do not validate (against the folder's library): not
    # put back, named with why, "programs/x.json: reason".
    skipped: list[str] = field(default_factory=list)
    sets_leaving: int = 0  # whole only: sets now in the journal that the backup lacks
    unreadable_now: int = 0  # whole only: current files whose sets cannot be counted

    @property
    def put_back(self) -> list[str]:
        return sorted(self.damaged + self.missing)

    def rollback_warning(self) -> str:
        """What a whole-folder rollback takes away, said before it is done."""
        sets = f"{self.sets_leaving:,} set{'s' if self.sets_leaving != 1 else ''}"
        text = (f"Rolling the whole folder back to {self.backup.name}: {sets} in the journal now and not in "
                "the backup will leave it, and settings and exercises go back to the backup's")
        if self.unreadable_now:
            text += f" ({self.unreadable_now} damaged file{'s' if self.unreadable_now != 1 else ''} not counted)"
        return text + ". Every current file is kept in the replaced/ folder."


@dataclass
class Restored:
    plan: RestorePlan
    aside: Path | None  # where the replaced files went (None: nothing was replaced)

    def summary(self, *, short_paths: bool = False) -> str:
        """What was done; `short_paths` names the set-aside folder inside the data folder
        (where a narrow box would cut a full path)."""
        plan = self.plan
        kept_in: Path | str | None = self.aside
        if short_paths and self.aside is not None:
            kept_in = f"{REPLACED_DIR}/{self.aside.name} in the data folder"
        if plan.whole:
            text = f"Rolled the whole folder back to the backup of {plan.backup.name}"
            text += f"; the files it replaced are kept in {kept_in}" if self.aside else ""
            if plan.skipped:
                text += f". Program files of the backup left out, they do not validate: {'; '.join(plan.skipped)}"
            return text
        if not plan.put_back:
            text = f"Nothing to restore from {plan.backup.name}: no file is damaged or missing"
        else:
            named = [f"{name} (damaged)" for name in plan.damaged] + [
                f"{name} ({'made again with default settings' if name in plan.made_again else 'missing'})"
                for name in plan.missing]
            text = (
                f"Put back from the backup of {plan.backup.name}: {', '.join(sorted(named))}; every other file was kept"
            )
            if self.aside:
                text += f"; the files it replaced are kept in {kept_in}"
        if plan.no_copy:
            text += (f". Still damaged, the backup has no good copy: {', '.join(plan.no_copy)}"
                     " (fix it by hand or move it out of the folder)")
        if plan.skipped:
            text += f". Program files of the backup left out, they do not validate: {'; '.join(plan.skipped)}"
        return text


def profile_made_again(folder: Path) -> str | None:
    """The day profile.json was made again with default settings after it went missing."""
    try:
        data = read_json_file(Path(folder) / PROFILE_FILE) or {}
    except CorruptFileError:
        return None
    for record in data.get("meta", {}).values():
        if isinstance(record, dict) and isinstance(record.get(MADE_AGAIN), str):
            made_again: str = record[MADE_AGAIN]
            return made_again
    return None


def last_rollback(data_dir: Path) -> tuple[int, str] | None:
    """The latest whole-folder rollback: how many backups had been made then, and the
    backup it rolled back to (None: no rollback)."""
    marks = []
    for mark in (Path(data_dir) / REPLACED_DIR).glob(f"*/{ROLLED_BACK}"):
        try:
            made, name = mark.read_text(encoding="utf-8").split(" ", 1)
            marks.append((int(made), name.strip()))
        except (OSError, ValueError):
            continue
    return max(marks, default=None)


def file_is_damaged(path: Path) -> bool:
    """A table file (profile.json, a week file) that cannot be read or does not validate;
    program files are checked by `program_problems`, against their folder's library."""
    if not is_table_file(path):
        return False
    try:
        data = read_json_file(path)
        if data is not None:
            validate_tables(path, data, PROFILE_TABLES if path.name == PROFILE_FILE else PART_TABLES)
    except CorruptFileError:
        return True
    return False


def plan_restore(data_dir: Path, backup: Path, *, whole: bool = False) -> RestorePlan:
    """What a restore would do; raises BackupDamagedError for a backup not to be used."""
    data_dir, backup = Path(data_dir), Path(backup)
    problem = backup_problem(backup)
    if problem:
        raise BackupDamagedError(backup, problem)
    plan = RestorePlan(backup=backup, whole=whole)
    # A program file of the backup that does not validate (against the backup's own library)
    # is never put back: the app would skip it. One here that does not validate is damaged.
    broken_there = program_problems(backup)
    plan.skipped = [f"{name}: {reason}" for name, reason in sorted(broken_there.items())]
    in_backup = {p.relative_to(backup).as_posix() for p in data_files(backup)} - set(broken_there)
    current = {p.relative_to(data_dir).as_posix() for p in data_files(data_dir)}
    damaged = {name for name in current if file_is_damaged(data_dir / name)}
    damaged |= set(program_problems(data_dir)) & current
    if whole:
        kept = _set_ids(backup, in_backup)
        now = _set_ids(data_dir, current - damaged)
        plan.sets_leaving = len(now - kept)
        plan.unreadable_now = len(damaged)
        return plan
    plan.damaged = sorted(damaged & in_backup)
    plan.missing = sorted(in_backup - current)
    if PROFILE_FILE in in_backup and profile_made_again(data_dir) and not profile_made_again(backup):
        plan.missing = sorted({*plan.missing, PROFILE_FILE})  # defaults in place of the lifter's
        plan.made_again = [PROFILE_FILE]
    plan.no_copy = sorted(damaged - in_backup)
    # Only the backup's broken copies of files damaged or missing here are worth naming.
    plan.skipped = [line for line in plan.skipped
                    if line.split(": ", 1)[0] in damaged or line.split(": ", 1)[0] not in current]
    return plan


def _set_ids(folder: Path, names: set[str]) -> set[str]:
    ids: set[str] = set()
    for name in names:
        if not name.startswith(f"{JOURNAL_DIR}/"):
            continue
        data = read_json_file(folder / name) or {}
        ids.update(str(record.get("id")) for record in data.get("sets", {}).values())
    return ids


def restore_backup(data_dir: Path, backup: Path, *, whole: bool = False, plan: RestorePlan | None = None) -> Restored:
    """Restore the damaged or missing files from `backup` (every file with `whole`)."""
    data_dir = Path(data_dir)
    plan = plan or plan_restore(data_dir, backup, whole=whole)
    skipped = {line.split(": ", 1)[0] for line in plan.skipped}
    if plan.whole:
        names = sorted(n for p in data_files(backup) if (n := p.relative_to(backup).as_posix()) not in skipped)
    else:
        names = plan.put_back
    if not names and not plan.whole:
        return Restored(plan, None)
    aside, staging = _new_restore_folders(data_dir)
    target = staging
    try:
        (staging / JOURNAL_DIR).mkdir()
        if plan.whole:
            _mark(staging, WHOLE)
            made = max((made_order(b)[0] for b in list_backups(data_dir)), default=0)
            (aside / ROLLED_BACK).write_text(f"{made} {plan.backup.name}", encoding="utf-8")
        for name in names:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(backup / name, target)
            _fsync_file(target)
        for folder in {(staging / name).parent for name in names} | {staging / JOURNAL_DIR}:
            fsync_dir(folder)
        _mark(staging, COPIED)
    except OSError as error:
        _drop(staging, aside)
        raise DiskWriteError(target, error) from error
    _swap_in(data_dir, staging, aside, undo_on_error=True)
    return Restored(plan, aside if _holds_files(aside) else None)


def _new_restore_folders(data_dir: Path) -> tuple[Path, Path]:
    """A fresh replaced/<id>/ and .restoring-<id>/, both created here, so never shared."""
    replaced = data_dir / REPLACED_DIR
    replaced.mkdir(exist_ok=True)
    stamp = f"{datetime.now():%Y-%m-%d_%H%M%S}"
    for n in range(1, 10_000):
        name = stamp if n == 1 else f"{stamp}-{n}"
        try:
            (replaced / name).mkdir()
        except FileExistsError:
            continue
        try:
            (data_dir / f"{STAGING_PREFIX}{name}").mkdir()
        except FileExistsError:
            (replaced / name).rmdir()
            continue
        return replaced / name, data_dir / f"{STAGING_PREFIX}{name}"
    raise StoreError(f"could not make a new folder in {replaced}; nothing was changed")


def finish_interrupted_restores(data_dir: Path) -> list[Path]:
    """Restores cut short (killed, a power cut): one whose copy was complete is finished,
    one whose copy was not is dropped (nothing had moved yet). Returns where the finished
    ones put the files they replaced. Called with the data folder's lock held."""
    data_dir = Path(data_dir)
    finished = []
    for staging in sorted(data_dir.glob(STAGING_PREFIX + "*")):
        aside = data_dir / REPLACED_DIR / staging.name.removeprefix(STAGING_PREFIX)
        if (staging / COPIED).exists():
            _swap_in(data_dir, staging, aside)
            finished.append(aside)
        else:
            _drop(staging, aside)
    # Staged inside backups/ by older versions: the whole folder, set aside in backups/broken-*.
    root = backups_root(data_dir)
    for staging in sorted(root.glob(STAGING_PREFIX + "*")) if root.is_dir() else []:
        aside = root / f"broken-{staging.name.removeprefix(STAGING_PREFIX)}"
        if not (staging / COPIED).exists():
            _drop(staging, aside)
            continue
        _mark(staging, WHOLE)
        try:
            _swap_in(data_dir, staging, aside)
            finished.append(aside)
        except OSError as error:
            # backups/ on another file system: not one file could move, so it is dropped.
            if error.errno != errno.EXDEV or (staging / ASIDE_DONE).exists():
                raise
            _drop(staging, aside)
    return finished


def _swap_in(data_dir: Path, staging: Path, aside: Path, *, undo_on_error: bool = False) -> None:
    """The files being replaced aside, then the staged copies in; safe to run again after a
    cut. With `undo_on_error`, a failing rename puts every file back where it was and
    leaves nothing to finish."""
    (data_dir / JOURNAL_DIR).mkdir(exist_ok=True)
    moves: list[tuple[Path, Path]] = []
    try:
        if not (staging / ASIDE_DONE).exists():
            (aside / JOURNAL_DIR).mkdir(parents=True, exist_ok=True)
            if (staging / WHOLE).exists():
                going = data_files(data_dir)
            else:
                going = [data_dir / p.relative_to(staging) for p in data_files(staging)]
            for current in going:
                if current.exists():
                    _move(current, aside / current.relative_to(data_dir), moves)
            for folder in (aside, aside / JOURNAL_DIR, data_dir, data_dir / JOURNAL_DIR):
                fsync_dir(folder)
            _mark(staging, ASIDE_DONE)
        for copied in data_files(staging):
            _move(copied, data_dir / copied.relative_to(staging), moves)
    except OSError as error:
        if not undo_on_error:
            raise
        for source, moved_to in reversed(moves):
            os.replace(moved_to, source)
        _drop(staging, aside)
        raise StoreError(f"could not restore: {error.strerror or error}; every file is as it was") from error
    fsync_dir(data_dir)
    fsync_dir(data_dir / JOURNAL_DIR)
    if (data_dir / PROGRAMS_DIR).is_dir():
        fsync_dir(data_dir / PROGRAMS_DIR)
    shutil.rmtree(staging, ignore_errors=True)
    if not _holds_files(aside):
        shutil.rmtree(aside, ignore_errors=True)


def _move(source: Path, target: Path, moves: list[tuple[Path, Path]]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)  # programs/ may not be there yet
    os.replace(source, target)
    moves.append((source, target))


def _holds_files(folder: Path) -> bool:
    """Any data file in it (markers are dot files)."""
    return folder.is_dir() and any(p.is_file() and not p.name.startswith(".") for p in folder.rglob("*"))


def _drop(staging: Path, aside: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    if aside.is_dir() and not _holds_files(aside):
        shutil.rmtree(aside, ignore_errors=True)


def _mark(folder: Path, name: str) -> None:
    (folder / name).write_bytes(b"")
    fsync_dir(folder)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

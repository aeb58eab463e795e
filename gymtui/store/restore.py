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
from datetime import datetime
from pathlib import Path

from .atomic import fsync_dir
from .backup import backups_root, list_backups, made_order
from .errors import DiskWriteError, StoreError
from .layout import JOURNAL_DIR, PROGRAMS_DIR, data_files
from .restore_plan import REPLACED_DIR, ROLLED_BACK, Restored, RestorePlan, plan_restore

STAGING_PREFIX = ".restoring-"
# Markers in a staging folder: the copy is complete; the files it replaces are aside; the
# restore replaces the whole folder (not only the files staged).
COPIED = ".copied"
ASIDE_DONE = ".aside-done"
WHOLE = ".whole"


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

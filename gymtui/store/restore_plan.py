"""What a restore would do and what one did: the plan from a backup and the data folder, made before anything moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .backup import backup_problem
from .errors import CorruptFileError, StoreError
from .layout import JOURNAL_DIR, PROFILE_FILE, data_files, is_table_file
from .program_files import program_problems
from .schema import PART_TABLES, PROFILE_TABLES, validate_tables
from .storage import read_json_file

REPLACED_DIR = "replaced"

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

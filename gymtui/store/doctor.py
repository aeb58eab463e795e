"""`gymtui doctor`: read every data file fully and say what is wrong, changing nothing.

It also checks every backup, and compares the folder with the newest good backup: a week
file or profile.json that the backup has and the folder lacks is named as missing (gymtui
itself never deletes one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .atomic import TEMP_PREFIX
from .backup import backup_problem, dated_ahead, left_out, list_backups, made_order
from .errors import CorruptFileError
from .layout import JOURNAL_DIR, PROFILE_FILE, PROGRAMS_DIR, data_files, journal_parts, part_path
from .program_files import is_program_name, program_problems
from .restore_plan import last_rollback, profile_made_again
from .schema import PART_TABLES, PROFILE_TABLES, SCHEMA_VERSION, stored_version, validate_tables
from .storage import read_json_file


@dataclass(frozen=True)
class Finding:
    level: str  # "error" or "note"
    message: str


def check_data_dir(data_dir: Path, today: date | None = None) -> list[Finding]:
    data_dir = Path(data_dir)
    findings: list[Finding] = []
    damaged: list[Path] = []
    if not data_dir.exists():
        return [Finding("note", f"{data_dir} does not exist yet: gymtui creates it on first start")]
    profile_path = data_dir / PROFILE_FILE
    try:
        profile = read_json_file(profile_path)
        if profile is not None:
            validate_tables(profile_path, profile, PROFILE_TABLES)
            version = stored_version(profile, profile_path)
            if version > SCHEMA_VERSION:
                findings.append(
                    Finding("error", f"{profile_path}: schema {version} is newer than this gymtui ({SCHEMA_VERSION})")
                )
            elif version < SCHEMA_VERSION:
                findings.append(
                    Finding("note", f"{profile_path}: schema {version} will be migrated at next start (after a backup)")
                )
    except CorruptFileError as error:
        findings.append(Finding("error", str(error)))
        damaged.append(profile_path)
    for key in journal_parts(data_dir):
        path = part_path(data_dir, key)
        try:
            data = read_json_file(path)
            if data is not None:
                validate_tables(path, data, PART_TABLES)
        except CorruptFileError as error:
            findings.append(Finding("error", str(error)))
            damaged.append(path)
    # Program files have their own check (the app skips a broken one; never fatal).
    for name, reason in program_problems(data_dir).items():
        findings.append(Finding("error", f"{name}: {reason} (skipped until it is fixed)"))
        if name.endswith(".json"):
            damaged.append(data_dir / name)
    for folder in (data_dir, data_dir / JOURNAL_DIR, data_dir / PROGRAMS_DIR):
        if folder.is_dir():
            for leftover in folder.glob(TEMP_PREFIX + "*"):
                findings.append(
                    Finding("note", f"{leftover}: temp file from an interrupted write (removed at next start)")
                )
    findings += _check_backups(data_dir, today or date.today(), findings, damaged)
    return findings


def _check_backups(data_dir: Path, today: date, findings: list[Finding], damaged: list[Path]) -> list[Finding]:
    """Each backup checked; the folder compared with the good ones; advice."""
    notes, good = [], []
    for backup in list_backups(data_dir):  # the most recently made first
        problem = backup_problem(backup)
        if problem:
            notes.append(Finding("note", f"backup {backup.name} cannot be used, {problem}"))
        else:
            good.append(backup)
            for name, reason in left_out(backup).items():
                notes.append(Finding("note", f"backup {backup.name} left out {name}, which did not validate: {reason}"))
    for backup in dated_ahead(data_dir, today):
        notes.append(Finding("note", f"backup {backup.name} is dated ahead of today ({today}): made while the"
                                     " clock was wrong? It is pruned like the others, in the order backups were made"))
    notes += _missing_files(data_dir, good)
    newest_helps = False
    for path in damaged:  # a copy to put back, or where there is none
        name = path.relative_to(data_dir).as_posix()
        holder = next((b for b in good if (b / name).is_file()), None)
        newest_helps |= holder is not None and holder == good[0]
        if holder is None:
            notes.append(Finding("note", f"no good backup has a copy of {name}: fix it by hand or move it out"
                                         " of the folder"))
        elif holder != good[0]:
            notes.append(Finding("note", f"the newest good backup has no copy of {name}; the backup {holder.name}"
                                         f" has one: gymtui restore {holder.name} puts it back"))
    if any(f.level == "error" for f in findings + notes):
        if newest_helps:
            notes.append(Finding("note", f"newest good backup: {good[0]} (gymtui restore {good[0].name} puts back"
                                         " the damaged or missing files only and keeps every other file)"))
        elif not good and not damaged:
            notes.append(Finding("note", "no good backup to restore from"))
    return notes


def _missing_files(data_dir: Path, good: list[Path]) -> list[Finding]:
    """A file some good backup has and the folder lacks, named with the backup that has it.
    Every good backup is looked at, since the daily backups made after a loss lack the
    file too. A whole-folder rollback left the files of the backups made before it behind
    on purpose: then only those made since, and the one rolled back to, count."""
    rolled_back = last_rollback(data_dir)
    if rolled_back is not None:
        made, target = rolled_back
        good = [b for b in good if made_order(b)[0] > made or b.name == target]
    present = {p.relative_to(data_dir).as_posix() for p in data_files(data_dir)}
    found, named = [], set()
    for backup in good:
        for copy in data_files(backup):
            name = copy.relative_to(backup).as_posix()
            if name not in present and name not in named:
                named.add(name)
                what = (
                    "settings, your own exercises and routines"
                    if name == PROFILE_FILE
                    else "one of your programs"
                    if is_program_name(name)
                    else "that week's sessions and sets"
                )
                found.append(Finding("error", f"{data_dir / name} is missing ({what}); the backup {backup.name} has it:"
                                              f" gymtui restore {backup.name} puts it back"))
    made_again = profile_made_again(data_dir)
    before = next((b for b in good if (b / PROFILE_FILE).exists() and not profile_made_again(b)), None)
    if made_again and PROFILE_FILE in present and before is not None:
        found.append(Finding("error", f"{data_dir / PROFILE_FILE} went missing and was made again with default"
                                      f" settings on {made_again}; the backup {before.name} has the one before:"
                                      f" gymtui restore {before.name} puts it back"))
    return found

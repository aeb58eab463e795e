"""`gymtui doctor`: read every data file fully and say what is wrong, changing nothing.

It also checks every backup, and compares the folder with the newest good backup: a week
file or profile.json that the backup has and the folder lacks is named as missing (gymtui
itself never deletes one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .atomic import TEMP_PREFIX
from .backup import backup_problem, dated_ahead, list_backups
from .errors import CorruptFileError
from .layout import JOURNAL_DIR, PROFILE_FILE, data_files, journal_parts, part_path
from .schema import PART_TABLES, PROFILE_TABLES, SCHEMA_VERSION, stored_version, validate_tables
from .storage import read_json_file


@dataclass(frozen=True)
class Finding:
    level: str  # "error" or "note"
    message: str


def check_data_dir(data_dir: Path, today: date | None = None) -> list[Finding]:
    data_dir = Path(data_dir)
    findings: list[Finding] = []
    if not data_dir.exists():
        return [Finding("note", f"{data_dir} does not exist yet: gymtui creates it on first start")]
    profile_path = data_dir / PROFILE_FILE
    try:
        profile = read_json_file(profile_path)
        if profile is not None:
            validate_tables(profile_path, profile, PROFILE_TABLES)
            version = stored_version(profile, profile_path)
            if version > SCHEMA_VERSION:
                findings.append(Finding("error", f"{profile_path}: schema {version} is newer than this gymtui ({SCHEMA_VERSION})"))
            elif version < SCHEMA_VERSION:
                findings.append(Finding("note", f"{profile_path}: schema {version} will be migrated at next start (after a backup)"))
    except CorruptFileError as error:
        findings.append(Finding("error", str(error)))
    for key in journal_parts(data_dir):
        path = part_path(data_dir, key)
        try:
            data = read_json_file(path)
            if data is not None:
                validate_tables(path, data, PART_TABLES)
        except CorruptFileError as error:
            findings.append(Finding("error", str(error)))
    for folder in (data_dir, data_dir / JOURNAL_DIR):
        if folder.is_dir():
            for leftover in folder.glob(TEMP_PREFIX + "*"):
                findings.append(Finding("note", f"{leftover}: temp file from an interrupted write (removed at next start)"))
    findings += _check_backups(data_dir, today or date.today(), findings)
    return findings


def _check_backups(data_dir: Path, today: date, findings: list[Finding]) -> list[Finding]:
    """Each backup checked; the folder compared with the newest good one; advice."""
    notes, good = [], None
    for backup in list_backups(data_dir):
        problem = backup_problem(backup)
        if problem:
            notes.append(Finding("note", f"backup {backup.name} cannot be used, {problem}"))
        elif good is None:
            good = backup
    for backup in dated_ahead(data_dir, today):
        notes.append(Finding("note", f"backup {backup.name} is dated ahead of today ({today}): made while the"
                                     " clock was wrong? It is pruned like the others, in the order backups were made"))
    if good is not None:
        present = {p.relative_to(data_dir).as_posix() for p in data_files(data_dir)}
        for copy in data_files(good):
            name = copy.relative_to(good).as_posix()
            if name not in present:
                what = "settings, your own exercises and routines" if name == PROFILE_FILE else "that week's sessions and sets"
                notes.append(Finding("error", f"{data_dir / name} is missing ({what}); the backup {good.name} has it"))
    if any(f.level == "error" for f in findings + notes):
        if good is not None:
            notes.append(Finding("note", f"newest good backup: {good} (gymtui restore {good.name} puts back the"
                                         " damaged or missing files only and keeps every other file)"))
        else:
            notes.append(Finding("note", "no good backup to restore from"))
    return notes

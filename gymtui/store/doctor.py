"""`gymtui doctor`: read every data file fully and say what is wrong, changing nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .atomic import TEMP_PREFIX
from .backup import list_backups
from .errors import CorruptFileError
from .layout import JOURNAL_DIR, PROFILE_FILE, journal_parts, part_path
from .schema import PART_TABLES, PROFILE_TABLES, SCHEMA_VERSION, stored_version, validate_tables
from .storage import read_json_file


@dataclass(frozen=True)
class Finding:
    level: str  # "error" or "note"
    message: str


def check_data_dir(data_dir: Path) -> list[Finding]:
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
    if any(f.level == "error" for f in findings):
        good = list_backups(data_dir)
        if good:
            findings.append(Finding("note", f"newest backup: {good[0]} (restore with: gymtui restore {good[0].name})"))
        else:
            findings.append(Finding("note", "no backup to restore from"))
    return findings

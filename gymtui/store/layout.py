"""Where things live inside a data folder.

    profile.json          settings, custom exercises, routines, checklist items, schema
    journal/YYYY-Www.json one file per ISO week: sessions, sets, checklist ticks, recovery notes
    programs/NAME.json    the lifter's own programs, one a file (see program_files.py)
    backups/              daily copies (see backup.py)
    gymtui.lock           held by the one process that writes

Weekly files keep every write small however many years of history there are: a write
re-serialises one week (a few dozen sets), never the years before it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

PROFILE_FILE = "profile.json"
JOURNAL_DIR = "journal"
PROGRAMS_DIR = "programs"
PART_FILE = re.compile(r"^\d{4}-W\d{2}\.json$")


def part_key(day: date) -> str:
    """The ISO week a day belongs to, e.g. '2026-W47'; keys sort in date order."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def part_path(data_dir: Path, key: str) -> Path:
    return Path(data_dir) / JOURNAL_DIR / f"{key}.json"


def journal_parts(data_dir: Path) -> list[str]:
    """Week keys that have a file, newest first."""
    folder = Path(data_dir) / JOURNAL_DIR
    if not folder.is_dir():
        return []
    return sorted((p.name[:-5] for p in folder.iterdir() if PART_FILE.match(p.name)), reverse=True)


def program_paths(data_dir: Path) -> list[Path]:
    """The program files (`programs/*.json`, hidden ones left out), by name."""
    folder = Path(data_dir) / PROGRAMS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith(".") and p.is_file())


def data_files(data_dir: Path) -> list[Path]:
    """Every file a backup copies: profile.json, the week files and the program files.
    Program files are checked by their own rules (program_files.py), not as tables."""
    data_dir = Path(data_dir)
    files = []
    profile = data_dir / PROFILE_FILE
    if profile.exists():
        files.append(profile)
    files.extend(part_path(data_dir, key) for key in journal_parts(data_dir))
    files.extend(program_paths(data_dir))
    return files


def is_table_file(path: Path) -> bool:
    """profile.json or a week file: validated as tables (a program file is not)."""
    return path.name == PROFILE_FILE or path.parent.name == JOURNAL_DIR

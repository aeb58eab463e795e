"""Where things live inside a data folder.

    profile.json          settings, custom exercises, routines, checklist items, schema
    journal/YYYY-MM.json  one file per month: sessions, sets, checklist ticks, recovery notes
    backups/              daily copies (see backup.py)
    gymtui.lock           held by the one process that writes

Monthly files keep every write small however many years of history there are.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

PROFILE_FILE = "profile.json"
JOURNAL_DIR = "journal"
MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.json$")


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_path(data_dir: Path, key: str) -> Path:
    return Path(data_dir) / JOURNAL_DIR / f"{key}.json"


def journal_months(data_dir: Path) -> list[str]:
    """Month keys that have a file, newest first."""
    folder = Path(data_dir) / JOURNAL_DIR
    if not folder.is_dir():
        return []
    keys = [m.group(1) + "-" + m.group(2) for p in folder.iterdir() if (m := MONTH_FILE.match(p.name))]
    return sorted(keys, reverse=True)


def data_files(data_dir: Path) -> list[Path]:
    data_dir = Path(data_dir)
    files = []
    profile = data_dir / PROFILE_FILE
    if profile.exists():
        files.append(profile)
    files.extend(month_path(data_dir, key) for key in journal_months(data_dir))
    return files

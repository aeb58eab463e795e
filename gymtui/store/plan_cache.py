"""Today's plan as last drawn, kept so the next start can draw it before the store is open.

Planning needs the models, the store and ten years of history: several hundred
milliseconds at start. What it produced is kept in `cache/today-plan.json`, by day (today's
and the next few days', planned from the same files, so the first start of a later day
finds its plan too), with the key it was made under: the gymtui version and the identity
(name, size, modification time, inode) of every data file planning can read (profile.json,
the week files, the program files). At the next start the key is made again from the folder
with the standard library alone; only an exact match, for the day it is, is drawn, and the
app plans anew at once and replaces what was drawn when the two differ. A missing, damaged
or foreign cache file is ignored, never drawn.

The cache is derived data (under cache/, not backed up): it is written atomically (a temp
file moved into place) but without fsync, so a power cut costs one start without it.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from .layout import JOURNAL_DIR, PART_FILE, PROFILE_FILE, PROGRAMS_DIR

CACHE_FILE = "cache/today-plan.json"
FORMAT = 1  # the payload's shape: a file of another format is ignored


def cache_path(data_dir: Path) -> Path:
    return Path(data_dir) / CACHE_FILE


def data_identity(data_dir: Path) -> str:
    """One line per data file that planning can read: its name, size, modification time and
    inode (an atomic write makes a new file, so even a same-size rewrite in the same clock tick
    gets a new inode). A file added, removed or rewritten changes the text."""
    data_dir = Path(data_dir)
    lines = []
    for folder, wanted in ((JOURNAL_DIR, PART_FILE.match), (PROGRAMS_DIR, _program_file)):
        with contextlib.suppress(OSError), os.scandir(data_dir / folder) as entries:
            for entry in entries:
                if wanted(entry.name):
                    lines.append(_identity(f"{folder}/{entry.name}", entry.path))
    lines.append(_identity(PROFILE_FILE, data_dir / PROFILE_FILE))
    return "\n".join(sorted(lines))


def _program_file(name: str) -> bool:
    return name.endswith(".json") and not name.startswith(".")


def _identity(name: str, path: str | Path) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return f"{name} missing"
    return f"{name} {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}"


def plan_key(data_dir: Path) -> dict[str, Any]:
    """What cached plans must have been made under to be drawn from this folder."""
    return {"format": FORMAT, "version": __version__, "files": data_identity(data_dir)}


def cached_plans(data_dir: Path, key: dict[str, Any]) -> dict[str, Any]:
    """The payloads saved under exactly `key`, by day ('2026-11-16'); none when there is no
    cache, it was saved under another key, or it is damaged."""
    try:
        saved = json.loads(cache_path(data_dir).read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(saved, dict) or saved.get("key") != key or not isinstance(saved.get("days"), dict):
        return {}
    days: dict[str, Any] = saved["days"]
    return days


def cached_plan(data_dir: Path, key: dict[str, Any], day: date) -> Any:
    """The payload saved for `day` under exactly `key`, or None."""
    return cached_plans(data_dir, key).get(day.isoformat())


def save_plans(data_dir: Path, key: dict[str, Any], days: dict[str, Any]) -> bool:
    """Keep `days` (payloads by day) under `key`, replacing the cache file in one move (never
    half written); nothing is written when the file already holds the same. Best effort: a
    folder that cannot be written only costs the next start its quick draw. True when it
    was written."""
    path = cache_path(data_dir)
    data = json.dumps({"key": key, "days": days}, ensure_ascii=False, sort_keys=True).encode()
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return False
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    return True


def forget_plan(data_dir: Path) -> None:
    """No cached plan: the next start plans before it draws."""
    with contextlib.suppress(OSError):
        cache_path(data_dir).unlink()

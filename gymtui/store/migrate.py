"""Bring an older data folder up to the current schema, after taking a backup."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .atomic import atomic_write_bytes
from .backup import make_backup
from .errors import SchemaError
from .layout import PROFILE_FILE, journal_parts, part_path
from .schema import MIGRATIONS, SCHEMA_VERSION, stored_version
from .storage import read_json_file


def migrate_if_needed(data_dir: Path, today: date) -> int | None:
    """Returns the version migrated from, or None when nothing had to change."""
    data_dir = Path(data_dir)
    profile_path = data_dir / PROFILE_FILE
    profile = read_json_file(profile_path)
    version = stored_version(profile, profile_path)
    if version == SCHEMA_VERSION:
        return None
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{profile_path}: written by a newer gymtui (schema {version}, this one reads {SCHEMA_VERSION});"
            " upgrade gymtui"
        )
    # Keep a copy of exactly what was there before anything is rewritten.
    make_backup(data_dir, f"{today.isoformat()}-before-schema-{SCHEMA_VERSION}", keep=10**6, verify=False)
    parts = {key: read_json_file(part_path(data_dir, key)) or {} for key in journal_parts(data_dir)}
    assert profile is not None
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](profile, parts)
    profile["meta"] = {"1": {"schema": SCHEMA_VERSION}}
    for key, data in parts.items():
        atomic_write_bytes(part_path(data_dir, key), json.dumps(data, ensure_ascii=False).encode())
    # The profile goes last: until it says the new version, a rerun migrates again.
    atomic_write_bytes(profile_path, json.dumps(profile, ensure_ascii=False).encode())
    return version

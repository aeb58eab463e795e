"""Schema versions, record validation per table, and migrations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..domain.common import describe_error
from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from ..domain.journal import LoggedSet, Session
from ..domain.library import ChecklistItem, Exercise, Routine
from ..domain.settings import Settings
from .errors import CorruptFileError

SCHEMA_VERSION = 1

PROFILE_TABLES: dict[str, type[BaseModel] | None] = {
    "meta": None,
    "settings": Settings,
    "exercises": Exercise,
    "routines": Routine,
    "checklist_items": ChecklistItem,
}
PART_TABLES: dict[str, type[BaseModel]] = {
    "sessions": Session,
    "sets": LoggedSet,
    "checklist": ChecklistEntry,
    "recovery": RecoveryNote,
    "mobility": MobilityDone,
}

# version -> function upgrading the profile and week-file dicts from that version to the next.
Migration = Callable[[dict[str, Any], dict[str, dict[str, Any]]], None]
MIGRATIONS: dict[int, Migration] = {}


def validate_tables(path: Path, data: dict[str, Any], models: dict[str, Any]) -> None:
    """Every record of every known table must validate; unknown tables are refused too."""
    for table, records in data.items():
        if table not in models:
            raise CorruptFileError(path, f"unknown table {table!r} (hand-edited?)")
        model = models[table]
        if model is None:
            continue
        for doc_id, record in records.items():
            try:
                model.model_validate(record)
            except ValidationError as error:
                label = record.get("id") or record.get("date") if isinstance(record, dict) else None
                which = f"{table} record {doc_id}" + (f" ({label})" if label else "")
                raise CorruptFileError(path, f"{which}: {describe_error(error)}") from error


def canonical_tables(path: Path, data: dict[str, Any], models: dict[str, Any]) -> dict[str, Any]:
    """`validate_tables`, keeping what each record validates to: the records as the models
    dump them (times with their offset, tempos written out, defaults filled in). Kept in
    memory, a record read from a file gymtui did not write is then like one it wrote, so
    it can be built without validating it again (domain/trusted.py), and a later write of
    the file writes it in that form."""
    out: dict[str, Any] = {}
    for table, records in data.items():
        if table not in models:
            raise CorruptFileError(path, f"unknown table {table!r} (hand-edited?)")
        model = models[table]
        if model is None:
            out[table] = records
            continue
        out[table] = {}
        for doc_id, record in records.items():
            try:
                out[table][doc_id] = model.model_validate(record).model_dump(mode="json")
            except ValidationError as error:
                label = record.get("id") or record.get("date") if isinstance(record, dict) else None
                which = f"{table} record {doc_id}" + (f" ({label})" if label else "")
                raise CorruptFileError(path, f"{which}: {describe_error(error)}") from error
    return out


def stored_version(profile: dict[str, Any] | None, path: Path = Path("profile.json")) -> int:
    """The schema the profile says it was written at. A number no migration starts from
    (missing, text, or older than the oldest migration) is a hand edit: refused, naming
    the file, before anything would be migrated."""
    if not profile:
        return SCHEMA_VERSION
    meta = profile.get("meta", {})
    written = [record["schema"] for record in meta.values() if isinstance(record, dict) and "schema" in record]
    if not written:
        raise CorruptFileError(
            path, f'has no schema version (its "meta" table should hold {{"schema": {SCHEMA_VERSION}}}; hand-edited?)'
        )
    version = written[0]
    known = isinstance(version, int) and not isinstance(version, bool)
    if isinstance(version, int) and known and version < SCHEMA_VERSION:
        known = all(step in MIGRATIONS for step in range(version, SCHEMA_VERSION))
    if not known or not isinstance(version, int):
        raise CorruptFileError(path, f"schema {version!r} in its \"meta\" table is not a version any gymtui wrote"
                                     f" (this one writes {SCHEMA_VERSION}; hand-edited?)")
    return version

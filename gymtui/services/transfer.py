"""Export and import between the store and files.

Import reads Strong, Hevy and FitNotes CSV exports, and gymtui's own JSON export (found by
its content). Whatever the file, nothing already stored is added twice, and a file that
cannot be read at all stores nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..domain.journal import LoggedSet, Session
from ..domain.units import Unit
from ..importers.export import export_strong_csv
from ..importers.importer import CsvImport, open_text
from ..importers.json_bundle import FORMAT_NAME, export_json
from ..store import Store
from ..store.errors import DiskWriteError, PartlyStoredError
from .context import load_library
from .import_outcome import ImportOutcome
from .json_restore import restore_json
from .library import Library

IMPORT_FORMATS = ("auto", "strong", "hevy", "fitnotes")


def export_text(store: Store, fmt: str, *, unit: Unit | None = None) -> str:
    records = store.export_records()
    library = load_library(store)
    if fmt == "json":
        return export_json(
            {
                **records,
                "settings": store.settings(),
                "exercises": store.custom_exercises(),
                "routines": store.routines(),
                "programs": list(library.own_programs),
                "checklist_items": store.checklist_items() or [],
            }
        )
    sessions = [Session.model_validate(d) for d in records["sessions"]]
    sets = [LoggedSet.model_validate(d) for d in records["sets"]]
    return export_strong_csv(sessions, sets, library.exercises(), unit=unit or store.settings().unit)


# -- import ---------------------------------------------------------------------------------


def looks_like_gymtui_json(text: str) -> bool:
    start = text.lstrip("\ufeff \t\r\n")[:200]
    return start.startswith("{") and f'"{FORMAT_NAME}"' in start


def import_path(
    store: Store,
    path: str | Path,
    *,
    fmt: str = "auto",
    unit: Unit | None = None,
    tz: str,
    library: Library | None = None,
) -> ImportOutcome:
    """Import a file into the store. `tz` reads times written without a zone; `library` (the
    shipped catalog plus the user's exercises) is what exercise names are matched against."""
    if fmt not in IMPORT_FORMATS:
        return ImportOutcome(error=f"unknown format {fmt!r}: use {', '.join(IMPORT_FORMATS)}")
    try:
        handle = open_text(Path(path).expanduser())
    except FileNotFoundError:
        return ImportOutcome(error=f"{path}: no such file")
    except IsADirectoryError:
        return ImportOutcome(error=f"{path} is a folder: name the exported file")
    except (OSError, ValueError) as error:
        return ImportOutcome(error=str(error))
    library = library or load_library(store)
    with handle:
        if fmt == "auto" and looks_like_gymtui_json(handle.read(200)):
            handle.seek(0)
            outcome = restore_json(store, handle.read(), library)
            if outcome.error is not None:
                outcome.error = f"{Path(path).name}: {outcome.error}"
            return outcome
        handle.seek(0)
        return import_csv(store, handle, fmt=fmt, unit=unit, tz=tz, library=library)


# Sets handed to the store at a time: a file of any size is imported in bounded memory.
IMPORT_BATCH = 5000


def import_csv(
    store: Store, lines: Iterable[str], *, fmt: str, unit: Unit | None, tz: str, library: Library
) -> ImportOutcome:
    """Read the export workout by workout and store it in batches of whole workouts."""
    reading = CsvImport(lines, fmt=fmt, unit=unit, exercises=library.exercises(), tz=tz)
    if not reading.result.ok:
        return ImportOutcome(error=reading.result.error)
    known = _KnownKeys(store.iter_source_keys())
    had = {e.id for e in store.custom_exercises()}
    outcome = ImportOutcome(csv=reading.result)
    block_start = _block_start_to_keep(store)
    saved: set[str] = set()
    sessions: list[Session] = []
    sets: list[LoggedSet] = []

    def store_batch() -> None:
        if not sets:
            return
        # Exercises first, so a stored set never names an exercise the store does not know;
        # and only those the new sets use, so importing a file again adds no exercise either.
        used = {s.exercise for s in sets if s.source_key not in known} - saved
        new_exercises = [e for e in reading.assembler.out.new_exercises if e.id in used]
        store.save_exercises(new_exercises)
        saved.update(e.id for e in new_exercises)
        added = store.add_many(sessions, sets, known=known)
        outcome.sessions_added += added[0]
        outcome.sets_added += added[1]
        sessions.clear()
        sets.clear()

    try:
        for session, workout_sets in reading.workouts():
            if session is not None:
                sessions.append(session)
            sets.extend(workout_sets)
            if len(sets) >= IMPORT_BATCH:
                store_batch()
        store_batch()
    except DiskWriteError as error:
        _keep_block_start(store, block_start, quietly=True)
        # Earlier batches are on disk: the message counts them with what this one stored.
        workouts = outcome.sessions_added + getattr(error, "workouts", 0)
        stored_sets = outcome.sets_added + getattr(error, "sets", 0)
        if workouts or stored_sets:
            raise PartlyStoredError(error, workouts, stored_sets) from error
        raise
    _keep_block_start(store, block_start)
    outcome.sessions_read = reading.result.tally.sessions
    outcome.sets_read = reading.result.tally.sets
    outcome.exercises_added = len(saved - had)
    return outcome


class _KnownKeys:
    """The source keys already stored, held as short digests: a store with hundreds of
    thousands of imported sets would otherwise hold every key's text during an import."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._digests = {self._digest(key) for key in keys}

    @staticmethod
    def _digest(key: str) -> int:
        return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=12).digest(), "big")

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._digest(key) in self._digests


def _block_start_to_keep(store: Store) -> date | None:
    """Where block weeks count from, fixed before imported history lands (None when the
    settings already hold it): without a start in the settings the oldest week file stands
    in, and an import would move it years back (today could then be any week of the block, a
    deload too). Imported sessions give starting loads; the block goes on from the lifter's
    own first week, or starts this week."""
    from .program_days import program_start

    settings = store.settings()
    return program_start(store, settings, store.today()) if settings.program_start is None else None


def _keep_block_start(store: Store, start: date | None, *, quietly: bool = False) -> None:
    if start is None or store.settings().program_start is not None:
        return
    try:
        store.save_settings(store.settings().model_copy(update={"program_start": start}))
    except (DiskWriteError, OSError):
        if not quietly:
            raise

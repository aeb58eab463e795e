"""Export and import between the store and files.

Import reads Strong, Hevy and FitNotes CSV exports, and gymtui's own JSON export (found by
its content). Whatever the file, nothing already stored is added twice, and a file that
cannot be read at all stores nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..domain.journal import LoggedSet, Session
from ..domain.settings import Settings
from ..domain.units import Unit
from ..domain.wording import plural
from ..importers import ImportResult
from ..importers.export import export_strong_csv
from ..importers.importer import CsvImport, open_text
from ..importers.json_bundle import FORMAT_NAME, GymtuiData, export_json, import_json
from ..store import Store
from ..store.errors import DiskWriteError, PartlyStoredError
from .context import load_library
from .library import Library

_WithId = TypeVar("_WithId", Session, LoggedSet)

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


@dataclass
class ImportOutcome:
    """What an import read from the file and what it added to the store."""

    error: str | None = None
    csv: ImportResult | None = None  # set for Strong, Hevy and FitNotes files
    restored: list[str] = field(default_factory=list)  # lines about a gymtui JSON restore
    problems: list[str] = field(default_factory=list)  # JSON items left out
    sessions_read: int = 0
    sets_read: int = 0
    sessions_added: int = 0
    sets_added: int = 0
    exercises_added: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def stored_anything(self) -> bool:
        return bool(self.sessions_added or self.sets_added or self.exercises_added or self.restored)

    def summary(self) -> str:
        if self.error is not None:
            return f"Nothing imported: {self.error}"
        # What was stored comes first: the rest of the report can be long.
        lines = [
            f"Stored: {plural(self.sessions_added, 'new workout')}, {plural(self.sets_added, 'new set')}"
            + (f", {plural(self.exercises_added, 'new exercise')}" if self.exercises_added else "") + "."
        ]
        already_sessions = self.sessions_read - self.sessions_added
        already_sets = self.sets_read - self.sets_added
        if already_sessions or already_sets:
            lines.append(f"Already there (not added again): {plural(already_sessions, 'workout')}, "
                         f"{plural(already_sets, 'set')}.")
        lines += self.restored
        if self.problems:
            lines.append(f"Left out ({len(self.problems)}):")
            lines += [f"  {p}" for p in self.problems[:20]]
            if len(self.problems) > 20:
                lines.append(f"  ... and {len(self.problems) - 20} more")
        lines.append(self.csv.summary() if self.csv is not None else "Read from a gymtui export (JSON).")
        return "\n".join(lines)


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


def restore_json(store: Store, text: str, library: Library) -> ImportOutcome:
    """Bring back a gymtui JSON export: sessions, sets, checklist, recovery, custom exercises,
    routines, and the settings when this store still has the defaults. Records already here
    (same id, same source key, or same day for day records) are kept as they are."""
    data = import_json(text)
    if data.error is not None:
        return ImportOutcome(error=data.error)
    outcome = ImportOutcome(problems=list(data.problems), sessions_read=len(data.sessions),
                            sets_read=len(data.sets))
    stored = store.stored_ids()
    session_ids = stored["sessions"] | {s.id for s in data.sessions}
    orphans = [s for s in data.sets if s.session_id not in session_ids]
    outcome.problems += [f"set {s.id}: its session {s.session_id} is not in the file" for s in orphans]
    outcome.sets_read -= len(orphans)
    sessions = _unique(s for s in data.sessions if s.id not in stored["sessions"])
    sets = _unique(s for s in data.sets if s.id not in stored["sets"] and s.session_id in session_ids)

    known = {e.id for e in store.custom_exercises()}
    store.save_exercises(data.exercises)
    outcome.exercises_added = len({e.id for e in data.exercises} - known)
    outcome.sessions_added, outcome.sets_added = store.add_many(sessions, sets)
    try:
        _restore_the_rest(store, data, outcome)
    except DiskWriteError as error:
        if outcome.sessions_added or outcome.sets_added:  # those are on disk: say so
            raise PartlyStoredError(error, outcome.sessions_added, outcome.sets_added) from error
        raise
    return outcome


def _restore_the_rest(store: Store, data: GymtuiData, outcome: ImportOutcome) -> None:
    """Day records, mobility runs, routines, settings and the checklist list, after the sets."""
    checklist_added, recovery_added = store.add_day_records(data.checklist, data.recovery)
    mobility_added = store.add_mobility_records(data.mobility)
    routines_added = _restore_routines(store, data)
    outcome.restored.append(
        f"Day records: {checklist_added} of {len(data.checklist)} checklist days and {recovery_added} of "
        f"{len(data.recovery)} recovery notes added (days already noted here were kept)."
    )
    if data.mobility:
        outcome.restored.append(f"Mobility runs: {mobility_added} of {len(data.mobility)} added.")
    if data.routines:
        outcome.restored.append(f"Routines: {routines_added} of {len(data.routines)} added.")
    outcome.restored.append(_restore_settings(store, data.settings))
    if data.checklist_items:
        outcome.restored.append(_restore_checklist_items(store, data))
    if data.programs:
        outcome.restored.append(_restore_programs(store, data))


def _unique(items: Iterable[_WithId]) -> list[_WithId]:
    """Items whose id appears once (the first one), in order: a hand-joined file may repeat one."""
    seen: set[str] = set()
    kept: list[_WithId] = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            kept.append(item)
    return kept


def _restore_routines(store: Store, data: GymtuiData) -> int:
    have = {r.id for r in store.routines()}
    added = 0
    for routine in data.routines:
        if routine.id not in have:
            store.save_routine(routine)
            have.add(routine.id)
            added += 1
    return added


def _restore_programs(store: Store, data: GymtuiData) -> str:
    """The lifter's programs from the file, as files in programs/; one already here (or a
    shipped one) is kept as it is, and one naming an exercise nobody has is left out."""
    from ..domain.programs import ProgramError, check_program
    from .programs import save_own_program

    library = load_library(store)  # after the file's exercises were stored
    have = library.programs()
    ids = {exercise.id for exercise in library.exercises()}
    added, kept, refused = 0, 0, []
    for program in data.programs:
        if program.id in have:
            kept += 1
            continue
        try:
            check_program(program.model_dump(mode="json"), ids)
        except ProgramError as error:
            refused.append(f"{program.id} ({error})")
            continue
        save_own_program(store.data_dir, program)
        have[program.id] = program
        added += 1
    line = f"Programs: {added} of {len(data.programs)} added"
    if kept:
        line += f"; {kept} with an id already here kept as they were"
    if refused:
        line += "; left out: " + "; ".join(refused)
    return line + "."


def _restore_checklist_items(store: Store, data: GymtuiData) -> str:
    if store.checklist_items() is not None:
        return "Checklist items: yours were kept (you have edited the list here); the file's were not applied."
    store.save_checklist_items(data.checklist_items)
    return f"Checklist items: your list of {len(data.checklist_items)} restored from the file."


def _restore_settings(store: Store, settings: Settings | None) -> str:
    if settings is None:
        return "Settings: none in the file."
    current = store.settings()
    if current.model_copy(update={"program_start": None}) != Settings():
        return "Settings: yours were kept (you have changed them here); the file's were not applied."
    if settings.program_start is None and current.program_start is not None:
        settings = settings.model_copy(update={"program_start": current.program_start})
    store.save_settings(settings)
    return "Settings: restored from the file."

"""Bringing back a gymtui JSON export: what the file holds that the store lacks, and nothing twice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..domain.journal import LoggedSet, Session
from ..domain.settings import Settings
from ..importers.json_bundle import GymtuiData, import_json
from ..store import Store
from ..store.errors import DiskWriteError, PartlyStoredError
from .context import load_library
from .import_outcome import ImportOutcome
from .library import Library

_WithId = TypeVar("_WithId", Session, LoggedSet)



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

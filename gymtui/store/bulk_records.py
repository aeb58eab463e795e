"""Whole-journal reads and batch writes, for import, export and restoring a gymtui JSON export.

A batch makes one write per table of each week file touched, and adds nothing that is stored
already (by source key, id or date).
"""

from __future__ import annotations

import threading
from collections.abc import Container, Iterable, Iterator
from typing import Any

from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from ..domain.journal import LoggedSet, Session
from .errors import DiskWriteError, PartlyStoredError
from .layout import part_key
from .open_files import OpenFiles, dump
from .schema import PART_TABLES


class BulkRecords:
    def __init__(self, files: OpenFiles, mutex: threading.RLock) -> None:
        self._files = files
        self._mutex = mutex

    def source_keys(self) -> set[str]:
        return set(self.iter_source_keys())

    def iter_source_keys(self) -> Iterator[str]:
        """Source keys of every stored session and set, one week file at a time."""
        with self._mutex:
            for key in self._files.parts():
                for table in ("sessions", "sets"):
                    docs = self._files.part(key).table(table).all()
                    yield from (d["source_key"] for d in docs if d.get("source_key"))

    def add_many(
        self, sessions: list[Session], sets: list[LoggedSet], *, known: Container[str] | None = None
    ) -> tuple[int, int]:
        """Add sessions and sets, skipping any whose source_key is stored already (`known`:
        the stored keys, when the caller adds in batches and keeps them itself).

        One write per table of each week file touched. Returns (sessions added, sets added).
        """
        with self._mutex:
            if known is None:
                known = self.source_keys()
            session_part = {s.id: part_key(s.date) for s in sessions}
            by_part: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
            for session in sessions:
                if session.source_key and session.source_key in known:
                    continue
                by_part.setdefault(session_part[session.id], ([], []))[0].append(dump(session))
            for logged in sets:
                if logged.source_key and logged.source_key in known:
                    continue
                key = session_part.get(logged.session_id) or self._files.week_of_session(logged.session_id)
                by_part.setdefault(key, ([], []))[1].append(dump(logged))
            sessions_added = sets_added = 0
            try:
                for key, (new_sessions, new_sets) in sorted(by_part.items()):
                    db = self._files.part(key)
                    # Sessions first: a kill between the two writes leaves sessions whose sets a
                    # re-import adds (their source keys are not stored yet), never orphan sets.
                    if new_sessions:
                        db.table("sessions").insert_multiple(new_sessions)
                        for doc in new_sessions:
                            self._files.note_session(doc["id"], key)
                        sessions_added += len(new_sessions)
                    if new_sets:
                        db.table("sets").insert_multiple(new_sets)
                        sets_added += len(new_sets)
            except DiskWriteError as error:
                if sessions_added or sets_added:  # earlier weeks are on disk: say so
                    raise PartlyStoredError(error, sessions_added, sets_added) from error
                raise
            return sessions_added, sets_added

    def export_records(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in PART_TABLES}
        with self._mutex:
            for key in sorted(self._files.parts()):
                for name in PART_TABLES:
                    out[name].extend(dict(d) for d in self._files.part(key).table(name).all())
        return out

    def stored_ids(self) -> dict[str, set[str]]:
        """Ids of every stored session and set, and the dates of every checklist and recovery
        record: what a restore from a gymtui JSON export checks to add nothing twice."""
        found: dict[str, set[str]] = {name: set() for name in PART_TABLES}
        id_field = {"sessions": "id", "sets": "id", "checklist": "date", "recovery": "date"}
        with self._mutex:
            for key in self._files.parts():
                db = self._files.part(key)
                for name in PART_TABLES:
                    found[name].update(d[id_field[name]] for d in db.table(name).all())
        return found

    def add_day_records(self, checklist: Iterable[ChecklistEntry], recovery: Iterable[RecoveryNote]) -> tuple[int, int]:
        """Add checklist entries and recovery notes for days that have none yet (a day that
        has one keeps it). One write per table of each week file touched; returns the counts added."""
        by_part: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name, records in (("checklist", checklist), ("recovery", recovery)):
            for record in records:
                by_part.setdefault(part_key(record.date), {}).setdefault(name, []).append(dump(record))
        added = {"checklist": 0, "recovery": 0}
        with self._mutex:
            for key, tables in sorted(by_part.items()):
                db = self._files.part(key)
                for name, docs in tables.items():
                    table = db.table(name)
                    taken = {d["date"] for d in table.all()}
                    fresh = []
                    for doc in docs:
                        if doc["date"] not in taken:
                            taken.add(doc["date"])
                            fresh.append(doc)
                    if fresh:
                        table.insert_multiple(fresh)
                        added[name] += len(fresh)
        return added["checklist"], added["recovery"]

    def add_mobility_records(self, records: Iterable[MobilityDone]) -> int:
        """Add mobility runs not stored yet (same routine finished at the same moment)."""
        by_part: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            by_part.setdefault(part_key(record.date), []).append(dump(record))
        added = 0
        with self._mutex:
            for key, docs in sorted(by_part.items()):
                table = self._files.part(key).table("mobility")
                taken = {(d["routine"], d["completed_at"]) for d in table.all()}
                fresh = [d for d in docs if (d["routine"], d["completed_at"]) not in taken]
                if fresh:
                    table.insert_multiple(fresh)
                    added += len(fresh)
        return added

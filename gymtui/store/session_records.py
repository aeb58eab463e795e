"""Sessions and their sets in the week files: writes, and the reads the screens and planning make."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date
from typing import Any

from tinydb import Query, TinyDB

from ..domain.journal import LoggedSet, Session
from .errors import StoreError
from .layout import part_key
from .open_files import OpenFiles, dump, made
from .storage import AtomicJSONStorage

# Weeks whose sets are kept grouped by exercise: the half year planning reads, and more.
GROUPED_WEEKS = 64


class SessionRecords:
    def __init__(self, files: OpenFiles, mutex: threading.RLock) -> None:
        self._files = files
        self._mutex = mutex
        # Week key -> (its file's storage, that storage's write count, its sets by exercise).
        self._grouped: OrderedDict[str, tuple[AtomicJSONStorage, int, dict[str, list[dict[str, Any]]]]] = OrderedDict()

    # -- writes --------------------------------------------------------------------------

    def save_session(self, session: Session) -> Session:
        with self._mutex:
            key = part_key(session.date)
            self._files.part(key).table("sessions").upsert(dump(session), Query().id == session.id)
            self._files.note_session(session.id, key)
            return session

    def add_set(self, logged: LoggedSet) -> LoggedSet:
        """Store a set; when this returns the set is on disk."""
        with self._mutex:
            key = self._files.week_of_session(logged.session_id)
            self._files.part(key).table("sets").insert(dump(logged))
            return logged

    def update_set(self, logged: LoggedSet) -> LoggedSet:
        with self._mutex:
            key = self._files.week_of_session(logged.session_id)
            updated = self._files.part(key).table("sets").update(dump(logged), Query().id == logged.id)
            if not updated:
                raise StoreError(f"no set with id {logged.id} to update")
            return logged

    def delete_set(self, logged: LoggedSet) -> None:
        with self._mutex:
            key = self._files.week_of_session(logged.session_id)
            self._files.part(key).table("sets").remove(Query().id == logged.id)

    # -- reads ---------------------------------------------------------------------------

    def _sets_by_exercise(self, key: str, db: TinyDB) -> dict[str, list[dict[str, Any]]]:
        """The sets of week `key` grouped by exercise. Planning asks for each exercise of
        the day in turn, and a query per exercise read every set of each week again (a third
        of the planning at start); grouped once, they are read again only once the file has
        been written (its storage counts its writes) or opened anew."""
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)  # every week file is opened with it (open_files)
        kept = self._grouped.get(key)
        if kept is not None and kept[0] is storage and kept[1] == storage.writes:
            self._grouped.move_to_end(key)
            return kept[2]
        grouped: dict[str, list[dict[str, Any]]] = {}
        for doc in db.table("sets").all():
            grouped.setdefault(doc.get("exercise", ""), []).append(doc)
        self._grouped[key] = (storage, storage.writes, grouped)
        self._grouped.move_to_end(key)
        while len(self._grouped) > GROUPED_WEEKS:
            self._grouped.popitem(last=False)
        return grouped

    def session(self, session_id: str) -> Session | None:
        with self._mutex:
            try:
                key = self._files.week_of_session(session_id)
            except StoreError:
                return None
            db = self._files.part(key)
            doc = db.table("sessions").get(Query().id == session_id)
            return made(db, Session, doc) if isinstance(doc, dict) else None

    def session_sets(self, session_id: str) -> list[LoggedSet]:
        with self._mutex:
            key = self._files.week_of_session(session_id)
            db = self._files.part(key)
            docs = db.table("sets").search(Query().session_id == session_id)
            return sorted((made(db, LoggedSet, d) for d in docs), key=lambda s: s.logged_at)

    def sessions_in_part(self, key: str) -> list[Session]:
        with self._mutex:
            if not self._files.has_part(key):
                return []
            db = self._files.part(key)
            docs = db.table("sessions").all()
            return sorted((made(db, Session, d) for d in docs), key=lambda s: s.started_at, reverse=True)

    def iter_sessions(self, *, before: date | None = None) -> Iterator[Session]:
        """Sessions newest first, opening one week at a time."""
        last = None if before is None else part_key(before)
        for key in self._files.parts():
            if last is not None and key > last:
                continue
            for session in self.sessions_in_part(key):
                if before is None or session.date < before:
                    yield session

    def sessions_on(self, day: date) -> list[Session]:
        return [s for s in self.sessions_in_part(part_key(day)) if s.date == day]

    def in_progress_session(self) -> Session | None:
        """The newest session not finished, looking back two week files at most."""
        for key in self._files.parts()[:2]:
            for session in self.sessions_in_part(key):
                if session.status == "in_progress":
                    return session
        return None

    def recent_sets(
        self, exercise: str, *, sessions: int = 6, before: date | None = None, parts_back: int = 26
    ) -> list[tuple[Session, list[LoggedSet]]]:
        """The last `sessions` sessions that trained `exercise`, newest first, with its sets.

        Looks back `parts_back` week files (half a year) at most, so an exercise not trained for a long
        time costs a bounded amount of reading, however many years of history there are.
        """
        found: list[tuple[Session, list[LoggedSet]]] = []
        with self._mutex:
            last = None if before is None else part_key(before)
            keys = [k for k in self._files.parts() if last is None or k <= last]
            for key in keys[:parts_back]:
                db = self._files.part(key)
                docs = self._sets_by_exercise(key, db).get(exercise, [])
                by_session: dict[str, list[LoggedSet]] = {}
                for doc in docs:
                    by_session.setdefault(doc["session_id"], []).append(made(db, LoggedSet, doc))
                if not by_session:
                    continue  # not trained that week: its sessions need not be read
                for session in self.sessions_in_part(key):
                    if session.id in by_session and (before is None or session.date < before):
                        found.append((session, sorted(by_session[session.id], key=lambda s: s.logged_at)))
                        if len(found) >= sessions:
                            return found
        return found

"""The Store: what screens and the CLI call to read and write a lifter's data.

Thread-safe (screens call it from Textual worker threads). Every write is durable when
the call returns: a set returned by `add_set` is on disk.

This module opens the folder (its lock, interrupted restores, stray temp files, schema
migration, the profile: the steps are in opening.py), closes it, and runs backups and restores. Each kind of record is
read and written by a collaborator sharing the store's mutex and open files:
`ProfileRecords` (profile_records.py), `SessionRecords` (session_records.py), `DayRecords`
(day_records.py), `BulkRecords` (bulk_records.py), `WeekSummaries` (week_summaries.py),
all over `OpenFiles` (open_files.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pendulum
from tinydb import TinyDB
from tinydb.table import Document

from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from ..domain.journal import LoggedSet, Session
from ..domain.library import ChecklistItem, Exercise, Routine
from ..domain.settings import Settings
from . import backup as backups
from . import opening, restore_plan
from . import restore as restoring
from .bulk_records import BulkRecords
from .day_records import DayRecords
from .errors import CorruptFileError, SchemaError, StoreError
from .layout import part_key
from .lock import DataLock
from .open_files import OpenFiles
from .profile_records import ProfileRecords
from .session_records import SessionRecords
from .week_summaries import WEEK_CACHE_FILE, WeekSummaries


class Store:
    WEEK_CACHE_FILE = WEEK_CACHE_FILE

    def __init__(self, data_dir: Path, *, now: Callable[[], pendulum.DateTime] = pendulum.now) -> None:
        self.data_dir = Path(data_dir)
        self._now = now
        self._lock = DataLock(self.data_dir)
        self._mutex = threading.RLock()
        self._files = OpenFiles(self.data_dir, self._mutex)
        self._profile_records = ProfileRecords(self._files, self._mutex)
        self._sessions = SessionRecords(self._files, self._mutex)
        self._days = DayRecords(self._files, self._mutex)
        self._bulk = BulkRecords(self._files, self._mutex)
        self._summaries = WeekSummaries(self._files, self._mutex)
        self.swept: list[Path] = []
        self.finished_restores: list[Path] = []  # restores cut short, finished when opened

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, *, purpose: str = "app", now: Callable[[], pendulum.DateTime] = pendulum.now
    ) -> Store:
        store = cls(data_dir, now=now)
        store._open(purpose)
        return store

    @classmethod
    def open_read_only(
        cls, data_dir: Path, reason: str, *, now: Callable[[], pendulum.DateTime] = pendulum.now
    ) -> Store:
        """A folder that cannot be written (a failing card the kernel remounted read-only):
        everything can be read; every write raises ReadOnlyFolderError, and nothing is
        written to open it (no lock, no migration, no sweeping, no backup)."""
        store = cls(data_dir, now=now)
        store.read_only = reason
        opening.check_readable(store.data_dir, store._files, reason)
        return store

    def _open(self, purpose: str) -> None:
        self.finished_restores, self.swept = opening.open_to_write(
            self.data_dir, self._lock, self._files, purpose, self._now
        )

    @property
    def read_only(self) -> str | None:
        """Why the folder cannot be written, when it was opened to read only (None: writable)."""
        return self._files.read_only

    @read_only.setter
    def read_only(self, reason: str | None) -> None:
        self._files.read_only = reason

    @property
    def profile(self) -> TinyDB:
        return self._files.profile

    def today(self) -> date:
        """Today by the store's clock (tests give it a fixed one)."""
        return self._now().date()

    def close(self) -> None:
        with self._mutex:
            self._files.close()
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def parts(self) -> list[str]:
        """Week keys that have a file, newest first."""
        return self._files.parts()

    # -- backups -------------------------------------------------------------------------

    def restore(self, backup: Path, *, whole: bool = False) -> restore_plan.Restored:
        """Put back the damaged or missing files from a backup (every file with `whole`)
        while keeping the lock; the result says what moved and where the old files went."""
        with self._mutex:
            plan = restore_plan.plan_restore(self.data_dir, backup, whole=whole)  # refuses a bad backup
            self._files.forget_weeks()
            done = restoring.restore_backup(self.data_dir, backup, plan=plan)
            self._files.open_profile()
            return done

    def check_current(self, today: date) -> None:
        """Open this week's file now, so damage there is reported at start, not mid-set."""
        with self._mutex:
            if self._files.has_part(part_key(today)):
                self._files.part(part_key(today))

    def backup_if_due(self) -> Path | None:
        if self.read_only is not None:
            return None  # a backup would be a write: the files on the card are all there is
        with self._mutex:
            return backups.backup_if_due(self.data_dir, self._now().date(), self.settings().backups_kept)

    # -- settings and profile: ProfileRecords --------------------------------------------

    def settings(self) -> Settings:
        return self._profile_records.settings()

    def save_settings(self, settings: Settings) -> Settings:
        return self._profile_records.save_settings(settings)

    def custom_exercises(self) -> list[Exercise]:
        return self._profile_records.custom_exercises()

    def save_exercises(self, exercises: Iterable[Exercise]) -> None:
        self._profile_records.save_exercises(exercises)

    def save_exercise(self, exercise: Exercise) -> None:
        """Add the lifter's exercise, or replace the one with its id (an edit, a retirement)."""
        self._profile_records.save_exercise(exercise)

    def routines(self) -> list[Routine]:
        return self._profile_records.routines()

    def save_routine(self, routine: Routine) -> None:
        self._profile_records.save_routine(routine)

    def delete_routine(self, routine_id: str) -> None:
        self._profile_records.delete_routine(routine_id)

    def checklist_items(self) -> list[ChecklistItem] | None:
        """The user's checklist, or None when they still use the library default."""
        return self._profile_records.checklist_items()

    def save_checklist_items(self, items: list[ChecklistItem]) -> None:
        self._profile_records.save_checklist_items(items)

    # -- sessions and sets: SessionRecords -----------------------------------------------

    def save_session(self, session: Session) -> Session:
        return self._sessions.save_session(session)

    def add_set(self, logged: LoggedSet) -> LoggedSet:
        """Store a set; when this returns the set is on disk."""
        return self._sessions.add_set(logged)

    def update_set(self, logged: LoggedSet) -> LoggedSet:
        return self._sessions.update_set(logged)

    def delete_set(self, logged: LoggedSet) -> None:
        self._sessions.delete_set(logged)

    def session(self, session_id: str) -> Session | None:
        return self._sessions.session(session_id)

    def session_sets(self, session_id: str) -> list[LoggedSet]:
        return self._sessions.session_sets(session_id)

    def sessions_in_part(self, key: str) -> list[Session]:
        return self._sessions.sessions_in_part(key)

    def iter_sessions(self, *, before: date | None = None) -> Iterator[Session]:
        """Sessions newest first, opening one week at a time."""
        return self._sessions.iter_sessions(before=before)

    def sessions_on(self, day: date) -> list[Session]:
        return self._sessions.sessions_on(day)

    def in_progress_session(self) -> Session | None:
        """The newest session not finished, looking back two week files at most."""
        return self._sessions.in_progress_session()

    def recent_sets(
        self, exercise: str, *, sessions: int = 6, before: date | None = None, parts_back: int = 26
    ) -> list[tuple[Session, list[LoggedSet]]]:
        """The last `sessions` sessions that trained `exercise`, newest first, with its sets."""
        return self._sessions.recent_sets(exercise, sessions=sessions, before=before, parts_back=parts_back)

    # -- day records: DayRecords ---------------------------------------------------------

    def checklist(self, day: date) -> ChecklistEntry | None:
        return self._days.checklist(day)

    def save_checklist(self, entry: ChecklistEntry) -> None:
        self._days.save_checklist(entry)

    def recovery(self, day: date) -> RecoveryNote | None:
        return self._days.recovery(day)

    def save_recovery(self, note: RecoveryNote) -> None:
        self._days.save_recovery(note)

    def day_records(self, table: str, start: date, end: date) -> list[dict[str, Any]]:
        """Raw checklist or recovery records with start <= date <= end, oldest first."""
        return self._days.day_records(table, start, end)

    def save_mobility_done(self, record: MobilityDone) -> None:
        self._days.save_mobility_done(record)

    def mobility_between(self, start: date, end: date) -> list[MobilityDone]:
        return self._days.mobility_between(start, end)

    def recovery_between(self, start: date, end: date) -> list[RecoveryNote]:
        return self._days.recovery_between(start, end)

    def checklists_between(self, start: date, end: date) -> list[ChecklistEntry]:
        return self._days.checklists_between(start, end)

    # -- import, export and history: BulkRecords, WeekSummaries --------------------------

    def source_keys(self) -> set[str]:
        return self._bulk.source_keys()

    def iter_source_keys(self) -> Iterator[str]:
        """Source keys of every stored session and set, one week file at a time."""
        return self._bulk.iter_source_keys()

    def add_many(
        self, sessions: list[Session], sets: list[LoggedSet], *, known: Container[str] | None = None
    ) -> tuple[int, int]:
        """Add sessions and sets not stored yet (by source key); returns how many of each."""
        return self._bulk.add_many(sessions, sets, known=known)

    def export_records(self) -> dict[str, list[dict[str, Any]]]:
        return self._bulk.export_records()

    def stored_ids(self) -> dict[str, set[str]]:
        """Ids of every stored session and set, dates of every checklist and recovery record."""
        return self._bulk.stored_ids()

    def add_day_records(self, checklist: Iterable[ChecklistEntry], recovery: Iterable[RecoveryNote]) -> tuple[int, int]:
        """Add checklist entries and recovery notes for days that have none yet; returns the counts."""
        return self._bulk.add_day_records(checklist, recovery)

    def add_mobility_records(self, records: Iterable[MobilityDone]) -> int:
        """Add mobility runs not stored yet; returns how many."""
        return self._bulk.add_mobility_records(records)

    def week_summaries(
        self,
        summarise: Callable[[dict[str, list[dict[str, Any]]]], Any],
        *,
        version: int,
        keys: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """`summarise(tables)` for each week file in `keys` (default: every one), newest first,
        from the cache when the file has not changed (week_summaries.py)."""
        return self._summaries.summaries(summarise, version=version, keys=keys)


__all__ = ["CorruptFileError", "Document", "SchemaError", "Store", "StoreError"]

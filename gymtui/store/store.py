"""The Store: what screens and the CLI call to read and write a lifter's data.

Thread-safe (screens call it from Textual worker threads). Every write is durable when
the call returns: a set returned by `add_set` is on disk.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Container, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pendulum
from pydantic import BaseModel
from tinydb import Query, TinyDB
from tinydb.table import Document

from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from ..domain.journal import LoggedSet, Session
from ..domain.jsontext import load_json
from ..domain.library import ChecklistItem, Exercise, Routine
from ..domain.settings import Settings
from ..domain.trusted import build
from . import backup as backups
from . import restore as restoring
from .atomic import atomic_write_bytes, sweep_temp_files
from .digests import sidecar_path, written_by_gymtui
from .errors import (
    CorruptFileError,
    DiskWriteError,
    PartlyStoredError,
    ReadOnlyFolderError,
    SchemaError,
    StoreError,
)
from .layout import JOURNAL_DIR, PROFILE_FILE, journal_parts, part_key, part_path
from .lock import READ_ONLY_ERRORS, DataLock
from .migrate import migrate_if_needed
from .schema import PART_TABLES, PROFILE_TABLES, SCHEMA_VERSION, stored_version, validate_tables
from .storage import AtomicJSONStorage, read_json_bytes, read_json_file

M = TypeVar("M", bound=BaseModel)
# Weeks kept parsed in memory; older ones are opened on demand. Planning looks back up to
# 26 weeks (recent_sets' parts_back) once per exercise of the day: with fewer weeks kept
# than that, each exercise re-read and re-validated the same files (134 reads instead of
# 27 for one plan on 10 years of history, bench/run.py). About 0.2 MB per week of sets.
OPEN_PARTS = 30


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Store:
    def __init__(self, data_dir: Path, *, now: Callable[[], pendulum.DateTime] = pendulum.now) -> None:
        self.data_dir = Path(data_dir)
        self._now = now
        self._lock = DataLock(self.data_dir)
        self._mutex = threading.RLock()
        self._profile: TinyDB | None = None
        self._parts: OrderedDict[str, TinyDB] = OrderedDict()
        self._session_part: dict[str, str] = {}
        self._part_keys: list[str] | None = None  # the journal folder's weeks, listed once
        self._new_keys: set[str] = set()  # weeks opened without a file: a write may create it
        self.swept: list[Path] = []
        self.finished_restores: list[Path] = []  # restores cut short, finished when opened
        # Why the folder cannot be written, when it was opened to read only (None: writable).
        self.read_only: str | None = None

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
        profile_path = store.data_dir / PROFILE_FILE
        store._profile, data = store._db(profile_path, PROFILE_TABLES)
        if data is not None:
            version = stored_version(data, profile_path)
            if version > SCHEMA_VERSION:
                raise SchemaError(f"{profile_path}: written by a newer gymtui (schema {version}, this one reads"
                                  f" {SCHEMA_VERSION}); upgrade gymtui")
            if version < SCHEMA_VERSION:
                raise ReadOnlyFolderError(profile_path, f"{reason}; it was written at schema {version} and must be"
                                                        " migrated before this gymtui can read it")
        return store

    def _open(self, purpose: str) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            (self.data_dir / JOURNAL_DIR).mkdir(exist_ok=True)
        except OSError as error:
            if error.errno in READ_ONLY_ERRORS:
                raise ReadOnlyFolderError(self.data_dir, error.strerror or str(error)) from None
            raise
        self._lock.acquire(purpose)
        try:
            self.finished_restores = restoring.finish_interrupted_restores(self.data_dir)
            self.swept = sweep_temp_files(self.data_dir) + sweep_temp_files(self.data_dir / JOURNAL_DIR)
            migrate_if_needed(self.data_dir, self._now().date())
            profile_path = self.data_dir / PROFILE_FILE
            self._profile, data = self._db(profile_path, PROFILE_TABLES)
            if data is None:
                meta: dict[str, Any] = {"schema": SCHEMA_VERSION}
                if journal_parts(self.data_dir) or backups.list_backups(self.data_dir):
                    # Not a first start: the profile went missing. Noted, so doctor and a
                    # restore can tell one made again with default settings from the lifter's.
                    meta[restoring.MADE_AGAIN] = self._now().date().isoformat()
                self._profile.table("meta").insert(meta)
        except BaseException:
            self._lock.release()
            raise

    def _db(self, path: Path, models: dict[str, Any]) -> tuple[TinyDB, dict[str, Any] | None]:
        """A data file opened (its tables, None when there is none). A file whose digest
        says gymtui wrote it (store/digests.py) is used as written: its records are model
        dumps, built without validation (`_made`). Any other file is validated first (a
        damaged one raises CorruptFileError), its records validated again as they are read,
        and made model dumps when gymtui first writes the file (AtomicJSONStorage.write)."""
        data, raw = read_json_bytes(path)
        trusted = data is None or written_by_gymtui(sidecar_path(self.data_dir, path), raw)
        if not trusted:
            assert data is not None
            validate_tables(path, data, models)
        db = TinyDB(storage=AtomicJSONStorage, path=path, initial=data, read_only=self.read_only,
                    sidecar=sidecar_path(self.data_dir, path), models=None if trusted else models)
        return db, data

    @staticmethod
    def _made(db: TinyDB, model: type[M], doc: dict[str, Any]) -> M:
        """`model` from a record of `db`: built as written when the file is gymtui's own."""
        storage = db.storage
        if isinstance(storage, AtomicJSONStorage) and storage.models is None:
            return build(model, doc)
        return model.model_validate(doc)

    def today(self) -> date:
        """Today by the store's clock (tests give it a fixed one)."""
        return self._now().date()

    def close(self) -> None:
        with self._mutex:
            for db in self._parts.values():
                db.close()
            self._parts.clear()
            if self._profile is not None:
                self._profile.close()
                self._profile = None
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files ---------------------------------------------------------------------------

    def _part(self, key: str) -> TinyDB:
        db = self._parts.get(key)
        if db is not None:
            self._parts.move_to_end(key)
            return db
        path = part_path(self.data_dir, key)
        db, data = self._db(path, PART_TABLES)
        if data is not None:
            for record in data.get("sessions", {}).values():
                self._session_part[record["id"]] = key
        else:
            self._new_keys.add(key)
        self._parts[key] = db
        while len(self._parts) > OPEN_PARTS:
            _, old = self._parts.popitem(last=False)
            old.close()
        return db

    def parts(self) -> list[str]:
        """Week keys that have a file, newest first. The folder is listed once (planning asks
        a dozen times at start-up, and years of weeks make it a long listing): this store is
        the only writer, and a week gets a file only through `_part`, which notes it."""
        with self._mutex:
            if self._part_keys is None:
                self._part_keys = journal_parts(self.data_dir)
                self._new_keys.clear()
            if self._new_keys:
                made = {key for key in self._new_keys if part_path(self.data_dir, key).is_file()}
                if made:
                    self._part_keys = sorted(set(self._part_keys) | made, reverse=True)
                    self._new_keys -= made
            return list(self._part_keys)

    def _has_part(self, key: str) -> bool:
        # One stat, not a listing of the journal folder: with years of weeks, listing it for
        # every week looked at made reading history quadratic (measured in bench/run.py).
        return key in self._parts or part_path(self.data_dir, key).is_file()

    @property
    def profile(self) -> TinyDB:
        if self._profile is None:
            raise StoreError("the store is closed")
        return self._profile

    # -- settings and profile ------------------------------------------------------------

    def settings(self) -> Settings:
        with self._mutex:
            docs = self.profile.table("settings").all()
            return self._made(self.profile, Settings, docs[0]) if docs else Settings()

    def save_settings(self, settings: Settings) -> Settings:
        with self._mutex:
            # One document with a fixed id, replaced in a single atomic write.
            self.profile.table("settings").upsert(Document(_dump(settings), doc_id=1))
            return settings

    def custom_exercises(self) -> list[Exercise]:
        with self._mutex:
            return [self._made(self.profile, Exercise, d) for d in self.profile.table("exercises").all()]

    def save_exercises(self, exercises: Iterable[Exercise]) -> None:
        with self._mutex:
            table = self.profile.table("exercises")
            known = {d["id"] for d in table.all()}
            fresh = [_dump(e) for e in exercises if e.id not in known]
            if fresh:
                table.insert_multiple(fresh)

    def save_exercise(self, exercise: Exercise) -> None:
        """Add the lifter's exercise, or replace the one with its id (an edit, a retirement)."""
        with self._mutex:
            self.profile.table("exercises").upsert(_dump(exercise), Query().id == exercise.id)

    def routines(self) -> list[Routine]:
        with self._mutex:
            return [self._made(self.profile, Routine, d) for d in self.profile.table("routines").all()]

    def save_routine(self, routine: Routine) -> None:
        with self._mutex:
            self.profile.table("routines").upsert(_dump(routine), Query().id == routine.id)

    def delete_routine(self, routine_id: str) -> None:
        with self._mutex:
            self.profile.table("routines").remove(Query().id == routine_id)

    def checklist_items(self) -> list[ChecklistItem] | None:
        """The user's checklist, or None when they still use the library default."""
        with self._mutex:
            docs = self.profile.table("checklist_items").all()
            return [self._made(self.profile, ChecklistItem, d) for d in docs] if docs else None

    def save_checklist_items(self, items: list[ChecklistItem]) -> None:
        with self._mutex:
            table = self.profile.table("checklist_items")
            table.truncate()
            table.insert_multiple(_dump(i) for i in items)

    # -- sessions and sets ---------------------------------------------------------------

    def save_session(self, session: Session) -> Session:
        with self._mutex:
            key = part_key(session.date)
            self._part(key).table("sessions").upsert(_dump(session), Query().id == session.id)
            self._session_part[session.id] = key
            return session

    def _part_of_session(self, session_id: str) -> str:
        key = self._session_part.get(session_id)
        if key is not None:
            return key
        for key in self.parts():
            self._part(key)
            if session_id in self._session_part:
                return self._session_part[session_id]
        raise StoreError(f"no session with id {session_id}")

    def add_set(self, logged: LoggedSet) -> LoggedSet:
        """Store a set; when this returns the set is on disk."""
        with self._mutex:
            key = self._part_of_session(logged.session_id)
            self._part(key).table("sets").insert(_dump(logged))
            return logged

    def update_set(self, logged: LoggedSet) -> LoggedSet:
        with self._mutex:
            key = self._part_of_session(logged.session_id)
            updated = self._part(key).table("sets").update(_dump(logged), Query().id == logged.id)
            if not updated:
                raise StoreError(f"no set with id {logged.id} to update")
            return logged

    def delete_set(self, logged: LoggedSet) -> None:
        with self._mutex:
            key = self._part_of_session(logged.session_id)
            self._part(key).table("sets").remove(Query().id == logged.id)

    def session(self, session_id: str) -> Session | None:
        with self._mutex:
            try:
                key = self._part_of_session(session_id)
            except StoreError:
                return None
            db = self._part(key)
            doc = db.table("sessions").get(Query().id == session_id)
            return self._made(db, Session, doc) if isinstance(doc, dict) else None

    def session_sets(self, session_id: str) -> list[LoggedSet]:
        with self._mutex:
            key = self._part_of_session(session_id)
            db = self._part(key)
            docs = db.table("sets").search(Query().session_id == session_id)
            return sorted((self._made(db, LoggedSet, d) for d in docs), key=lambda s: s.logged_at)

    def sessions_in_part(self, key: str) -> list[Session]:
        with self._mutex:
            if not self._has_part(key):
                return []
            db = self._part(key)
            docs = db.table("sessions").all()
            return sorted((self._made(db, Session, d) for d in docs), key=lambda s: s.started_at, reverse=True)

    def iter_sessions(self, *, before: date | None = None) -> Iterator[Session]:
        """Sessions newest first, opening one week at a time."""
        last = None if before is None else part_key(before)
        for key in self.parts():
            if last is not None and key > last:
                continue
            for session in self.sessions_in_part(key):
                if before is None or session.date < before:
                    yield session

    def sessions_on(self, day: date) -> list[Session]:
        return [s for s in self.sessions_in_part(part_key(day)) if s.date == day]

    def in_progress_session(self) -> Session | None:
        """The newest session not finished, looking back two week files at most."""
        for key in self.parts()[:2]:
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
            keys = [k for k in self.parts() if last is None or k <= last]
            for key in keys[:parts_back]:
                db = self._part(key)
                docs = db.table("sets").search(Query().exercise == exercise)
                by_session: dict[str, list[LoggedSet]] = {}
                for doc in docs:
                    by_session.setdefault(doc["session_id"], []).append(self._made(db, LoggedSet, doc))
                if not by_session:
                    continue  # not trained that week: its sessions need not be read
                for session in self.sessions_in_part(key):
                    if session.id in by_session and (before is None or session.date < before):
                        found.append((session, sorted(by_session[session.id], key=lambda s: s.logged_at)))
                        if len(found) >= sessions:
                            return found
        return found

    # -- day records ---------------------------------------------------------------------

    def _day_record(self, table: str, day: date, model: type[M]) -> M | None:
        with self._mutex:
            if not self._has_part(part_key(day)):
                return None
            db = self._part(part_key(day))
            doc = db.table(table).get(Query().date == day.isoformat())
            return self._made(db, model, doc) if isinstance(doc, dict) else None

    def _save_day_record(self, table: str, record: ChecklistEntry | RecoveryNote) -> None:
        with self._mutex:
            db = self._part(part_key(record.date))
            db.table(table).upsert(_dump(record), Query().date == record.date.isoformat())

    def checklist(self, day: date) -> ChecklistEntry | None:
        return self._day_record("checklist", day, ChecklistEntry)

    def save_checklist(self, entry: ChecklistEntry) -> None:
        self._save_day_record("checklist", entry)

    def recovery(self, day: date) -> RecoveryNote | None:
        return self._day_record("recovery", day, RecoveryNote)

    def save_recovery(self, note: RecoveryNote) -> None:
        self._save_day_record("recovery", note)

    def day_records(self, table: str, start: date, end: date) -> list[dict[str, Any]]:
        """Raw checklist or recovery records with start <= date <= end, oldest first."""
        out: list[dict[str, Any]] = []
        with self._mutex:
            first, last = part_key(start), part_key(end)
            for key in sorted(k for k in self.parts() if first <= k <= last):
                for doc in self._part(key).table(table).all():
                    if start.isoformat() <= doc["date"] <= end.isoformat():
                        out.append(dict(doc))
        return sorted(out, key=lambda d: d["date"])

    def _day_models(self, table: str, model: type[M], start: date, end: date) -> list[M]:
        """`day_records` as models, each built as its file allows (`_made`)."""
        out: list[tuple[str, M]] = []
        with self._mutex:
            first, last = part_key(start), part_key(end)
            for key in sorted(k for k in self.parts() if first <= k <= last):
                db = self._part(key)
                out += [(doc["date"], self._made(db, model, doc)) for doc in db.table(table).all()
                        if start.isoformat() <= doc["date"] <= end.isoformat()]
        return [record for _, record in sorted(out, key=lambda pair: pair[0])]

    def save_mobility_done(self, record: MobilityDone) -> None:
        with self._mutex:
            self._part(part_key(record.date)).table("mobility").insert(_dump(record))

    def mobility_between(self, start: date, end: date) -> list[MobilityDone]:
        return self._day_models("mobility", MobilityDone, start, end)

    def recovery_between(self, start: date, end: date) -> list[RecoveryNote]:
        return self._day_models("recovery", RecoveryNote, start, end)

    def checklists_between(self, start: date, end: date) -> list[ChecklistEntry]:
        return self._day_models("checklist", ChecklistEntry, start, end)

    # -- bulk: import and export ---------------------------------------------------------

    def source_keys(self) -> set[str]:
        return set(self.iter_source_keys())

    def iter_source_keys(self) -> Iterator[str]:
        """Source keys of every stored session and set, one week file at a time."""
        with self._mutex:
            for key in self.parts():
                for table in ("sessions", "sets"):
                    yield from (d["source_key"] for d in self._part(key).table(table).all() if d.get("source_key"))

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
                by_part.setdefault(session_part[session.id], ([], []))[0].append(_dump(session))
            for logged in sets:
                if logged.source_key and logged.source_key in known:
                    continue
                key = session_part.get(logged.session_id) or self._part_of_session(logged.session_id)
                by_part.setdefault(key, ([], []))[1].append(_dump(logged))
            sessions_added = sets_added = 0
            try:
                for key, (new_sessions, new_sets) in sorted(by_part.items()):
                    db = self._part(key)
                    # Sessions first: a kill between the two writes leaves sessions whose sets a
                    # re-import adds (their source keys are not stored yet), never orphan sets.
                    if new_sessions:
                        db.table("sessions").insert_multiple(new_sessions)
                        for doc in new_sessions:
                            self._session_part[doc["id"]] = key
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
            for key in sorted(self.parts()):
                for name in PART_TABLES:
                    out[name].extend(dict(d) for d in self._part(key).table(name).all())
        return out

    # -- backups -------------------------------------------------------------------------

    def restore(self, backup: Path, *, whole: bool = False) -> restoring.Restored:
        """Put back the damaged or missing files from a backup (every file with `whole`)
        while keeping the lock; the result says what moved and where the old files went."""
        with self._mutex:
            plan = restoring.plan_restore(self.data_dir, backup, whole=whole)  # refuses a bad backup
            for db in self._parts.values():
                db.close()
            self._parts.clear()
            self._session_part.clear()
            self._part_keys = None
            done = restoring.restore_backup(self.data_dir, backup, plan=plan)
            profile_path = self.data_dir / PROFILE_FILE
            self._profile = self._db(profile_path, PROFILE_TABLES)[0]
            return done

    def check_current(self, today: date) -> None:
        """Open this week's file now, so damage there is reported at start, not mid-set."""
        with self._mutex:
            if self._has_part(part_key(today)):
                self._part(part_key(today))

    def backup_if_due(self) -> Path | None:
        if self.read_only is not None:
            return None  # a backup would be a write: the files on the card are all there is
        with self._mutex:
            return backups.backup_if_due(self.data_dir, self._now().date(), self.settings().backups_kept)

    # == For the history screen and gymtui JSON import ========================================
    # Derived per-week data: a summary computed from one week file is kept with the file's
    # modification time and size, in memory and in cache/week-summaries.json, so a week whose
    # file has not changed is never read again, in this run or the next. The cache is derived
    # data: not backed up, and rebuilt when missing, damaged or of another version.

    WEEK_CACHE_FILE = "cache/week-summaries.json"
    _week_cache_state: dict[str, Any] | None = None

    def week_summaries(
        self,
        summarise: Callable[[dict[str, list[dict[str, Any]]]], Any],
        *,
        version: int,
        keys: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """`summarise(tables)` for each week file in `keys` (default: every one), newest first.

        `tables` maps table name -> raw validated records. Only files that changed since
        their summary was made are read. The store's mutex is not held while reading, so a
        long scan in a worker never holds up logging a set; only a full scan (keys=None)
        writes the cache file. The summaries returned are shared: read them, never change them.
        """
        cache = self._week_cache(version)
        with cache["lock"]:
            if keys is None and not cache["read"]:
                # The file is read for full scans only: a page of a dozen weeks is quicker
                # to read from the week files than ten years of cache.
                cache["weeks"] = {**self._read_week_cache(version), **cache["weeks"]}
                cache["read"] = True
            weeks: dict[str, Any] = cache["weeks"]
            wanted = self.parts() if keys is None else sorted(set(keys), reverse=True)
            changed = False
            out: dict[str, Any] = {}
            for key in wanted:
                path = part_path(self.data_dir, key)
                try:
                    info = path.stat()
                except FileNotFoundError:
                    changed |= weeks.pop(key, None) is not None
                    continue
                signature = [info.st_mtime_ns, info.st_size]  # stat before reading: never a stale pair
                entry = weeks.get(key)
                if entry is None or entry["sig"] != signature:
                    data = read_json_file(path) or {}
                    validate_tables(path, data, PART_TABLES)
                    tables = {name: list(data.get(name, {}).values()) for name in PART_TABLES}
                    entry = weeks[key] = {"sig": signature, "summary": summarise(tables)}
                    changed = True
                out[key] = entry["summary"]
            if keys is None:
                for gone in set(weeks) - set(wanted):
                    del weeks[gone]
                    changed = True
                if changed or cache["dirty"]:
                    cache["dirty"] = not self._write_week_cache(version, weeks)
            elif changed:
                cache["dirty"] = True
            return out

    def _week_cache(self, version: int) -> dict[str, Any]:
        with self._mutex:
            cache = self._week_cache_state
            if cache is None or cache["version"] != version:
                cache = {"version": version, "lock": threading.Lock(), "dirty": False, "read": False, "weeks": {}}
                self._week_cache_state = cache
            return cache

    def _read_week_cache(self, version: int) -> dict[str, Any]:
        try:
            raw = (self.data_dir / self.WEEK_CACHE_FILE).read_bytes()
            document = load_json(raw)
        except (OSError, ValueError):  # JsonTextError too: the cache is rebuilt
            return {}
        if not isinstance(document, dict) or document.get("version") != version:
            return {}
        weeks = document.get("weeks")
        # The weeks are the file's last member, written as hashed: see _write_week_cache.
        start = raw.find(b',"weeks":')
        if not isinstance(weeks, dict) or start < 0 or document.get("digest") != _digest(raw[start + 9 : -1]):
            # Edited or damaged: summaries would be trusted blindly (their files' signatures
            # still match), so the whole cache is dropped and rebuilt from the week files.
            return {}
        return {k: v for k, v in weeks.items() if isinstance(v, dict) and "sig" in v and "summary" in v}

    def _write_week_cache(self, version: int, weeks: dict[str, Any]) -> bool:
        """Best effort: a cache that cannot be written only costs a re-read next time."""
        if self.read_only is not None:
            return False
        path = self.data_dir / self.WEEK_CACHE_FILE
        try:
            path.parent.mkdir(exist_ok=True)
            body = json.dumps(weeks, separators=(",", ":")).encode("utf-8")
            head = json.dumps({"version": version, "digest": _digest(body)}, separators=(",", ":")).encode("utf-8")
            atomic_write_bytes(path, head[:-1] + b',"weeks":' + body + b"}")
        except (OSError, TypeError, ValueError):
            return False
        return True

    def stored_ids(self) -> dict[str, set[str]]:
        """Ids of every stored session and set, and the dates of every checklist and recovery
        record: what a restore from a gymtui JSON export checks to add nothing twice."""
        found: dict[str, set[str]] = {name: set() for name in PART_TABLES}
        id_field = {"sessions": "id", "sets": "id", "checklist": "date", "recovery": "date"}
        with self._mutex:
            for key in self.parts():
                db = self._part(key)
                for name in PART_TABLES:
                    found[name].update(d[id_field[name]] for d in db.table(name).all())
        return found

    def add_day_records(self, checklist: Iterable[ChecklistEntry], recovery: Iterable[RecoveryNote]) -> tuple[int, int]:
        """Add checklist entries and recovery notes for days that have none yet (a day that
        has one keeps it). One write per table of each week file touched; returns the counts added."""
        by_part: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name, records in (("checklist", checklist), ("recovery", recovery)):
            for record in records:
                by_part.setdefault(part_key(record.date), {}).setdefault(name, []).append(_dump(record))
        added = {"checklist": 0, "recovery": 0}
        with self._mutex:
            for key, tables in sorted(by_part.items()):
                db = self._part(key)
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
            by_part.setdefault(part_key(record.date), []).append(_dump(record))
        added = 0
        with self._mutex:
            for key, docs in sorted(by_part.items()):
                table = self._part(key).table("mobility")
                taken = {(d["routine"], d["completed_at"]) for d in table.all()}
                fresh = [d for d in docs if (d["routine"], d["completed_at"]) not in taken]
                if fresh:
                    table.insert_multiple(fresh)
                    added += len(fresh)
        return added


__all__ = ["CorruptFileError", "Document", "SchemaError", "Store", "StoreError"]

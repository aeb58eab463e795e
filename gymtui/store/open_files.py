"""The data files a Store has open: the profile and the most recently used week files.

Each file is parsed once and kept in memory. A file whose digest says gymtui wrote it
(store/digests.py) is used as written; any other is validated first (`OpenFiles.load`).
Callers hold the store's mutex, which `OpenFiles` shares, around every call but `parts`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from tinydb import TinyDB

from ..domain.trusted import build
from .digests import sidecar_path, written_by_gymtui
from .errors import StoreError
from .layout import PROFILE_FILE, journal_parts, part_path
from .schema import PART_TABLES, PROFILE_TABLES, validate_tables
from .storage import AtomicJSONStorage, read_json_bytes

M = TypeVar("M", bound=BaseModel)
# Weeks kept parsed in memory; older ones are opened on demand. Planning looks back up to
# 26 weeks (recent_sets' parts_back) once per exercise of the day: with fewer weeks kept
# than that, each exercise re-read and re-validated the same files (134 reads instead of
# 27 for one plan on 10 years of history, bench/run.py). About 0.2 MB per week of sets.
OPEN_PARTS = 30


def dump(model: BaseModel) -> dict[str, Any]:
    """A model as the JSON record a data file stores."""
    return model.model_dump(mode="json")


def made(db: TinyDB, model: type[M], doc: dict[str, Any]) -> M:
    """`model` from a record of `db`: built as written when the file is gymtui's own."""
    storage = db.storage
    if isinstance(storage, AtomicJSONStorage) and storage.models is None:
        return build(model, doc)
    return model.model_validate(doc)


class OpenFiles:
    def __init__(self, data_dir: Path, mutex: threading.RLock) -> None:
        self.data_dir = data_dir
        self._mutex = mutex
        # Why the folder cannot be written, when it was opened to read only (None: writable).
        self.read_only: str | None = None
        self._profile: TinyDB | None = None
        self._parts: OrderedDict[str, TinyDB] = OrderedDict()
        self._session_part: dict[str, str] = {}
        self._part_keys: list[str] | None = None  # the journal folder's weeks, listed once
        self._new_keys: set[str] = set()  # weeks opened without a file: a write may create it

    def load(self, path: Path, models: dict[str, Any]) -> tuple[TinyDB, dict[str, Any] | None]:
        """A data file opened (its tables, None when there is none). A file whose digest
        says gymtui wrote it is used as written: its records are model dumps, built without
        validation (`made`). Any other file is validated first (a damaged one raises
        CorruptFileError), its records validated again as they are read, and made model
        dumps when gymtui first writes the file (AtomicJSONStorage.write)."""
        data, raw = read_json_bytes(path)
        trusted = data is None or written_by_gymtui(sidecar_path(self.data_dir, path), raw)
        if not trusted:
            assert data is not None
            validate_tables(path, data, models)
        db = TinyDB(storage=AtomicJSONStorage, path=path, initial=data, read_only=self.read_only,
                    sidecar=sidecar_path(self.data_dir, path), models=None if trusted else models)
        return db, data

    def open_profile(self) -> dict[str, Any] | None:
        """Open profile.json; returns its tables, None when there is no file yet."""
        self._profile, data = self.load(self.data_dir / PROFILE_FILE, PROFILE_TABLES)
        return data

    @property
    def profile(self) -> TinyDB:
        if self._profile is None:
            raise StoreError("the store is closed")
        return self._profile

    def part(self, key: str) -> TinyDB:
        """The week file `key` (e.g. '2026-W47'), opened if it is not open yet."""
        db = self._parts.get(key)
        if db is not None:
            self._parts.move_to_end(key)
            return db
        path = part_path(self.data_dir, key)
        db, data = self.load(path, PART_TABLES)
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
        the only writer, and a week gets a file only through `part`, which notes it."""
        with self._mutex:
            if self._part_keys is None:
                self._part_keys = journal_parts(self.data_dir)
                self._new_keys.clear()
            if self._new_keys:
                written = {key for key in self._new_keys if part_path(self.data_dir, key).is_file()}
                if written:
                    self._part_keys = sorted(set(self._part_keys) | written, reverse=True)
                    self._new_keys -= written
            return list(self._part_keys)

    def has_part(self, key: str) -> bool:
        # One stat, not a listing of the journal folder: with years of weeks, listing it for
        # every week looked at made reading history quadratic (measured in bench/run.py).
        return key in self._parts or part_path(self.data_dir, key).is_file()

    def week_of_session(self, session_id: str) -> str:
        """The week file that holds the session; opens weeks newest first until found."""
        key = self._session_part.get(session_id)
        if key is not None:
            return key
        for key in self.parts():
            self.part(key)
            if session_id in self._session_part:
                return self._session_part[session_id]
        raise StoreError(f"no session with id {session_id}")

    def note_session(self, session_id: str, key: str) -> None:
        """The session was written to week `key`."""
        self._session_part[session_id] = key

    def forget_weeks(self) -> None:
        """Close every week file and forget what was known of them (their files changed)."""
        self._close_weeks()
        self._session_part.clear()
        self._part_keys = None

    def close(self) -> None:
        self._close_weeks()
        if self._profile is not None:
            self._profile.close()
            self._profile = None

    def _close_weeks(self) -> None:
        for db in self._parts.values():
            db.close()
        self._parts.clear()

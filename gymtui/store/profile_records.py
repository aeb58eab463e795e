"""What profile.json holds for the lifter: settings, own exercises, routines, checklist items."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from tinydb import Query
from tinydb.table import Document

from ..domain.library import ChecklistItem, Exercise, Routine
from ..domain.settings import Settings
from .open_files import OpenFiles, dump, made


class ProfileRecords:
    def __init__(self, files: OpenFiles, mutex: threading.RLock) -> None:
        self._files = files
        self._mutex = mutex

    def settings(self) -> Settings:
        with self._mutex:
            profile = self._files.profile
            docs = profile.table("settings").all()
            return made(profile, Settings, docs[0]) if docs else Settings()

    def save_settings(self, settings: Settings) -> Settings:
        with self._mutex:
            # One document with a fixed id, replaced in a single atomic write.
            self._files.profile.table("settings").upsert(Document(dump(settings), doc_id=1))
            return settings

    def custom_exercises(self) -> list[Exercise]:
        with self._mutex:
            profile = self._files.profile
            return [made(profile, Exercise, d) for d in profile.table("exercises").all()]

    def save_exercises(self, exercises: Iterable[Exercise]) -> None:
        with self._mutex:
            table = self._files.profile.table("exercises")
            known = {d["id"] for d in table.all()}
            fresh = [dump(e) for e in exercises if e.id not in known]
            if fresh:
                table.insert_multiple(fresh)

    def save_exercise(self, exercise: Exercise) -> None:
        """Add the lifter's exercise, or replace the one with its id (an edit, a retirement)."""
        with self._mutex:
            self._files.profile.table("exercises").upsert(dump(exercise), Query().id == exercise.id)

    def routines(self) -> list[Routine]:
        with self._mutex:
            profile = self._files.profile
            return [made(profile, Routine, d) for d in profile.table("routines").all()]

    def save_routine(self, routine: Routine) -> None:
        with self._mutex:
            self._files.profile.table("routines").upsert(dump(routine), Query().id == routine.id)

    def delete_routine(self, routine_id: str) -> None:
        with self._mutex:
            self._files.profile.table("routines").remove(Query().id == routine_id)

    def checklist_items(self) -> list[ChecklistItem] | None:
        """The user's checklist, or None when they still use the library default."""
        with self._mutex:
            profile = self._files.profile
            docs = profile.table("checklist_items").all()
            return [made(profile, ChecklistItem, d) for d in docs] if docs else None

    def save_checklist_items(self, items: list[ChecklistItem]) -> None:
        with self._mutex:
            table = self._files.profile.table("checklist_items")
            table.truncate()
            table.insert_multiple(dump(i) for i in items)

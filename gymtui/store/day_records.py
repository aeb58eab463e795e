"""Records of a day in its week file: checklist ticks, recovery notes, mobility runs."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel
from tinydb import Query

from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from .layout import part_key
from .open_files import OpenFiles, dump, made

M = TypeVar("M", bound=BaseModel)


class DayRecords:
    def __init__(self, files: OpenFiles, mutex: threading.RLock) -> None:
        self._files = files
        self._mutex = mutex

    def checklist(self, day: date) -> ChecklistEntry | None:
        return self._day_record("checklist", day, ChecklistEntry)

    def save_checklist(self, entry: ChecklistEntry) -> None:
        self._save_day_record("checklist", entry)

    def recovery(self, day: date) -> RecoveryNote | None:
        return self._day_record("recovery", day, RecoveryNote)

    def save_recovery(self, note: RecoveryNote) -> None:
        self._save_day_record("recovery", note)

    def save_mobility_done(self, record: MobilityDone) -> None:
        with self._mutex:
            self._files.part(part_key(record.date)).table("mobility").insert(dump(record))

    def mobility_between(self, start: date, end: date) -> list[MobilityDone]:
        return self._day_models("mobility", MobilityDone, start, end)

    def recovery_between(self, start: date, end: date) -> list[RecoveryNote]:
        return self._day_models("recovery", RecoveryNote, start, end)

    def checklists_between(self, start: date, end: date) -> list[ChecklistEntry]:
        return self._day_models("checklist", ChecklistEntry, start, end)

    def day_records(self, table: str, start: date, end: date) -> list[dict[str, Any]]:
        """Raw checklist or recovery records with start <= date <= end, oldest first."""
        out: list[dict[str, Any]] = []
        with self._mutex:
            for key in self._weeks_between(start, end):
                for doc in self._files.part(key).table(table).all():
                    if start.isoformat() <= doc["date"] <= end.isoformat():
                        out.append(dict(doc))
        return sorted(out, key=lambda d: d["date"])

    def _day_record(self, table: str, day: date, model: type[M]) -> M | None:
        with self._mutex:
            if not self._files.has_part(part_key(day)):
                return None
            db = self._files.part(part_key(day))
            doc = db.table(table).get(Query().date == day.isoformat())
            return made(db, model, doc) if isinstance(doc, dict) else None

    def _save_day_record(self, table: str, record: ChecklistEntry | RecoveryNote) -> None:
        with self._mutex:
            db = self._files.part(part_key(record.date))
            db.table(table).upsert(dump(record), Query().date == record.date.isoformat())

    def _day_models(self, table: str, model: type[M], start: date, end: date) -> list[M]:
        """`day_records` as models, each built as its file allows (`made`)."""
        out: list[tuple[str, M]] = []
        with self._mutex:
            for key in self._weeks_between(start, end):
                db = self._files.part(key)
                out += [(doc["date"], made(db, model, doc)) for doc in db.table(table).all()
                        if start.isoformat() <= doc["date"] <= end.isoformat()]
        return [record for _, record in sorted(out, key=lambda pair: pair[0])]

    def _weeks_between(self, start: date, end: date) -> list[str]:
        """Week keys with a file from start's week to end's, oldest first."""
        first, last = part_key(start), part_key(end)
        return sorted(k for k in self._files.parts() if first <= k <= last)

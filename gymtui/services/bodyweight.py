"""Recording bodyweight with a date (`gymtui bodyweight 81.5`), kept in that day's recovery
note, and reading it back."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pendulum

from ..domain.bodyweight import BodyweightError, check_bodyweight
from ..domain.daily import RecoveryNote
from ..domain.units import Unit, convert, normalise_unit
from ..store import Store

_WEIGHT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(kgs?|lbs?)?$", re.IGNORECASE)
LIST_DAYS = 365


def parse_bodyweight(text: str, default_unit: Unit) -> tuple[float, Unit]:
    """'81.5', '81,5 kg' or '180lb' -> (value, unit), checked; BodyweightError if not."""
    found = _WEIGHT.match(text.strip())
    if found is None:
        raise BodyweightError(f"{text.strip()!r} is not a bodyweight: write a number, e.g. 81.5 or 180lb")
    value = float(found[1].replace(",", "."))
    unit = normalise_unit(found[2]) if found[2] else default_unit
    return check_bodyweight(value, unit), unit


def record_bodyweight(store: Store, value: float, unit: Unit, day: date, now: pendulum.DateTime) -> RecoveryNote:
    """Keep `value` as the bodyweight of `day` in its recovery note (the note's other fields
    stay). The newest one also becomes the bodyweight in settings."""
    check_bodyweight(value, unit)
    note = store.recovery(day)
    if note is None:
        note = RecoveryNote(date=day, bodyweight=value, bodyweight_unit=unit, updated_at=now)
    else:
        note = note.model_copy(update={"bodyweight": value, "bodyweight_unit": unit, "updated_at": now})
    store.save_recovery(RecoveryNote.model_validate(note.model_dump()))
    newer = [n for n in store.recovery_between(day + timedelta(days=1), now.date()) if n.bodyweight is not None]
    if not newer:
        settings = store.settings()
        kg = round(convert(value, unit, "kg"), 2)
        store.save_settings(settings.model_copy(update={"bodyweight_kg": min(max(kg, 25.0), 300.0)}))
    return note


def recent_bodyweights(store: Store, today: date) -> list[RecoveryNote]:
    """Notes of the last year holding a bodyweight, newest first."""
    notes = store.recovery_between(today - timedelta(days=LIST_DAYS), today)
    return sorted((n for n in notes if n.bodyweight is not None), key=lambda n: n.date, reverse=True)

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
    save_note(store, RecoveryNote.model_validate(note.model_dump()), now.date())
    return note


def save_note(store: Store, note: RecoveryNote, today: date) -> None:
    """Save a recovery note; a bodyweight in it that is the newest known also becomes the one
    in settings, so Settings shows and the planner uses the latest weighing, wherever it
    was typed (here, the recovery screen or `gymtui bodyweight`)."""
    store.save_recovery(note)
    if note.bodyweight is None or note.date > today:
        return
    later = store.recovery_between(note.date + timedelta(days=1), today)
    if any(n.bodyweight is not None for n in later):
        return
    settings = store.settings()
    kg = round(convert(note.bodyweight, note.bodyweight_unit, "kg"), 2)
    kg = min(max(kg, 25.0), 300.0)
    if settings.bodyweight_kg != kg:
        store.save_settings(settings.model_copy(update={"bodyweight_kg": kg}))


def recent_bodyweights(store: Store, today: date) -> list[RecoveryNote]:
    """Notes of the last year holding a bodyweight, newest first."""
    notes = store.recovery_between(today - timedelta(days=LIST_DAYS), today)
    return sorted((n for n in notes if n.bodyweight is not None), key=lambda n: n.date, reverse=True)

"""Bodyweight, and the lifts where it is most of the load (pull-ups, chin-ups, dips).

In a weighted pull-up the lifter moves their bodyweight plus the belt. Reading the belt
alone makes a lighter belt for one more rep look like a collapse (10 kg x 5 -> 5 kg x 6 is
"-48 %", yet with 80 kg of bodyweight it is 90 kg x 5 -> 85 kg x 6, about the same lifter).
So for an exercise with a `bodyweight_share` (the part of the bodyweight it moves), every
logged set is read as share x bodyweight + belt, the plan is made on those totals like any
loaded lift, and the belt is what is left over (none: bodyweight only).

Bodyweight is kept with dates (a recovery note's bodyweight, `gymtui bodyweight 81.5`), and
each session is read with the bodyweight of its day: the newest on or before it, else the
one in settings, else the oldest known.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .blocks import SessionSets
from .daily import RecoveryNote
from .library import Exercise
from .plates import round_to_step
from .settings import Settings
from .units import Unit, convert, format_load

MIN_KG = 25.0
MAX_KG = 300.0


class BodyweightError(ValueError):
    """A bodyweight that cannot be right; the message says what is allowed."""


def check_bodyweight(value: float, unit: Unit) -> float:
    """`value` in `unit` if it is a believable bodyweight, else BodyweightError."""
    low, high = convert(MIN_KG, "kg", unit), convert(MAX_KG, "kg", unit)
    if not low <= value <= high:
        raise BodyweightError(
            f"bodyweight {value:g} {unit} is out of range: use {low:.0f} to {high:.0f} {unit}"
        )
    return value


@dataclass(frozen=True, slots=True)
class Bodyweights:
    """Dated bodyweights (kg, oldest first) and the one in settings, for days without one."""

    dated: tuple[tuple[date, float], ...] = ()
    settings_kg: float | None = None

    @classmethod
    def from_notes(cls, notes: Iterable[RecoveryNote], settings_kg: float | None = None) -> Bodyweights:
        dated = sorted(
            (note.date, convert(note.bodyweight, note.bodyweight_unit, "kg"))
            for note in notes
            if note.bodyweight is not None
        )
        return cls(tuple(dated), settings_kg)

    def on(self, day: date | None) -> float | None:
        """The bodyweight (kg) of `day`: the newest dated on or before it, else the settings'
        one, else the oldest dated one; None if nothing is known."""
        if day is not None:
            before = [kg for when, kg in self.dated if when <= day]
            if before:
                return before[-1]
        elif self.dated:
            return self.dated[-1][1]
        if self.settings_kg is not None:
            return self.settings_kg
        return self.dated[0][1] if self.dated else None


def moved(exercise: Exercise, bodyweight_kg: float, settings: Settings) -> float:
    """The bodyweight an exercise moves, in the settings' unit, on the belt's grid.

    Rounded to the smallest plate so bodyweight + belt lands on loads a belt can make; the
    difference (under half a plate) is far inside what the chart can tell apart.
    """
    unit = settings.unit
    step = min(settings.plates(unit))
    return round_to_step(convert(bodyweight_kg, "kg", unit) * exercise.bodyweight_share, step, "nearest")


def with_bodyweight(
    history: Sequence[SessionSets], exercise: Exercise, weights: Bodyweights, settings: Settings
) -> list[SessionSets]:
    """Each set's load read as bodyweight moved + belt (no belt: bodyweight alone), in the
    settings' unit. Sets of a day without a known bodyweight are left as they were, and a
    session read this way already is not read again (planning may do it before the rules)."""
    unit = settings.unit
    found = []
    for session in history:
        kg = weights.on(session.date)
        if kg is None or session.bodyweight is not None:
            found.append(session)
            continue
        body = moved(exercise, kg, settings)
        sets = tuple(
            s.model_copy(update={"load": round(body + (convert(s.load, s.unit, unit) if s.load else 0.0), 4),
                                 "unit": unit})
            if s.reps or s.seconds else s
            for s in session.sets
        )
        found.append(dataclasses.replace(session, sets=sets, bodyweight=body))
    return found


def belt_text(total: float, body: float, unit: Unit, bodyweight_kg: float) -> tuple[float | None, str]:
    """The belt for a planned total, and the sentence that says how it was found."""
    shown = format_load(round(convert(bodyweight_kg, "kg", unit), 1), unit)
    belt = round(total - body, 4)
    if belt <= 1e-6:
        if belt < -1e-6:
            return None, (f"bodyweight only: the plan's {format_load(total, unit)} is under your {shown}"
                          " bodyweight, so take it easier (a band would take the rest off)")
        return None, f"bodyweight only ({shown}), no belt"
    return belt, f"belt {format_load(belt, unit)}: {format_load(total, unit)} with your {shown} bodyweight"

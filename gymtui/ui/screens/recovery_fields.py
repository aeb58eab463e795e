"""The recovery form's fields: their ranges, how a typed value is checked and read, the grip's unit."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ...domain.daily import REGIONS, RecoveryNote, Region
from ...domain.units import Unit


@dataclass(frozen=True)
class Field:
    """One input of the form: how to read it and the range it must be in."""

    name: str
    label: str
    low: float
    high: float
    whole: bool = True
    width: int = 4
    # A grip of 0 makes no sense; the other scales start at their low end.
    low_open: bool = False
    # How messages name the field, when the label beside the input is shorter.
    what: str = ""

    @property
    def named(self) -> str:
        return self.what or self.label

    @property
    def rule(self) -> str:
        if self.low_open:
            return f"more than {self.low:g} and at most {self.high:g}"
        return f"{self.low:g} to {self.high:g}"


SLEEP = Field("sleep_hours", "Sleep h", 0, 24, whole=False, width=6, what="Sleep hours")
QUALITY = Field("sleep_quality", "quality", 1, 5, what="Sleep quality")
STRESS = Field("stress", "Stress", 1, 5)
ENERGY = Field("energy", "Energy", 1, 5)
GRIP = Field("grip", "Grip", 0, 300, whole=False, width=7, low_open=True)
SORENESS = [
    Field(f"sore_{region}", region.replace("_", " "), 0, 3, what=f"Soreness {region.replace('_', ' ')}")
    for region in REGIONS
]
# Bodyweight is read in the settings' unit (or the unit it was saved in), with that unit's range.
BODYWEIGHT = {
    "kg": Field("bodyweight", "Bodyweight", 25, 300, whole=False, width=7),
    "lb": Field("bodyweight", "Bodyweight", 55, 661, whole=False, width=7),
}
NUMBER_FIELDS = [SLEEP, QUALITY, STRESS, ENERGY, GRIP, *SORENESS]
BY_NAME = {field.name: field for field in NUMBER_FIELDS}


def check_value(field: Field, text: str) -> tuple[float | int | None, str | None]:
    """(value, None) when the text is empty or in range; (None, message) when it is not."""
    text = text.strip().replace(",", ".")
    if not text:
        return None, None
    try:
        value = float(text)
    except ValueError:
        return None, f"{field.named}: {text!r} is not a number ({field.rule})"
    if not math.isfinite(value):
        # 'nan', or 400 pasted digits read as infinity: int() of either would raise.
        return None, f"{field.named}: {text!r} is not a number ({field.rule})"
    if field.whole and value != int(value):
        return None, f"{field.named}: use a whole number, {field.rule}"
    too_low = value <= field.low if field.low_open else value < field.low
    if too_low or value > field.high:
        return None, f"{field.named}: {text} is out of range, use {field.rule}"
    return (int(value) if field.whole else value), None


GRIP_UNIT = re.compile(r"\s*(kg|lb)\s*$", re.IGNORECASE)


def split_grip_unit(text: str) -> tuple[str, Unit | None]:
    """'110 lb' -> ('110', 'lb'); '52.5' -> ('52.5', None): the grip field takes its unit."""
    match = GRIP_UNIT.search(text)
    if match is None:
        return text, None
    return text[: match.start()], "lb" if match.group(1).lower() == "lb" else "kg"


def shown(value: Any) -> str:
    """A saved number as the form shows it (empty when there is none)."""
    return "" if value is None else f"{value:g}"


def read_numbers(
    texts: dict[str, str], body_unit: Unit
) -> tuple[dict[str, Any], dict[Region, Any], float | int | None, dict[str, str]]:
    """The form's numbers from its texts (by field name, "bodyweight" included): the fields'
    values, the soreness by region, the bodyweight, and a message by field for each bad one."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in NUMBER_FIELDS:
        text = texts[field.name]
        if field is GRIP:
            text, _ = split_grip_unit(text)
        value, message = check_value(field, text)
        if message:
            errors[field.name] = message
        values[field.name] = value
    body, message = check_value(BODYWEIGHT[body_unit], texts["bodyweight"])
    if message:
        errors["bodyweight"] = message
    soreness: dict[Region, Any] = {}
    for region, field in zip(REGIONS, SORENESS, strict=True):
        value = values.pop(field.name)
        if value is not None:
            soreness[region] = value
    return values, soreness, body, errors


def form_texts(note: RecoveryNote | None) -> dict[str, str]:
    """A note's numbers as the form shows them, by field name (all empty without a note)."""
    values: dict[str, str] = {
        SLEEP.name: shown(note.sleep_hours) if note else "",
        QUALITY.name: shown(note.sleep_quality) if note else "",
        STRESS.name: shown(note.stress) if note else "",
        ENERGY.name: shown(note.energy) if note else "",
        GRIP.name: shown(note.grip) if note else "",
    }
    for region, field in zip(REGIONS, SORENESS, strict=True):
        values[field.name] = shown(note.soreness.get(region)) if note else ""
    return values

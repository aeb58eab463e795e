"""Load units. A load keeps the unit it was entered in; maths converts on demand."""

from typing import Literal

Unit = Literal["kg", "lb"]
UNITS: tuple[Unit, ...] = ("kg", "lb")

KG_PER_LB = 0.45359237


def convert(value: float, from_unit: Unit, to_unit: Unit) -> float:
    """Convert a load between kg and lb (exact factor, no rounding)."""
    if from_unit == to_unit:
        return value
    if from_unit == "lb":
        return value * KG_PER_LB
    return value / KG_PER_LB


def normalise_unit(text: str) -> Unit:
    """Map the spellings found in exports and on the command line to a unit."""
    key = text.strip().lower()
    if key in ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"):
        return "kg"
    if key in ("lb", "lbs", "pound", "pounds", "#"):
        return "lb"
    raise ValueError(f"unknown unit {text!r}: use kg or lb")


def format_load(value: float | None, unit: Unit) -> str:
    """'80 kg', '82.5 kg', '175 lb', 'bodyweight'."""
    if value is None:
        return "bodyweight"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"

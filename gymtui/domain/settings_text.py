"""Settings as the lifter types them: one text per field, read back into `Settings`.

The settings screen shows each field as a short text ("25, 20, 15, 10, 5, 2.5, 1.25",
"0x10, 40x5, 60x3, 80x2", "2:00") and hands what was typed to `with_text`, which returns
the new settings or raises `SettingsTextError` naming the field. The range rules stay in
the `Settings` model; this module only reads text and words the model's refusals so a
lifter can fix them (which plate, which ramp set, the allowed range).

Every value the screen shows reads back to itself (ramp sets are kept lightest
first): `with_text(s, key, field_text(s, key)) == s`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from annotated_types import Ge, Gt, Le, Lt
from pydantic import ValidationError

from .common import describe_error
from .settings import RampStep, Settings
from .units import normalise_unit

# The heaviest plate Settings accepts (its plate validator says "at most 60"): checked here
# too so the message can name the plate that is too heavy.
MAX_PLATE = 60.0
MAX_RAMP_SETS = 8
_SWITCH = {"on": True, "yes": True, "true": True, "1": True, "off": False, "no": False, "false": False, "0": False}
_LIST_SEPARATORS = re.compile(r"[,;\s]+")
_RAMP_ITEM = re.compile(r"^(bar|\d+(?:\.\d+)?)\s*%?\s*[x×*]\s*(\d+)$", re.IGNORECASE)
_DURATION = re.compile(r"^(?:(\d+):([0-5]\d)|(\d+)\s*s?)$", re.IGNORECASE)


class SettingsTextError(ValueError):
    """A text that cannot be a setting; str() names the field: 'Bar kg: ...'."""

    def __init__(self, label: str, message: str) -> None:
        self.label = label
        self.message = message
        super().__init__(f"{label}: {message}")


class _Refused(ValueError):
    """Raised by the parsers; `with_text` adds the field's label."""


# -- numbers, lists, durations ------------------------------------------------------------


def show_number(value: float) -> str:
    """The shortest text that reads back to the same float: 20, 2.5, 1.25."""
    # repr is the shortest round-tripping text; Decimal writes it without an exponent.
    text = f"{Decimal(repr(float(value))):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_number(text: str, suffix: str = "") -> float:
    """A finite number; a decimal comma is read as a point and a trailing unit is allowed."""
    cleaned = text.strip().replace(",", ".")
    if suffix and cleaned.lower().endswith(suffix.lower()):
        cleaned = cleaned[: -len(suffix)].strip()
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    # float() also reads 'nan', 'inf' and '1e3': none of them is something a lifter types.
    if not cleaned or not math.isfinite(value) or not re.fullmatch(r"[+-]?\d*\.?\d+|[+-]?\d+\.", cleaned):
        raise _Refused(f"{text.strip()!r} is not a number: type digits, e.g. 20 or 2.5")
    return value


def parse_whole(text: str, suffix: str = "") -> int:
    value = parse_number(text, suffix)
    if value != int(value):
        raise _Refused(f"{text.strip()} is not a whole number")
    return int(value)


def show_percent(fraction: float) -> str:
    """0.1 -> '10'. Decimal arithmetic, so the text reads back to the very same fraction."""
    text = f"{Decimal(repr(float(fraction))) * 100:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_percent(text: str) -> float:
    parse_number(text, "%")  # the checks and the message
    cleaned = text.strip().replace(",", ".").removesuffix("%").strip()
    return float(Decimal(cleaned) / 100)


def parse_plates(text: str) -> list[float]:
    """'25, 20, 15, 2.5' (commas, semicolons or spaces between plates) -> heaviest first."""
    items = [item for item in _LIST_SEPARATORS.split(text.strip()) if item]
    if not items:
        raise _Refused("the plate list is empty: list at least one plate, e.g. 20, 10, 5, 2.5")
    plates: set[float] = set()
    for item in items:
        try:
            plate = parse_number(item)
        except _Refused:
            raise _Refused(f"{item!r} is not a plate weight: write numbers such as 20, 10, 2.5") from None
        if not 0 < plate <= MAX_PLATE:
            raise _Refused(f"a {item} plate is out of range: every plate is more than 0 and at most {MAX_PLATE:g}")
        plates.add(plate)
    return sorted(plates, reverse=True)


def show_plates(plates: list[float]) -> str:
    return ", ".join(show_number(p) for p in plates)


def parse_ramp(text: str) -> list[RampStep]:
    """'0x10, 40x5, 60x3, 80x2': percent of the working load x reps ('bar' = 0 %), lightest first."""
    items = [item.strip() for item in re.split(r"[,;]+", text.strip()) if item.strip()]
    if not items:
        raise _Refused("no ramp sets: write at least one, e.g. 0x10, 40x5, 60x3, 80x2")
    if len(items) > MAX_RAMP_SETS:
        raise _Refused(f"{len(items)} ramp sets: at most {MAX_RAMP_SETS}")
    steps: list[RampStep] = []
    for number, item in enumerate(items, 1):
        found = _RAMP_ITEM.match(item)
        if found is None:
            raise _Refused(
                f"set {number} {item!r} is not PERCENTxREPS: write e.g. 40x5 (40 % of the working load, 5 reps)"
            )
        percent = 0.0 if found[1].lower() == "bar" else float(found[1])
        reps = int(found[2])
        if percent > 100:
            raise _Refused(f"set {number} {item!r}: {percent:g} % is above the working load (use 0 to 100)")
        if not 1 <= reps <= 20:
            raise _Refused(f"set {number} {item!r}: {reps} reps, use 1 to 20")
        if any(step.percent == percent for step in steps):
            raise _Refused(f"two ramp sets at {percent:g} %: each set should be heavier than the one before")
        steps.append(RampStep(percent=percent, reps=reps))
    return sorted(steps, key=lambda step: step.percent)


def show_ramp(steps: list[RampStep]) -> str:
    return ", ".join(f"{show_number(step.percent)}x{step.reps}" for step in steps)


def parse_duration(text: str) -> int:
    """Whole seconds from '2:00', '90' or '90s'."""
    found = _DURATION.match(text.strip())
    if found is None:
        raise _Refused(f"{text.strip()!r} is not a time: write minutes:seconds (2:00) or seconds (120)")
    if found[3] is not None:
        return int(found[3])
    return int(found[1]) * 60 + int(found[2])


def show_duration(seconds: int) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def parse_monday(text: str) -> date | None:
    """A day as YYYY-MM-DD (empty: none); block weeks count from its Monday, which is kept."""
    if not text.strip():
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise _Refused(f"{text.strip()!r}: write a day as YYYY-MM-DD, e.g. 2026-11-16") from None
    return day - timedelta(days=day.weekday())


def parse_switch(text: str) -> bool:
    key = text.strip().lower()
    if key not in _SWITCH:
        raise _Refused(f"{text.strip()!r}: write on or off")
    return _SWITCH[key]


# -- the fields -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    """One setting as text: how it is shown, how it is read, and how its rule is worded."""

    key: str  # the Settings field it sets
    label: str  # names the field in messages
    show: Callable[[Any], str]
    parse: Callable[[str], Any]
    # Shows a bound of the model's range in the units the lifter types (percent, m:ss).
    show_bound: Callable[[float], str] = show_number


def _number(key: str, label: str, suffix: str = "") -> TextField:
    return TextField(key, label, show_number, lambda text: parse_number(text, suffix))


def _whole(key: str, label: str, suffix: str = "") -> TextField:
    return TextField(key, label, str, lambda text: parse_whole(text, suffix))


def _optional_number(key: str, label: str, suffix: str = "") -> TextField:
    """A number that may be left empty (not known yet)."""

    def parse(text: str) -> float | None:
        return None if not text.strip() else parse_number(text, suffix)

    return TextField(key, label, lambda value: "" if value is None else show_number(value), parse)


TEXT_FIELDS: dict[str, TextField] = {
    field.key: field
    for field in [
        TextField("unit", "Units", str, normalise_unit),
        TextField("theme", "Theme", str, lambda text: text.strip()),
        _number("bar_kg", "Bar kg", "kg"),
        _number("bar_lb", "Bar lb", "lb"),
        TextField("plates_kg", "Plates kg", show_plates, parse_plates),
        TextField("plates_lb", "Plates lb", show_plates, parse_plates),
        _number("dumbbell_step_kg", "Dumbbell step kg", "kg"),
        _number("dumbbell_step_lb", "Dumbbell step lb", "lb"),
        _number("machine_step_kg", "Machine step kg", "kg"),
        _number("machine_step_lb", "Machine step lb", "lb"),
        # Stored as a fraction (0.10), typed as a percentage (10).
        TextField("max_change", "Max change", show_percent, parse_percent, lambda bound: f"{bound * 100:g} %"),
        TextField("ramp", "Ramp sets", show_ramp, parse_ramp),
        TextField("default_rest_seconds", "Default rest", show_duration, parse_duration,
                  lambda bound: show_duration(int(bound))),
        TextField("bell", "Bell", lambda on: "on" if on else "off", parse_switch),
        _whole("lead_in_seconds", "Tempo lead-in", "s"),
        _number("x_cue_seconds", "X-phase cue", "s"),
        _whole("backups_kept", "Backups kept"),
        _optional_number("bodyweight_kg", "Bodyweight", "kg"),
        TextField("program", "Program", str, lambda text: text.strip()),
        TextField("program_start", "Block start", lambda day: "" if day is None else day.isoformat(), parse_monday),
    ]
}


def field_text(settings: Settings, key: str) -> str:
    field = TEXT_FIELDS[key]
    return field.show(getattr(settings, key))


def range_rule(key: str) -> str:
    """The model's range for a field in words: 'more than 0 and at most 50'."""
    field = TEXT_FIELDS[key]
    parts: list[str] = []
    low = high = None
    # Every bound of the settings model is a number; annotated_types types them as comparable.
    for bound in Settings.model_fields[key].metadata:
        if isinstance(bound, Gt):
            parts.append(f"more than {field.show_bound(cast(float, bound.gt))}")
        elif isinstance(bound, Ge):
            low = field.show_bound(cast(float, bound.ge))
            parts.append(f"at least {low}")
        elif isinstance(bound, Lt):
            parts.append(f"less than {field.show_bound(cast(float, bound.lt))}")
        elif isinstance(bound, Le):
            high = field.show_bound(cast(float, bound.le))
            parts.append(f"at most {high}")
    if low is not None and high is not None and len(parts) == 2:
        return f"{low} to {high}"
    return " and ".join(parts)


_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}


def with_text(settings: Settings, key: str, text: str) -> Settings:
    """`settings` with one field set from what was typed; SettingsTextError if it cannot be."""
    field = TEXT_FIELDS[key]
    try:
        value = field.parse(text)
    except ValueError as error:  # _Refused, or normalise_unit's own message
        raise SettingsTextError(field.label, str(error)) from None
    data = settings.model_dump()
    data[key] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        if all(problem["type"] in _RANGE_ERRORS for problem in error.errors()) and range_rule(key):
            message = f"{text.strip()} is out of range: use {range_rule(key)}"
        else:
            # describe_error says "bar_kg: ..."; the label already names the field.
            message = re.sub(r"^[\w.]+: ", "", describe_error(error))
        raise SettingsTextError(field.label, message) from None

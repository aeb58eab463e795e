"""Reading the cells of an export: numbers, reps, RPE, durations, distances, dates, units.

Every reader raises `RowError` with a sentence a lifter can act on; the caller adds the
line number. Nothing here knows which app wrote the file.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from gymtui.domain.common import RPE_VALUES
from gymtui.domain.units import Unit, normalise_unit


class RowError(ValueError):
    """A row that cannot be imported; the message is the reason shown with its line number."""


def number(text: str, what: str) -> float | None:
    """A decimal cell: blank is None; a comma decimal separator ('82,5') is accepted."""
    cell = text.strip()
    if not cell:
        return None
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        raise RowError(f"{what} {cell!r} is not a number") from None
    if not math.isfinite(value):
        raise RowError(f"{what} {cell!r} is not a number")
    if value < 0:
        raise RowError(f"{what} {cell} is negative")
    return value


def whole(text: str, what: str) -> int | None:
    """A count written '5' or '5.0' (Strong writes reps as decimals); '5.5' is refused."""
    value = number(text, what)
    if value is None:
        return None
    if value != int(value):
        raise RowError(f"{what} {text.strip()} is not a whole number")
    return int(value)


def rpe(text: str) -> float | None:
    """RPE on 6-10 in half steps; blank and 0 (some apps write 0 for 'not rated') are None."""
    value = number(text, "RPE")
    if value is None or value == 0:
        return None
    if value not in RPE_VALUES:
        raise RowError(f"RPE {text.strip()} is not on the scale (6 to 10 in half steps)")
    return value


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([hms])", re.IGNORECASE)


def duration_seconds(text: str) -> float | None:
    """Strong's '31m', '1h', '2h 18m', '45s'; a bare number is seconds. Blank is None."""
    cell = text.strip()
    if not cell:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", cell):
        return float(cell)
    parts = _DURATION_PART.findall(cell)
    if not parts or _DURATION_PART.sub("", cell).strip():
        raise RowError(f"duration {cell!r} is not like '1h 5m'")
    factor = {"h": 3600, "m": 60, "s": 1}
    return sum(float(amount) * factor[letter.lower()] for amount, letter in parts)


def clock_seconds(text: str) -> float | None:
    """FitNotes' Time cell: 'H:MM:SS', 'MM:SS' or plain seconds. Blank is None."""
    cell = text.strip()
    if not cell:
        return None
    if ":" not in cell:
        return number(cell, "time")
    try:
        parts = [float(part) for part in cell.split(":")]
    except ValueError:
        raise RowError(f"time {cell!r} is not like 0:01:30") from None
    if len(parts) > 3 or any(part < 0 for part in parts):
        raise RowError(f"time {cell!r} is not like 0:01:30")
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


_METRES_PER = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": 1000.0, "kms": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0,
    "kilometre": 1000.0, "kilometres": 1000.0,
    "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
    "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yds": 0.9144, "yards": 0.9144,
}


def metres_per(unit_text: str) -> float:
    """How many metres one unit of distance is: 'km', 'mi', 'meters' ..."""
    key = unit_text.strip().lower()
    if key not in _METRES_PER:
        raise RowError(f"distance unit {unit_text.strip()!r} is unknown (use m, km or mi)")
    return _METRES_PER[key]


def weight_unit(text: str) -> Unit | None:
    """'kg', 'kgs', 'lbs' ... from a unit column; blank is None."""
    if not text.strip():
        return None
    try:
        return normalise_unit(text)
    except ValueError as error:
        raise RowError(str(error)) from None


def positive(value: float | None) -> float | None:
    """Exports write 0 for 'nothing here'; gymtui keeps None for that."""
    return value if value else None


# Dates are parsed once per distinct text: a 10,000-row file has a few hundred workouts.
_DATE_CACHE: dict[str, datetime] = {}
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",  # Strong
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %I:%M:%S %p",  # Strong on 12-hour phones
    "%Y-%m-%d",  # FitNotes
)
# Hevy: '5 Dec 2025, 11:37'. Month names are read here, not by strptime's %b, which
# follows the process locale and would fail on a French or German system.
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _day_month_year(text: str) -> datetime | None:
    match = _DAY_MONTH_YEAR.match(text)
    if match is None:
        return None
    day, month_name, year, hour, minute, second = match.groups()
    month = _MONTHS.get(month_name[:3].lower())
    if month is None:
        return None
    try:
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None


def local_datetime(text: str) -> datetime:
    """A naive wall-clock time as written in the file; the caller gives it a zone."""
    cell = text.strip()
    cached = _DATE_CACHE.get(cell)
    if cached is not None:
        return cached
    # Some phones put a narrow no-break space before AM/PM.
    cleaned = cell.replace("\u202f", " ").replace("\u00a0", " ")
    value = _day_month_year(cleaned)
    for layout in _DATE_FORMATS if value is None else ():
        try:
            value = datetime.strptime(cleaned, layout)
            break
        except ValueError:
            continue
    if value is not None:
        if len(_DATE_CACHE) < 100_000:
            _DATE_CACHE[cell] = value
        return value
    if not cell:
        raise RowError("the date is blank")
    raise RowError(f"date {cell!r} is not like 2024-05-01 18:30:00")


# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(...) runs when
# the file is opened): gymtui writes such text with a leading apostrophe, which spreadsheets
# take as "this is text" and do not show, and reads the apostrophe off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def from_spreadsheet_text(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text

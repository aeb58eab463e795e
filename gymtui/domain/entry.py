"""Set entry, one reader for the command line and the set form.

The command line takes a whole set in one word: `80x8@8.5`, `bw x12`, `80kgx8`, `175lbx5`, and
timed sets in seconds: `bw x45s` (a plank), `32x40s` (a carry with 32 kg in each hand). The
set form takes the same values field by field. Both read each value with the same functions
(`parse_load`, `parse_reps`, `parse_rpe`, `parse_seconds`), so a value one accepts the other
accepts too, and both refuse with the same words.

RPE is typed with a point or a comma (8.5, 8,5). Two figures without one (`85`) are refused
with a question rather than read as 8.5: the same two keys are a slip for 8 or for 5 as
often as a missing point, and the planner reads RPE 8 and 8.5 differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .common import RPE_VALUES
from .journal import SET_TYPES, SetType, Side
from .tempo import TempoError, parse_tempo
from .units import Unit, normalise_unit

T = TypeVar("T")

MAX_LOAD = 2000.0
MAX_REPS = 1000
MAX_SECONDS = 86400.0


class EntryError(ValueError):
    """An entry that cannot be read; the message says which entry and what is wrong."""


# -- one value ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_LOAD = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-z#]+)?$")


def _short(text: str, limit: int = 24) -> str:
    """Text as echoed in a message: a pasted page of digits is named by its length."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def parse_rpe(text: str) -> float | None:
    """'8', '8.5', '8,5', '10'; '' is no RPE. '85' is refused with the question 'did you mean 8.5?'."""
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    if not re.fullmatch(r"\d{1,3}(?:\.\d*)?", raw):  # '8.' is 8: the form reads it as it is typed
        raise ValueError(f"RPE {_short(raw)!r} is not a number: 6 to 10 in half steps, e.g. 8 or 8.5")
    if re.fullmatch(r"[6-9]5", raw):
        raise ValueError(f"RPE {raw}: did you mean {raw[0]}.5? Type the point (6 to 10 in half steps)")
    value = float(raw)
    if value not in RPE_VALUES:
        raise ValueError(f"RPE {value:g} is not on the scale: 6 to 10 in half steps (8 = 2 reps left)")
    return value


def parse_load(text: str, default_unit: Unit, *, bodyweight_ok: bool) -> tuple[float | None, Unit]:
    """'80', '82,5 kg', '175lb', 'bw' (None: bodyweight); '' is bodyweight when `bodyweight_ok`."""
    raw = text.strip().lower()
    if raw in ("bw", "bodyweight") or (not raw and bodyweight_ok):
        return None, default_unit
    if not raw:
        raise ValueError("load missing: type it, e.g. 80 or 80 kg (bw for bodyweight)")
    match = _LOAD.match(raw)
    if match is None:
        raise ValueError(f"load {_short(text.strip())!r} is not a number: write 80, 82.5 kg or 175 lb")
    unit = default_unit
    if match[2]:
        try:
            unit = normalise_unit(match[2])
        except ValueError:
            raise ValueError(f"load {_short(text.strip())!r} is not a load: write 80, 82.5 kg or 175 lb") from None
    if len(match[1]) > 12:  # before float(): a pasted page of digits is no load
        raise ValueError(f"load {_short(match[1])} {unit} is beyond any bar: at most {MAX_LOAD:g}")
    value = float(match[1].replace(",", "."))
    if value > MAX_LOAD:
        raise ValueError(f"load {value:g} {unit} is beyond any bar: at most {MAX_LOAD:g}")
    return value, unit


def parse_reps(text: str, *, required: bool) -> int | None:
    raw = text.strip()
    if not raw:
        if required:
            raise ValueError("reps missing: type how many you did")
        return None
    # ASCII digits only: str.isdigit() also takes '²', which int() refuses with Python's words.
    if not (raw.isascii() and raw.isdigit()):
        raise ValueError(f"reps {_short(raw)!r}: write a whole number, 0 or more")
    if len(raw.lstrip("0")) > 4:  # before int(): past 4,300 digits int() itself refuses
        raise ValueError(f"reps {_short(raw)}: at most {MAX_REPS}")
    value = int(raw)
    if value > MAX_REPS:
        raise ValueError(f"reps {value}: at most {MAX_REPS}")
    return value


def parse_seconds(text: str) -> float | None:
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    if not _NUMBER.match(raw) or len(raw) > 12:
        raise ValueError(f"seconds {_short(raw)!r}: write a number, e.g. 40")
    value = float(raw)
    if value > MAX_SECONDS:
        raise ValueError("seconds: at most a day")
    return value


# -- the command line: LOADxREPS[@RPE] ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    load: float | None  # None: bodyweight
    unit: Unit
    reps: int | None  # None: a timed set (a hold, a carry), measured in seconds
    rpe: float | None
    seconds: float | None = None


# The shape only; each value is then read by the functions above.
_ENTRY = re.compile(
    r"^(?P<load>bw|[^x@]+?)(?P<unit>kgs?|lbs?)?x(?P<reps>[^@]*?)(?P<seconds>s|sec)?(?:@(?P<rpe>.*))?$"
)


def split_entries(words: list[str]) -> list[str]:
    """Join words and re-split, so `bw x12` and `80 x 8 @ 9` read as one entry each."""
    text = " ".join(words).lower()
    text = re.sub(r"\s*([x@×])\s*", lambda m: "x" if m.group(1) in "x×" else "@", text)
    return [token for token in re.split(r"[\s;]+", text) if token]


def _read_entry(token: str, default_unit: Unit) -> Entry:
    if "x" not in token:
        raise ValueError("no 'x' between load and reps (write LOADxREPS, e.g. 80x8)")
    if token.startswith("x"):
        raise ValueError("load missing before x (a number, or bw for bodyweight)")
    match = _ENTRY.match(token)
    if match is None:
        raise ValueError("not LOADxREPS[@RPE]")
    if match["load"] == "bw" and match["unit"]:
        raise ValueError("bodyweight takes no unit")
    load_text = match["load"] + (match["unit"] or "")
    if not re.fullmatch(r"(bw|\d+(?:[.,]\d+)?)(kgs?|lbs?)?", load_text):
        raise ValueError(f"load {_short(load_text)!r} is not a number (or bw), optionally followed by kg or lb")
    load, unit = parse_load(load_text, default_unit, bodyweight_ok=False)
    if not match["reps"]:
        raise ValueError("reps missing after x")
    timed = bool(match["seconds"])
    if timed:
        if not (match["reps"].isascii() and match["reps"].isdigit()):
            raise ValueError(f"reps {_short(match['reps'] + match['seconds'])!r} is not a whole number")
        seconds = int(match["reps"]) if len(match["reps"]) <= 5 else 10**6
        if not 1 <= seconds <= 3600:
            raise ValueError("a timed set lasts 1 to 3600 seconds")
    else:
        reps = parse_reps(match["reps"], required=True)
    rpe = parse_rpe(match["rpe"]) if match["rpe"] is not None else None
    if match["rpe"] is not None and rpe is None:
        raise ValueError("RPE missing after @")
    if timed:
        return Entry(load=load, unit=unit, reps=None, rpe=rpe, seconds=float(seconds))
    return Entry(load=load, unit=unit, reps=reps, rpe=rpe)


def parse_entry(token: str, default_unit: Unit, position: int = 1) -> Entry:
    """One LOADxREPS[@RPE] entry; EntryError names the entry by its position and its text."""
    try:
        return _read_entry(token.strip().lower(), default_unit)
    except ValueError as error:
        raise EntryError(f"entry {position} {_short(token)!r}: {error}") from None


def parse_entries(words: list[str], default_unit: Unit) -> list[Entry]:
    tokens = split_entries(words)
    if not tokens:
        raise EntryError("no set given: write LOADxREPS[@RPE], e.g. 80x8@8.5 or bw x12 (bw x45s for 45 seconds)")
    return [parse_entry(token, default_unit, i + 1) for i, token in enumerate(tokens)]


# -- the set form ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetFields:
    """The set form as typed."""

    rpe: str = ""
    reps: str = ""
    load: str = ""
    seconds: str = ""
    tempo: str = ""
    note: str = ""
    set_type: SetType = "working"
    side: Side | None = None


@dataclass(frozen=True)
class SetValues:
    rpe: float | None
    reps: int | None
    load: float | None
    unit: Unit
    seconds: float | None
    tempo: str | None
    note: str
    set_type: SetType
    side: Side | None


@dataclass
class FormErrors:
    by_field: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def text(self) -> str:
        return "\n".join(self.by_field.values())


def _read(errors: FormErrors, name: str, read: Callable[[], T]) -> T | None:
    try:
        return read()
    except (ValueError, TempoError) as error:
        errors.by_field[name] = str(error)
        return None


def parse_set_fields(fields: SetFields, default_unit: Unit, *, bodyweight_ok: bool,
                     hold: bool) -> tuple[SetValues | None, FormErrors]:
    """Read the form. Every bad field is named in the errors; nothing is returned then."""
    errors = FormErrors()
    rpe = _read(errors, "rpe", lambda: parse_rpe(fields.rpe))
    seconds = _read(errors, "seconds", lambda: parse_seconds(fields.seconds))
    reps = _read(errors, "reps", lambda: parse_reps(fields.reps, required=not hold))
    load = _read(errors, "load", lambda: parse_load(fields.load, default_unit, bodyweight_ok=bodyweight_ok))
    tempo = _read(errors, "tempo", lambda: str(parse_tempo(fields.tempo)) if fields.tempo.strip() else None)
    if fields.set_type not in SET_TYPES:
        errors.by_field["set_type"] = f"set type {fields.set_type!r}: one of {', '.join(SET_TYPES)}"
    if len(fields.note) > 2000:
        errors.by_field["note"] = "note: at most 2000 characters"
    if not errors and reps is None and seconds is None:
        errors.by_field["reps"] = "a set needs reps or seconds"
    if errors or load is None:
        return None, errors
    return SetValues(
        rpe=rpe, reps=reps if reps is not None else (1 if hold else None), load=load[0], unit=load[1],
        seconds=seconds, tempo=tempo, note=fields.note, set_type=fields.set_type, side=fields.side,
    ), errors

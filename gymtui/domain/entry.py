"""Set entries as typed on the command line: `80x8@8.5`, `bw x12`, `80kgx8`, `175lbx5`, and
timed sets in seconds: `bw x45s` (a plank), `32x40s` (a carry with 32 kg in each hand)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import RPE_VALUES
from .units import Unit, normalise_unit


class EntryError(ValueError):
    """An entry that cannot be read; the message says which entry and what is wrong."""


@dataclass(frozen=True, slots=True)
class Entry:
    load: float | None  # None: bodyweight
    unit: Unit
    reps: int | None  # None: a timed set (a hold, a carry), measured in seconds
    rpe: float | None
    seconds: float | None = None


_ENTRY = re.compile(
    r"^(?P<load>bw|\d+(?:[.,]\d+)?)(?P<unit>kgs?|lbs?)?x(?P<reps>\d+)(?P<seconds>s|sec)?(?:@(?P<rpe>\d+(?:[.,]\d+)?))?$"
)


def split_entries(words: list[str]) -> list[str]:
    """Join words and re-split, so `bw x12` and `80 x 8 @ 9` read as one entry each."""
    text = " ".join(words).lower()
    text = re.sub(r"\s*([x@×])\s*", lambda m: "x" if m.group(1) in "x×" else "@", text)
    return [token for token in re.split(r"[\s;]+", text) if token]


def _explain(token: str) -> str:
    if "x" not in token:
        return "no 'x' between load and reps (write LOADxREPS, e.g. 80x8)"
    load, _, rest = token.partition("x")
    reps = rest.split("@")[0].removesuffix("sec").removesuffix("s")
    if not load:
        return "load missing before x (a number, or bw for bodyweight)"
    if not re.fullmatch(r"(bw|\d+(?:[.,]\d+)?)(kgs?|lbs?)?", load):
        return f"load {_short(load)!r} is not a number (or bw), optionally followed by kg or lb"
    if not reps:
        return "reps missing after x"
    if not reps.isdigit():
        return f"reps {_short(reps)!r} is not a whole number"
    if "@" in rest:
        return f"RPE {_short(rest.split('@', 1)[1])!r} is not a number"
    return "not LOADxREPS[@RPE]"


def _short(text: str, limit: int = 24) -> str:
    """Text as echoed in a message: a pasted page of digits is named by its length."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def parse_entry(token: str, default_unit: Unit, position: int = 1) -> Entry:
    match = _ENTRY.match(token.strip().lower())
    if match is None:
        raise EntryError(f"entry {position} {_short(token)!r}: {_explain(token.lower())}")
    load_text = match["load"]
    load = None if load_text == "bw" else float(load_text.replace(",", "."))
    unit = normalise_unit(match["unit"]) if match["unit"] else default_unit
    if load is None and match["unit"]:
        raise EntryError(f"entry {position} {_short(token)!r}: bodyweight takes no unit")
    # Compared as text first: int() refuses thousands of digits with a ValueError.
    reps = int(match["reps"]) if len(match["reps"]) <= 5 else 10**6
    timed = bool(match["seconds"])
    if timed and not 1 <= reps <= 3600:
        raise EntryError(f"entry {position} {_short(token)!r}: a timed set lasts 1 to 3600 seconds")
    if reps > 1000 and not timed:
        raise EntryError(f"entry {position} {_short(token)!r}: {_short(match['reps'])} reps is too many")
    if load is not None and load > 2000:
        raise EntryError(f"entry {position} {_short(token)!r}: load {load:g} is beyond any barbell")
    rpe = None
    if match["rpe"]:
        rpe = float(match["rpe"].replace(",", "."))
        if rpe not in RPE_VALUES:
            raise EntryError(f"entry {position} {_short(token)!r}: RPE {rpe:g} is not on the scale 6-10 in half steps")
    if timed:
        return Entry(load=load, unit=unit, reps=None, rpe=rpe, seconds=float(reps))
    return Entry(load=load, unit=unit, reps=reps, rpe=rpe)


def parse_entries(words: list[str], default_unit: Unit) -> list[Entry]:
    tokens = split_entries(words)
    if not tokens:
        raise EntryError("no set given: write LOADxREPS[@RPE], e.g. 80x8@8.5 or bw x12 (bw x45s for 45 seconds)")
    return [parse_entry(token, default_unit, i + 1) for i, token in enumerate(tokens)]

"""The program editor's typed values, read and shown: a rep range "8-12", a rest "2:30", an RPE,
a tempo, a superset label, group rests, a block "strength 3-5@8.5, deload 5-8@6". A text that
cannot be read raises DraftError, naming its field and why."""

from __future__ import annotations

import re
from typing import Any

from .common import RPE_VALUES
from .library import PROGRESSIONS, WeekPlan
from .tempo import TempoError, parse_tempo

# The four-week block every shipped program follows, in this order.
STANDARD_CYCLE: tuple[WeekPlan, ...] = (
    WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8.5,
             description="Heavier main lifts, fewer reps, long rests; a rep or two left in hand."),
    WeekPlan(emphasis="hypertrophy", reps_min=8, reps_max=12, target_rpe=8,
             description="More reps at moderate loads; keep the tempo honest as fatigue grows."),
    WeekPlan(emphasis="technique", reps_min=5, reps_max=8, target_rpe=7, tempo="3-1-1-1",
             description="Slower, paused reps well short of failure: groove the positions."),
    WeekPlan(emphasis="deload", reps_min=5, reps_max=8, target_rpe=6, set_factor=0.5, load_factor=0.85,
             description="Half the sets with a lighter bar so the next block starts fresh."),
)
EMPHASES = tuple(week.emphasis for week in STANDARD_CYCLE)

PROGRESSION_LABELS = {
    "double": "double (reps, then load)",
    "slow": "+1 rep/+1 set every 2 weeks",
    "load_steps": "load steps (+1 step at top)",
    "none": "none (same every time)",
}
assert set(PROGRESSION_LABELS) == set(PROGRESSIONS)


class DraftError(ValueError):
    """A typed value refused; the message starts with the field it is about."""


def read_int(field: str, text: str, low: int, high: int) -> int:
    raw = text.strip()
    if not raw.isdigit():
        raise DraftError(f"{field}: {text.strip()!r} is not a whole number")
    value = int(raw)
    if not low <= value <= high:
        raise DraftError(f"{field}: {value} is outside {low} to {high}")
    return value


def read_reps(text: str) -> tuple[int, int]:
    """'8-12' or '10': the rep range."""
    match = re.fullmatch(r"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?", text.strip())
    if match is None:
        raise DraftError(f"reps: {text.strip()!r} is not a rep range: write 8-12, or 10")
    low = read_int("reps", match[1], 1, 100)
    high = read_int("reps", match[2] or match[1], 1, 100)
    if high < low:
        raise DraftError(f"reps: {low}-{high}: the top is below the bottom")
    return low, high


def read_rest(text: str) -> int:
    """'90', '90s', '2:30' or '2m': seconds of rest, 0 to 15 minutes."""
    raw = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d+):([0-5]\d)", raw)
    if match:
        seconds = int(match[1]) * 60 + int(match[2])
    elif re.fullmatch(r"\d+m", raw):
        seconds = int(raw[:-1]) * 60
    elif re.fullmatch(r"\d+s?", raw):
        seconds = int(raw.rstrip("s"))
    else:
        raise DraftError(f"rest: {text.strip()!r} is not a rest: write 90, 90s or 2:30")
    if seconds > 900:
        raise DraftError(f"rest: {rest_text(seconds)} is over 15 minutes")
    return seconds


def rest_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def read_rpe(text: str) -> float:
    try:
        value = float(text.strip().removeprefix("@"))
    except ValueError:
        raise DraftError(f"rpe: {text.strip()!r} is not an RPE: use 6 to 10 in half steps") from None
    if value not in RPE_VALUES:
        raise DraftError(f"rpe: {value:g} is not on the scale: use 6 to 10 in half steps (e.g. 8.5)")
    return value


def read_tempo(text: str) -> str | None:
    """Empty: the exercise's own default tempo."""
    if not text.strip():
        return None
    try:
        return str(parse_tempo(text.strip()))
    except TempoError as error:
        raise DraftError(f"tempo: {error}") from None


def read_superset(text: str) -> str | None:
    label = text.strip().upper()
    if not label:
        return None
    if not re.fullmatch(r"[A-Z][0-9]?", label):
        raise DraftError(f"superset: {text.strip()!r} is not a group label: a letter (A, B ...), empty for none")
    return label


def read_slug(field: str, text: str) -> str:
    value = "-".join(text.strip().lower().split())
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value) or len(value) > 80:
        raise DraftError(f"{field}: {text.strip()!r} must be lower-case letters, digits and dashes")
    return value


def group_rests_text(rests: dict[str, Any]) -> str:
    """'A 15/90, B 10': each superset's rest between its exercises, then after a round."""
    parts = []
    for label, rest in sorted(rests.items()):
        text = f"{label} {rest.get('between_seconds', 15)}"
        if rest.get("round_seconds") is not None:
            text += f"/{rest['round_seconds']}"
        parts.append(text)
    return ", ".join(parts)


def read_group_rests(text: str) -> dict[str, Any]:
    """The rests of a day's supersets typed as 'A 15/90, B 10' (seconds between exercises,
    then after the round; without it, the longest rest of its exercises)."""
    rests: dict[str, Any] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        match = re.fullmatch(r"([A-Za-z][0-9]?)\s+(\d+)\s*(?:/\s*(\d+))?", part)
        if match is None:
            raise DraftError(f"rests: {part!r}: write the group, the seconds between its exercises and after a"
                             f" round, e.g. A 15/90")
        between = read_int("rests", match[2], 0, 300)
        rest: dict[str, Any] = {"between_seconds": between}
        if match[3]:
            rest["round_seconds"] = read_int("rests", match[3], 0, 900)
        rests[match[1].upper()] = rest
    return rests


def cycle_text(cycle: list[dict[str, Any]]) -> str:
    """'strength 3-5@8.5, hypertrophy 8-12@8, ...': a block as one line."""
    return ", ".join(f"{w['emphasis']} {w['reps_min']}-{w['reps_max']}@{float(w['target_rpe']):g}" for w in cycle)


def read_cycle(text: str, now: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A block typed as weeks separated by commas, each 'EMPHASIS [MIN-MAX] [@RPE]'.

    A week typed as it is now keeps what the line does not show (its sets and load factors,
    tempo and description); a new one takes the standard week of its emphasis.
    """
    standard = {week.emphasis: week.model_dump(mode="json") for week in STANDARD_CYCLE}
    weeks: list[dict[str, Any]] = []
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise DraftError("weeks: give at least one week, e.g. strength, hypertrophy, technique, deload")
    if len(parts) > 52:
        raise DraftError(f"weeks: {len(parts)} weeks; a block is at most 52")
    for number, part in enumerate(parts, 1):
        match = re.fullmatch(r"([a-z]+)\s*(\d+\s*-\s*\d+|\d+)?\s*(?:@\s*([\d.]+))?", part.lower())
        if match is None or match[1] not in standard:
            raise DraftError(f"weeks: week {number} {part!r}: start it with one of {', '.join(EMPHASES)},"
                             f" then reps and @RPE if you like (hypertrophy 8-12@8)")
        week = dict(standard[match[1]])
        if match[2]:
            week["reps_min"], week["reps_max"] = read_reps(match[2])
        if match[3]:
            week["target_rpe"] = read_rpe(match[3])
        old = now[number - 1] if number - 1 < len(now) else None
        if old is not None and cycle_text([old]) == cycle_text([week]):
            week = dict(old)
        weeks.append(week)
    return weeks


def is_standard(cycle: list[dict[str, Any]]) -> bool:
    return cycle_text(cycle) == cycle_text([w.model_dump(mode="json") for w in STANDARD_CYCLE])

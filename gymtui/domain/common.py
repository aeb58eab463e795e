"""Shared field types and the strict base model every domain model uses."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .tempo import TempoError, parse_tempo
from .vocabulary import PATTERN_LABELS as PATTERN_LABELS
from .vocabulary import Emphasis as Emphasis
from .vocabulary import Equipment as Equipment
from .vocabulary import Pattern as Pattern


class Model(BaseModel):
    """Strict: unknown fields are refused so a typo in a data file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True, defer_build=True)


RPE_VALUES: tuple[float, ...] = tuple(6 + 0.5 * i for i in range(9))  # 6, 6.5 ... 10


def _check_rpe(value: float) -> float:
    if value not in RPE_VALUES:
        raise ValueError(f"RPE {value:g} is not on the scale: use 6 to 10 in half steps (e.g. 8.5)")
    return float(value)


def _check_tempo(value: str) -> str:
    try:
        return _canonical_tempo(value)
    except TempoError as error:
        raise ValueError(str(error)) from None


@lru_cache(maxsize=256)
def _canonical_tempo(value: str) -> str:
    # A history holds a handful of tempos thousands of times; parsing each again was half
    # the cost of validating a week file (bench/run.py). Errors are not cached (they raise).
    return str(parse_tempo(value))


def _check_aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("time has no time zone: store times as ISO 8601 with an offset")
    return value


Rpe = Annotated[float, AfterValidator(_check_rpe)]
TempoText = Annotated[str, AfterValidator(_check_tempo)]
AwareTime = Annotated[datetime, AfterValidator(_check_aware)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, Field(max_length=2000)]
# What a lifter types as a note is kept exactly as typed: the models strip other text, and a
# note losing its spaces or line layout without a word was reported as a change of their words.
Note = Annotated[str, StringConstraints(strip_whitespace=False, max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=120)]

def describe_error(error: Exception) -> str:
    """One line per problem, naming the field: 'rpe: RPE 11 is not on the scale ...'."""
    from pydantic import ValidationError

    if not isinstance(error, ValidationError):
        return str(error)
    lines = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()))
        message = problem.get("msg", "invalid")
        message = message.removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where else message)
    return "; ".join(lines)

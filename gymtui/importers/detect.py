"""Which app wrote a file, told from its header line alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .records import column_key, header_fields, is_blank

Format = Literal["strong", "hevy", "fitnotes"]
FORMATS: tuple[Format, ...] = ("strong", "hevy", "fitnotes")
FORMAT_LABELS: dict[str, str] = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}

# Columns a header must have to be read as that app's file.
_STRONG_CORE = {"date", "workout name", "exercise name", "set order", "reps"}
_HEVY_CORE = {"title", "start_time", "exercise_title", "set_index", "set_type", "reps"}
_FITNOTES_CORE = {"date", "exercise", "category", "weight", "weight unit", "reps"}
_UNIT_IN_HEADER = re.compile(r"^weight \((kg|kgs|lb|lbs)\)$")


@dataclass(frozen=True, slots=True)
class Layout:
    """What the header says: the app, the variant, the delimiter and the column keys."""

    fmt: Format
    variant: str
    delimiter: str
    columns: list[str]
    header_index: int  # 0-based index of the header among the physical lines


class UnknownFormat(ValueError):
    pass


def _guess_format(columns: set[str]) -> Format | None:
    if columns >= _HEVY_CORE:
        return "hevy"
    if columns >= _FITNOTES_CORE:
        return "fitnotes"
    if columns >= _STRONG_CORE and ("weight" in columns or any(_UNIT_IN_HEADER.match(c) for c in columns)):
        return "strong"
    return None


def _variant(fmt: Format, columns: list[str], delimiter: str) -> str:
    present = set(columns)
    if fmt == "hevy":
        return "lbs" if "weight_lbs" in present else "kg"
    if fmt == "fitnotes":
        return "standard"
    if any(_UNIT_IN_HEADER.match(c) for c in columns):
        return "semicolon, unit in the header" if delimiter == ";" else "unit in the header"
    if "weight unit" in present:
        return "semicolon, Weight Unit column" if delimiter == ";" else "Weight Unit column"
    extras = [name for name, key in (("Duration", "duration"), ("RPE", "rpe")) if key in present]
    return "comma, with " + " and ".join(extras) if extras else "comma, without Duration or RPE"


def detect(lines: list[str], fmt: str = "auto") -> Layout:
    """Read the first non-blank line as a header; `fmt` other than 'auto' forces the app."""
    index = next((i for i, line in enumerate(lines) if not is_blank(line)), None)
    if index is None:
        raise UnknownFormat("the file is empty")
    if fmt != "auto" and fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}: use auto, strong, hevy or fitnotes")
    line = lines[index]
    # Try the delimiter that splits the header into more columns first.
    delimiters = sorted((",", ";", "\t"), key=lambda d: -line.count(d))
    for delimiter in delimiters:
        fields = header_fields(line, delimiter)
        if not fields or len(fields) < 4:
            continue
        columns = [column_key(field) for field in fields]
        found = _guess_format(set(columns))
        chosen: Format | None = fmt if fmt != "auto" else found  # type: ignore[assignment]
        if chosen is None:
            continue
        if fmt != "auto" and found not in (None, fmt):
            raise UnknownFormat(
                f"you asked for {FORMAT_LABELS[fmt]} but the header is {FORMAT_LABELS[found]}'s"
            )
        return Layout(chosen, _variant(chosen, columns, delimiter), delimiter, columns, index)
    if fmt != "auto":
        raise UnknownFormat(
            f"line {index + 1} is not a {FORMAT_LABELS[fmt]} header: {line.strip()[:120]!r}"
        )
    raise UnknownFormat(
        "this is not a Strong, Hevy or FitNotes export: the first line should be their CSV header "
        f"(found {line.strip()[:120]!r})"
    )

"""The shape every app's row is read into before it becomes sessions and sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from gymtui.domain.journal import SetType
from gymtui.domain.units import Unit

from .values import RowError


@dataclass(slots=True)
class ParsedRow:
    """One set as the file describes it, times still naive (wall clock of the file)."""

    line: int
    workout_start: datetime
    workout_name: str
    exercise: str
    set_type: SetType
    unit: Unit
    load: float | None = None
    reps: int | None = None
    rpe: float | None = None
    seconds: float | None = None
    distance_m: float | None = None
    note: str = ""
    workout_end: datetime | None = None
    workout_seconds: float | None = None
    workout_notes: str = ""
    # FitNotes has no workout names: its sessions are named after the categories trained.
    category: str = ""
    # The superset or circuit the set was done in, as a group label (A, B...).
    superset: str | None = None
    # Problems that did not stop the set from being imported (e.g. an RPE off the scale).
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that is deliberately not a set (a Rest Timer row, an empty set)."""

    reason: str


REST_TIMER = "Rest Timer rows (rest times, not sets)"
EMPTY_SET = "rows with no reps, time or distance"


class Columns:
    """Cells of one record by column key, after checking the record has the header's width."""

    def __init__(self, columns: list[str]) -> None:
        self.index = {key: i for i, key in reversed(list(enumerate(columns)))}
        self.width = len(columns)

    def missing(self, required: set[str]) -> list[str]:
        return sorted(required - self.index.keys())

    def check_width(self, fields: list[str]) -> None:
        if len(fields) < self.width:
            raise RowError(f"expected {self.width} fields, found {len(fields)}")
        # A trailing delimiter adds empty fields; anything else means the row is shifted.
        if len(fields) > self.width and any(f.strip() for f in fields[self.width :]):
            raise RowError(f"expected {self.width} fields, found {len(fields)}")

    def get(self, fields: list[str], key: str) -> str:
        position = self.index.get(key)
        return fields[position] if position is not None else ""

    def has(self, key: str) -> bool:
        return key in self.index


def work_amounts(
    reps: int | None, seconds: float | None, distance_m: float | None, *, attempted: bool = False
) -> tuple[int | None, float | None, float | None] | None:
    """Exports write 0 for 'none'. A set needs reps, or time or distance (a timed or cardio
    row then has no reps rather than a fake 0). A row written with 0 reps but `attempted`
    (a load on the bar, or marked a failure) is a missed attempt: reps stay 0. None when the
    row holds no work at all."""
    seconds = seconds or None
    distance_m = distance_m or None
    if reps:
        return reps, seconds, distance_m
    if seconds is None and distance_m is None:
        if reps == 0 and attempted:
            return 0, None, None
        return None
    return None, seconds, distance_m


def keep_unknown_label(row: ParsedRow, label: str) -> None:
    """A set whose set type the file names in a way gymtui does not know is kept as a working
    set; its label goes into the note so nothing the file said is lost."""
    row.set_type = "working"
    written = f"set type: {label}"
    row.note = f"{row.note} ({written})" if row.note else written
    row.warnings.append(f"set type {label!r} is unknown: the set was kept as a working set, the label in its note")

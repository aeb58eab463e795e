"""Strong's three CSV layouts, read by column name so every variant goes through one reader.

- comma: no unit anywhere (the caller says kg or lb), `Duration` like '2h 18m';
- semicolon: a `Weight Unit` column per row ('kg', 'lbs', sometimes blank);
- quoted semicolon: the unit in the header (`Weight (kg)`, `Distance (meters)`).
"""

from __future__ import annotations

import re

from gymtui.domain.journal import SetType
from gymtui.domain.units import Unit

from . import values
from .detect import Layout
from .rows import EMPTY_SET, REST_TIMER, Columns, ParsedRow, Skipped, keep_unknown_label, work_amounts
from .values import RowError


class NeedsUnit(ValueError):
    pass


NO_UNIT_MESSAGE = "Strong's comma file has no unit: pass --unit kg or --unit lb"

# Letters in the comma files; words (any case, spaced or underscored) in the quoted ones.
_SET_ORDER_TYPES: dict[str, SetType] = {
    "w": "warmup", "f": "failure", "d": "drop",
    "warmup": "warmup", "warm": "warmup",
    "failure": "failure", "failed": "failure", "fail": "failure",
    "drop": "drop", "dropset": "drop",
    "normal": "working", "working": "working", "work": "working", "workingset": "working",
    "normalset": "working", "warmupset": "warmup", "failureset": "failure",
}
_WEIGHT_IN_HEADER = re.compile(r"^weight \((kg|kgs|lb|lbs)\)$")
_DISTANCE_IN_HEADER = re.compile(r"^distance \(([a-z]+)\)$")
# Strong's comma file says nothing about distance either; the app pairs km with kg, miles with lb.
DISTANCE_FOR_UNIT = {"kg": "km", "lb": "mi"}


class StrongReader:
    def __init__(self, layout: Layout, unit: Unit | None) -> None:
        self.cols = Columns(layout.columns)
        self.notices: list[str] = []
        missing = self.cols.missing({"date", "workout name", "exercise name", "set order", "reps"})
        if missing:
            raise ValueError(f"the Strong header lacks {', '.join(missing)}")
        self.weight_key = "weight"
        self.header_unit: Unit | None = None
        for key in layout.columns:
            match = _WEIGHT_IN_HEADER.match(key)
            if match:
                self.weight_key, self.header_unit = key, values.weight_unit(match.group(1))
        self.unit_column = self.cols.has("weight unit")
        if self.header_unit is None and not self.unit_column and unit is None:
            raise NeedsUnit(NO_UNIT_MESSAGE)
        self.unit = unit
        self.last_seen_unit: Unit | None = None
        self._distance_setup(layout.columns, unit)
        self.duration_key = next(
            (k for k in ("duration", "workout duration", "duration (sec)") if self.cols.has(k)), None
        )
        self._distance_told = False

    def _distance_setup(self, columns: list[str], unit: Unit | None) -> None:
        self.distance_key = "distance"
        self.distance_factor: float | None = None  # None: read from the Distance Unit column
        self.assumed_distance: str | None = None
        for key in columns:
            match = _DISTANCE_IN_HEADER.match(key)
            if match:
                self.distance_key = key
                self.distance_factor = values.metres_per(match.group(1))
        if self.distance_factor is None and not self.cols.has("distance unit"):
            self.assumed_distance = DISTANCE_FOR_UNIT[unit or self.header_unit or "kg"]
            self.distance_factor = values.metres_per(self.assumed_distance)

    def _row_unit(self, fields: list[str], load: float | None) -> Unit:
        if self.header_unit is not None:
            return self.header_unit
        if self.unit_column:
            written = values.weight_unit(self.cols.get(fields, "weight unit"))
            if written is not None:
                self.last_seen_unit = written
                return written
            fallback = self.unit or self.last_seen_unit
            if fallback is not None:
                return fallback
            if load is None:
                return "kg"  # no load: the unit changes nothing
            raise RowError("the Weight Unit cell is blank: pass --unit kg or --unit lb")
        assert self.unit is not None
        return self.unit

    def _distance_m(self, fields: list[str]) -> float | None:
        amount = values.positive(values.number(self.cols.get(fields, self.distance_key), "distance"))
        if amount is None:
            return None
        factor = self.distance_factor
        if factor is None:
            unit_text = self.cols.get(fields, "distance unit")
            if not unit_text.strip():
                raise RowError("a distance is given with a blank Distance Unit")
            factor = values.metres_per(unit_text)
        elif self.assumed_distance is not None and not self._distance_told:
            self._distance_told = True
            self.notices.append(
                f"Strong's file does not say its distance unit: distances were read as {self.assumed_distance}"
            )
        return amount * factor

    def read(self, fields: list[str], line: int) -> ParsedRow | Skipped:
        cols = self.cols
        cols.check_width(fields)
        order = cols.get(fields, "set order").strip()
        if order.lower() == "rest timer":
            return Skipped(REST_TIMER)
        set_type, unknown_label = _set_type(order)
        start = values.local_datetime(cols.get(fields, "date"))
        exercise = values.from_spreadsheet_text(cols.get(fields, "exercise name").strip())
        if not exercise:
            raise RowError("the exercise name is blank")
        load = values.positive(values.number(cols.get(fields, self.weight_key), "weight"))
        unit = self._row_unit(fields, load)
        reps = values.whole(cols.get(fields, "reps"), "reps")
        seconds = values.number(cols.get(fields, "seconds"), "seconds")
        attempted = load is not None or set_type == "failure"
        amounts = work_amounts(reps, seconds, self._distance_m(fields), attempted=attempted)
        if amounts is None:
            return Skipped(EMPTY_SET)
        row = ParsedRow(
            line=line,
            workout_start=start,
            workout_name=values.from_spreadsheet_text(cols.get(fields, "workout name").strip()),
            exercise=exercise,
            set_type=set_type,
            unit=unit,
            load=load,
            reps=amounts[0],
            seconds=amounts[1],
            distance_m=amounts[2],
            note=values.from_spreadsheet_text(cols.get(fields, "notes").strip()),
            workout_notes=values.from_spreadsheet_text(cols.get(fields, "workout notes").strip()),
        )
        if unknown_label:
            keep_unknown_label(row, unknown_label)
        if self.duration_key is not None:
            row.workout_seconds = _workout_seconds(cols.get(fields, self.duration_key), row)
        try:
            row.rpe = values.rpe(cols.get(fields, "rpe"))
        except RowError as error:
            row.warnings.append(f"{error}: the set was kept without RPE")
        return row


def _set_type(order: str) -> tuple[SetType, str]:
    """The set type the Set Order cell names, and the cell itself when it names none known
    (that set is kept as a working set)."""
    kind = _SET_ORDER_TYPES.get(re.sub(r"[\s_-]+", "", order.lower()))
    if kind is not None:
        return kind, ""
    try:
        float(order)
    except ValueError:
        return "working", order or "blank"
    return "working", ""


def _workout_seconds(text: str, row: ParsedRow) -> float | None:
    try:
        return values.duration_seconds(text)
    except RowError as error:
        row.warnings.append(f"{error}: the workout's end time was left out")
        return None

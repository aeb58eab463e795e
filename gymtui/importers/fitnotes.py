"""FitNotes' CSV: a date without a time, one row per set, units written 'kgs' and 'lbs'."""

from __future__ import annotations

from datetime import time

from gymtui.domain.units import Unit

from . import values
from .detect import Layout
from .rows import EMPTY_SET, Columns, ParsedRow, Skipped, work_amounts
from .values import RowError

# FitNotes logs days, not times: a day's sets become one session starting at noon local
# time, which keeps the session on its date whatever the zone's daylight-saving rules.
SESSION_TIME = time(12, 0)


class FitNotesReader:
    def __init__(self, layout: Layout, unit: Unit | None) -> None:
        self.cols = Columns(layout.columns)
        self.notices: list[str] = []
        missing = self.cols.missing({"date", "exercise", "weight", "reps"})
        if missing:
            raise ValueError(f"the FitNotes header lacks {', '.join(missing)}")
        self.unit = unit

    def read(self, fields: list[str], line: int) -> ParsedRow | Skipped:
        cols = self.cols
        cols.check_width(fields)
        day = values.local_datetime(cols.get(fields, "date"))
        start = day.replace(hour=SESSION_TIME.hour, minute=SESSION_TIME.minute) if day.time() == time(0) else day
        exercise = cols.get(fields, "exercise").strip()
        if not exercise:
            raise RowError("the exercise name is blank")
        load = values.positive(values.number(cols.get(fields, "weight"), "weight"))
        unit = values.weight_unit(cols.get(fields, "weight unit")) or self.unit
        if unit is None:
            if load is not None:
                raise RowError("the Weight Unit cell is blank: pass --unit kg or --unit lb")
            unit = "kg"  # no load: the unit changes nothing
        reps = values.whole(cols.get(fields, "reps"), "reps")
        seconds = values.clock_seconds(cols.get(fields, "time"))
        distance = values.positive(values.number(cols.get(fields, "distance"), "distance"))
        metres = None
        if distance is not None:
            unit_text = cols.get(fields, "distance unit")
            if not unit_text.strip():
                raise RowError("a distance is given with a blank Distance Unit")
            metres = distance * values.metres_per(unit_text)
        amounts = work_amounts(reps, seconds, metres, attempted=load is not None)
        if amounts is None:
            return Skipped(EMPTY_SET)
        return ParsedRow(
            line=line,
            workout_start=start,
            workout_name="",
            exercise=exercise,
            set_type="working",
            unit=unit,
            load=load,
            reps=amounts[0],
            seconds=amounts[1],
            distance_m=amounts[2],
            note=cols.get(fields, "comment").strip(),
            category=cols.get(fields, "category").strip(),
        )

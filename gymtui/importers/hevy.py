"""Hevy's CSV: one row per set, weight in kg or lbs depending on the account's units."""

from __future__ import annotations

import re

from gymtui.domain.journal import SetType
from gymtui.domain.units import Unit

from . import values
from .detect import Layout
from .rows import EMPTY_SET, Columns, ParsedRow, Skipped, keep_unknown_label, work_amounts
from .values import RowError

_SET_TYPES: dict[str, SetType] = {
    "normal": "working",
    "warmup": "warmup",
    "dropset": "drop",
    "drop": "drop",
    "failure": "failure",
    "working": "working",
}


class HevyReader:
    def __init__(self, layout: Layout, unit: Unit | None) -> None:
        self.cols = Columns(layout.columns)
        self.notices: list[str] = []
        missing = self.cols.missing({"title", "start_time", "exercise_title", "set_type", "reps"})
        if missing:
            raise ValueError(f"the Hevy header lacks {', '.join(missing)}")
        self.unit: Unit = "lb" if self.cols.has("weight_lbs") else "kg"
        self.weight_key = "weight_lbs" if self.unit == "lb" else "weight_kg"
        self.distance_key, self.metres = (
            ("distance_miles", 1609.344) if self.cols.has("distance_miles") else ("distance_km", 1000.0)
        )
        # Hevy repeats the exercise note on every set; gymtui keeps it once, on the first set.
        self._last_note: tuple[str, str, str, str] | None = None

    def read(self, fields: list[str], line: int) -> ParsedRow | Skipped:
        cols = self.cols
        cols.check_width(fields)
        start_text = cols.get(fields, "start_time")
        start = values.local_datetime(start_text)
        exercise = cols.get(fields, "exercise_title").strip()
        if not exercise:
            raise RowError("the exercise title is blank")
        kind_text = cols.get(fields, "set_type").strip().lower()
        warnings: list[str] = []
        set_type = _SET_TYPES.get(re.sub(r"[\s_-]+", "", kind_text) or "normal")
        load = values.positive(values.number(cols.get(fields, self.weight_key), "weight"))
        reps = values.whole(cols.get(fields, "reps"), "reps")
        seconds = values.number(cols.get(fields, "duration_seconds"), "duration")
        distance = values.number(cols.get(fields, self.distance_key), "distance")
        attempted = load is not None or set_type == "failure"
        amounts = work_amounts(reps, seconds, distance * self.metres if distance else None, attempted=attempted)
        if amounts is None:
            return Skipped(EMPTY_SET)
        end_text = cols.get(fields, "end_time").strip()
        end = None
        if end_text:
            try:
                end = values.local_datetime(end_text)
            except RowError as error:
                warnings.append(f"end time: {error}")
        superset = self._superset_label(cols.get(fields, "superset_id").strip(), warnings)
        title = cols.get(fields, "title").strip()
        note = cols.get(fields, "exercise_notes").strip()
        note_key = (start_text, title, exercise, note)
        if note and note_key == self._last_note:
            note = ""
        else:
            self._last_note = note_key
        row = ParsedRow(
            line=line,
            workout_start=start,
            workout_name=title,
            exercise=exercise,
            set_type=set_type or "working",
            unit=self.unit,
            load=load,
            reps=amounts[0],
            seconds=amounts[1],
            distance_m=amounts[2],
            note=note,
            workout_end=end,
            workout_notes=cols.get(fields, "description").strip(),
            warnings=warnings,
            superset=superset,
        )
        if set_type is None:
            keep_unknown_label(row, cols.get(fields, "set_type").strip())
        try:
            row.rpe = values.rpe(cols.get(fields, "rpe"))
        except RowError as error:
            row.warnings.append(f"{error}: the set was kept without RPE")
        return row

    @staticmethod
    def _superset_label(text: str, warnings: list[str]) -> str | None:
        """Hevy numbers a workout's supersets 0, 1, 2...: gymtui labels them A, B, C... (past
        Z, A1, B1...). Anything else is said and the set kept on its own."""
        if not text:
            return None
        try:
            number = int(float(text))
        except ValueError:
            number = -1
        if number < 0 or number >= 26 * 10:
            warnings.append(f"superset_id {text!r} is not a small whole number: the set was kept outside any superset")
            return None
        letter, lap = chr(ord("A") + number % 26), number // 26
        return letter if lap == 0 else f"{letter}{lap}"

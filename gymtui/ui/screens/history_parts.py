"""The history's parts: the sessions (columns fitted to the width), the exercises trained, one's chart, the weeks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.units import Unit
from ...domain.week_rows import WeekRow
from ...domain.wording import plural
from ...services.history import ExerciseProgress, SessionRow
from ..shape import table_shape
from ..widgets.progress_chart import ProgressChart
from .history_text import clip, number, percent, records_text, tonnage_text

WEEK_ROWS_PER_ADD = 60
MAIN_PATTERNS = (("horizontal_pull", "HPul"), ("vertical_pull", "VPul"), ("hinge", "Hing"))


class SessionTable(DataTable):
    """A session a row, newest first; the columns follow the terminal's width (table_shape)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clips = (16, 24)  # name and exercises columns, set for the terminal's width
        self.columns_shape = ""  # the columns as last set (table_shape)

    def set_columns(self, width: int) -> None:
        """Under 80 columns the exercises go (medium), or each session takes two lines (narrow)."""
        self.columns_shape = table_shape(width)
        self.clear(columns=True)
        if self.columns_shape == "narrow":
            self.add_column("Session")
        elif self.columns_shape == "medium":
            self.add_columns("Date", "Day", "Name", "Sets", "Tonnage")
        else:
            self.add_columns("Date", "Day", "Name", "Exercises", "Sets", "Tonnage")

    def add_session(self, row: SessionRow, width: int, unit: Unit) -> None:
        """One session's row, in a terminal `width` columns wide."""
        name, exercises = self.clips
        tonnage = tonnage_text(row.tonnage) if row.tonnage else "-"
        if self.columns_shape == "narrow":
            # Date and name, then the sets, the tonnage and the exercises as far as they go.
            room = max(8, width - 6)
            first = f"{row.day:%Y-%m-%d} {row.day:%a}  {row.name}"
            parts = [plural(row.sets, "set"), f"{tonnage} {unit}" if row.tonnage else "", ", ".join(row.exercises)]
            second = "  ".join(part for part in parts if part)
            self.add_row(Text(f"{clip(first, room)}\n  {clip(second, room - 2)}"), key=row.id, height=2)
            return
        cells = [f"{row.day:%Y-%m-%d}", f"{row.day:%a}", Text(clip(row.name, name))]
        if self.columns_shape == "wide":
            cells.append(Text(clip(", ".join(row.exercises), exercises)))
        self.add_row(*cells, str(row.sets), tonnage, key=row.id)

    def fit(self, width: int, rows: list[SessionRow], unit: Unit) -> None:
        """A wider terminal gives the name and the exercises the room (80 columns: 16 and 24):
        `rows` are drawn again when the room or the shape changed."""
        extra = max(0, width - 80)
        clips = (16 + extra // 4, 24 + extra - extra // 4)
        shape = table_shape(width)
        if clips == self.clips and shape == self.columns_shape:
            return
        self.clips = clips
        row = self.cursor_row
        if shape != self.columns_shape:
            self.set_columns(width)
        else:
            self.clear()
        for session in rows:
            self.add_session(session, width, unit)
        if rows:
            self.move_cursor(row=min(row, len(rows) - 1))


class ExerciseList(OptionList):
    """The exercises trained, each with its number of sessions: the one highlighted is charted."""

    def list_trained(self, trained: dict[str, int], name: Callable[[str], str]) -> None:
        """`trained`: sessions by exercise id; `name` gives an id's name."""
        self.clear_options()
        self.add_options(Option(Text(f"{clip(name(e), 21)} {n}"), id=e) for e, n in trained.items())

    def point_at(self, exercise: str) -> None:
        """Highlight `exercise`, if it is listed."""
        try:
            index = self.get_option_index(exercise)
        except Exception:  # an exercise with no sets (a filter on an untrained lift)
            index = None
        if index is not None and self.highlighted != index:
            self.highlighted = index


class ProgressPane(Vertical):
    """One exercise's progress chart, and its records and recent sessions under it."""

    def compose(self) -> ComposeResult:
        yield ProgressChart(id="history-chart")
        yield Static("", id="history-records")

    def show(self, progress: ExerciseProgress) -> None:
        self.query_one("#history-chart", ProgressChart).show(progress)
        self.query_one("#history-records", Static).update(records_text(progress))

    def show_none(self) -> None:
        """No exercise has sets: nothing to chart."""
        self.query_one("#history-records", Static).update("No sets yet: nothing to chart.")
        self.query_one("#history-chart", ProgressChart).show(None, "no sets yet")


class WeekTable(DataTable):
    """A week a row: sets, tonnage, the main patterns' sets, checklist, mobility, sleep, soreness."""

    def set_columns(self) -> None:
        self.add_columns("Week", "Sets", "Tonnage", *(short for _, short in MAIN_PATTERNS), "Oth", "Chk", "Mob",
                         "Sleep", "Sore")

    def add_weeks(self, weeks: list[WeekRow]) -> None:
        """Rows are measured as they are added: add a screenful or two at a time, not ten years."""
        start = self.row_count
        for row in weeks[start:start + WEEK_ROWS_PER_ADD]:
            main = [row.patterns[p].sets if p in row.patterns else 0 for p, _ in MAIN_PATTERNS]
            self.add_row(
                row.key, str(row.sets), tonnage_text(row.tonnage), *map(str, main), str(row.sets - sum(main)),
                percent(row.checklist), "-" if row.mobility_days is None else str(row.mobility_days),
                number(row.sleep_hours), number(row.soreness), key=row.key,
            )

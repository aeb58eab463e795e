"""The warm-up list: a table of the day's drills, then the ramp sets, its columns fitted to the width."""

from __future__ import annotations

from rich.text import Text
from textual.coordinate import Coordinate

from ...domain.journal import LoggedSet
from ...domain.library import Drill
from ...domain.ramp import RampSet, plates_text
from ...domain.units import format_load
from ...domain.wording import plural
from ...services.daily import drill_amount
from ...services.planning import PlannedExercise
from ..widgets.touch import TapTable

PER_SIDE_WIDTH = 15


class WarmupTable(TapTable):
    """Rows keyed "d:<drill tick key>", "head" (the ramp's exercise) and "r:<ramp index>"."""

    columns_shape = ""  # the columns as last set (see table_shape); "" until they are

    def set_columns(self, shape: str) -> None:
        """The columns a table of `shape` has room for."""
        self.columns_shape = shape
        self.clear(columns=True)
        self.add_column("", key="tick", width=2)
        if shape == "narrow":  # each row on two lines: the name, then what to do and the load
            self.add_column("Warm-up", key="name")
            return
        # At 80 columns "Per side" has room for "10 + 2.5 + 1.25"; plates_text fits longer lists.
        self.add_column("Warm-up", key="name", width=23 if shape == "wide" else 22)
        self.add_column("Do", key="do", width=17)
        self.add_column("Load", key="load", width=9)
        if shape == "wide":  # under 80 columns the plate bar below says it
            self.add_column("Per side", key="plates", width=PER_SIDE_WIDTH)

    def fill(self, drills: list[tuple[str, Drill]], ticks: set[str], exercise: PlannedExercise | None,
             ramp: list[RampSet], logged: dict[int, LoggedSet], pending: set[int]) -> None:
        """Every row again, the cursor kept on its row number."""
        row = self.cursor_row
        self.clear()
        for key, drill in drills:
            self._add_cells((self._tick(key in ticks), drill.name, drill_amount(drill), "", ""), f"d:{key}")
        if exercise is not None:
            self._add_cells(("", f"[b]Ramp: {exercise.exercise.name}[/b]", "", "", ""), "head")
        for index, ramp_set in enumerate(ramp):
            if index in logged:
                mark = self._tick(True)
            elif index in pending:
                mark = Text("…", style=self._colour("warning"))
            else:
                mark = self._tick(False)
            self._add_cells(ramp_cells(ramp_set, mark), f"r:{index}")
        self.move_cursor(row=min(max(row, 0), self.row_count - 1))

    def key_at(self, row: int | None = None) -> str | None:
        """The key of the row at `row` (default: the cursor's), None when the table is empty."""
        if self.row_count == 0:
            return None
        row = self.cursor_row if row is None else row
        return self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value

    def move_to(self, key: str) -> None:
        """The cursor to the row of `key`."""
        self.move_cursor(row=self.get_row_index(key))

    def advance(self) -> None:
        """The cursor to the next row, over the ramp's heading."""
        row = self.cursor_row + 1
        if row < self.row_count and self.key_at(row) == "head":
            row += 1
        if row < self.row_count:
            self.move_cursor(row=row)

    def _add_cells(self, cells: tuple, key: str) -> None:
        """One row, its cells cut or merged to the columns shown."""
        if self.columns_shape == "narrow":
            name = cells[1].plain if isinstance(cells[1], Text) else Text.from_markup(cells[1]).plain
            do, load, plates = (str(cell) for cell in cells[2:5])
            rest = "  ".join(part for part in (do, load, plates and f"per side {plates}") if part)
            self.add_row(cells[0], Text(f"{name}\n  {rest}" if rest else name), key=key, height=2 if rest else 1)
        else:
            self.add_row(*cells[:len(self.columns)], key=key)

    def _colour(self, name: str) -> str:
        # DataTable cells are Rich text: theme colours are looked up, not hard-coded. They are
        # the theme's as the app last worked them out; get_css_variables would work out every
        # colour of the theme again, for each row.
        return self.app.theme_variables.get(name, "")

    def _tick(self, done: bool) -> Text:
        return Text("✓", style=self._colour("success")) if done else Text("·", style=self._colour("text-muted"))


def ramp_cells(ramp_set: RampSet, mark: Text) -> tuple[Text, str, str, str, str]:
    """A ramp set's row: its mark (logged, pending or to do), label, reps, load and plates."""
    approx = "" if ramp_set.exact else "~"
    return (
        mark,
        f"  {ramp_set.label}",
        plural(ramp_set.reps, "rep"),
        f"{approx}{format_load(ramp_set.load, ramp_set.unit)}",
        plates_text(ramp_set.plates, room=PER_SIDE_WIDTH),
    )

"""Warm-up: the day's drills ticked off, then the ramp sets to the first working load.

One list, worked top to bottom with one key (space or enter): a drill is ticked, a ramp set
is logged as a warm-up set of today's session and shown as logged once the store has it.
Ramp loads come from `domain.ramp` (rounded to what can be loaded) and the plates for one
side are drawn under the list. Drill ticks are kept for the app's life (they are not
training data); ramp sets are in the journal, so they survive a restart.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar
from weakref import WeakKeyDictionary

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Static

from ...domain.journal import LoggedSet
from ...domain.library import Drill, Routine
from ...domain.ramp import RampSet, WorkingLoad, plates_text, ramp_sets, working_load
from ...domain.rpe import rpe_text
from ...domain.settings import Settings
from ...domain.units import Unit, format_load
from ...domain.wording import plural
from ...services import app_data
from ...services.chosen_loads import chosen_plan
from ...services.daily import (
    drill_amount,
    first_working,
    match_logged,
    ramp_candidates,
    warmup_routines,
)
from ...services.planning import PlannedExercise, SessionPlan
from ...store import StoreError
from ..dialogs.load import LoadDialog
from ..sections import open_screens
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.plate_bar import PlateBar
from ..widgets.touch import TapTable, TouchBar
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen, ScreenHooks

PER_SIDE_WIDTH = 15

# Drill ticks per app and day: leaving the screen and coming back keeps them.
_TICKS: WeakKeyDictionary[App, dict[date, set[str]]] = WeakKeyDictionary()
# What was ticked, oldest first, per app and day, so x takes back the newest tick wherever
# the cursor is: ("drill", tick key) or ("ramp", id of the warm-up set logged).
_DONE: WeakKeyDictionary[App, dict[date, list[tuple[str, str]]]] = WeakKeyDictionary()


@dataclass(frozen=True)
class WarmupData:
    plan: SessionPlan | None
    settings: Settings
    routines: list[Routine]
    exercise: PlannedExercise | None
    logged: list[LoggedSet]


class WarmupScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "warmup.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "done", "Tick / log"),
        Binding("x", "undo", "Undo"),
        Binding("e", "next_exercise", "Exercise"),
        Binding("l", "set_load", "Load"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: WarmupData | None = None
        self.exercise: PlannedExercise | None = None
        self.working: WorkingLoad | None = None
        self.ramp: list[RampSet] = []
        self.logged: dict[int, LoggedSet] = {}
        self.pending: set[int] = set()
        self.drills: list[tuple[str, Drill]] = []  # (tick key, drill)
        self._loaded_sets: list[LoggedSet] = []
        self._write_lock = threading.Lock()
        self._shape = ""  # the table's columns as last set (table_shape)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="warmup"):
            yield Static("Loading the warm-up...", id="wu-title")
            yield TapTable(id="wu-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="wu-detail")
            yield PlateBar(id="wu-plates")
            yield Static("", id="wu-working")
            yield TouchBar(("Tick / log", "done"), ("Undo", "undo"), ("Exercise", "next_exercise"), id="wu-touch")
        yield Footer()

    def on_mount(self) -> None:
        if not self.query("#wu-table"):
            return  # taken down before it was drawn: the place was left at once
        self._set_columns()
        self.load()

    def _set_columns(self) -> None:
        """The columns the screen's width has room for (see table_shape)."""
        table = self.query_one("#wu-table", DataTable)
        shape = self._shape = table_shape(self.size.width)
        table.clear(columns=True)
        table.add_column("", key="tick", width=2)
        if shape == "narrow":  # each row on two lines: the name, then what to do and the load
            table.add_column("Warm-up", key="name")
            return
        # At 80 columns "Per side" has room for "10 + 2.5 + 1.25"; plates_text fits longer lists.
        table.add_column("Warm-up", key="name", width=23 if shape == "wide" else 22)
        table.add_column("Do", key="do", width=17)
        table.add_column("Load", key="load", width=9)
        if shape == "wide":  # under 80 columns the plate bar below says it
            table.add_column("Per side", key="plates", width=PER_SIDE_WIDTH)

    def on_resize(self) -> None:
        if not self._shape or not self.query("#wu-table"):
            # Not composed yet (a mode's screen is sized before it mounts: on_mount sets the
            # columns), or being taken down after a quick section key (its table already gone).
            return
        if table_shape(self.size.width) != self._shape:
            self._set_columns()
            if self.data is not None:
                self.rebuild()

    def _add_row(self, table: DataTable, cells: tuple, key: str) -> None:
        """One row, its cells cut or merged to the columns shown."""
        if self._shape == "narrow":
            name = cells[1].plain if isinstance(cells[1], Text) else Text.from_markup(cells[1]).plain
            do, load, plates = (str(cell) for cell in cells[2:5])
            rest = "  ".join(part for part in (do, load, plates and f"per side {plates}") if part)
            table.add_row(cells[0], Text(f"{name}\n  {rest}" if rest else name), key=key, height=2 if rest else 1)
        else:
            table.add_row(*cells[:len(table.columns)], key=key)

    @property
    def ticks(self) -> set[str]:
        today = self.app.now().date()
        return _TICKS.setdefault(self.app, {}).setdefault(today, set())

    @property
    def done_order(self) -> list[tuple[str, str]]:
        today = self.app.now().date()
        return _DONE.setdefault(self.app, {}).setdefault(today, [])

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="warmup-load", exit_on_error=False)
    def load(self) -> None:
        app = self.app
        plan = app.make_plan()
        settings = app_data.settings(app)
        exercise = first_working(plan)
        logged = app_data.todays_warmup_sets(app, exercise.exercise.id) if exercise else []
        data = WarmupData(plan, settings, warmup_routines(app.library, plan), exercise, logged)
        app.call_from_thread(self.show_data, data)

    def show_data(self, data: WarmupData) -> None:
        self.data = data
        self.drills = [(f"{r.id}/{d.id}", d) for r in data.routines for d in r.items]
        self._loaded_sets = list(data.logged)
        self.use_exercise(data.exercise, data.exercise.plan.load if data.exercise else None)

    @work(thread=True, exclusive=True, group="warmup-load", exit_on_error=False)
    def load_logged(self, exercise: PlannedExercise, load: float | None) -> None:
        logged = app_data.todays_warmup_sets(self.app, exercise.exercise.id)
        self.app.call_from_thread(self._logged_loaded, exercise, load, logged)

    def _logged_loaded(self, exercise: PlannedExercise, load: float | None, logged: list[LoggedSet]) -> None:
        self._loaded_sets = logged
        self.use_exercise(exercise, load)

    def use_exercise(self, exercise: PlannedExercise | None, load: float | None) -> None:
        """Ramp toward `load` of `exercise` (None: no ramp until a load is typed)."""
        assert self.data is not None
        self.exercise = exercise
        self.working = None
        self.ramp = []
        if exercise is not None and load is not None:
            unit, equipment = exercise.plan.unit, exercise.exercise.equipment
            self.working = working_load(load, unit, equipment, self.data.settings)
            self.ramp = ramp_sets(self.working.load, unit, equipment, self.data.settings)
        self.logged = match_logged(self.ramp, self._loaded_sets)
        self.pending = set()
        self.rebuild()

    # -- drawing ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        assert self.data is not None
        table = self.query_one("#wu-table", DataTable)
        row = table.cursor_row
        table.clear()
        for key, drill in self.drills:
            self._add_row(table, (self._tick(key in self.ticks), drill.name, drill_amount(drill), "", ""), f"d:{key}")
        if self.exercise is not None:
            self._add_row(table, ("", f"[b]Ramp: {self.exercise.exercise.name}[/b]", "", "", ""), "head")
        for index, ramp_set in enumerate(self.ramp):
            self._add_row(table, self._ramp_cells(index, ramp_set), f"r:{index}")
        if self.data.plan is not None:
            title = f"[b]Warm-up[/b]  {self.data.plan.day.name}"
        else:
            title = "[b]Warm-up[/b]"
        ticked = sum(key in self.ticks for key, _ in self.drills)
        title += f"   drills {ticked}/{len(self.drills)}   ramp {len(self.logged)}/{len(self.ramp)} logged"
        self.query_one("#wu-title", Static).update(title)
        self._show_working()
        table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self._explain()

    def _colour(self, name: str) -> str:
        # DataTable cells are Rich text: theme colours are looked up, not hard-coded.
        return self.app.get_css_variables().get(name, "")

    def _tick(self, done: bool) -> Text:
        return Text("✓", style=self._colour("success")) if done else Text("·", style=self._colour("text-muted"))

    def _ramp_cells(self, index: int, ramp_set: RampSet) -> tuple[Text, str, str, str, str]:
        if index in self.logged:
            mark = self._tick(True)
        elif index in self.pending:
            mark = Text("…", style=self._colour("warning"))
        else:
            mark = self._tick(False)
        approx = "" if ramp_set.exact else "~"
        return (
            mark,
            f"  {ramp_set.label}",
            plural(ramp_set.reps, "rep"),
            f"{approx}{format_load(ramp_set.load, ramp_set.unit)}",
            plates_text(ramp_set.plates, room=PER_SIDE_WIDTH),
        )

    def _show_working(self) -> None:
        widget = self.query_one("#wu-working", Static)
        if self.exercise is None:
            widget.update("No loaded exercise today: the drills are the warm-up.")
            return
        plan = self.exercise.plan
        name = self.exercise.exercise.name
        if self.working is None:
            widget.update(f"[b]{name}[/b]: no working load planned yet. Press [b]l[/b] to type it.")
            return
        text = (
            f"Then work: [b]{name} {format_load(self.working.load, self.working.unit)}[/b]"
            f" x {plan.reps} @{rpe_text(plan.target_rpe)}"
        )
        if self.working.plates is not None:
            text += f", per side {plates_text(self.working.plates)}"
        if not self.working.exact:
            text += f"\n[$warning]{self.working.note}[/]"
        elif not self.ramp:
            text += "\n[$text-muted]No ramp needed: the working load is the lightest loadable.[/]"
        widget.update(text)

    @on(DataTable.RowSelected, "#wu-table")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        # Enter on the list does what space does.
        self.action_done()

    @on(DataTable.RowHighlighted, "#wu-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._explain()

    def _current_key(self, row: int | None = None) -> str | None:
        """The key of the row at `row` (default: the cursor's): "d:<drill>", "head", "r:<n>"."""
        table = self.query_one("#wu-table", DataTable)
        if table.row_count == 0:
            return None
        row = table.cursor_row if row is None else row
        return table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value

    def _explain(self) -> None:
        if self.data is None:
            return
        key = self._current_key() or ""
        detail = self.query_one("#wu-detail", Static)
        bar = self.query_one("#wu-plates", PlateBar)
        settings = self.data.settings
        plates: tuple[float, ...] | None = self.working.plates if self.working else None
        unit = self.working.unit if self.working else settings.unit
        if key.startswith("d:"):
            drill = dict(self.drills)[key[2:]]
            detail.update(f"[b]{drill.name}[/b]: {drill.cue or drill_amount(drill)}")
        elif key.startswith("r:"):
            ramp_set = self.ramp[int(key[2:])]
            plates = ramp_set.plates
            logged = self.logged.get(int(key[2:]))
            state = f"logged at {logged.logged_at:%H:%M}" if logged else "space logs it as a warm-up set"
            note = f"\n[$warning]{ramp_set.note}[/]" if ramp_set.note else ""
            detail.update(f"[b]{ramp_set.label}[/b] x {ramp_set.reps}: {state}{note}")
        else:
            detail.update("")
        bar.display = plates is not None
        bar.show(plates, settings.bar(unit), unit, max(settings.plates(unit)))

    # -- actions ---------------------------------------------------------------------------

    def _advance(self) -> None:
        table = self.query_one("#wu-table", DataTable)
        row = table.cursor_row + 1
        if row < table.row_count and self._current_key(row) == "head":
            row += 1
        if row < table.row_count:
            table.move_cursor(row=row)

    def action_done(self) -> None:
        key = self._current_key()
        if key is None or self.data is None:
            return
        if key.startswith("d:"):
            if key[2:] not in self.ticks:
                self.done_order.append(("drill", key[2:]))
            self.ticks.add(key[2:])
            self.rebuild()
            self._advance()
        elif key.startswith("r:"):
            index = int(key[2:])
            if index in self.logged or index in self.pending:
                self._advance()
                return
            self.pending.add(index)
            self.rebuild()
            self._advance()
            assert self.exercise is not None
            self.log_set(index, self.ramp[index], self.exercise.exercise.id)
        elif key == "head":
            self._advance()

    @work(thread=True, group="warmup-log", exit_on_error=False)
    def log_set(self, index: int, ramp_set: RampSet, exercise: str) -> None:
        app = self.app
        plan = self.data.plan if self.data else None
        try:
            with self._write_lock:
                logged = app_data.log_warmup_set(app, plan, exercise, ramp_set)
        except StoreError:
            app.call_from_thread(self._logged, index, ramp_set, None)  # no longer shown as pending
            raise
        app.call_from_thread(self._logged, index, ramp_set, logged)

    def _logged(self, index: int, ramp_set: RampSet, logged: LoggedSet | None) -> None:
        """The store call returned: show the set as logged (or no longer pending if it failed)."""
        self.pending.discard(index)
        if logged is not None:
            self._loaded_sets.append(logged)
            self.done_order.append(("ramp", logged.id))
            # The ramp may have changed while the set was stored (another load or exercise).
            if index < len(self.ramp) and self.ramp[index] == ramp_set:
                self.logged[index] = logged
        self.rebuild()

    def newest_tick(self) -> tuple[str, str] | tuple[str, int] | None:
        """What x takes back: ("drill", tick key) or ("ramp", row index), or None."""
        for kind, key in reversed(self.done_order):
            if kind == "drill" and key in self.ticks:
                return ("drill", key)
            index = next((i for i, s in self.logged.items() if s.id == key), None)
            if kind == "ramp" and index is not None:
                return ("ramp", index)
        # Nothing ticked since the app started: the newest ramp set on the list (logged by an
        # earlier run of the app) is the last tick there is.
        if self.logged:
            return ("ramp", max(self.logged, key=lambda i: self.logged[i].logged_at))
        return None

    def action_undo(self) -> None:
        """Take back the newest tick (a drill, or a ramp set logged), wherever the cursor is,
        and put the cursor on its row."""
        target = self.newest_tick()
        if target is None:
            self.app.notify("Nothing to undo: no drill ticked and no ramp set logged.", timeout=3)
            return
        kind, key = target
        # Entries newer than the target were taken back already: they go with it.
        wanted = key if kind == "drill" else self.logged[key].id  # type: ignore[index]
        order = self.done_order
        while order and order.pop() != (kind, wanted):
            pass
        if kind == "drill":
            self.ticks.discard(key)
            self.rebuild()
            table = self.query_one("#wu-table", DataTable)
            table.move_cursor(row=table.get_row_index(f"d:{key}"))
        else:
            self._undo_ramp(key)  # type: ignore[arg-type]

    def _undo_ramp(self, index: int) -> None:
        table = self.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index(f"r:{index}"))
        self.delete_set(index, self.logged[index])

    @work(thread=True, group="warmup-log", exit_on_error=False)
    def delete_set(self, index: int, logged: LoggedSet) -> None:
        with self._write_lock:
            app_data.delete_set(self.app, logged)
        self.app.call_from_thread(self._deleted, index, logged)

    def _deleted(self, index: int, logged: LoggedSet) -> None:
        self._loaded_sets = [s for s in self._loaded_sets if s.id != logged.id]
        if self.logged.get(index) == logged:
            del self.logged[index]
        self.rebuild()

    def action_next_exercise(self) -> None:
        if self.data is None:
            return
        candidates = ramp_candidates(self.data.plan)
        if not candidates:
            return
        current = self.exercise.exercise.id if self.exercise else None
        position = next((i for i, c in enumerate(candidates) if c.exercise.id == current), -1)
        chosen = candidates[(position + 1) % len(candidates)]
        self.load_logged(chosen, chosen.plan.load)

    def action_set_load(self) -> None:
        if self.exercise is None:
            return
        exercise = self.exercise
        current = self.working.load if self.working else None

        def chosen(value: float | None) -> None:
            if value is not None:
                self.use_exercise(exercise, value)
                if self.working is not None:
                    self.keep_load(exercise, self.working.load, self.working.unit)

        self.app.push_screen(LoadDialog(exercise.exercise.name, exercise.plan.unit, current), chosen)

    @work(thread=True, group="warmup-log", exit_on_error=False)
    def keep_load(self, exercise: PlannedExercise, load: float, unit: Unit) -> None:
        """The load typed is the session's load for the exercise, on every screen."""
        app = self.app
        plan = self.data.plan if self.data else None
        with self._write_lock:
            app_data.choose_load(app, plan, exercise.exercise.id, load, unit)
        app.call_from_thread(self._load_kept, exercise.exercise.id, load, unit)

    def _load_kept(self, exercise_id: str, load: float, unit: Unit) -> None:
        data = self.data
        if data is not None and data.plan is not None:
            # `e` goes round the exercises from this plan: it carries the load from now on.
            items = [replace(item, plan=chosen_plan(item.plan, load, unit, data.settings))
                     if item.exercise.id == exercise_id else item for item in data.plan.exercises]
            self.data = replace(data, plan=replace(data.plan, exercises=items))
        for screen in open_screens(self.app):
            if isinstance(screen, ScreenHooks):
                screen.load_chosen(exercise_id, load, unit)

"""Warm-up: the day's drills ticked off, then the ramp sets to the first working load.

One list, worked top to bottom with one key (space or enter): a drill is ticked, a ramp set
is logged as a warm-up set of today's session and shown as logged once the store has it.
Ramp loads come from `domain.ramp` (rounded to what can be loaded) and the plates for one
side are drawn under the list. Drill ticks are kept for the app's life (they are not
training data); ramp sets are in the journal, so they survive a restart.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from ...domain.journal import LoggedSet
from ...domain.library import Drill
from ...domain.ramp import RampSet, WorkingLoad
from ...domain.units import Unit
from ...services import app_data
from ...services.daily import match_logged, ramp_candidates
from ...services.planning import PlannedExercise
from ...store import StoreError
from ..dialogs.load import LoadDialog
from ..sections import open_screens
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.plate_bar import PlateBar
from ..widgets.shown_text import show_text
from ..widgets.touch import TouchBar
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen, ScreenHooks
from .warmup_data import WarmupData, ramp_toward, read_warmup, with_chosen_load
from .warmup_table import WarmupTable
from .warmup_text import drill_detail, ramp_detail, title_text, working_text
from .warmup_ticks import done_order_of, newest_tick, take_back, ticks_of


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

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="warmup"):
            yield Static("Loading the warm-up...", id="wu-title")
            yield WarmupTable(id="wu-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="wu-detail")
            yield PlateBar(id="wu-plates")
            yield Static("", id="wu-working")
            yield TouchBar(("Tick / log", "done"), ("Undo", "undo"), ("Exercise", "next_exercise"), id="wu-touch")
        yield Footer()

    def on_mount(self) -> None:
        if not self.query("#wu-table"):
            return  # taken down before it was drawn: the place was left at once
        self._table.set_columns(table_shape(self.size.width))
        self.load()

    @property
    def _table(self) -> WarmupTable:
        return self.query_one("#wu-table", WarmupTable)

    def on_resize(self) -> None:
        if not self.query("#wu-table") or not self._table.columns_shape:
            # Not composed yet (a mode's screen is sized before it mounts: on_mount sets the
            # columns), or being taken down after a quick section key (its table already gone).
            return
        if table_shape(self.size.width) != self._table.columns_shape:
            self._table.set_columns(table_shape(self.size.width))
            if self.data is not None:
                self.rebuild()

    @property
    def ticks(self) -> set[str]:
        return ticks_of(self.app, self.app.now().date())

    @property
    def done_order(self) -> list[tuple[str, str]]:
        return done_order_of(self.app, self.app.now().date())

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="warmup-load", exit_on_error=False)
    def load(self) -> None:
        data = read_warmup(self.app)
        self.app.call_from_thread(self.show_data, data)

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
        self.working, self.ramp = ramp_toward(self.data.settings, exercise, load)
        self.logged = match_logged(self.ramp, self._loaded_sets)
        self.pending = set()
        self.rebuild()

    # -- drawing ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        assert self.data is not None
        self._table.fill(self.drills, self.ticks, self.exercise, self.ramp, self.logged, self.pending)
        ticked = sum(key in self.ticks for key, _ in self.drills)
        title = title_text(self.data.plan, ticked, len(self.drills), len(self.logged), len(self.ramp))
        show_text(self.query_one("#wu-title", Static), title)
        show_text(self.query_one("#wu-working", Static), working_text(self.exercise, self.working, self.ramp))
        self._explain()

    @on(DataTable.RowSelected, "#wu-table")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        # Enter on the list does what space does.
        self.action_done()

    @on(DataTable.RowHighlighted, "#wu-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._explain()

    def _explain(self) -> None:
        if self.data is None:
            return
        key = self._table.key_at() or ""
        detail = self.query_one("#wu-detail", Static)
        bar = self.query_one("#wu-plates", PlateBar)
        settings = self.data.settings
        plates: tuple[float, ...] | None = self.working.plates if self.working else None
        unit = self.working.unit if self.working else settings.unit
        if key.startswith("d:"):
            show_text(detail, drill_detail(dict(self.drills)[key[2:]]))
        elif key.startswith("r:"):
            ramp_set = self.ramp[int(key[2:])]
            plates = ramp_set.plates
            show_text(detail, ramp_detail(ramp_set, self.logged.get(int(key[2:]))))
        else:
            show_text(detail, "")
        bar.display = plates is not None
        bar.show(plates, settings.bar(unit), unit, max(settings.plates(unit)))

    # -- actions ---------------------------------------------------------------------------

    def action_done(self) -> None:
        key = self._table.key_at()
        if key is None or self.data is None:
            return
        if key.startswith("d:"):
            if key[2:] not in self.ticks:
                self.done_order.append(("drill", key[2:]))
            self.ticks.add(key[2:])
            self.rebuild()
            self._table.advance()
        elif key.startswith("r:"):
            index = int(key[2:])
            if index in self.logged or index in self.pending:
                self._table.advance()
                return
            self.pending.add(index)
            self.rebuild()
            self._table.advance()
            assert self.exercise is not None
            self.log_set(index, self.ramp[index], self.exercise.exercise.id)
        elif key == "head":
            self._table.advance()

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
        return newest_tick(self.done_order, self.ticks, self.logged)

    def action_undo(self) -> None:
        """Take back the newest tick (a drill, or a ramp set logged), wherever the cursor is,
        and put the cursor on its row."""
        target = self.newest_tick()
        if target is None:
            self.app.notify("Nothing to undo: no drill ticked and no ramp set logged.", timeout=3)
            return
        kind, key = target
        wanted: str = key if kind == "drill" else self.logged[key].id  # type: ignore[assignment, index]
        take_back(self.done_order, (kind, wanted))
        if kind == "drill":
            self.ticks.discard(key)
            self.rebuild()
            self._table.move_to(f"d:{key}")
        else:
            self._table.move_to(f"r:{key}")
            self.delete_set(key, self.logged[key])  # type: ignore[index]

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
        if self.data is not None:
            # `e` goes round the exercises from this plan: it carries the load from now on.
            self.data = with_chosen_load(self.data, exercise_id, load, unit)
        for screen in open_screens(self.app):
            if isinstance(screen, ScreenHooks):
                screen.load_chosen(exercise_id, load, unit)

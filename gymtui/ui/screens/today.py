"""Today: the day's session from the program, with the block week and each load's reason.

When today's session is under way, the table is the session as the workout screen has it
(its order, swaps, sets added) with the sets done per exercise; enter on a row opens the
workout at that exercise.

The app's first frame is this screen's skeleton, drawn before the data folder is open: the
module imports only Textual and light modules, and what the plan needs (the domain, the
services, pydantic, pendulum) is imported by the planning worker or once the plan is here.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from ...store.errors import StoreError
from ...store.plan_cache import cached_plan, cached_plans, plan_key, save_plans
from ..sections import SECTIONS
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.shown_text import show_text
from ..widgets.touch import TapTable, TouchBar
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen

if TYPE_CHECKING:
    from ...domain.journal import Session
    from ...domain.session_model import Workout
    from ...domain.settings import Settings
    from ...services.planning import SessionPlan
    from .today_view import TodayView


# Days after today planned for the plan cache, so the first start of each finds its plan: a
# lifter who trains three days a week has at most three days between sessions.
PLANNED_AHEAD = 3


class TodayScreen(ReportsWorkerErrors, GymScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "refresh", "Refresh", show=False),
        Binding("t", "refresh", "Today", show=False),  # already here: t refreshes the plan
        Binding("f", "freestyle", "Freestyle session", show=False),
        *(Binding(s.key, f"app.open_section('{s.key}')", s.name, show=s.in_today_footer) for s in SECTIONS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: SessionPlan | None = None  # the plan confirmed by the worker
        self.progress: Workout | None = None  # today's session, when one is under way
        self.view: TodayView | None = None  # what is drawn: the plan's, or the cached one before it
        self._shape = ""  # the table's shape as last drawn (table_shape)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            with Horizontal(id="today-top"):
                yield Static("Loading today's plan...", id="plan-title")
                yield Static("", id="readiness")
            yield TapTable(id="plan-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="why")
            yield Static("", id="block-why")
            yield Static("", id="last-session")
            yield TouchBar(("Workout", "app.open_section('w')"), ("Warm-up", "app.open_section('u')"),
                           ("Checklist", "app.open_section('c')"), id="today-touch")
        # Today is the hub: its footer lists every section; the palette (ctrl+p) is in help.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if self.app.data_ready:
            self.load_plan()
        else:
            self.show_cached()  # the app plans once the data is open (data_opened)

    def action_refresh(self) -> None:
        self.load_plan()

    def reload(self) -> None:
        """An import stored workouts: plan again from them."""
        self.load_plan()

    def settings_changed(self, settings: Settings) -> None:
        """Plan again with the new settings (the units, the plates, the steps)."""
        self.load_plan()

    def load_plan(self) -> None:
        if self.app.data_ready:
            self.plan_in_worker()

    def action_freestyle(self) -> None:
        """An empty session today, exercises added as they come: the workout asks for the first."""
        from .workout import WorkoutScreen

        self.app.action_open_section("w")
        if isinstance(self.app.screen, WorkoutScreen):
            self.app.screen.start_freestyle()

    @work(thread=True, exclusive=True, group="today-plan", exit_on_error=False)
    def plan_in_worker(self) -> None:
        # Reading history and computing loads touches disk: never on the UI thread.
        from ...services import today
        from .today_view import view_of

        app = self.app
        day = app.now().date()
        # The files' identity before planning reads them (see keep_plans).
        key = plan_key(app.data_dir)
        plan = app.make_plan()
        if plan is None:
            # The app has shown why (a damaged file offers its backup); the title must not
            # keep saying it is loading once that box is closed.
            app.call_from_thread(self.show_no_plan)
            return
        try:
            last = today.last_session(app)
            progress = today.session_under_way(app, plan)
        except StoreError:
            app.call_from_thread(self.show_plan, plan, view_of(plan, None, None, day))  # the plan still shows
            raise
        view = view_of(plan, last, progress, day)
        app.call_from_thread(self.show_plan, plan, view, progress)
        self.keep_plans(key, day, view, last)

    def keep_plans(self, key: dict[str, Any], day: date, view: TodayView, last: Session | None) -> None:
        """Keep today's view and the next days' (planned from the same files) for the next
        start (store/plan_cache.py). The next days kept under the same key are taken as
        they are, unless today's kept view was not today's (then all are planned again).
        Nothing is kept when a file changed while planning read it: the plans may have
        read either version."""
        from ...services import today
        from .today_view import view_of

        if not self.app.keeps_plan or not today.folder_writable(self.app):
            return
        kept = cached_plans(self.app.data_dir, key)
        days = {day.isoformat(): view.to_json()}
        later_days = [(day + timedelta(days=ahead)).isoformat() for ahead in range(1, PLANNED_AHEAD + 1)]
        if kept.get(day.isoformat()) == days[day.isoformat()]:
            days |= {name: kept[name] for name in later_days if name in kept}
        # Today's first: the app may be closed before the next days are planned. When the
        # cache already holds exactly these days (Today planned again, nothing changed),
        # there is nothing to write and no folder to scan again.
        if days != kept and not self.save_if_unchanged(key, days):
            return
        missing = [name for name in later_days if name not in days]
        for name in missing:
            if get_current_worker().is_cancelled:
                return  # planning again: that worker keeps what it plans
            later = date.fromisoformat(name)
            try:
                plan, progress = today.plan_for(self.app, later)
            except StoreError:
                return  # today's reads report a file's fault; the cache can do without
            days[name] = view_of(plan, last, progress, later).to_json()
        if missing:
            self.save_if_unchanged(key, days)

    def save_if_unchanged(self, key: dict[str, Any], days: dict[str, Any]) -> bool:
        """Keep `days` when the files are still those `key` was made from (else False)."""
        if plan_key(self.app.data_dir) != key:
            return False
        save_plans(self.app.data_dir, key, days)
        return True

    def show_cached(self) -> None:
        """Before the folder is open: the plan kept for today, when nothing it was made from
        has changed since (store/plan_cache.py); the worker's plan confirms or replaces it."""
        from .today_view import TodayView

        data_dir = self.app.data_dir
        view = TodayView.from_json(cached_plan(data_dir, plan_key(data_dir), self.app.start_day()))
        if view is not None:
            self.show_view(view)
            self.app.plan_checked(False)

    def show_no_plan(self) -> None:
        self.view = None
        self.query_one("#plan-table", DataTable).clear(columns=True)
        for name in ("readiness", "why", "block-why", "last-session"):
            self.query_one(f"#{name}", Static).update("")
        self.query_one("#plan-title", Static).update(
            "No plan: a data file could not be read. Fix or restore it, then press t."
        )
        self.app.plan_checked(True)

    def show_plan(self, plan: SessionPlan, view: TodayView, progress: Workout | None = None) -> None:
        # One call for everything the worker read, so the screen is never half drawn.
        self.plan = plan
        self.progress = progress
        if view != self.view:
            self.show_view(view)
        self.app.plan_checked(True)
        self.call_after_refresh(self.app.first_screen_drawn)

    def show_view(self, view: TodayView) -> None:
        self.view = view
        self.query_one("#plan-title", Static).update(view.title)
        self.query_one("#readiness", Static).update(view.readiness)
        self._fill_table()
        self.query_one("#block-why", Static).update(view.block_why)
        self.query_one("#last-session", Static).update(view.last_session)
        if view.rows:
            self.query_one("#plan-table", DataTable).move_cursor(row=view.cursor)
            self._explain(view.cursor)
        else:
            self.query_one("#why", Static).update("")

    def _fill_table(self) -> None:
        """The rows in the shape the screen's width has room for (see table_shape)."""
        view = self.view
        if view is None:
            return
        shape = self._shape = table_shape(self.size.width)
        table = self.query_one("#plan-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        if shape == "narrow":
            table.add_column("Exercise: sets x reps, load", key="exercise")
        else:
            table.add_columns("Exercise", "Sets x reps", "Load")
            if shape == "wide":
                table.add_columns("Tempo", "RPE", "Rest")
            if view.under_way:
                table.add_column("Done", key="done")
        for row in view.rows:
            if shape == "narrow":
                details = "  ".join(part for part in (row.reps, row.load, row.done and f"done {row.done}") if part)
                table.add_row(Text(f"{row.name}\n  {details}"), key=row.exercise_id, height=2)
                continue
            cells = [row.name, row.reps, row.load]
            if shape == "wide":
                cells += [row.tempo, row.rpe, row.rest]
            if row.done is not None:
                cells.append(row.done)
            table.add_row(*cells, key=row.exercise_id)
        if view.rows:
            table.move_cursor(row=min(cursor, len(view.rows) - 1), animate=False)

    def on_resize(self) -> None:
        if self.view is not None and table_shape(self.size.width) != self._shape:
            self._fill_table()

    @on(DataTable.RowHighlighted, "#plan-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._explain(event.cursor_row)

    def _explain(self, row: int) -> None:
        if self.view is not None and 0 <= row < len(self.view.rows):
            show_text(self.query_one("#why", Static), self.view.rows[row].why)

    @on(DataTable.RowSelected, "#plan-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if self.view is not None and 0 <= event.cursor_row < len(self.view.rows):
            self.app.open_workout_at(self.view.rows[event.cursor_row].exercise_id)

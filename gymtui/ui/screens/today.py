"""Today: the day's session from the program, with the block week and each load's reason.

When today's session is under way, the table is the session as the workout screen has it
(its order, swaps, sets added) with the sets done per exercise; enter on a row opens the
workout at that exercise.

The app's first frame is this screen's skeleton, drawn before the data folder is open: the
module imports only Textual and light modules, and what the plan needs (the domain, the
services, pydantic, pendulum) is imported by the planning worker or once the plan is here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from ...store.errors import StoreError
from ..format import ago, load_text, reps_text, rest_text
from ..sections import SECTIONS
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.touch import TapTable, TouchBar
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen

if TYPE_CHECKING:
    from ...domain.library import Exercise
    from ...domain.progression import Plan
    from ...domain.session_model import Workout
    from ...domain.settings import Settings
    from ...services.planning import SessionPlan


class TodayScreen(ReportsWorkerErrors, GymScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "refresh", "Refresh", show=False),
        Binding("t", "refresh", "Today", show=False),  # already here: t refreshes the plan
        Binding("f", "freestyle", "Freestyle session", show=False),
        *(Binding(s.key, f"app.open_section('{s.key}')", s.name, show=s.in_today_footer) for s in SECTIONS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: SessionPlan | None = None
        self.progress: Workout | None = None  # today's session, when one is under way
        self.rows: list[tuple[Exercise, Plan]] = []
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
        self.load_plan()  # once the data is open, when it is not yet (the app calls it then)

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

        app = self.app
        plan = app.make_plan()
        if plan is None:
            # The app has shown why (a damaged file offers its backup); the title must not
            # keep saying it is loading once that box is closed.
            app.call_from_thread(self.show_no_plan)
        else:
            try:
                last = today.last_session(app)
                progress = today.session_under_way(app, plan)
            except StoreError:
                app.call_from_thread(self.show_plan, plan)  # the plan still shows
                raise
            app.call_from_thread(self.show_plan, plan, last, progress)

    def show_no_plan(self) -> None:
        self.query_one("#plan-title", Static).update(
            "No plan: a data file could not be read. Fix or restore it, then press t."
        )

    def show_plan(self, plan: SessionPlan, last=None, progress: Workout | None = None) -> None:
        # One call for everything the worker read, so the screen is never half drawn.
        self.show_last(last, progress)
        self.plan = plan
        self.progress = progress
        if progress is not None:
            # The sets as the session has them, with the ones added or dropped.
            self.rows = [(card.exercise, replace(card.plan, sets=card.sets)) for card in progress.cards]
        else:
            self.rows = [(item.exercise, item.plan) for item in plan.exercises]
        deload = "  DELOAD" if plan.deload and plan.week_plan.emphasis != "deload" else ""
        self.query_one("#plan-title", Static).update(
            f"[b]{plan.day.name}[/b]  week {plan.block_week}/{len(plan.program.cycle)}"
            f"  [b]{plan.week_plan.emphasis.upper()}[/b]{deload}"
        )
        self.query_one("#readiness", Static).update(f"readiness {plan.readiness.score} {plan.readiness.level}")
        self._fill_table()
        self.query_one("#block-why", Static).update("; ".join(plan.block_reasons))
        if self.rows:
            # Under way: the cursor starts where the workout is.
            row = progress.exercise if progress is not None else 0
            self.query_one("#plan-table", DataTable).move_cursor(row=row)
            self._explain(row)
        self.call_after_refresh(self.app.first_screen_drawn)

    def _fill_table(self) -> None:
        """The rows in the shape the screen's width has room for (see table_shape)."""
        from ...domain.rpe import rpe_text
        from ...domain.session_model import is_hold_plan
        from ...domain.session_set import prefill
        from .workout_text import progress_mark

        progress = self.progress
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
            if progress is not None:
                table.add_column("Done", key="done")
        for index, (exercise, p) in enumerate(self.rows):
            load = load_text(p)
            if progress is not None and p.load is None:
                # Nothing planned, but the lifter has chosen a load today: that is the load now.
                load = prefill(progress.cards[index], 0).load or load
            done = progress_mark(progress.cards[index]) if progress is not None else None
            if shape == "narrow":
                details = "  ".join(part for part in (reps_text(p), load, done and f"done {done}") if part)
                table.add_row(Text(f"{exercise.name}\n  {details}"), key=exercise.id, height=2)
                continue
            cells = [exercise.name, reps_text(p), load]
            if shape == "wide":
                # A carry or a plank is one timed hold: a rep tempo would mean nothing there.
                cells += ["hold" if is_hold_plan(p) else p.tempo, f"@{rpe_text(p.target_rpe)}",
                          rest_text(p.rest_seconds)]
            if done is not None:
                cells.append(done)
            table.add_row(*cells, key=exercise.id)
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1), animate=False)

    def on_resize(self) -> None:
        if self.plan is not None and table_shape(self.size.width) != self._shape:
            self._fill_table()

    def show_last(self, last, progress: Workout | None = None) -> None:
        if progress is not None:
            done = sum(card.sets_done for card in progress.cards)
            total = sum(card.sets for card in progress.cards)
            text = (f"[b]Session in progress[/b]: {done} of {total} set{'s' if total != 1 else ''} done. "
                    "[b]Enter[/b]: the workout at this exercise.")
        elif last is None:
            text = "First session: welcome. Loads start from what you log today."
        else:
            text = f"Last session: {last.name}, {ago(last.date, self.app.now().date())}"
        self.query_one("#last-session", Static).update(text)

    @on(DataTable.RowHighlighted, "#plan-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._explain(event.cursor_row)

    def _explain(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.rows):
            return
        from .workout_text import progress_words

        exercise, plan = self.rows[row]
        cue = exercise.cues[0] if exercise.cues else ""
        # Non-breaking spaces keep "76 kg" and "@ 8" together when the line wraps.
        reasons = "; ".join(r.replace(" kg", "\u00a0kg").replace(" lb", "\u00a0lb").replace("@ ", "@\u00a0")
                            for r in plan.reasons if not r.startswith("swapped in for")) or "as prescribed"
        lines = [f"[b]Why:[/b] {reasons}", f"[b]Cue:[/b] {cue}"]
        if self.progress is not None:
            lines.insert(0, f"[b]Today:[/b] {progress_words(self.progress.cards[row], self.progress)}")
        self.query_one("#why", Static).update("\n".join(lines))

    @on(DataTable.RowSelected, "#plan-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            self.app.open_workout_at(self.rows[event.cursor_row][0].id)

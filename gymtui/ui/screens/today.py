"""Today: the day's session from the program, with the block week and each load's reason."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ...domain.rpe import rpe_text
from ...services.planning import SessionPlan
from ..format import ago, load_text, reps_text, rest_text
from ..sections import SECTIONS


class TodayScreen(Screen[None]):
    BINDINGS = [
        Binding("f5", "refresh", "Refresh", show=False),
        Binding("t", "refresh", "Today", show=False),  # already here: t refreshes the plan
        *(Binding(s.key, f"app.open_section('{s.key}')", s.label) for s in SECTIONS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: SessionPlan | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            with Horizontal(id="today-top"):
                yield Static("Loading today's plan...", id="plan-title")
                yield Static("", id="readiness")
            yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="why")
            yield Static("", id="block-why")
            yield Static("", id="last-session")
        # Today is the hub: its footer lists every section; the palette (ctrl+p) is in help.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        table.add_columns("Exercise", "Sets x reps", "Load", "Tempo", "RPE", "Rest")
        self.load_plan()

    def action_refresh(self) -> None:
        self.load_plan()

    @work(thread=True, exclusive=True, group="today-plan")
    def load_plan(self) -> None:
        # Reading history and computing loads touches disk: never on the UI thread.
        plan = self.app.make_plan()
        if plan is not None:
            last = next(iter(self.app.store.iter_sessions()), None)
            self.app.call_from_thread(self.show_plan, plan, last)

    def show_plan(self, plan: SessionPlan, last=None) -> None:
        # One call for everything the worker read, so the screen is never half drawn.
        self.show_last(last)
        self.plan = plan
        self.query_one("#plan-title", Static).update(
            f"[b]{plan.day.name}[/b]  week {plan.block_week}/{len(plan.program.cycle)}"
            f"  [b]{plan.week_plan.emphasis.upper()}[/b]{'  DELOAD' if plan.deload and plan.week_plan.emphasis != 'deload' else ''}"
        )
        self.query_one("#readiness", Static).update(f"readiness {plan.readiness.score} {plan.readiness.level}")
        table = self.query_one("#plan-table", DataTable)
        table.clear()
        for item in plan.exercises:
            p = item.plan
            table.add_row(
                item.exercise.name,
                reps_text(p),
                load_text(p),
                p.tempo,
                f"@{rpe_text(p.target_rpe)}",
                rest_text(p.rest_seconds),
                key=item.exercise.id,
            )
        self.query_one("#block-why", Static).update("; ".join(plan.block_reasons))
        if plan.exercises:
            table.move_cursor(row=0)
            self._explain(0)
        self.call_after_refresh(self.app.first_screen_drawn)  # type: ignore[attr-defined]  # GymApp

    def show_last(self, last) -> None:
        if last is None:
            text = "First session: welcome. Loads start from what you log today."
        else:
            text = f"Last session: {last.name}, {ago(last.date, self.app.now().date())}"
        self.query_one("#last-session", Static).update(text)

    @on(DataTable.RowHighlighted, "#plan-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._explain(event.cursor_row)

    def _explain(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.exercises):
            return
        item = self.plan.exercises[row]
        cue = item.exercise.cues[0] if item.exercise.cues else ""
        # Non-breaking spaces keep "76 kg" and "@ 8" together when the line wraps.
        reasons = "; ".join(r.replace(" kg", "\u00a0kg").replace(" lb", "\u00a0lb").replace("@ ", "@\u00a0")
                            for r in item.plan.reasons) or "as prescribed"
        self.query_one("#why", Static).update(f"[b]Why:[/b] {reasons}\n[b]Cue:[/b] {cue}")

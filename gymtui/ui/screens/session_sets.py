"""Every set of one past session, opened from the history list. Returns an exercise id when
the lifter asks for that exercise's chart, else None."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import DataTable, Header, Static

from ...domain.journal import LoggedSet, Session
from ...domain.rpe import e1rm, rpe_text
from ...domain.units import format_load
from ...domain.wording import plural
from ...services import app_data, history
from ...store import StoreError
from ..widgets.footer import Footer
from .base import GymScreen
from .history_text import METHOD_NAMES, clip

SET_TYPE_TEXT = {"warmup": "warm-up", "working": "work", "drop": "drop", "failure": "failure"}


def amount_text(logged: LoggedSet) -> str:
    """Reps, or seconds and distance for timed and cardio sets."""
    parts = []
    if logged.missed:
        parts.append("0 missed")
    elif logged.reps is not None:
        parts.append(str(logged.reps))
    if logged.seconds:
        parts.append(f"{logged.seconds:g} s")
    if logged.distance_m:
        parts.append(f"{logged.distance_m / 1000:.2f} km" if logged.distance_m >= 1000 else f"{logged.distance_m:g} m")
    return " ".join(parts) or "-"


def set_e1rm(logged: LoggedSet, *, method: bool = False) -> str:
    """The set's estimated 1RM ('' for warm-ups, drop sets, bodyweight and timed holds or
    carries), and with `method`
    how it was estimated: the RTS chart needs an RPE, else a rep formula is used."""
    if logged.set_type not in ("working", "failure") or not logged.load or not logged.reps or logged.timed:
        return ""
    estimate = e1rm(logged.load, logged.reps, logged.rpe)
    if estimate is None:
        return ""
    text = format_load(round(estimate.value, 1), logged.unit)
    if not method:
        return text
    why = "" if estimate.method == "rts" else (" (no RPE)" if logged.rpe is None else " (over 12 reps)")
    return f"e1RM {text} by {METHOD_NAMES[estimate.method]}{why}"


class SessionSetsScreen(GymScreen[str | None]):
    CSS_PATH = "history.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "chart", "Chart this exercise"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.sets: list[LoggedSet] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="session-sets"):
            yield Static("Reading the session...", id="session-title")
            yield DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="session-set-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#session-table", DataTable).add_columns(
            "Exercise", "Type", "Load", "Reps", "RPE", "Tempo", "e1RM")
        self.load()

    @work(thread=True, exclusive=True, group="session-sets")
    def load(self) -> None:
        try:
            found = app_data.session_detail(self.app, self.session_id)
        except StoreError as error:
            self.app.call_from_thread(self.app.report_store_error, error)
            return
        self.app.call_from_thread(self.show, found)

    def show(self, found: tuple[Session, list[LoggedSet]] | None) -> None:
        title = self.query_one("#session-title", Static)
        if found is None:
            title.update("This session is no longer stored.")
            return
        session, self.sets = found
        length = ""
        if session.finished_at is not None and session.finished_at > session.started_at:
            minutes = int((session.finished_at - session.started_at).total_seconds() // 60)
            length = f", {minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f", {minutes} min"
        notes = f"\n{escape(session.notes)}" if session.notes else ""
        unfinished = "" if session.status == "done" else "  (not finished)"
        title.update(f"[b]{escape(session.name)}[/b]  {session.started_at:%a %d %b %Y %H:%M}{length}"
                     f"  {plural(len(self.sets), 'set')}{unfinished}{notes}")
        table = self.query_one("#session-table", DataTable)
        table.clear()
        previous = None
        for logged in self.sets:
            name = history.exercise_name(self.app.library, logged.exercise)
            table.add_row(
                Text("" if logged.exercise == previous else clip(name, 26)),
                SET_TYPE_TEXT[logged.set_type],
                "bw" if logged.load is None else format_load(logged.load, logged.unit),
                amount_text(logged),
                "" if logged.rpe is None else rpe_text(logged.rpe),
                logged.tempo or "",
                set_e1rm(logged),
                key=logged.id,
            )
            previous = logged.exercise
        table.focus()
        if self.sets:
            self._describe(0)

    @on(DataTable.RowHighlighted, "#session-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe(event.cursor_row)

    def _describe(self, row: int) -> None:
        if not 0 <= row < len(self.sets):
            return
        logged = self.sets[row]
        parts = [history.exercise_name(self.app.library, logged.exercise)]
        if logged.side:
            parts.append(f"{logged.side} side")
        estimate = set_e1rm(logged, method=True)
        if estimate:
            parts.append(estimate)
        if logged.source != "app":
            parts.append(f"from {logged.source}")
        if logged.note:
            parts.append(logged.note)
        self.query_one("#session-set-note", Static).update(escape(" · ".join(parts)))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_chart(self) -> None:
        row = self.query_one("#session-table", DataTable).cursor_row
        if 0 <= row < len(self.sets):
            self.dismiss(self.sets[row].exercise)

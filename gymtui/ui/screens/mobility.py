"""Mobility routines: pick one and it runs as a guided timer; routines made and edited here.

The run shows the item, its cue and a large countdown. Each item (each side of a per-side
item) gets a few seconds to get in position, then its hold or its paced reps; when an item
ends the bell rings (if on in settings), the panel flashes and the next one starts by itself.
Space pauses, n skips. The time shown is computed from `app.clock` on every tick by
`GuidedRun`; the tick only redraws.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Header, Static

from ...domain.daily import MobilityDone
from ...domain.library import Routine
from ...domain.settings import Settings
from ...services import app_data
from ...services.daily import all_routines, drill_amount, is_shipped
from ..dialogs.editor import EditorDialog
from ..format import rest_text
from ..widgets.footer import Footer
from ..widgets.guided_run import GuidedRun, expand
from ..widgets.shown_text import show_text
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen
from .mobility_editing import delete_message, routine_editor
from .mobility_run import RunPanel

TICK_SECONDS = 0.2
FLASH_SECONDS = 1.0


@dataclass(frozen=True)
class MobilityData:
    routines: list[Routine]
    mine: list[Routine]
    settings: Settings


def routine_seconds(routine: Routine, ready_seconds: float) -> float:
    steps = expand(routine)
    return sum(step.seconds for step in steps) + ready_seconds * len(steps)


class MobilityScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "mobility.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start"),
        Binding("a", "add", "New"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("space", "pause", "Pause"),
        Binding("n", "skip", "Skip"),
        Binding("escape", "stop", "Stop"),
    ]
    LIST_ACTIONS: ClassVar[set[str]] = {"start", "add", "edit", "delete"}
    RUN_ACTIONS: ClassVar[set[str]] = {"pause", "skip", "stop"}

    def __init__(self) -> None:
        super().__init__()
        self.data: MobilityData | None = None
        self.run: GuidedRun | None = None
        self.routine: Routine | None = None
        self._seen_completed = 0
        self._flash_until: float | None = None
        self._ticker: Timer | None = None
        self.bells = 0  # rung so far in this run (tests read it)

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="mob-list", id="mobility"):
            with Vertical(id="mob-list"):
                yield Static("[b]Mobility routines[/b]  enter starts one", id="mob-heading")
                yield DataTable(id="mob-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="mob-items")
            yield RunPanel(id="mob-run")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#mob-table", DataTable)
        table.add_column("Routine", key="name", width=30)
        table.add_column("Items", key="items", width=5)
        table.add_column("Time", key="time", width=6)
        self.load()

    @property
    def running(self) -> bool:
        return self.run is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS:
            return not self.running
        if action in self.RUN_ACTIONS:
            return self.running
        return True

    # -- the list ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="mobility-load", exit_on_error=False)
    def load(self, select: str | None = None) -> None:
        app = self.app
        mine = app_data.own_routines(app)
        settings = app_data.settings(app)
        data = MobilityData(all_routines(app.library, mine), mine, settings)
        app.call_from_thread(self.show_data, data, select)

    def show_data(self, data: MobilityData, select: str | None = None) -> None:
        self.data = data
        # Other screens read routines from the app's library: keep it in step with the store.
        self.app.library = dataclasses.replace(self.app.library, custom_routines=tuple(data.mine))
        table = self.query_one("#mob-table", DataTable)
        table.clear()
        ready = data.settings.lead_in_seconds
        for routine in data.routines:
            mark = "" if not routine.custom else " *"
            table.add_row(
                f"{routine.name}{mark}",
                str(len(routine.items)),
                rest_text(round(routine_seconds(routine, ready))),
                key=routine.id,
            )
        if select is not None:
            index = next((i for i, r in enumerate(data.routines) if r.id == select), 0)
            table.move_cursor(row=index)
        self._describe()

    def _highlighted(self) -> Routine | None:
        table = self.query_one("#mob-table", DataTable)
        if self.data is None or table.row_count == 0:
            return None
        return self.data.routines[table.cursor_row]

    @on(DataTable.RowHighlighted, "#mob-table")
    def _row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._describe()

    @on(DataTable.RowSelected, "#mob-table")
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_start()

    def _describe(self) -> None:
        routine = self._highlighted()
        widget = self.query_one("#mob-items", Static)
        if routine is None:
            show_text(widget, "")
            return
        lines = [f"{n}. {drill.name}: {drill_amount(drill)}" for n, drill in enumerate(routine.items, 1)]
        edited = "  (* your version)" if routine.custom else ""
        focus = f"\n[$text-muted]{routine.focus}[/]" if routine.focus else ""
        show_text(widget, f"[b]{routine.name}[/b]{edited}{focus}\n" + "\n".join(lines))

    # -- creating and editing ------------------------------------------------------------------

    def _editor(self, routine: Routine | None) -> EditorDialog[Routine]:
        assert self.data is not None
        taken = {r.id for r in self.data.routines} | {r.id for r in self.app.library.catalog.warmups}
        return routine_editor(routine, taken)

    def action_add(self) -> None:
        if self.data is not None:
            self.app.push_screen(self._editor(None), self._edited)

    def action_edit(self) -> None:
        routine = self._highlighted()
        if routine is not None:
            self.app.push_screen(self._editor(routine), self._edited)

    def _edited(self, routine: Routine | None) -> None:
        if routine is not None:
            self.save(routine)

    @work(thread=True, exclusive=True, group="mobility-save", exit_on_error=False)
    def save(self, routine: Routine) -> None:
        app_data.save_routine(self.app, routine)
        self.app.call_from_thread(self.app.notify, f"Saved {routine.name}")
        self.app.call_from_thread(self.load, routine.id)

    def action_delete(self) -> None:
        routine = self._highlighted()
        if routine is None:
            return
        if not routine.custom:
            self.app.notify("A library routine cannot be deleted: press e to edit your own copy")
            return
        from ..dialogs.confirm import ConfirmDialog

        if is_shipped(self.app.library, routine.id):
            title, message = (
                "Undo your changes",
                f"{routine.name} goes back to the library version; your changes are lost.",
            )
        else:
            title, message = "Delete a routine", delete_message(routine.name, len(routine.items))

        def answer(yes: bool | None) -> None:
            if yes:
                self.delete(routine)

        self.app.push_screen(ConfirmDialog(title, message, "delete it", "keep it"), answer)

    @work(thread=True, exclusive=True, group="mobility-save", exit_on_error=False)
    def delete(self, routine: Routine) -> None:
        app_data.delete_routine(self.app, routine.id)
        shipped = is_shipped(self.app.library, routine.id)
        message = f"{routine.name}: back to the library version" if shipped else f"Deleted {routine.name}"
        self.app.call_from_thread(self.app.notify, message)
        self.app.call_from_thread(self.load)

    # -- the run -------------------------------------------------------------------------------

    def action_start(self) -> None:
        routine = self._highlighted()
        if routine is None or self.data is None or self.running:
            return
        self.routine = routine
        self.run = GuidedRun(expand(routine), self.app.clock, ready_seconds=self.data.settings.lead_in_seconds)
        self._seen_completed = 0
        self.bells = 0
        self.query_one(ContentSwitcher).current = "mob-run"
        self.refresh_bindings()
        self.tick()
        self._ticker = self.set_interval(TICK_SECONDS, self.tick)

    def action_pause(self) -> None:
        if self.run is not None:
            self.run.toggle_pause()
            self.tick()

    def action_skip(self) -> None:
        if self.run is not None:
            self.run.skip()
            self.tick()

    def action_stop(self) -> None:
        if self.run is not None and self.routine is not None:
            state = self.run.state()
            if not state.done and state.step is not None and state.step.item > 0:
                self.record_run(self.routine, state.step.item)  # the items finished before stopping
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.run = None
        self.query_one(ContentSwitcher).current = "mob-list"
        self.query_one("#mob-run").remove_class("-flash")
        self.refresh_bindings()
        self.query_one("#mob-table", DataTable).focus()

    def tick(self) -> None:
        """Redraw from the clock. Called by the interval, and by tests after moving the clock."""
        if self.run is None or self.routine is None:
            return
        now = self.app.clock.monotonic()
        state = self.run.state()
        if state.completed > self._seen_completed:
            # One bell however many items ended since the last redraw (a late tick).
            self._seen_completed = state.completed
            self.bells += 1
            if self.data is not None and self.data.settings.bell:
                self.app.bell()
            self._flash_until = now + FLASH_SECONDS
        flashing = self._flash_until is not None and now < self._flash_until
        panel = self.query_one("#mob-run", RunPanel)
        panel.set_class(flashing, "-flash")
        panel.draw(self.routine, self.run.total, state)
        if state.done and self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
            self.record_run(self.routine, len(self.routine.items))

    @work(thread=True, group="mobility-log", exit_on_error=False)
    def record_run(self, routine: Routine, items_done: int) -> None:
        """Keep the run in the journal: history counts mobility days from it."""
        now = self.app.now()
        record = MobilityDone(date=now.date(), routine=routine.id, name=routine.name, items_done=items_done,
                              items_total=len(routine.items), completed_at=now)
        app_data.save_mobility_done(self.app, record)

"""The end-of-day checklist: number keys tick, every tick saved at once, the streak shown.

A tick shows at once as "saving" and as saved only when the store call has returned. Saves
run one at a time in a worker; each writes the whole day's ticks as they are at that moment,
so quick presses cannot leave an older list on disk than the one on screen.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Static

from ...domain.daily import ChecklistEntry
from ...domain.library import ChecklistItem
from ...domain.streaks import DayMark, adherence, current_streak, window
from ...domain.wording import plural
from ...services import app_data
from ...services.editor_text import (
    MAX_CHECKLIST_ITEMS,
    TextFormatError,
    checklist_to_text,
    parse_checklist,
)
from ..dialogs.editor import EditorDialog
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.shown_text import show_text
from ..widgets.touch import Tappable
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen

HISTORY_DAYS = 30
# A streak reaching the start of the 30 days loaded is followed back this far at most.
LONGEST_STREAK_LOOKED_AT = 400


@dataclass(frozen=True)
class ChecklistData:
    items: list[ChecklistItem]
    today: date
    ticked: set[str]
    history: dict[date, list[str]]


def day_mark_text(mark: DayMark) -> str:
    if mark.complete:
        return "[$success]■[/]"
    if mark.started:
        return "[$warning]◧[/]"
    return "[$text-muted]·[/]"


class ChecklistScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "checklist.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tick(1)", "Tick", key_display="1-9"),
        *(Binding(str(n), f"tick({n})", f"Tick {n}", show=False) for n in range(2, MAX_CHECKLIST_ITEMS + 1)),
        Binding("e", "edit", "Edit list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[ChecklistItem] = []
        self.today: date | None = None
        self.ticked: set[str] = set()  # what the screen shows
        self.saved: set[str] = set()  # what the store has, as last confirmed
        self.history: dict[date, list[str]] = {}
        self.loaded = False
        self._write_lock = threading.Lock()
        self._version = 0
        self._drawn_narrow = False  # the week and month drawn for a phone (see refresh_view)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="checklist"):
            yield Static("Loading the checklist...", id="cl-title")
            yield Vertical(id="cl-items")
            yield Static("", id="cl-status")
            yield Static("", id="cl-week")
            yield Static("", id="cl-month")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="checklist-load", exit_on_error=False)
    def load(self) -> None:
        app = self.app
        today = app.now().date()
        items = app_data.checklist_items(app)
        history = app_data.checklist_ticks(app, today, HISTORY_DAYS)
        count = len(items)
        if current_streak(history, count, today) >= HISTORY_DAYS - 1:
            history = app_data.checklist_ticks(app, today, LONGEST_STREAK_LOOKED_AT)
        data = ChecklistData(items, today, set(history.get(today, [])), history)
        # Textual's hint for call_from_thread reads an async callback's result as Never.
        app.call_from_thread(self.show_data, data)  # type: ignore[arg-type]

    async def show_data(self, data: ChecklistData) -> None:
        self.items = data.items
        self.today = data.today
        self.ticked = set(data.ticked)
        self.saved = set(data.ticked)
        self.history = dict(data.history)
        self.loaded = True
        box = self.query_one("#cl-items", Vertical)
        await box.remove_children()
        await box.mount_all(Tappable(f"tick({n})", id=f"cl-item-{n}", classes="cl-item")
                            for n in range(1, len(self.items) + 1))
        self.refresh_view()

    # -- ticking ---------------------------------------------------------------------------

    def action_tick(self, number: int) -> None:
        if not self.loaded or not 1 <= number <= len(self.items):
            return
        item_id = self.items[number - 1].id
        self.ticked ^= {item_id}
        self._version += 1
        self.refresh_view()
        self.save(self._version, sorted(self.ticked))

    @work(thread=True, group="checklist-save", exit_on_error=False)
    def save(self, version: int, ticked: list[str]) -> None:
        app = self.app
        assert self.today is not None
        entry = ChecklistEntry(date=self.today, ticked=ticked, updated_at=app.now())
        with self._write_lock:
            # A later press already queued a newer list: writing this one would only be undone.
            if version != self._version:
                return
            app_data.save_checklist(app, entry)
        app.call_from_thread(self.saved_now, set(ticked))

    def saved_now(self, ticked: set[str]) -> None:
        self.saved = ticked
        assert self.today is not None
        self.history[self.today] = sorted(ticked)
        self.refresh_view()

    # -- editing the list -------------------------------------------------------------------

    def action_edit(self) -> None:
        if not self.loaded:
            return
        previous = list(self.items)

        def parse(_fields: dict[str, str], text: str) -> list[ChecklistItem]:
            try:
                return parse_checklist(text, previous)
            except TextFormatError as error:
                raise ValueError(str(error)) from None

        dialog = EditorDialog(
            "Edit the checklist",
            f"One item per line, at most {MAX_CHECKLIST_ITEMS}. Unchanged lines keep their ticks.",
            checklist_to_text(self.items),
            parse,
        )
        self.app.push_screen(dialog, self._edited)

    def _edited(self, items: list[ChecklistItem] | None) -> None:
        if items:
            self.save_items(items)

    @work(thread=True, exclusive=True, group="checklist-items", exit_on_error=False)
    def save_items(self, items: list[ChecklistItem]) -> None:
        with self._write_lock:
            app_data.save_checklist_items(self.app, items)
        self.app.call_from_thread(self.app.notify, f"Checklist saved: {plural(len(items), 'item')}")
        self.app.call_from_thread(self.load)

    # -- drawing ---------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.today is None:
            return
        count = len(self.items)
        for number, item in enumerate(self.items, 1):
            ticked, stored = item.id in self.ticked, item.id in self.saved
            mark = "[$success]✓[/]" if ticked else "[$text-muted]·[/]"
            state = "" if ticked == stored else "[$warning]saving...[/]"
            widget = self.query_one(f"#cl-item-{number}", Static)
            show_text(widget, f"[b]{number}[/b] {mark} {item.text}  {state}")
            widget.set_class(ticked, "-ticked")
        done = len(self.ticked & {item.id for item in self.items})
        history = dict(self.history)
        history[self.today] = sorted(self.saved)
        streak = current_streak(history, count, self.today)
        pending = self.ticked != self.saved
        saved_text = "[$warning]saving...[/]" if pending else "[$success]saved[/]"
        day_text = f"{self.today:%A %d %B}".replace(" 0", " ")
        show_text(self.query_one("#cl-title", Static), f"[b]End-of-day checklist[/b]  {day_text}")
        all_done = "  [b]all done[/b]" if count and done == count else ""
        show_text(self.query_one("#cl-status", Static),
                  f"Today [b]{done}/{count}[/b] {saved_text}{all_done}   "
                  f"Streak [b]{streak}[/b] {'day' if streak == 1 else 'days'}")
        week = window(history, count, self.today, 7)
        week_stats = adherence(history, count, self.today, 7)
        names = "  ".join(f"{mark.day:%a}"[:2] for mark in week)
        marks = "   ".join(day_mark_text(mark) for mark in week)
        week_text = f"{week_stats.complete_days}/7 full, {week_stats.percent} % ticked"
        month = window(history, count, self.today, HISTORY_DAYS)
        month_stats = adherence(history, count, self.today, HISTORY_DAYS)
        month_marks = "".join(day_mark_text(mark) for mark in month)
        month_text = f"{month_stats.complete_days}/30 full, {month_stats.percent} % ticked"
        legend = "[$text-muted]■ all  ◧ some  · none[/]"
        self._drawn_narrow = self._narrow
        if self._narrow:  # a phone: the heading, the days, then what they add up to
            show_text(self.query_one("#cl-week", Static), f"Last 7 days  {week_text}\n{names}\n{marks}")
            show_text(self.query_one("#cl-month", Static), f"Last 30 days  {month_text}\n{month_marks}\n{legend}")
            return
        show_text(self.query_one("#cl-week", Static), f"Last 7 days   {names}\n              {marks}    {week_text}")
        show_text(self.query_one("#cl-month", Static),
                  f"Last 30 days  {month_marks}\n              {month_text}   {legend}")

    @property
    def _narrow(self) -> bool:
        return table_shape(self.size.width) == "narrow"

    def on_resize(self) -> None:
        if self._narrow != self._drawn_narrow:
            self._drawn_narrow = self._narrow
            self.refresh_view()


# -- `gymtui checklist`: the app opened straight on this screen ----------------------------

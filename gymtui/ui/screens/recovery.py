"""Recovery notes: one a day, filled in a few keystrokes, and the readiness they give.

Every field is a small input; tab moves on, enter (or ctrl+s) saves. The grip unit is not a
field of its own (tab goes from Grip straight to the note): it is the settings' unit, or the
one typed after the number ("110 lb"). Bodyweight, after the note, is in the settings' unit
(or the one it was saved in) and dated with the note: the planner reads it for pull-ups. A value out of range
gets a message under the form as it is typed and the note is not saved until it is fixed.
Page up / page down browse earlier days (each editable). The readiness shown is the one
the planner uses (`domain.readiness.readiness`), with every deduction listed and which
regions it weighed soreness against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalGroup, Vertical
from textual.widgets import Header, Input, Label, Static

from ...domain.common import describe_error
from ...domain.daily import RecoveryNote
from ...domain.units import Unit
from ...services import app_data
from ...services.daily import DayRegions
from ..widgets.footer import Footer
from ..widgets.ordered_input import OrderedInput
from ..widgets.shown_text import show_text
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen
from .recovery_fields import (
    BODYWEIGHT,
    BY_NAME,
    ENERGY,
    GRIP,
    QUALITY,
    SLEEP,
    SORENESS,
    STRESS,
    Field,
    check_value,
    form_texts,
    read_numbers,
    shown,
    split_grip_unit,
)
from .recovery_text import readiness_text, status_text, title_text


@dataclass(frozen=True)
class RecoveryData:
    day: date
    note: RecoveryNote | None
    regions: DayRegions
    unit: Unit


class RecoveryScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "recovery.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        # Priority: the inputs would otherwise take page up/down for scrolling.
        Binding("pageup", "day(-1)", "Earlier day", key_display="PgUp", priority=True),
        Binding("pagedown", "day(1)", "Later day", key_display="PgDn", priority=True),
        # Priority: focus moves before the next key is handed out, so "7<tab>3" typed in one
        # burst puts the 3 in the next field (a bubbling tab arrives after the 3), and
        # "<esc>t" goes to Today instead of typing a t.
        Binding("escape", "leave_form", "Leave form", priority=True),
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
        Binding("e", "edit", "Edit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None
        self.note: RecoveryNote | None = None
        self.regions: DayRegions | None = None
        self.errors: dict[str, str] = {}
        self.loaded = False
        self.grip_unit: Unit = "kg"
        self.body_unit: Unit = "kg"
        self._as_saved: dict[str, str] = {}  # the form's texts as last loaded or saved

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="recovery"):
            yield Static("Loading...", id="rc-title")
            with Horizontal(classes="rc-row"):
                yield from self._field(SLEEP)
                yield from self._field(QUALITY, "/5")
                yield from self._field(STRESS, "/5")
                yield from self._field(ENERGY, "/5")
            with Horizontal(classes="rc-row"):
                yield Label("Soreness 0-3", classes="rc-label rc-wide")
                for field in SORENESS[:3]:
                    yield from self._field(field)
            with Horizontal(classes="rc-row"):
                yield Label("", classes="rc-label rc-wide")
                for field in SORENESS[3:]:
                    yield from self._field(field)
            with Horizontal(classes="rc-row rc-grip-row"):
                with HorizontalGroup(classes="rc-field"):
                    yield Label(GRIP.label, classes="rc-label")
                    # A unit may follow the number; the label after the field says which applies.
                    yield OrderedInput("", id=f"rc-{GRIP.name}", classes="rc-num rc-w7 rc-grip", compact=True,
                                       restrict=r"[0-9.,]*\s?[kKlL]?[gGbB]?")
                    yield Label("kg", id="rc-grip_unit", classes="rc-suffix")
                with HorizontalGroup(classes="rc-field rc-note"):
                    yield Label("Note", classes="rc-label")
                    yield OrderedInput("", id="rc-text", classes="rc-text", compact=True, max_length=2000)
                with HorizontalGroup(classes="rc-field"):
                    yield Label("Bodyweight", classes="rc-label rc-after-text")
                    yield OrderedInput("", id="rc-bodyweight", classes="rc-num rc-w7", compact=True,
                                       restrict=r"[0-9.,]*")
                    yield Label("kg", id="rc-bodyweight_unit", classes="rc-suffix")
            yield Static("", id="rc-errors")
            yield Static("", id="rc-status")
            yield Static("", id="rc-readiness")
        yield Footer()

    def _field(self, field: Field, suffix: str = "") -> ComposeResult:
        # One group per field, so that under 60 columns the row can wrap between fields.
        with HorizontalGroup(classes="rc-field"):
            yield Label(field.label, classes="rc-label")
            yield OrderedInput("", id=f"rc-{field.name}", classes=f"rc-num rc-w{field.width}", compact=True,
                               restrict=r"[0-9.,]*")
            if suffix:
                yield Label(suffix, classes="rc-suffix")

    def on_mount(self) -> None:
        self.show_day(self.app.now().date())

    # -- loading ---------------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        self.loaded = False
        self.load(day)

    @work(thread=True, exclusive=True, group="recovery-load", exit_on_error=False)
    def load(self, day: date) -> None:
        app = self.app
        plan = app.make_plan() if day == app.now().date() else None
        note, regions, unit = app_data.recovery_day(app, day, plan)
        app.call_from_thread(self.show_data, RecoveryData(day, note, regions, unit))

    def show_data(self, data: RecoveryData) -> None:
        self.day, self.note, self.regions = data.day, data.note, data.regions
        note = data.note
        for name, value in form_texts(note).items():
            self.query_one(f"#rc-{name}", Input).value = value
        self._show_grip_unit(note.grip_unit if note and note.grip is not None else data.unit)
        self.query_one("#rc-text", Input).value = note.text if note else ""
        self.body_unit = note.bodyweight_unit if note and note.bodyweight is not None else data.unit
        self.query_one("#rc-bodyweight", Input).value = shown(note.bodyweight) if note else ""
        show_text(self.query_one("#rc-bodyweight_unit", Label), self.body_unit)
        self.errors = {}
        self.loaded = True
        self._as_saved = self._form_values()
        self.query_one("#rc-title", Static).update(title_text(data.day, self.app.now().date()))
        self._status()
        self._show_errors()
        self._show_readiness(note)
        self.query_one(f"#rc-{SLEEP.name}", Input).focus()

    # -- checking and saving -----------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if not self.loaded or event.input.id is None:
            return
        name = event.input.id.removeprefix("rc-")
        if name == GRIP.name:
            number, unit = split_grip_unit(event.value)
            if unit is not None:
                self._show_grip_unit(unit)
            # "52 l" is a unit half typed, not a wrong number.
            _, message = check_value(GRIP, re.sub(r"\s*[kl]$", "", number, flags=re.IGNORECASE))
        elif name == "bodyweight":
            _, message = check_value(BODYWEIGHT[self.body_unit], event.value)
        elif name in BY_NAME:
            _, message = check_value(BY_NAME[name], event.value)
        else:
            message = None
        if message:
            self.errors[name] = message
        else:
            self.errors.pop(name, None)
        event.input.set_class(bool(message), "-out-of-range")
        self._show_errors()

    def _show_grip_unit(self, unit: Unit) -> None:
        self.grip_unit = unit
        show_text(self.query_one("#rc-grip_unit", Label), unit)

    @on(Input.Submitted)
    def _submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def _form_values(self) -> dict[str, str]:
        return {str(field.id): field.value for field in self.query(Input)}

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        if self.loaded and self._form_values() != self._as_saved:
            return "The recovery note has changes not saved (Enter saves them): quitting loses them."
        return None

    def _show_errors(self) -> None:
        text = "\n".join(self.errors.values())
        show_text(self.query_one("#rc-errors", Static), f"[$error]{text}[/]" if text else "")

    def read_form(self) -> RecoveryNote | None:
        """The note the form describes, or None (with the messages shown) when it cannot be."""
        assert self.day is not None
        texts = {name: self.query_one(f"#rc-{name}", Input).value for name in [*BY_NAME, "bodyweight"]}
        values, soreness, body, self.errors = read_numbers(texts, self.body_unit)
        if self.errors:
            self._show_errors()
            return None
        try:
            return RecoveryNote(
                date=self.day,
                soreness=soreness,
                grip_unit=self.grip_unit,
                bodyweight=body,
                bodyweight_unit=self.body_unit,
                text=self.query_one("#rc-text", Input).value,
                updated_at=self.app.now(),
                **values,
            )
        except ValueError as error:
            self.errors["note"] = describe_error(error)
            self._show_errors()
            return None

    def action_save(self) -> None:
        if not self.loaded:
            return
        note = self.read_form()
        if note is None:
            self.query_one("#rc-status", Static).update("[$error]Not saved: fix the values above.[/]")
            return
        self.query_one("#rc-status", Static).update("[$warning]saving...[/]")
        self.save(note)

    @work(thread=True, exclusive=True, group="recovery-save", exit_on_error=False)
    def save(self, note: RecoveryNote) -> None:
        app_data.save_recovery(self.app, note)
        self.app.call_from_thread(self.saved, note)

    def saved(self, note: RecoveryNote) -> None:
        if note.date != self.day:
            return  # the lifter moved to another day meanwhile; that day shows its own note
        self.note = note
        self._as_saved = self._form_values()
        self._status()
        self._show_readiness(note)

    def _status(self) -> None:
        self.query_one("#rc-status", Static).update(status_text(self.note))

    def _show_readiness(self, note: RecoveryNote | None) -> None:
        assert self.regions is not None
        self.query_one("#rc-readiness", Static).update(readiness_text(note, self.regions))

    # -- moving around -----------------------------------------------------------------------

    def action_day(self, step: int) -> None:
        if self.day is None:
            return
        target = self.day + timedelta(days=step)
        if target > self.app.now().date():
            self.app.notify("No notes for days to come")
            return
        self.show_day(target)

    def action_leave_form(self) -> None:
        # Out of the inputs, the app's section keys (t, u, m, c ...) work again.
        self.set_focus(None)

    def action_edit(self) -> None:
        """Back into the form (only reachable when no input has focus)."""
        self.query_one(f"#rc-{SLEEP.name}", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        if action == "edit":
            return not typing
        if action == "leave_form":
            return typing
        return True

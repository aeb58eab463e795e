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

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalGroup, Vertical
from textual.widgets import Header, Input, Label, Static

from ...domain.common import describe_error
from ...domain.daily import REGIONS, RecoveryNote
from ...domain.readiness import readiness
from ...domain.units import Unit
from ...services import app_data
from ...services.daily import DayRegions
from ..widgets.footer import Footer
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen


@dataclass(frozen=True)
class Field:
    """One input of the form: how to read it and the range it must be in."""

    name: str
    label: str
    low: float
    high: float
    whole: bool = True
    width: int = 4
    # A grip of 0 makes no sense; the other scales start at their low end.
    low_open: bool = False
    # How messages name the field, when the label beside the input is shorter.
    what: str = ""

    @property
    def named(self) -> str:
        return self.what or self.label

    @property
    def rule(self) -> str:
        if self.low_open:
            return f"more than {self.low:g} and at most {self.high:g}"
        return f"{self.low:g} to {self.high:g}"


SLEEP = Field("sleep_hours", "Sleep h", 0, 24, whole=False, width=6, what="Sleep hours")
QUALITY = Field("sleep_quality", "quality", 1, 5, what="Sleep quality")
STRESS = Field("stress", "Stress", 1, 5)
ENERGY = Field("energy", "Energy", 1, 5)
GRIP = Field("grip", "Grip", 0, 300, whole=False, width=7, low_open=True)
SORENESS = [
    Field(f"sore_{region}", region.replace("_", " "), 0, 3, what=f"Soreness {region.replace('_', ' ')}")
    for region in REGIONS
]
# Bodyweight is read in the settings' unit (or the unit it was saved in), with that unit's range.
BODYWEIGHT = {
    "kg": Field("bodyweight", "Bodyweight", 25, 300, whole=False, width=7),
    "lb": Field("bodyweight", "Bodyweight", 55, 661, whole=False, width=7),
}
NUMBER_FIELDS = [SLEEP, QUALITY, STRESS, ENERGY, GRIP, *SORENESS]
BY_NAME = {field.name: field for field in NUMBER_FIELDS}


def check_value(field: Field, text: str) -> tuple[float | int | None, str | None]:
    """(value, None) when the text is empty or in range; (None, message) when it is not."""
    text = text.strip().replace(",", ".")
    if not text:
        return None, None
    try:
        value = float(text)
    except ValueError:
        return None, f"{field.named}: {text!r} is not a number ({field.rule})"
    if not math.isfinite(value):
        # 'nan', or 400 pasted digits read as infinity: int() of either would raise.
        return None, f"{field.named}: {text!r} is not a number ({field.rule})"
    if field.whole and value != int(value):
        return None, f"{field.named}: use a whole number, {field.rule}"
    too_low = value <= field.low if field.low_open else value < field.low
    if too_low or value > field.high:
        return None, f"{field.named}: {text} is out of range, use {field.rule}"
    return (int(value) if field.whole else value), None


GRIP_UNIT = re.compile(r"\s*(kg|lb)\s*$", re.IGNORECASE)


def split_grip_unit(text: str) -> tuple[str, Unit | None]:
    """'110 lb' -> ('110', 'lb'); '52.5' -> ('52.5', None): the grip field takes its unit."""
    match = GRIP_UNIT.search(text)
    if match is None:
        return text, None
    return text[: match.start()], "lb" if match.group(1).lower() == "lb" else "kg"


def _shown(value: Any) -> str:
    return "" if value is None else f"{value:g}"


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
                    yield Input("", id=f"rc-{GRIP.name}", classes="rc-num rc-w7 rc-grip", compact=True,
                                restrict=r"[0-9.,]*\s?[kKlL]?[gGbB]?")
                    yield Label("kg", id="rc-grip_unit", classes="rc-suffix")
                with HorizontalGroup(classes="rc-field rc-note"):
                    yield Label("Note", classes="rc-label")
                    yield Input("", id="rc-text", classes="rc-text", compact=True, max_length=2000)
                with HorizontalGroup(classes="rc-field"):
                    yield Label("Bodyweight", classes="rc-label rc-after-text")
                    yield Input("", id="rc-bodyweight", classes="rc-num rc-w7", compact=True, restrict=r"[0-9.,]*")
                    yield Label("kg", id="rc-bodyweight_unit", classes="rc-suffix")
            yield Static("", id="rc-errors")
            yield Static("", id="rc-status")
            yield Static("", id="rc-readiness")
        yield Footer()

    def _field(self, field: Field, suffix: str = "") -> ComposeResult:
        # One group per field, so that under 60 columns the row can wrap between fields.
        with HorizontalGroup(classes="rc-field"):
            yield Label(field.label, classes="rc-label")
            yield Input("", id=f"rc-{field.name}", classes=f"rc-num rc-w{field.width}", compact=True,
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
        values: dict[str, str] = {
            SLEEP.name: _shown(note.sleep_hours) if note else "",
            QUALITY.name: _shown(note.sleep_quality) if note else "",
            STRESS.name: _shown(note.stress) if note else "",
            ENERGY.name: _shown(note.energy) if note else "",
            GRIP.name: _shown(note.grip) if note else "",
        }
        for region, field in zip(REGIONS, SORENESS, strict=True):
            values[field.name] = _shown(note.soreness.get(region)) if note else ""
        for name, value in values.items():
            self.query_one(f"#rc-{name}", Input).value = value
        self._show_grip_unit(note.grip_unit if note and note.grip is not None else data.unit)
        self.query_one("#rc-text", Input).value = note.text if note else ""
        self.body_unit = note.bodyweight_unit if note and note.bodyweight is not None else data.unit
        self.query_one("#rc-bodyweight", Input).value = _shown(note.bodyweight) if note else ""
        self.query_one("#rc-bodyweight_unit", Label).update(self.body_unit)
        self.errors = {}
        self.loaded = True
        self._as_saved = self._form_values()
        today = self.app.now().date()
        when = "today" if data.day == today else "yesterday" if data.day == today - timedelta(days=1) else ""
        day_text = f"{data.day:%A %d %B %Y}".replace(" 0", " ")
        self.query_one("#rc-title", Static).update(
            f"[b]Recovery note[/b]  {day_text}{f' ({when})' if when else ''}"
        )
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
        self.query_one("#rc-grip_unit", Label).update(unit)

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
        self.query_one("#rc-errors", Static).update(f"[$error]{text}[/]" if text else "")

    def read_form(self) -> RecoveryNote | None:
        """The note the form describes, or None (with the messages shown) when it cannot be."""
        assert self.day is not None
        values: dict[str, Any] = {}
        self.errors = {}
        for field in NUMBER_FIELDS:
            text = self.query_one(f"#rc-{field.name}", Input).value
            if field is GRIP:
                text, _ = split_grip_unit(text)
            value, message = check_value(field, text)
            if message:
                self.errors[field.name] = message
            values[field.name] = value
        body, message = check_value(BODYWEIGHT[self.body_unit], self.query_one("#rc-bodyweight", Input).value)
        if message:
            self.errors["bodyweight"] = message
        soreness = {}
        for region, field in zip(REGIONS, SORENESS, strict=True):
            value = values.pop(field.name)
            if value is not None:
                soreness[region] = value
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
        widget = self.query_one("#rc-status", Static)
        if self.note is None:
            widget.update("[$text-muted]No note for this day yet. Fill what you know; enter saves.[/]")
        else:
            widget.update(f"[$success]Saved[/] {self.note.updated_at:%d %b %H:%M}. Edit and press enter to save again.")

    def _show_readiness(self, note: RecoveryNote | None) -> None:
        assert self.regions is not None
        ready = readiness(note, self.regions.regions)
        level_colour = {"good": "$success", "ok": "$warning", "poor": "$error"}[ready.level]
        widget = self.query_one("#rc-readiness", Static)
        if note is None:
            widget.update(
                f"[b]Readiness [{level_colour}]{ready.score}/100[/][/b]  no note for this day: nothing taken off"
            )
            return
        parts = "\n".join(f"  {part}" for part in ready.parts[:-1])
        self.query_one("#rc-readiness", Static).update(
            f"[b]Readiness [{level_colour}]{ready.score}/100 {ready.level}[/][/b]"
            f"  [$text-muted]from 100, minus:[/]\n{parts}\n[$text-muted]Soreness counts for {self.regions.why}.[/]"
        )

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

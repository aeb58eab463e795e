"""The set form: pre-filled, so a set done as prescribed is an RPE figure and Enter.

Focus starts in the RPE field: `8` Enter logs the set with everything else as filled in
(load and reps from the prescription and the timer); with no load to offer it starts in Load.
Tab walks the other fields: reps, load with its unit, seconds for holds, set type, side,
tempo, note. The form reads itself with `domain.entry.parse_set_fields`; a bad value
(RPE 11, reps -1, load `8o`, tempo `3-1`) is named under the form, its field is marked, the
cursor goes there and the form says so, and nothing is handed on. A working set with no RPE
is pointed out once (the plan reads the next loads from it); Enter again saves it without.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ...domain.common import RPE_VALUES
from ...domain.entry import FormErrors, SetFields, SetValues, parse_rpe, parse_set_fields
from ...domain.journal import SET_TYPES
from ...domain.rpe import rpe_text
from ...domain.units import Unit
from .ordered_input import OrderedInput

FIELDS = ("rpe", "reps", "load", "seconds", "set_type", "side", "tempo", "note")
# How the form's labels name each field, to say where the cursor went.
LABELS = {"rpe": "RPE", "reps": "Reps", "load": "Load", "seconds": "Secs", "set_type": "Type",
          "side": "Side", "tempo": "Tempo", "note": "Note"}
NO_RPE = ("[b]No RPE yet[/b]: the next loads are planned from it. Type it (6 to 10) and press Enter, "
          "or press Enter again to save without it.")


class Choice(Widget, can_focus=True):
    """A row of options, the chosen one marked; left/right (or space) chooses another."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("space", "move(1)", "Next", show=False),
    ]
    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: 1fr;
    }
    Choice:focus {
        background: $primary 30%;
    }
    """
    value: reactive[str] = reactive("", layout=False)

    def __init__(self, options: Sequence[str], value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.set_reactive(Choice.value, value)

    def action_move(self, step: int) -> None:
        index = self.options.index(self.value) if self.value in self.options else 0
        self.value = self.options[(index + step) % len(self.options)]

    def render(self) -> Text:
        text = Text()
        for index, option in enumerate(self.options):
            if index:
                text.append(" ")
            if option == self.value:
                text.append(f"[{option}]", style="bold reverse")
            else:
                text.append(f" {option} ")
        return text


def rpe_scale(typed: str) -> str:
    """The RPE scale with the typed value marked, and what it means in reps left."""
    try:
        value = parse_rpe(typed)
    except ValueError:
        value = None
    parts = []
    for rpe in RPE_VALUES:
        label = rpe_text(rpe)
        parts.append(f"[reverse b]{label}[/]" if value == rpe else label)
    meaning = ""
    if value is not None:
        left = 10 - value
        meaning = "  no rep left" if left == 0 else f"  {left:g} rep{'s' if left != 1 else ''} left"
    return " ".join(parts) + meaning


class SetEntry(Vertical):
    """The form. `load_form` fills it; Submitted carries values that parsed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", show=False),
        Binding("tab", "app.focus_next", "Next field"),
    ]

    class Submitted(Message):
        def __init__(self, values: SetValues) -> None:
            super().__init__()
            self.values = values

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit: Unit = "kg"
        self.bodyweight_ok = False
        self.hold = False
        self.unilateral = False
        self.errors = FormErrors()
        self._loaded: SetFields | None = None  # the fields as the form opened, to see typing
        self._asked_rpe = False  # a working set with no RPE was pointed out once in this form

    def compose(self) -> ComposeResult:
        yield Static("", id="se-title")
        with Horizontal(classes="se-row"):
            yield Label("RPE", classes="se-label")
            yield OrderedInput("", id="se-rpe", compact=True, classes="se-short")
            yield Static("", id="se-rpe-scale", classes="se-hint")
        with Horizontal(classes="se-row", id="se-reps-row"):
            yield Label("Reps", classes="se-label")
            yield OrderedInput("", id="se-reps", compact=True, classes="se-short")
            yield Static("", id="se-reps-hint", classes="se-hint")
        with Horizontal(classes="se-row"):
            yield Label("Load", classes="se-label")
            yield OrderedInput("", id="se-load", compact=True, classes="se-mid")
            yield Static("", id="se-load-hint", classes="se-hint")
        with Horizontal(classes="se-row", id="se-seconds-row"):
            yield Label("Secs", classes="se-label")
            yield OrderedInput("", id="se-seconds", compact=True, classes="se-short")
            yield Static("", id="se-seconds-hint", classes="se-hint")
        with Horizontal(classes="se-row"):
            yield Label("Type", classes="se-label")
            yield Choice(SET_TYPES, "working", id="se-set_type")
        with Horizontal(classes="se-row", id="se-side-row"):
            yield Label("Side", classes="se-label")
            yield Choice(("left", "right"), "left", id="se-side")
        with Horizontal(classes="se-row", id="se-tempo-row"):
            yield Label("Tempo", classes="se-label")
            yield OrderedInput("", id="se-tempo", compact=True, classes="se-mid")
            yield Label("Note", classes="se-label se-note-label")
            yield OrderedInput("", id="se-note", compact=True, classes="se-note")
        yield Static("", id="se-error")
        yield Static("", id="se-help")

    # -- filling -----------------------------------------------------------------------------

    def load_form(
        self,
        title: str,
        fields: SetFields,
        *,
        unit: Unit,
        bodyweight_ok: bool,
        hold: bool,
        unilateral: bool,
        reps_hint: str = "",
        editing: bool = False,
    ) -> None:
        self.unit, self.bodyweight_ok, self.hold, self.unilateral = unit, bodyweight_ok, hold, unilateral
        self.query_one("#se-title", Static).update(title)
        for name in ("rpe", "reps", "load", "seconds", "tempo", "note"):
            self.query_one(f"#se-{name}", Input).value = getattr(fields, name)
        self.query_one("#se-set_type", Choice).value = fields.set_type
        self.query_one("#se-side", Choice).value = fields.side or "left"
        self.query_one("#se-seconds-row").display = hold
        self.query_one("#se-side-row").display = unilateral
        self.query_one("#se-reps-hint", Static).update(reps_hint)
        self.query_one("#se-load-hint", Static).update(
            f"{unit} unless you type lb or kg" + ("; bw = bodyweight" if bodyweight_ok else "")
        )
        self.query_one("#se-seconds-hint", Static).update("time held or carried")
        action = "save the change" if editing else "log it"
        # No load to offer (the first set of an exercise with no history): the cursor starts
        # on Load, and Enter there goes on to the RPE.
        first = "load" if not fields.load.strip() and not bodyweight_ok else "rpe"
        keys = "Load, Enter, RPE, Enter" if first == "load" else "RPE then Enter"
        self.query_one("#se-help", Static).update(
            f"[b]{keys}[/b] {action}   [b]Tab[/b] next field   [b]Esc[/b] cancel"
        )
        self._asked_rpe = False
        self._show_errors(FormErrors())
        self._rpe_changed()
        self._loaded = self.fields()
        field = self.query_one(f"#se-{first}", Input)
        field.focus()
        field.action_end()

    def typed(self) -> bool:
        """Whether anything was typed or chosen since the form was filled."""
        return self._loaded is not None and self.fields() != self._loaded

    def fields(self) -> SetFields:
        def value(name: str) -> str:
            return self.query_one(f"#se-{name}", Input).value

        side = self.query_one("#se-side", Choice).value if self.unilateral else None
        return SetFields(
            rpe=value("rpe"), reps=value("reps"), load=value("load"), seconds=value("seconds") if self.hold else "",
            tempo=value("tempo"), note=value("note"),
            set_type=self.query_one("#se-set_type", Choice).value,  # type: ignore[arg-type]
            side=side,  # type: ignore[arg-type]
        )

    # -- reading -----------------------------------------------------------------------------

    def action_save(self) -> None:
        values, errors = parse_set_fields(self.fields(), self.unit, bodyweight_ok=self.bodyweight_ok, hold=self.hold)
        self._show_errors(errors)
        if values is None:
            first = next(name for name in FIELDS if name in errors.by_field)
            self.query_one(f"#se-{first}").focus()
            # Said, so a value typed next lands where the lifter expects (a field moved to in
            # silence took "15" meant for another one).
            self._say(f"The cursor is on [b]{LABELS[first]}[/b]: fix it and press Enter.")
            return
        if values.rpe is None and values.set_type == "working" and not self._asked_rpe:
            # The plan reads the next loads from the RPE: asked once, then Enter saves without.
            self._asked_rpe = True
            self.query_one("#se-rpe", Input).focus()
            self.query_one("#se-error", Static).update(NO_RPE)
            return
        self.post_message(self.Submitted(values))

    def _say(self, line: str) -> None:
        text = "\n".join(f"[b]Not saved:[/b] {message}" for message in self.errors.by_field.values())
        self.query_one("#se-error", Static).update(f"{text}\n{line}" if text else line)

    def show_problem(self, text: str) -> None:
        """A problem found after the form read well (the model refused the set)."""
        self.query_one("#se-error", Static).update(f"[b]Not saved:[/b] {text}")

    def _show_errors(self, errors: FormErrors) -> None:
        self.errors = errors
        for name in FIELDS:
            self.query_one(f"#se-{name}").set_class(name in errors.by_field, "-invalid")
        text = "\n".join(f"[b]Not saved:[/b] {message}" for message in errors.by_field.values())
        self.query_one("#se-error", Static).update(text)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Input.Changed, "#se-rpe")
    def _rpe_changed(self) -> None:
        self.query_one("#se-rpe-scale", Static).update(rpe_scale(self.query_one("#se-rpe", Input).value))

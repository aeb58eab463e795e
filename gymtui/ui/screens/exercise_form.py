"""The add-exercise form (a modal), also the edit form of one of the lifter's exercises.

Every value goes through the same rules as `gymtui exercise add|edit`
(`services.exercises`): a value refused names its field, which is marked, and nothing is
saved. Saved, the form returns the exercise's id, so a picker that opened it can use the
new exercise at once.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from ...domain.common import PATTERN_LABELS
from ...domain.library import Exercise
from ...services import app_data
from ...services.exercises import (
    KINDS,
    NO_CUES,
    PATTERNS,
    Changes,
    ExerciseError,
    kind_of,
)
from ...store import StoreError
from ..widgets.compact import compact
from ..widgets.ordered_input import OrderedInput
from .base import GymDialog

KIND_LABELS = {
    "barbell": "barbell", "dumbbell": "dumbbell (load per hand)", "kettlebell": "kettlebell",
    "machine": "machine (give its step)", "cable": "cable (give its step)", "bodyweight": "bodyweight",
    "weighted-bodyweight": "weighted bodyweight (belt, vest)", "band": "band",
    "carry": "carry (timed or walked)", "other": "other",
}
YES_NO = [("no", "no"), ("yes", "yes")]
STARTS = [("with the lowering (squat, bench)", "lowering"), ("with the lift (deadlift, curl)", "lift")]
MEASURED = [("reps", "reps"), ("seconds or distance (holds, carries)", "timed")]
CUE_SEPARATOR = ";"

# (field id, label): the order of the form, top to bottom.
FIELDS = (
    ("name", "Name"), ("alias", "Aliases"), ("pattern", "Pattern"), ("equipment", "Equipment"),
    ("step", "Step"), ("unilateral", "One-sided"), ("tempo", "Tempo"), ("starts", "Rep starts"),
    ("timed", "Measured in"), ("seconds", "Seconds"), ("cue", "Cues"),
)
# The first word of a refusal from services.exercises names the field it is about.
ERROR_FIELDS = {"name": "name", "alias": "alias", "aliases": "alias", "pattern": "pattern",
                "--pattern": "pattern", "equipment": "equipment", "--equipment": "equipment",
                "step": "step", "tempo": "tempo", "cue": "cue", "cues": "cue", "seconds": "seconds"}


def error_field(message: str) -> str | None:
    """The form field a refusal names ('tempo: ...', "step '9' must ...")."""
    first = message.split(maxsplit=1)[0].rstrip(":").split(".")[0] if message.strip() else ""
    return ERROR_FIELDS.get(first)


class ExerciseForm(GymDialog["str | None"]):
    """Returns the id of the exercise saved, or None when the form is left without saving."""

    HELP_NAME = "Exercise form"  # in Help and the palette
    CSS_PATH = "exercise_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, exercise: Exercise | None = None, *, name: str = "") -> None:
        super().__init__()
        self.exercise = exercise  # None: a new exercise
        self.typed_name = name  # a new exercise's name, typed in a search that found nothing
        self.saving = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        e = self.exercise
        title = f"Change {escape(e.name)}" if e else "Add an exercise of your own"
        with Vertical(id="xf", classes="dialog-box"):
            yield Static(f"[b]{title}[/b]", id="xf-title")
            for key, label in FIELDS:
                with Horizontal(classes="xf-row"):
                    yield Label(label, classes="xf-label")
                    yield self._widget(key, e)
            yield Static("", id="xf-error")
            yield Static("[b]tab[/b] next field   [b]ctrl+s[/b] save   [b]esc[/b] cancel", classes="xf-help")

    def _widget(self, key: str, e: Exercise | None) -> Widget:
        # Its id and class given as it is made: a class added later restyles it before it is mounted.
        name, field = f"xf-{key}", "xf-field"
        if key == "pattern":
            return compact(Select([(PATTERN_LABELS[p], p) for p in PATTERNS], prompt="choose",
                                  value=e.pattern if e else Select.NULL, id=name, classes=field))
        if key == "equipment":
            return compact(Select([(KIND_LABELS.get(k, k), k) for k in KINDS], prompt="choose",
                                  value=kind_of(e) if e else Select.NULL, id=name, classes=field))
        if key == "unilateral":
            return compact(Select(YES_NO, allow_blank=False, value="yes" if e and e.unilateral else "no",
                                  id=name, classes=field))
        if key == "starts":
            return compact(Select(STARTS, allow_blank=False, value="lift" if e and e.starts_concentric else "lowering",
                                  id=name, classes=field))
        if key == "timed":
            return compact(Select(MEASURED, allow_blank=False, value="timed" if e and e.timed else "reps",
                                  id=name, classes=field))
        value, hint = {
            "name": (e.name if e else self.typed_name, "what you call it"),
            "alias": (", ".join(e.aliases) if e else "", "other names, separated by commas"),
            "step": (f"{e.step_kg:g}kg" if e and e.step_kg else "", "machine or cable: 2.5kg or 5lb"),
            "tempo": (e.default_tempo if e else "", "e.g. 3-1-1-0 (default 2-0-1-0)"),
            "seconds": (str(e.hold_seconds) if e and e.hold_seconds else "", "a hold's usual length"),
            "cue": ("; ".join(c for c in e.cues if c != NO_CUES) if e else "",
                    "up to 3, separated by ;"),
        }[key]
        return OrderedInput(value, placeholder=hint, compact=True, id=name, classes=field)

    def on_mount(self) -> None:
        self.query_one("#xf-name", Input).focus()

    # -- reading the form -------------------------------------------------------------------

    def _text(self, key: str) -> str:
        return self.query_one(f"#xf-{key}", Input).value.strip()

    def _choice(self, key: str) -> str | None:
        value = self.query_one(f"#xf-{key}", Select).value
        return None if value is Select.NULL else str(value)

    def changes(self) -> Changes:
        """What the form holds, as the CLI would pass it. Raises ExerciseError."""
        seconds_text = self._text("seconds")
        seconds = None
        if seconds_text:
            if not seconds_text.isdigit():
                raise ExerciseError(f"seconds {seconds_text!r} is not a whole number of seconds")
            seconds = int(seconds_text)
        pattern, equipment = self._choice("pattern"), self._choice("equipment")
        if pattern is None:
            raise ExerciseError("pattern: choose the movement pattern")
        if equipment is None:
            raise ExerciseError("equipment: choose the equipment")
        cues = [c.strip() for c in self._text("cue").split(CUE_SEPARATOR) if c.strip()]
        aliases = [a.strip() for a in self._text("alias").split(",") if a.strip()]
        return Changes(
            name=self._text("name"), pattern=pattern, equipment=equipment,
            unilateral=self._choice("unilateral") == "yes", tempo=self._text("tempo") or "2-0-1-0",
            aliases=aliases, timed=self._choice("timed") == "timed" or equipment == "carry",
            step=self._text("step") or None, cues=cues or [NO_CUES], seconds=seconds,
            starts_concentric=self._choice("starts") == "lift",
        )

    # -- saving ------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.saving:
            return
        try:
            changes = self.changes()
        except ExerciseError as error:
            self.refuse(str(error))
            return
        self.saving = True
        self.query_one("#xf-error", Static).update("[$warning]saving...[/]")
        self.save(changes)

    @work(thread=True, exclusive=True, group="exercise-form")
    def save(self, changes: Changes) -> None:
        app = self.app
        try:
            if self.exercise is None:
                saved, library = app_data.add_exercise(app, changes)
            else:
                saved, library = app_data.edit_exercise(app, self.exercise.id, changes)
        except ExerciseError as error:
            app.call_from_thread(self.refuse, str(error))
            return
        except StoreError as error:
            app.call_from_thread(self.refuse, str(error), store_error=error)
            return
        app.call_from_thread(self.saved, library, saved)

    def saved(self, library, exercise: Exercise) -> None:
        self.app.library = library  # every screen and picker knows it from now on
        verb = "Changed" if self.exercise else "Added"
        self.app.notify(f"{verb} {exercise.name}.", title="Exercises")
        self.dismiss(exercise.id)

    def refuse(self, message: str, store_error: StoreError | None = None) -> None:
        """Nothing saved: the field named is marked and the reason shown under the form."""
        self.saving = False
        for widget in self.query(".xf-field"):
            widget.remove_class("-invalid")
        key = error_field(message)
        if key is not None:
            self.query_one(f"#xf-{key}").add_class("-invalid")
        label = dict(FIELDS).get(key or "", "")
        where = f"{label}: " if label and not message.lower().startswith(label.lower()) else ""
        self.query_one("#xf-error", Static).update(f"[$error]Not saved.[/] {escape(where + message)}")
        if store_error is not None:
            self.app.report_store_error(store_error)

    @on(Select.Changed, "#xf-equipment")
    def _equipment_chosen(self, event: Select.Changed) -> None:
        # A carry is timed: say so in the form rather than surprise the lifter later.
        if event.value == "carry":
            self.query_one("#xf-timed", Select).value = "timed"

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        if self._text("name") and (self.exercise is None or self._text("name") != self.exercise.name):
            return "The exercise form is not saved (ctrl+s saves it): quitting loses it."
        return None

    def action_cancel(self) -> None:
        self.dismiss(None)

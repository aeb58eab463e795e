"""Add an exercise to today's session: the library searched by name or alias as it is typed.

The first row is "add a new one", which opens the add-exercise form; the others are the
library's exercises matching every word typed, those already in the session left out.
Returns the chosen exercise, NEW for the form, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final, Literal

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.common import PATTERN_LABELS
from ...domain.library import Exercise
from ..screens.base import GymDialog
from ..screens.library import matches

NEW: Final = "new"
NEW_ID = "-new-"
SHOWN = 40  # rows listed at most: the search narrows the rest


class AddExerciseDialog(GymDialog[Exercise | Literal["new"] | None]):
    CSS_PATH = "dialog.tcss"  # parsed when the dialog first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "List", show=False),
    ]

    def __init__(self, exercises: Sequence[Exercise], where: str) -> None:
        super().__init__()
        self.exercises = sorted(exercises, key=lambda e: e.name.lower())
        self.where = where  # "after Face Pull", "to start the session"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-box", id="add-exercise"):
            yield Static(f"[b]Add an exercise[/b] {escape(self.where)}", classes="dialog-title")
            yield Input(placeholder="type a name or an alias", id="add-search")
            yield OptionList(id="add-list")
            yield Static("[b]Enter[/b] add it   [b]↓[/b] the list   [b]Esc[/b] cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self.fill("")
        self.query_one("#add-search", Input).focus()

    def found(self, query: str) -> list[Exercise]:
        return [e for e in self.exercises if matches(e, query)]

    def fill(self, query: str) -> None:
        found = self.found(query)
        options = [Option("[b]+ Add a new one[/b] (the add-exercise form)", id=NEW_ID)]
        for exercise in found[:SHOWN]:
            pattern = PATTERN_LABELS.get(exercise.pattern, exercise.pattern)
            options.append(Option(f"{escape(exercise.name)}  [dim]{pattern}, {exercise.equipment}[/dim]",
                                  id=exercise.id))
        if len(found) > SHOWN:
            options.append(Option(f"[dim]{len(found) - SHOWN} more: type more of the name[/dim]", disabled=True))
        listed = self.query_one("#add-list", OptionList)
        listed.clear_options()
        listed.add_options(options)
        # The best match is highlighted, so Enter in the search adds it.
        listed.highlighted = 1 if found else 0

    @on(Input.Changed, "#add-search")
    def _typed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#add-search")
    def _enter_in_search(self, _: Input.Submitted) -> None:
        listed = self.query_one("#add-list", OptionList)
        if listed.highlighted is not None:
            self._choose(listed.get_option_at_index(listed.highlighted).id)

    @on(OptionList.OptionSelected, "#add-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW_ID:
            self.dismiss(NEW)
            return
        chosen = next((e for e in self.exercises if e.id == option_id), None)
        if chosen is not None:
            self.dismiss(chosen)

    def action_to_list(self) -> None:
        self.query_one("#add-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Add an exercise to today's session: the library searched by name or alias as it is typed.

The first row is "add a new one", which opens the add-exercise form; the others are the
library's exercises matching every word typed, those already in the session left out. Enter
in the search takes the highlighted match, or, when nothing matches, opens the form with the
typed name filled in; the line under the list says which it will do.
Returns the chosen exercise, a NewExercise for the form, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

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
from ..widgets.ordered_input import OrderedInput

NEW_ID: Final = "-new-"
SHOWN = 40  # rows listed at most: the search narrows the rest


@dataclass(frozen=True)
class NewExercise:
    """The add-exercise form is asked for, with the name typed in the search ('' for none)."""

    name: str = ""


class AddExerciseDialog(GymDialog["Exercise | NewExercise | None"]):
    CSS_PATH = "dialog.tcss"  # parsed when the dialog first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "List", show=False),
    ]

    def __init__(self, exercises: Sequence[Exercise], where: str, in_session: Sequence[Exercise] = ()) -> None:
        super().__init__()
        self.exercises = sorted(exercises, key=lambda e: e.name.lower())
        self.where = where  # "after Face Pull", "to start the session"
        self.in_session = list(in_session)  # not offered: named when the search finds only them

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-box", id="add-exercise"):
            yield Static(f"[b]Add an exercise[/b] {escape(self.where)}", classes="dialog-title")
            yield OrderedInput(placeholder="type a name or an alias", id="add-search")
            yield OptionList(id="add-list")
            yield Static("", id="add-enter")
            yield Static("[b]↓[/b] the list   [b]Esc[/b] cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self.fill("")
        self.query_one("#add-search", Input).focus()

    def found(self, query: str) -> list[Exercise]:
        return [e for e in self.exercises if matches(e, query)]

    def fill(self, query: str) -> None:
        found = self.found(query)
        typed = query.strip()
        new = (f"[b]+ Add a new one[/b]: {escape(typed)}" if typed
               else "[b]+ Add a new one[/b] (the add-exercise form)")
        options = [Option(new, id=NEW_ID)]
        for exercise in found[:SHOWN]:
            pattern = PATTERN_LABELS.get(exercise.pattern, exercise.pattern)
            options.append(Option(f"{escape(exercise.name)}  [dim]{pattern}, {exercise.equipment}[/dim]",
                                  id=exercise.id))
        if len(found) > SHOWN:
            options.append(Option(f"[dim]{len(found) - SHOWN} more: type more of the name[/dim]", disabled=True))
        listed = self.query_one("#add-list", OptionList)
        listed.clear_options()
        listed.add_options(options)
        # The best match is highlighted, so Enter in the search adds it; with no match, the
        # new one is, so Enter opens the form with the name typed.
        listed.highlighted = 1 if found else 0
        self._say_enter()

    def _say_enter(self) -> None:
        """The line under the list: what Enter does now, so the lifter never has to guess."""
        typed = self.query_one("#add-search", Input).value.strip()
        listed = self.query_one("#add-list", OptionList)
        option_id = listed.get_option_at_index(listed.highlighted).id if listed.highlighted is not None else None
        chosen = self._exercise(option_id)
        there = [e.name for e in self.in_session if typed and matches(e, typed)]
        if chosen is not None:
            line = f"[b]Enter[/b] adds {escape(chosen.name)}"
        elif there and not self.found(typed):
            line = (f"{escape(there[0])} is in this session already. [b]Enter[/b] adds a new exercise "
                    f"called {escape(typed)}")
        elif typed:
            line = f"Nothing in the library is called {escape(typed)}: [b]Enter[/b] adds it as a new exercise"
        else:
            line = "[b]Enter[/b] opens the form for a new exercise"
        self.query_one("#add-enter", Static).update(line)

    @on(OptionList.OptionHighlighted, "#add-list")
    def _highlighted(self) -> None:
        self._say_enter()

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

    def _exercise(self, option_id: str | None) -> Exercise | None:
        return next((e for e in self.exercises if e.id == option_id), None)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW_ID:
            self.dismiss(NewExercise(self.query_one("#add-search", Input).value.strip()))
            return
        chosen = self._exercise(option_id)
        if chosen is not None:
            self.dismiss(chosen)

    def action_to_list(self) -> None:
        self.query_one("#add-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

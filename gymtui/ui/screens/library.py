"""The exercise library: every exercise, searched by name or alias, with its pattern,
equipment and tempo; the lifter's own are added (a), changed (e) and retired or brought
back (r) here. Retiring never deletes: the logged sets stay, the exercise is only left
out of pickers and new plans.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Input, Static

from ...domain.catalog import name_key
from ...domain.common import PATTERN_LABELS
from ...domain.library import Exercise
from ...services import app_data
from ...services.exercises import ExerciseError, kind_of
from ...store import StoreError
from ..own_training import leave_to, open_exercise_form, section_bindings
from ..widgets.footer import Footer
from ..widgets.ordered_input import OrderedInput
from .base import GymScreen
from .history_text import clip


def matches(exercise: Exercise, query: str) -> bool:
    """Every word typed is in the name, an alias or the id (case and dashes ignored)."""
    words = [key for key in map(name_key, query.split()) if key]
    texts = [name_key(t) for t in (exercise.name, exercise.id, *exercise.aliases)]
    return all(any(word in text for text in texts) for word in words)


def flags(exercise: Exercise) -> str:
    return " ".join(word for word, on in (("retired", exercise.retired), ("yours", exercise.custom),
                                          ("1-side", exercise.unilateral), ("timed", exercise.timed)) if on)


# Column widths that keep the tempo and the flags on an 80-column screen.
NAME_WIDTH, EQUIPMENT_WIDTH = 27, 11


class LibraryScreen(GymScreen[None]):
    HELP_NAME = "Exercise library"  # in Help and the palette
    CSS_PATH = "library.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,f", "search", "Search"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("r", "retire", "Retire/restore"),
        Binding("escape", "back", "Back"),
        *section_bindings("r", "f"),  # r retires here: Recovery is one key away, from Today
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Exercise] = []
        # The exercise to put the cursor on once the search, just cleared, lists every one.
        self.keep_after_search: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield OrderedInput(placeholder="search by name or alias (/ to come back here)", id="lib-search", compact=True)
        yield DataTable(id="lib-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="lib-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#lib-table", DataTable)
        table.add_columns("Exercise", "Pattern", "Equipment", "Tempo", "")
        self.fill()
        table.focus()

    # -- the list ----------------------------------------------------------------------------

    def fill(self, keep: str | None = None) -> None:
        query = self.query_one("#lib-search", Input).value
        order = {pattern: index for index, pattern in enumerate(PATTERN_LABELS)}
        exercises = [e for e in self.app.library.exercises() if matches(e, query)]
        exercises.sort(key=lambda e: (order.get(e.pattern, len(order)), e.name.casefold()))
        self.shown = exercises
        table = self.query_one("#lib-table", DataTable)
        table.clear()
        for e in exercises:
            style = "dim" if e.retired else ""
            table.add_row(Text(clip(e.name, NAME_WIDTH), style=style), PATTERN_LABELS.get(e.pattern, e.pattern),
                          clip(kind_of(e), EQUIPMENT_WIDTH),
                          e.default_tempo, flags(e), key=e.id)
        if keep is not None and keep in (e.id for e in exercises):
            table.move_cursor(row=table.get_row_index(keep))
        retired = sum(e.retired for e in exercises)
        mine = sum(e.custom for e in exercises)
        self.status(f"{len(exercises)} exercises ({mine} yours, {retired} retired)"
                    + (f" matching {query!r}" if query.strip() else "") + ". a adds one of your own.")

    def status(self, text: str) -> None:
        self.query_one("#lib-status", Static).update(text)

    def current(self) -> Exercise | None:
        table = self.query_one("#lib-table", DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    @on(Input.Changed, "#lib-search")
    def _searched(self, event: Input.Changed) -> None:
        self.fill(keep=self.keep_after_search)
        self.keep_after_search = None

    @on(Input.Submitted, "#lib-search")
    def _to_table(self, event: Input.Submitted) -> None:
        self.query_one("#lib-table", DataTable).focus()

    # -- keys --------------------------------------------------------------------------------

    def action_open_section(self, key: str) -> None:
        leave_to(self.app, self, key)

    def action_today(self) -> None:
        leave_to(self.app, self, "t")

    def action_search(self) -> None:
        self.query_one("#lib-search", Input).focus()

    def action_back(self) -> None:
        if self.focused is self.query_one("#lib-search", Input):
            self.query_one("#lib-table", DataTable).focus()
        else:
            self.app.pop_screen()

    def _own(self, doing: str) -> Exercise | None:
        exercise = self.current()
        if exercise is None:
            return None
        if not exercise.custom:
            self.status(f"{exercise.name} is part of gymtui's library, which stays as shipped: a adds your own"
                        f" version to {doing}.")
            return None
        return exercise

    def action_add(self) -> None:
        open_exercise_form(self.app, then=self._saved)

    def action_edit(self) -> None:
        exercise = self._own("change")
        if exercise is not None:
            open_exercise_form(self.app, exercise.id, then=self._saved)

    def _saved(self, exercise_id: str | None) -> None:
        if exercise_id is None:
            return
        search = self.query_one("#lib-search", Input)
        if search.value:
            self.keep_after_search = exercise_id
            search.value = ""  # every exercise again, the saved one among them
        else:
            self.fill(keep=exercise_id)

    def action_retire(self) -> None:
        exercise = self._own("retire")
        if exercise is not None:
            self.retire(exercise.id, back=exercise.retired)

    @work(thread=True, exclusive=True, group="library-retire")
    def retire(self, exercise_id: str, back: bool) -> None:
        app = self.app
        try:
            changed, library = app_data.retire_exercise(app, exercise_id, back=back)
        except ExerciseError as error:
            app.call_from_thread(self.status, str(error))
            return
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            return
        app.call_from_thread(self._retired, library, changed)

    def _retired(self, library, exercise: Exercise) -> None:
        self.app.library = library
        self.fill(keep=exercise.id)
        if exercise.retired:
            self.status(f"Retired {exercise.name}: left out of pickers and new plans; its logged sets stay."
                        f" r brings it back.")
        else:
            self.status(f"{exercise.name} is offered again.")

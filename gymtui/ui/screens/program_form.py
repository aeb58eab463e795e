"""The program editor's fields: the form of the node under the list's cursor (the program, a
day or a day's exercise; program_fields.py says what each field shows and reads). What is
typed goes into the editor's draft when the lifter presses enter or leaves the field; a
value the draft refuses stays in the field, marked, with the reason under the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Tree

from ...domain.program_text import STANDARD_CYCLE, DraftError
from ...importers.matching import slugify
from ...services.programs import free_id
from ..widgets.compact import compact
from ..widgets.ordered_input import OrderedInput
from . import program_fields as pf

if TYPE_CHECKING:
    from .program_editor import ProgramEditorScreen
    from .program_edits import Path


class ProgramForm(VerticalScroll):
    """The three forms, one shown at a time; composed by the program editor only."""

    def __init__(self) -> None:
        super().__init__(id="pe-form", can_focus=False)
        self.path: Path = ()  # the node whose fields the form shows

    @property
    def editor(self) -> ProgramEditorScreen:
        return cast("ProgramEditorScreen", self.screen)

    def compose(self) -> ComposeResult:
        for kind, fields in pf.FORMS.items():
            with Vertical(id=f"pe-{kind}-form", classes="pe-fields"):
                for field in fields:
                    with Horizontal(classes="pe-row"):
                        yield Label(field.label, classes="pe-label")
                        yield self._widget(kind, field)
        yield Static("[dim]enter: next field, esc: back to the list[/]", id="pe-form-help")

    def _widget(self, kind: str, field: pf.Field) -> Widget:
        # Its id and class given as it is made: a class added later restyles it before it is mounted.
        name = f"pe-{kind}-{field.key}"
        if field.options:
            return compact(Select(list(field.options), allow_blank=False, id=name, classes="pe-field"))
        suggester = self._exercise_names() if field.key == "exercise" else None
        return OrderedInput("", placeholder=field.hint, compact=True, suggester=suggester, id=name,
                            classes="pe-field")

    def _exercise_names(self) -> SuggestFromList:
        names = [t for e in self.editor.app.library.offered() for t in (e.name, *e.aliases)]
        return SuggestFromList(names, case_sensitive=False)

    def refresh_suggestions(self) -> None:
        """The exercise field suggests the library as it is now (an exercise was added)."""
        self.query_one("#pe-rx-exercise", Input).suggester = self._exercise_names()

    # -- showing -----------------------------------------------------------------------------

    def data(self, path: Path) -> dict[str, Any]:
        """The draft's data of the node at `path`."""
        draft = self.editor.draft
        if not path:
            return draft.data
        day = draft.days[path[0]]
        return day if len(path) == 1 else day["prescriptions"][path[1]]

    def fill(self, path: Path) -> None:
        """Show the form of the node at `path`, with its values from the draft."""
        kind = pf.kind_of(path)
        self.path = path
        data = self.data(path)
        for other in pf.FORMS:
            self.query_one(f"#pe-{other}-form").display = other == kind
        for field in pf.FORMS[kind]:
            widget = self.query_one(f"#pe-{kind}-{field.key}")
            widget.remove_class("-invalid")
            value = pf.shown(kind, field.key, data, self.editor.app.library)
            if isinstance(widget, Select):
                widget.value = value
            elif isinstance(widget, Input):
                widget.value = value
                widget.cursor_position = 0  # a long note shows its start, not its end

    def edit(self, path: Path) -> None:
        """The cursor into the first field of the node at `path`."""
        kind = pf.kind_of(path)
        self.query_one(f"#pe-{kind}-{pf.FORMS[kind][0].key}").focus()

    def typed(self, widget: Input) -> bool:
        """Whether `widget` (a field of this form) holds typing not read into the draft yet."""
        field = widget.id.removeprefix("pe-").split("-", 1) if widget.id else []
        return len(field) == 2 and widget.value != pf.shown(field[0], field[1], self.data(self.path),
                                                            self.editor.app.library)

    # -- reading what is typed ---------------------------------------------------------------

    @on(Input.Submitted, ".pe-field")
    def _submitted(self, event: Input.Submitted) -> None:
        if not self.commit(event.input):
            return
        kind = pf.kind_of(self.path)
        if event.input.id == f"pe-{kind}-{pf.FORMS[kind][-1].key}":
            self.editor.query_one("#pe-tree", Tree).focus()  # the form's last field: back to the list
        else:
            self.editor.focus_next()

    @on(Input.Blurred, ".pe-field")
    def _blurred(self, event: Input.Blurred) -> None:
        self.commit(event.input)

    @on(Select.Changed, ".pe-field")
    def _chosen(self, event: Select.Changed) -> None:
        # A change made by filling the form for another node arrives late: only the value the
        # list shows now is the lifter's.
        if event.value != event.select.value or event.select.id is None:
            return
        kind, key = event.select.id.removeprefix("pe-").split("-", 1)
        if kind != pf.kind_of(self.path) or self.editor.draft.shipped:
            return
        value = str(event.value)
        if kind == "rx" and key == "progression":
            self._apply({"progression": value})
        elif kind == "rx" and key == "block":
            self._apply({"follows_block": value == "follows"})
        elif kind == "program" and key == "block" and value == "standard":
            self._apply({"cycle": [week.model_dump(mode="json") for week in STANDARD_CYCLE]})

    def commit(self, widget: Input) -> bool:
        """Read the field into the draft; False (with the reason shown) when it cannot be."""
        editor = self.editor
        if widget.id is None or editor.draft.shipped:
            return True
        kind, key = widget.id.removeprefix("pe-").split("-", 1)
        if kind != pf.kind_of(self.path):
            return True
        data = self.data(self.path)
        library = editor.app.library
        if widget.value == pf.shown(kind, key, data, library):
            widget.remove_class("-invalid")
            return True
        try:
            values = pf.read(kind, key, widget.value, data, library)
        except DraftError as error:
            widget.add_class("-invalid")
            editor.say(f"[$error]Not changed:[/] {escape(str(error))}")
            return False
        widget.remove_class("-invalid")
        if kind == "program" and key == "name" and editor.original_id is None:
            # A program never saved takes its file name from its name.
            taken = set(library.programs())
            values["id"] = free_id(slugify(values["name"]), taken)
        self._apply(values)
        return True

    def _apply(self, values: dict[str, Any]) -> None:
        editor = self.editor
        if editor.draft.set(self.path, values):
            editor.show(self.path)
            editor.say("")

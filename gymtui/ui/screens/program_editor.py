"""The program editor: a program's days and each day's exercises in a list on the left, the
fields of the one under the cursor on the right (stacked under 80 columns).

Everything is by key: d adds a day, a an exercise (n a new exercise, through the form),
c copies, x removes, [ and ] move, enter edits the fields, ctrl+z undoes, ctrl+s saves.
Saving checks the program with the same rules as a program file (`domain.programs`): one
that does not validate is refused with the field and the reason, and nothing is saved.
Shipped programs are templates: changing one first makes it a copy of the lifter's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Select, Static, Tree

from ...domain.library import Program
from ...domain.program_draft import STANDARD_CYCLE, Draft, DraftError, new_program
from ...domain.programs import ProgramError
from ...importers.matching import slugify
from ...services import app_data
from ...services.programs import free_id
from ...store import StoreError
from ..dialogs.confirm import ConfirmDialog
from ..own_training import leave_to, open_exercise_form, section_bindings
from ..widgets.footer import Footer
from . import program_fields as pf
from .base import GymScreen
from .program_picker import NEW, ProgramPicker

Path = tuple[int, ...]  # () the program, (d,) a day, (d, i) a day's exercise


class ProgramEditorScreen(GymScreen[None]):
    HELP_NAME = "Program editor"  # in Help and the palette
    CSS_PATH = "program_editor.tcss"
    # Textual declares it a plain attribute (ClassVar | None), so it cannot be a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", key_display="^s"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z"),
        Binding("d", "add_day", "Day"),
        Binding("a", "add_exercise", "Exercise"),
        Binding("n", "new_exercise", "New exercise", show=False),
        Binding("c", "copy", "Copy", show=False),  # in Help: the footer has no room left
        Binding("x,delete", "remove", "Remove"),
        # One footer entry for the pair: [ moves up, ] down (ctrl+up and ctrl+down too).
        Binding("left_square_bracket,ctrl+up", "move(-1)", "Move", key_display="[ ]"),
        Binding("right_square_bracket,ctrl+down", "move(1)", "Move down", show=False),
        Binding("o", "open", "Open"),
        Binding("escape", "back", "Back", show=False),
        # The place keys close the editor, asking first when changes are not saved (c copies
        # here: the checklist is one key away, from Today).
        *section_bindings("c"),
    ]

    def __init__(self, program_id: str | None = None) -> None:
        super().__init__()
        self.program_id = program_id
        self.draft = Draft(new_program())
        self.original_id: str | None = None  # the lifter's file this draft was read from
        self.path: Path = ()
        self.form_path: Path = ()  # the node whose fields the form shows

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="pe-title")
        with Horizontal(id="pe-body"):
            tree: Tree[Path] = Tree("", data=(), id="pe-tree")
            tree.auto_expand = False
            yield tree
            with VerticalScroll(id="pe-form", can_focus=False):
                for kind, fields in pf.FORMS.items():
                    with Vertical(id=f"pe-{kind}-form", classes="pe-fields"):
                        for field in fields:
                            with Horizontal(classes="pe-row"):
                                yield Label(field.label, classes="pe-label")
                                yield self._widget(kind, field)
                yield Static("[dim]enter: next field, esc: back to the list[/]", id="pe-form-help")
        yield Static("", id="pe-message")
        yield Footer()

    def _widget(self, kind: str, field: pf.Field) -> Widget:
        widget: Widget
        if field.options:
            widget = Select(list(field.options), allow_blank=False, compact=True)
        else:
            suggester = None
            if field.key == "exercise":
                names = [t for e in self.app.library.offered() for t in (e.name, *e.aliases)]
                suggester = SuggestFromList(names, case_sensitive=False)
            widget = Input("", placeholder=field.hint, compact=True, suggester=suggester)
        widget.id = f"pe-{kind}-{field.key}"
        widget.add_class("pe-field")
        return widget

    def on_mount(self) -> None:
        library = self.app.library
        wanted = self.program_id
        if wanted is None:
            try:
                wanted = app_data.settings(self.app).program
            except StoreError:
                wanted = None
        program = library.programs().get(wanted or "")
        if program is not None:
            self.load(program)
        else:
            self.start_new()
        self.query_one("#pe-tree", Tree).focus()

    def load(self, program: Program) -> None:
        shipped = self.app.library.is_shipped(program.id)
        self.draft = Draft.of(program, shipped=shipped)
        self.original_id = None if shipped else program.id
        self.show(())
        if shipped:
            self.say(f"{escape(program.name)} is a shipped template: any change makes it a copy of your own first.")
        else:
            self.say("enter edits what is under the cursor; ctrl+s saves.")

    def start_new(self) -> None:
        taken = set(self.app.library.programs())
        self.draft = Draft(new_program(free_id("my-program", taken)))
        self.draft.saved = {}  # never saved: leaving asks first
        self.original_id = None
        self.show((0,))
        self.say("A new program: enter names it; a adds an exercise to the day, d another day.")

    # -- showing -----------------------------------------------------------------------------

    def show(self, select: Path) -> None:
        """The list drawn again from the draft, the cursor on `select` (or the nearest)."""
        draft, library = self.draft, self.app.library
        tree: Tree[Path] = self.query_one("#pe-tree", Tree)
        tree.clear()
        whose = " [dim](shipped template)[/]" if draft.shipped else ""
        tree.root.set_label(f"[b]{escape(draft.data['name'])}[/b]{whose}")
        tree.root.data = ()
        target = tree.root
        for d, day in enumerate(draft.days):
            node = tree.root.add(pf.label((d,), day, library), data=(d,), expand=True)
            if select[:1] == (d,):
                target = node
            for i, rx in enumerate(day["prescriptions"]):
                leaf = node.add_leaf(pf.label((d, i), rx, library), data=(d, i))
                if select == (d, i):
                    target = leaf
        tree.root.expand()
        self.path = target.data if target.data is not None else ()
        self.fill_form(self.path)
        self._title()
        self.call_after_refresh(tree.move_cursor, target)

    def _title(self) -> None:
        draft = self.draft
        state = "shipped template" if draft.shipped else f"programs/{draft.data['id']}.json"
        unsaved = "  [$warning]unsaved changes (ctrl+s)[/]" if draft.changed else ""
        self.query_one("#pe-title", Static).update(f"[b]Program editor[/b]  {escape(state)}{unsaved}")

    def fill_form(self, path: Path) -> None:
        kind = pf.kind_of(path)
        self.form_path = path
        data = self._data(path)
        for other in pf.FORMS:
            self.query_one(f"#pe-{other}-form").display = other == kind
        for field in pf.FORMS[kind]:
            widget = self.query_one(f"#pe-{kind}-{field.key}")
            widget.remove_class("-invalid")
            value = pf.shown(kind, field.key, data, self.app.library)
            if isinstance(widget, Select):
                widget.value = value
            elif isinstance(widget, Input):
                widget.value = value
                widget.cursor_position = 0  # a long note shows its start, not its end

    def _data(self, path: Path) -> dict[str, Any]:
        if not path:
            return self.draft.data
        day = self.draft.days[path[0]]
        return day if len(path) == 1 else day["prescriptions"][path[1]]

    def say(self, markup: str) -> None:
        self.query_one("#pe-message", Static).update(markup)

    @on(Tree.NodeHighlighted, "#pe-tree")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        path = event.node.data
        if path is not None and path != self.form_path:
            self.path = path
            self.fill_form(path)

    @on(Tree.NodeSelected, "#pe-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        self.ensure_editable(self._edit_fields)

    def _edit_fields(self) -> None:
        kind = pf.kind_of(self.path)
        self.query_one(f"#pe-{kind}-{pf.FORMS[kind][0].key}").focus()

    # -- changing ----------------------------------------------------------------------------

    def ensure_editable(self, then: Callable[[], None]) -> None:
        """A shipped program is copied (once the lifter says yes) before `then` changes it."""
        if not self.draft.shipped:
            then()
            return
        name = self.draft.data["name"]

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            taken = set(self.app.library.programs())
            self.draft.set((), {"id": free_id(f"my-{self.draft.data['id']}", taken),
                                "name": f"{name} (mine)"[:120]})
            self.draft.shipped = False
            self.draft.saved = {}
            self.show(self.path)
            self.say(f"A copy of {escape(name)}, yours to change; ctrl+s saves it.")
            then()

        self.app.push_screen(ConfirmDialog(
            "Copy this program first?",
            f"{name} is shipped with gymtui and stays as it is. Change a copy of it, your own?",
            "copy it", "keep it as it is"), answer)

    def changed(self, select: Path, message: str = "") -> None:
        self.show(select)
        if message:
            self.say(message)

    @on(Input.Submitted, ".pe-field")
    def _submitted(self, event: Input.Submitted) -> None:
        if not self.commit(event.input):
            return
        kind = pf.kind_of(self.form_path)
        if event.input.id == f"pe-{kind}-{pf.FORMS[kind][-1].key}":
            self.query_one("#pe-tree", Tree).focus()  # the form's last field: back to the list
        else:
            self.focus_next()

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
        if kind != pf.kind_of(self.form_path) or self.draft.shipped:
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
        if widget.id is None or self.draft.shipped:
            return True
        kind, key = widget.id.removeprefix("pe-").split("-", 1)
        if kind != pf.kind_of(self.form_path):
            return True
        data = self._data(self.form_path)
        if widget.value == pf.shown(kind, key, data, self.app.library):
            widget.remove_class("-invalid")
            return True
        try:
            values = pf.read(kind, key, widget.value, data, self.app.library)
        except DraftError as error:
            widget.add_class("-invalid")
            self.say(f"[$error]Not changed:[/] {escape(str(error))}")
            return False
        widget.remove_class("-invalid")
        if kind == "program" and key == "name" and self.original_id is None:
            # A program never saved takes its file name from its name.
            taken = set(self.app.library.programs())
            values["id"] = free_id(slugify(values["name"]), taken)
        self._apply(values)
        return True

    def _apply(self, values: dict[str, Any]) -> None:
        if self.draft.set(self.form_path, values):
            path = self.form_path
            self.show(path)
            self.say("")

    def _on_list(self) -> bool:
        return self.focused is self.query_one("#pe-tree", Tree)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_day", "add_exercise", "new_exercise", "copy", "remove", "move", "open"):
            return True if self._on_list() else None
        return True

    def action_add_day(self) -> None:
        def add() -> None:
            after = self.path[0] if self.path else None
            index = self.draft.add_day(after)
            self.changed((index,), "A day added: enter names it; a adds its exercises.")
        self.ensure_editable(add)

    def _exercise_place(self) -> tuple[int, int | None]:
        if not self.path:
            return len(self.draft.days) - 1, None
        return self.path[0], (self.path[1] if len(self.path) == 2 else None)

    def action_add_exercise(self) -> None:
        def add() -> None:
            if not self.draft.days:
                self.draft.add_day()
            day, after = self._exercise_place()
            index = self.draft.add_exercise(day, after)
            self.show((day, index))
            self.say("Type the exercise's name or alias (right arrow takes the suggestion), then enter.")
            self.call_after_refresh(self._edit_fields)
        self.ensure_editable(add)

    def action_new_exercise(self) -> None:
        """The add-exercise form; the exercise saved goes here (into the exercise under the
        cursor when it has none yet, else after it)."""
        def added(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            self._refresh_suggestions()
            if len(self.path) == 2 and not self._data(self.path).get("exercise"):
                self.draft.set(self.path, {"exercise": exercise_id})
                self.changed(self.path)
                return
            if not self.draft.days:
                self.draft.add_day()
            day, after = self._exercise_place()
            self.changed((day, self.draft.add_exercise(day, after, exercise_id)))

        self.ensure_editable(lambda: open_exercise_form(self.app, then=added))

    def _refresh_suggestions(self) -> None:
        names = [t for e in self.app.library.offered() for t in (e.name, *e.aliases)]
        self.query_one("#pe-rx-exercise", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def action_copy(self) -> None:
        def copy() -> None:
            if len(self.path) == 1:
                self.changed((self.draft.copy_day(self.path[0]),), "Day copied.")
            elif len(self.path) == 2:
                day, index = self.path
                self.changed((day, self.draft.copy_exercise(day, index)), "Exercise copied.")
        if self.path:
            self.ensure_editable(copy)

    def action_remove(self) -> None:
        def remove() -> None:
            if len(self.path) == 1:
                name = self.draft.days[self.path[0]]["name"]
                self.draft.remove_day(self.path[0])
                self.changed((max(0, self.path[0] - 1),) if self.draft.days else (),
                             f"{escape(name)} removed (ctrl+z brings it back).")
            elif len(self.path) == 2:
                day, index = self.path
                self.draft.remove_exercise(day, index)
                left = len(self.draft.days[day]["prescriptions"])
                self.changed((day, min(index, left - 1)) if left else (day,),
                             "Exercise removed (ctrl+z brings it back).")
        if self.path:
            self.ensure_editable(remove)

    def action_move(self, step: int) -> None:
        def move() -> None:
            if len(self.path) == 1:
                self.changed((self.draft.move_day(self.path[0], step),))
            elif len(self.path) == 2:
                self.changed(self.draft.move_exercise(self.path[0], self.path[1], step))
        if self.path:
            self.ensure_editable(move)

    def action_undo(self) -> None:
        focused = self.focused
        field = focused.id.removeprefix("pe-").split("-", 1) if isinstance(focused, Input) and focused.id else []
        if (
            isinstance(focused, Input)
            and len(field) == 2
            and focused.value != pf.shown(field[0], field[1], self._data(self.form_path), self.app.library)
        ):
            self.fill_form(self.form_path)  # first the typing in the field, as it was
            self.say("The field is back as it was.")
            return
        if self.draft.undo():
            self.show(self._nearest(self.path))
            self.say("Undone.")
        else:
            self.say("Nothing to undo.")

    def _nearest(self, path: Path) -> Path:
        if not path or not self.draft.days:
            return ()
        day = min(path[0], len(self.draft.days) - 1)
        if len(path) == 1:
            return (day,)
        left = len(self.draft.days[day]["prescriptions"])
        return (day, min(path[1], left - 1)) if left else (day,)

    # -- opening, leaving, saving ------------------------------------------------------------

    def action_open(self) -> None:
        def chosen(program_id: str | None) -> None:
            if program_id is None:
                return
            if program_id == NEW:
                self.start_new()
            else:
                self.load(self.app.library.programs()[program_id])

        self._unless_unsaved("Open another program?", lambda: self.app.push_screen(ProgramPicker(), chosen))

    def action_back(self) -> None:
        if not self._on_list():
            focused = self.focused
            if isinstance(focused, Input):
                self.commit(focused)
            self.query_one("#pe-tree", Tree).focus()
            return
        self._unless_unsaved("Leave the program editor?", self.app.pop_screen)

    def action_open_section(self, key: str) -> None:
        self._unless_unsaved("Leave the program editor?", lambda: leave_to(self.app, self, key))

    def action_today(self) -> None:
        self.action_open_section("t")

    def _unless_unsaved(self, question: str, then: Callable[[], Any]) -> None:
        if not self.draft.changed:
            then()
            return
        self.app.push_screen(ConfirmDialog(question, f"Your changes to {self.draft.data['name']} are not saved.",
                                           "leave them unsaved", "stay"), lambda yes: then() if yes else None)

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        if self.draft.changed:
            return f"The program {self.draft.data['name']} has changes not saved (ctrl+s saves them)."
        return None

    def action_save(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and not self.commit(focused):
            return
        if self.draft.shipped:
            self.say("A shipped template stays as shipped: change it (it becomes your copy), then save.")
            return
        library = self.app.library
        try:
            program = self.draft.check({e.id for e in library.exercises()})
            if library.is_shipped(program.id):
                raise ProgramError(f"id: {program.id!r} is a shipped program's: give yours another id")
            if program.id in library.programs() and program.id != self.original_id:
                raise ProgramError(f"id: {program.id!r} is already your program"
                                   f" {library.programs()[program.id].name!r}: give this one another id")
        except ProgramError as error:
            self.refuse(str(error))
            return
        self.say("[$warning]saving...[/]")
        self.save(program)

    def refuse(self, message: str) -> None:
        """Nothing saved: the reason, where it is, and the cursor on it."""
        where, path, key = locate(message, self.draft.data, self.app.library)
        if path is not None:
            self.show(path)
            if key is not None:
                field = self.query(f"#pe-{pf.kind_of(path)}-{key}")
                if field:
                    field.first().add_class("-invalid")
        self.say(f"[$error]Not saved:[/] {escape(where + message)}")

    @work(thread=True, exclusive=True, group="program-editor-save")
    def save(self, program: Program) -> None:
        app = self.app
        try:
            updated = app_data.save_program(app, program)
        except OSError as error:
            app.call_from_thread(self.say, f"[$error]Not saved:[/] {escape(str(error))}")
            return
        app.call_from_thread(self.saved, updated, program)

    def saved(self, library, program: Program) -> None:
        self.app.library = library
        self.draft.mark_saved()
        renamed = self.original_id is not None and self.original_id != program.id
        note = f" (programs/{self.original_id}.json is still there)" if renamed else ""
        self.original_id = program.id
        self._title()
        self.say(f"[$success]Saved[/] {escape(program.name)} as programs/{program.id}.json{escape(note)}."
                 f" Settings (s) chooses it as the program in use.")


def locate(message: str, data: dict[str, Any], library) -> tuple[str, Path | None, str | None]:
    """Where a refusal from the program's checks points: words for it, its node, its field."""
    match = re.match(r"days\.(\d+)(?:\.prescriptions\.(\d+))?(?:\.(\w+))?", message)
    if match is None:
        field = re.match(r"(\w+)", message)
        key = pf.MODEL_TO_FORM.get(field[1], field[1]) if field else None
        return "", (), key
    d = int(match[1])
    if d >= len(data["days"]):
        return "", None, None
    day = data["days"][d]
    where = f"Day {d + 1}" + ("" if day["name"] == f"Day {d + 1}" else f" ({day['name']})")
    if match[2] is None:
        return where + ": ", (d,), match[3]
    i = int(match[2])
    rxs = day["prescriptions"]
    if i >= len(rxs):
        return where + ": ", (d,), None
    name = pf.shown("rx", "exercise", rxs[i], library) or "no exercise yet"
    key = pf.MODEL_TO_FORM.get(match[3] or "", match[3])
    return f"{where}, exercise {i + 1} ({name}): ", (d, i), key

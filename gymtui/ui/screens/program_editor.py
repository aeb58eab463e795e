"""The program editor: a program's days and each day's exercises in a list on the left, the
fields of the one under the cursor on the right (stacked under 80 columns).

Everything is by key: d adds a day, a an exercise (n a new exercise, through the form),
c copies, x removes, [ and ] move, enter edits the fields, ctrl+z undoes, ctrl+s saves.
Saving checks the program with the same rules as a program file (`domain.programs`): one
that does not validate is refused with the field and the reason, and nothing is saved.
Shipped programs are templates: changing one first makes it a copy of the lifter's own.

The screen keeps the draft and the list; the fields are program_form.py, what each list
key does to the draft (and the checks before saving) is program_edits.py, and saving (or
leaving unsaved) is program_saving.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static, Tree

from ...domain.library import Program
from ...domain.program_draft import Draft, new_program
from ...services import app_data
from ...services.programs import free_id
from ...store import StoreError
from ..dialogs.confirm import ConfirmDialog
from ..own_training import leave_to, open_exercise_form, section_bindings
from ..widgets.footer import Footer
from ..widgets.shown_text import show_text
from . import program_edits as edits
from .base import GymScreen
from .program_edits import Path
from .program_form import ProgramForm
from .program_picker import NEW, ProgramPicker
from .program_saving import ProgramSaving
from .program_tree import ProgramTree


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
        self.saving = ProgramSaving(self)

    @property
    def form(self) -> ProgramForm:
        """The fields on the right (program_form.py)."""
        return self.query_one(ProgramForm)

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="pe-title")
        with Horizontal(id="pe-body"):
            yield ProgramTree()
            yield ProgramForm()
        yield Static("", id="pe-message")
        yield Footer()

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
        tree = self.query_one(ProgramTree)
        target = tree.draw(self.draft, self.app.library, select)
        self.path = target.data if target.data is not None else ()
        self.form.fill(self.path)
        self.show_title()
        self.call_after_refresh(tree.move_cursor, target)

    def show_title(self) -> None:
        draft = self.draft
        state = "shipped template" if draft.shipped else f"programs/{draft.data['id']}.json"
        unsaved = "  [$warning]unsaved changes (ctrl+s)[/]" if draft.changed else ""
        show_text(self.query_one("#pe-title", Static), f"[b]Program editor[/b]  {escape(state)}{unsaved}")

    def say(self, markup: str) -> None:
        self.query_one("#pe-message", Static).update(markup)

    @on(Tree.NodeHighlighted, "#pe-tree")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        path = event.node.data
        if path is not None and path != self.form.path:
            self.path = path
            self.form.fill(path)

    @on(Tree.NodeSelected, "#pe-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        self.ensure_editable(self._edit_fields)

    def _edit_fields(self) -> None:
        self.form.edit(self.path)

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

    def _on_list(self) -> bool:
        return self.focused is self.query_one("#pe-tree", Tree)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_day", "add_exercise", "new_exercise", "copy", "remove", "move", "open"):
            return True if self._on_list() else None
        return True

    def action_add_day(self) -> None:
        self.ensure_editable(lambda: self.changed(edits.add_day(self.draft, self.path),
                                                  "A day added: enter names it; a adds its exercises."))

    def action_add_exercise(self) -> None:
        def add() -> None:
            self.show(edits.add_exercise(self.draft, self.path))
            self.say("Type the exercise's name or alias (right arrow takes the suggestion), then enter.")
            self.call_after_refresh(self._edit_fields)
        self.ensure_editable(add)

    def action_new_exercise(self) -> None:
        """The add-exercise form; the exercise saved goes here (into the exercise under the
        cursor when it has none yet, else after it)."""
        def added(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            self.form.refresh_suggestions()
            if len(self.path) == 2 and not self.form.data(self.path).get("exercise"):
                self.draft.set(self.path, {"exercise": exercise_id})
                self.changed(self.path)
                return
            self.changed(edits.add_exercise(self.draft, self.path, exercise_id))

        self.ensure_editable(lambda: open_exercise_form(self.app, then=added))

    def action_copy(self) -> None:
        def copy() -> None:
            done = edits.copy(self.draft, self.path)
            if done is not None:
                self.changed(*done)
        if self.path:
            self.ensure_editable(copy)

    def action_remove(self) -> None:
        def remove() -> None:
            done = edits.remove(self.draft, self.path)
            if done is not None:
                self.changed(*done)
        if self.path:
            self.ensure_editable(remove)

    def action_move(self, step: int) -> None:
        def move() -> None:
            moved = edits.move(self.draft, self.path, step)
            if moved is not None:
                self.changed(moved)
        if self.path:
            self.ensure_editable(move)

    def action_undo(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and self.form.typed(focused):
            self.form.fill(self.form.path)  # first the typing in the field, as it was
            self.say("The field is back as it was.")
            return
        if self.draft.undo():
            self.show(edits.nearest(self.draft, self.path))
            self.say("Undone.")
        else:
            self.say("Nothing to undo.")

    # -- opening, leaving, saving ------------------------------------------------------------

    def action_open(self) -> None:
        def chosen(program_id: str | None) -> None:
            if program_id is None:
                return
            if program_id == NEW:
                self.start_new()
            else:
                self.load(self.app.library.programs()[program_id])

        self.saving.unless_unsaved("Open another program?", lambda: self.app.push_screen(ProgramPicker(), chosen))

    def action_back(self) -> None:
        if not self._on_list():
            focused = self.focused
            if isinstance(focused, Input):
                self.form.commit(focused)
            self.query_one("#pe-tree", Tree).focus()
            return
        self.saving.unless_unsaved("Leave the program editor?", self.app.pop_screen)

    def action_open_section(self, key: str) -> None:
        self.saving.unless_unsaved("Leave the program editor?", lambda: leave_to(self.app, self, key))

    def action_today(self) -> None:
        self.action_open_section("t")

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        if self.draft.changed:
            return f"The program {self.draft.data['name']} has changes not saved (ctrl+s saves them)."
        return None

    def action_save(self) -> None:
        self.saving.save()

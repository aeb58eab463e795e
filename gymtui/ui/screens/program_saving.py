"""Saving the program editor's draft: checked first, written off the UI thread, refused at its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual.widgets import Input

from ...domain.library import Program
from ...domain.programs import ProgramError
from ...services import app_data
from ...services.library import Library
from ..dialogs.confirm import ConfirmDialog
from . import program_edits as edits
from . import program_fields as pf

if TYPE_CHECKING:
    from .program_editor import ProgramEditorScreen


class ProgramSaving:
    """A part of the editor screen (composed, not inherited): ctrl+s, and leaving unsaved."""

    def __init__(self, screen: ProgramEditorScreen) -> None:
        self.screen = screen

    def save(self) -> None:
        """The field being typed in kept, the program checked, then written (or refused)."""
        screen = self.screen
        focused = screen.focused
        if isinstance(focused, Input) and not screen.form.commit(focused):
            return
        if screen.draft.shipped:
            screen.say("A shipped template stays as shipped: change it (it becomes your copy), then save.")
            return
        try:
            program = edits.checked(screen.draft, screen.app.library, screen.original_id)
        except ProgramError as error:
            self.refuse(str(error))
            return
        screen.say("[$warning]saving...[/]")
        screen.run_worker(lambda: self._write(program), thread=True, exclusive=True, group="program-editor-save")

    def refuse(self, message: str) -> None:
        """Nothing saved: the reason, where it is, and the cursor on it."""
        screen = self.screen
        where, path, key = edits.locate(message, screen.draft.data, screen.app.library)
        if path is not None:
            screen.show(path)
            if key is not None:
                field = screen.query(f"#pe-{pf.kind_of(path)}-{key}")
                if field:
                    field.first().add_class("-invalid")
        screen.say(f"[$error]Not saved:[/] {escape(where + message)}")

    def _write(self, program: Program) -> None:
        """On a worker thread."""
        app = self.screen.app
        try:
            updated = app_data.save_program(app, program)
        except OSError as error:
            app.call_from_thread(self.screen.say, f"[$error]Not saved:[/] {escape(str(error))}")
            return
        app.call_from_thread(self._saved, updated, program)

    def _saved(self, library: Library, program: Program) -> None:
        screen = self.screen
        screen.app.library = library
        screen.draft.mark_saved()
        renamed = screen.original_id is not None and screen.original_id != program.id
        note = f" (programs/{screen.original_id}.json is still there)" if renamed else ""
        screen.original_id = program.id
        screen.show_title()
        screen.say(f"[$success]Saved[/] {escape(program.name)} as programs/{program.id}.json{escape(note)}."
                   f" Settings (s) chooses it as the program in use.")

    def unless_unsaved(self, question: str, then: Callable[[], Any]) -> None:
        """`then`, once the lifter agrees to leave the changes not saved (at once if there are none)."""
        draft = self.screen.draft
        if not draft.changed:
            then()
            return
        self.screen.app.push_screen(ConfirmDialog(question, f"Your changes to {draft.data['name']} are not saved.",
                                                  "leave them unsaved", "stay"), lambda yes: then() if yes else None)

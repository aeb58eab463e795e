"""Making and deleting the lifter's own mobility routines: the editor dialog and the question asked."""

from __future__ import annotations

from ...domain.library import Routine
from ...domain.wording import plural
from ...services.editor_text import TextFormatError, parse_routine, routine_to_text
from ..dialogs.editor import EditorDialog

ROUTINE_HELP = "Per line: name | 30 s or 8 reps | each side (optional) | cue (optional)"
ROUTINE_EXAMPLE = "Open book | 8 reps | each side | Follow the top hand with your eyes\nDead hang | 30 s"


def delete_message(name: str, items: int) -> str:
    """The question before a routine of the lifter's own is deleted."""
    return f"{name} is deleted, with its {plural(items, 'item')}."


def routine_editor(routine: Routine | None, taken: set[str]) -> EditorDialog[Routine]:
    """The dialog that edits `routine` (None: a new one) as text; `taken`: ids in use."""
    routine_id = routine.id if routine else None

    def parse(fields: dict[str, str], text: str) -> Routine:
        try:
            return parse_routine(fields["name"], fields["focus"], text, routine_id=routine_id, taken_ids=taken)
        except TextFormatError as error:
            raise ValueError(str(error)) from None

    return EditorDialog(
        f"Edit {routine.name}" if routine else "New mobility routine",
        ROUTINE_HELP,
        routine_to_text(routine) if routine else "",
        parse,
        fields={"name": routine.name if routine else "", "focus": routine.focus if routine else ""},
        placeholder=ROUTINE_EXAMPLE,
    )

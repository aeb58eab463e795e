"""Each dialog brings its own look: shown over a bare Textual app, with none of gymtui's
stylesheets, it is the same centred box as in gymtui."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.screen import ModalScreen

from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.dialogs.damaged_file import DamagedFileDialog
from gymtui.ui.dialogs.editor import EditorDialog
from gymtui.ui.dialogs.import_file import ImportDialog
from gymtui.ui.dialogs.load import LoadDialog


def _parse(_fields: dict[str, str], text: str) -> str:
    return text


DIALOGS = [
    (lambda: DamagedFileDialog("week 2026-W47 cannot be read", Path("backup-2026-11-15")), "#problem", 76),
    (lambda: ImportDialog(), "#import-dialog", 78),
    (lambda: LoadDialog("Deadlift", "kg", 100.0), "#wu-load-dialog", 60),
    (lambda: EditorDialog("Edit the checklist", "One item per line.", "Stretch", _parse), "#editor", 78),
    (lambda: ConfirmDialog("Delete this set?", "It goes from the session."), ".dialog", 72),
]


@pytest.mark.parametrize(("make", "box_id", "width"), DIALOGS,
                         ids=["damaged-file", "import", "load", "editor", "confirm"])
async def test_a_dialog_is_a_centred_box_without_any_gymtui_stylesheet(make, box_id, width):
    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog: ModalScreen = make()
        await app.push_screen(dialog)
        await pilot.pause()
        box = dialog.query_one(box_id)
        assert box.outer_size.width == width
        left = box.region.x
        right = 80 - (box.region.x + box.outer_size.width)
        assert abs(left - right) <= 1  # centred
        top = box.region.y
        bottom = 24 - (box.region.y + box.outer_size.height)
        assert abs(top - bottom) <= 1 and box.outer_size.height < 24  # in the middle, as tall as its lines
        assert box.styles.border_top[0] == "thick"

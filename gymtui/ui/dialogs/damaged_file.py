"""A damaged data file: say which and why, and offer the newest good backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from ...store.errors import StoreError
from ..screens.base import GymDialog


class DamagedFileDialog(GymDialog[str | None]):
    """Returns "files" to put back the damaged files, "whole" for a confirmed rollback of
    the whole folder, None to keep everything as it is."""

    DEFAULT_CSS = """
    #problem {
        width: 76;
        border: thick $error;
        padding: 1 2;
    }
    #problem .title {
        text-style: bold;
        color: $error;
    }
    #problem-message {
        margin: 1 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "restore", "Restore file"),
        Binding("w", "whole", "Whole folder"),
        Binding("y", "confirm_whole", "Yes, roll back", show=False),
        Binding("n", "cancel_whole", "No", show=False),
        Binding("escape,q", "dismiss(None)", "Keep as is"),
    ]

    def __init__(self, message: str, backup: Path | None, rollback_warning: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.message = message
        self.backup = backup
        self.rollback_warning = rollback_warning
        self.asking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="problem", classes="dialog-box"):
            yield Static("A data file cannot be used", classes="title")
            yield Static(self.message, id="problem-message")
            yield Static("Nothing was overwritten. The file stays as it is until you choose.")
            if self.backup is not None:
                yield Static(f"[b]r[/b] put back the damaged file from the backup of {self.backup.name}"
                             " (every other file is kept; the damaged one is moved to replaced/)")
                yield Static(f"[b]w[/b] roll the whole folder back to {self.backup.name} instead (asks first)")
            else:
                yield Static("No good backup has a copy of this file: fix it by hand or move it away.")
            yield Static("[b]q[/b] close this and keep the file as it is")
            yield Static("", id="problem-rollback")

    def action_restore(self) -> None:
        if self.backup is not None:
            self.dismiss("files")

    def action_whole(self) -> None:
        if self.backup is None or self.rollback_warning is None:
            return
        try:
            warning = self.rollback_warning()
        except StoreError as error:  # the backup turned out damaged: say so, offer nothing
            self.query_one("#problem-rollback", Static).update(str(error))
            return
        self.asking = True
        self.query_one("#problem-rollback", Static).update(
            f"{warning}\n[b]y[/b] roll back the whole folder   [b]n[/b] do not")

    def action_confirm_whole(self) -> None:
        if self.asking:
            self.dismiss("whole")

    def action_cancel_whole(self) -> None:
        self.asking = False
        self.query_one("#problem-rollback", Static).update("")

"""A damaged data file: say which and why, and offer the newest good backup."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class DamagedFileScreen(ModalScreen[bool]):
    """Returns True when the lifter chose to restore the backup."""

    BINDINGS = [
        Binding("r", "restore", "Restore backup"),
        Binding("escape,q", "dismiss(False)", "Keep as is"),
    ]

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__()
        self.message = message
        self.backup = backup

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Static("A data file cannot be used", classes="title")
            yield Static(self.message, id="problem-message")
            yield Static("Nothing was overwritten. The file stays as it is until you choose.")
            if self.backup is not None:
                yield Static(f"[b]r[/b] restore the backup of {self.backup.name} (the damaged file is kept aside)")
            else:
                yield Static("There is no backup yet: fix the file by hand or move it away.")
            yield Static("[b]q[/b] close this and keep the file as it is")

    def action_restore(self) -> None:
        if self.backup is not None:
            self.dismiss(True)

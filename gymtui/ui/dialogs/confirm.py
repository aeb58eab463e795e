"""A yes/no question, asked by any screen before something that cannot be taken back."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from ..screens.base import GymDialog
from ..widgets.touch import TouchBar


class ConfirmDialog(GymDialog[bool]):
    """A yes/no question: y or Enter says yes, n or Esc says no."""
    CSS_PATH = "dialog.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, message: str, yes: str = "yes", no: str = "no") -> None:
        super().__init__()
        self.title_text, self.message, self.yes, self.no = title, message, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-box"):
            yield Static(f"[b]{escape(self.title_text)}[/b]", classes="dialog-title")
            yield Static(self.message)
            yield Static(f"[b]y[/b]/[b]Enter[/b] {self.yes}   [b]n[/b]/[b]Esc[/b] {self.no}", classes="dialog-help")
            # A touchscreen with no keyboard answers by tapping (touch mode only).
            yield TouchBar((self.yes.capitalize(), "answer(True)"), (self.no.capitalize(), "answer(False)"))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

"""Which program to edit: a new one, or any program (a shipped one opens as a template)."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .base import GymDialog

NEW = ""  # the option for a new program


class ProgramPicker(GymDialog["str | None"]):
    """Returns a program id, NEW for a new program, or None (escape)."""

    CSS_PATH = "program_editor.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        library = self.app.library
        options = [Option("A new program (empty, the 4-week block)", id="new")]
        for pid, program in library.programs().items():
            whose = "shipped template" if library.is_shipped(pid) else "yours"
            options.append(Option(f"{escape(program.name)}  [dim]{whose}, {len(program.days)} days[/]", id=f"p:{pid}"))
        with Vertical(id="pe-picker", classes="dialog-box"):
            yield Static("[b]Open a program[/b]  enter opens, esc cancels")
            yield OptionList(*options, id="pe-picker-list")

    @on(OptionList.OptionSelected, "#pe-picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        self.dismiss(NEW if option_id == "new" else option_id.removeprefix("p:"))

    def action_cancel(self) -> None:
        self.dismiss(None)

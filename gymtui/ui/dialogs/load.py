"""A small dialog asking for the first working load of the warm-up's ramp."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from ..screens.base import GymDialog
from ..widgets.ordered_input import OrderedInput


class LoadDialog(GymDialog[float | None]):
    """Asks for the first working load when the plan has none (or the lifter wants another)."""

    DEFAULT_CSS = """
    #wu-load-dialog {
        width: 60;
    }
    #wu-load-error {
        color: $error;
        height: auto;
    }
    .wu-muted {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, exercise: str, unit: str, current: float | None) -> None:
        super().__init__()
        self.exercise = exercise
        self.unit = unit
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="wu-load-dialog", classes="dialog-box"):
            yield Static(f"[b]First working load[/b] for {self.exercise}, in {self.unit}")
            yield OrderedInput(f"{self.current:g}" if self.current else "", id="wu-load-input", restrict=r"[0-9.]*")
            yield Static("", id="wu-load-error")
            yield Static("[b]enter[/b] use it   [b]esc[/b] cancel", classes="wu-muted")

    @on(Input.Submitted, "#wu-load-input")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            value = float(event.value)
        except ValueError:
            value = -1.0
        if not 0 < value <= 1000:
            self.query_one("#wu-load-error", Static).update(f"Type a load above 0 and at most 1000 {self.unit}")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

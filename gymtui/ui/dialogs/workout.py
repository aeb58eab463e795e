"""Dialogs of the workout screen: resume today's session, swap an exercise, change the tempo,
the whole card."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.common import PATTERN_LABELS
from ...domain.library import Exercise
from ...domain.tempo import TempoError, parse_tempo
from ..screens.base import GymDialog
from ..widgets.ordered_input import OrderedInput
from .confirm import ConfirmDialog


class ResumeDialog(GymDialog["bool | None"]):
    """Resume today's session where it was left (True), end it and start the next (False,
    once confirmed), or leave it as it is and go back to Today (None)."""
    CSS_PATH = "dialog.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "Resume"),
        Binding("n", "end_session", "End the session"),
        # A modal screen hides the app's keys: the ones that leave are given here.
        Binding("escape,t", "answer(None)", "Today"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, message: str, summary: str = "") -> None:
        super().__init__()
        self.message = message
        self.summary = summary  # what ending the session keeps, for the question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-box"):
            yield Static("[b]Resume today's session?[/b]", classes="dialog-title")
            yield Static(self.message)
            yield Static(
                "[b]Enter[/b] resume here   [b]n[/b] end it, start the next session\n"
                "[b]Esc[/b]/[b]t[/b] back to Today, leave it as it is   [b]q[/b] quit",
                classes="dialog-help",
            )

    def action_answer(self, answer: bool | None) -> None:
        self.dismiss(answer)

    def action_end_session(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(False)

        summary = f"{self.summary}. " if self.summary else ""
        self.app.push_screen(ConfirmDialog(
            "End today's session?",
            f"{summary}The session is marked finished as it is, and the next one opens.",
            "end it", "keep it"), answer)


class SwapDialog(GymDialog["Exercise | None"]):
    """Pick another exercise of the same movement pattern."""
    CSS_PATH = "dialog.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Exercise, options: list[Exercise]) -> None:
        super().__init__()
        self.current = current
        self.options = options

    def compose(self) -> ComposeResult:
        pattern = PATTERN_LABELS.get(self.current.pattern, self.current.pattern)
        with Vertical(classes="dialog dialog-box", id="wo-swap"):
            yield Static(f"[b]Swap {escape(self.current.name)}[/b] for another {pattern} exercise",
                         classes="dialog-title")
            items = []
            for exercise in self.options:
                side = ", one side at a time" if exercise.unilateral else ""
                items.append(Option(f"{exercise.name}  [dim]{exercise.equipment}{side}[/dim]", id=exercise.id))
            yield OptionList(*items, id="wo-swap-list")
            yield Static("[b]Enter[/b] swap   [b]Esc[/b] keep it", classes="dialog-help")

    @on(OptionList.OptionSelected, "#wo-swap-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = next(e for e in self.options if e.id == event.option.id)
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TempoDialog(GymDialog["str | None"]):
    """Type another tempo for this exercise today; a tempo that does not read is explained
    here and not used."""
    CSS_PATH = "dialog.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, exercise: str, current: str, starts_concentric: bool) -> None:
        super().__init__()
        self.exercise, self.current, self.starts_concentric = exercise, current, starts_concentric

    def compose(self) -> ComposeResult:
        first = "the lift (third figure)" if self.starts_concentric else "the lowering (first figure)"
        with Vertical(classes="dialog dialog-box"):
            yield Static(f"[b]Tempo for {escape(self.exercise)}[/b] today", classes="dialog-title")
            yield Static(
                "Four figures, seconds: lower - pause - lift - pause. X = explosive.\n"
                f"e.g. 3-1-1-0, 3110, 3-1-X-0. This exercise starts with {first}."
            )
            yield OrderedInput(self.current, id="wo-tempo-input")
            yield Static("", id="wo-tempo-error")
            yield Static("[b]Enter[/b] use it   [b]Esc[/b] cancel", classes="dialog-help")

    @on(Input.Submitted, "#wo-tempo-input")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            tempo = parse_tempo(event.value)
        except TempoError as error:
            self.query_one("#wo-tempo-error", Static).update(f"[b]Not used:[/b] {escape(str(error))}")
            return
        self.dismiss(str(tempo))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CardDialog(GymDialog[None]):
    """The exercise's card in full, wrapped: what the screen's one-line rows cut short (a long
    reason, every cue) on a narrow screen."""
    CSS_PATH = "dialog.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,y", "close", "Close"),
    ]

    def __init__(self, title: str, card_text: str) -> None:
        super().__init__()
        self.title_text, self.card_text = title, card_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-box"):
            yield Static(f"[b]{escape(self.title_text)}[/b]", classes="dialog-title")
            yield Static(self.card_text, id="wo-card-full")
            yield Static("[b]Esc[/b]/[b]Enter[/b] close", classes="dialog-help")

    def on_click(self) -> None:
        self.dismiss(None)  # a tap anywhere closes it, as it opened

    def action_close(self) -> None:
        self.dismiss(None)

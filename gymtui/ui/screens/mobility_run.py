"""The mobility routine's run as it is drawn: the item, its amount and cue, the countdown, what is next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from ...domain.library import Routine
from ..format import rest_text
from ..widgets.countdown import Countdown
from ..widgets.guided_run import SECONDS_PER_REP, RunState
from ..widgets.shown_text import show_text


class RunPanel(Vertical):
    """Draws one moment of a guided run; the run itself (and its clock) is the screen's."""

    def compose(self) -> ComposeResult:
        yield Static("", id="run-routine")
        yield Static("", id="run-title")
        yield Static("", id="run-amount")
        with Center():
            yield Countdown(0, id="run-count")
        yield Static("", id="run-cue")
        yield Static("", id="run-next")
        yield Static("", id="run-progress")

    def _show(self, selector: str, text: str) -> None:
        show_text(self.query_one(selector, Static), text)

    def draw(self, routine: Routine, total: float, state: RunState) -> None:
        """`state` of a run of `routine` lasting `total` seconds in all."""
        items = len(routine.items)
        count = self.query_one("#run-count", Countdown)
        left = total * (1 - state.progress)
        filled = round(40 * state.progress)
        self._show("#run-progress",
                   f"[$primary]{'━' * filled}[/][$text-muted]{'─' * (40 - filled)}[/]  {rest_text(round(left))} left")
        if state.done:
            self._show("#run-routine",
                       f"[b]{routine.name}[/b]  " + ("its one item done" if items == 1 else f"all {items} items done"))
            self._show("#run-title", "Routine done")
            self._show("#run-amount", "")
            self._show("#run-cue", "Well done. Esc goes back to the routines.")
            self._show("#run-next", "")
            count.show_seconds(0)
            return
        assert state.step is not None
        paused = "  [$warning]PAUSED[/]" if state.paused else ""
        self._show("#run-routine", f"[b]{routine.name}[/b]  item {state.step.item + 1}/{items}{paused}")
        if state.phase == "ready":
            self._show("#run-title", f"Get ready: {state.step.title}")
        else:
            self._show("#run-title", state.step.title)
        amount = state.step.amount
        if state.step.drill.kind == "reps":
            amount += f" (about {SECONDS_PER_REP} s each)"
        self._show("#run-amount", amount)
        count.show_seconds(state.countdown, paused=state.paused)
        self._show("#run-cue", state.step.drill.cue)
        following = f"Next: {state.next_step.title}, {state.next_step.amount}" if state.next_step else "Last item"
        self._show("#run-next", following)

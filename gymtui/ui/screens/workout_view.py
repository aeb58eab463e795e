"""The workout screen's drawing: the heading, the card, the set strip and the ready pane.

Reads the controller's session and the app's rest, writes the widgets; decides nothing.
The sentences themselves are workout_text.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from ...domain.session_model import Card
from ...domain.session_set import set_schedule
from ...domain.tempo import TempoError
from ..format import clock_text
from ..widgets.big_text import BigText
from ..widgets.rest_bar import RestPanel
from . import workout_text as text

if TYPE_CHECKING:
    from .workout import WorkoutScreen

KEYS_LINE = (
    "[$text-muted]e[/] edit  [$text-muted]del[/] delete  [$text-muted]a[/] add set  "
    "[$text-muted]k[/] skip set  [$text-muted]x[/] swap  [$text-muted]< >[/] move  "
    "[$text-muted]=[/] tempo  [$text-muted]g[/] superset  [$text-muted]G[/] ungroup  [$text-muted]y[/] whole card  "
    "[$text-muted]f[/] finish"
)


class WorkoutView:
    """Draws the workout screen from its controller and state."""

    def __init__(self, screen: WorkoutScreen) -> None:
        self.screen = screen

    def _static(self, selector: str) -> Static:
        return self.screen.query_one(selector, Static)

    def redraw(self) -> None:
        screen = self.screen
        workout = screen.controller.workout
        shown = screen.controller.shown(screen.state)
        if workout is None or shown is None:
            return
        card, slot = shown
        index = workout.cards.index(card) if card in workout.cards else workout.exercise
        group = text.group_place(workout, card, screen.controller.groups())
        self._static("#wo-heading").update(text.heading(card, slot, index, len(workout.cards), group))
        if screen.state == "timer":
            card_text = f"{text.prescription_line(card)}\n{text.cue_line(card)}"
        elif screen.state == "log":
            card_text = text.prescription_line(card)
        else:
            card_text = text.card_lines(card, every_cue=screen.query_one("#workout").has_class("-large"))
        self._static("#wo-card").update(card_text)
        self._static("#wo-sets").update(text.set_strip(card, slot))  # hidden by the stylesheet while timing
        if screen.state == "finished":
            self._static("#wo-message").update(
                f"[b]Session finished[/b]: {text.finished_text(workout)}.\n"
                "Press [b]t[/b] for Today, or [b]n[/b] to start the next session."
            )
        self.draw_ready()

    def draw_ready(self) -> None:
        screen = self.screen
        workout = screen.controller.workout
        # In touch mode the stylesheet gives a rest's big figure the rows of the card's
        # details (workout.tcss), so the time left is read whole from a few metres away.
        screen.set_class(screen.state == "ready" and screen.app.rest.running, "-resting")
        if workout is None or screen.state != "ready":
            return
        resting = screen.app.rest.running
        card = workout.card
        slot = workout.current
        screen.query_one("#wo-rest", RestPanel).display = resting
        big = screen.query_one("#wo-next-big", BigText)
        big.display = not resting
        if workout.finished:
            big.update("DONE")
            nxt = "[b]All sets done.[/b] [b]f[/b] finishes the session; [b]a[/b] adds a set."
        elif not slot.open:
            big.update(f"SET {card.set_number(workout.slot)}")
            nxt = "This set is logged: [b]e[/b] edits it, [b]↓[/b] goes to the next one."
            if slot.skipped:
                nxt = "This set is skipped: [b]k[/b] brings it back."
        else:
            big.update(f"SET {card.set_number(workout.slot)}/{card.sets}")
            lead = workout.settings.lead_in_seconds
            lead_text = f", {lead} s lead-in" if lead else ""
            start = "ends the rest, starts the timer" if resting else f"starts the timer{lead_text}"
            nxt = (
                f"[b]Enter[/b] {start}   [b]l[/b] logs without it"
                f"   [$text-muted]set TUT {self.tut_text(card)}[/]"
            )
        self._static("#wo-next").update(nxt)
        self._static("#wo-order").update(text.order_line(workout))
        self._static("#wo-keys").update(KEYS_LINE)

    def tut_text(self, card: Card) -> str:
        workout = self.screen.controller.workout
        if workout is None:
            return "?"
        try:
            schedule = set_schedule(card, workout.settings)
        except (TempoError, ValueError):
            return "?"
        return clock_text(schedule.time_under_tension)

    def draw_rest(self) -> None:
        """The large rest, after each redraw of the app's rest."""
        screen = self.screen
        workout = screen.controller.workout
        if workout is None or not screen.is_mounted:
            return
        panel = next(screen.query("#wo-rest").results(RestPanel), None)
        if panel is None:
            return  # the app is closing: the screen's widgets are already gone
        panel.show_rest(screen.app.rest.timer, text.next_label(workout))
        if screen.state == "ready":
            self.draw_ready()
            screen.refresh_bindings()

    def empty(self) -> None:
        workout = self.screen.controller.workout
        name = workout.session.name if workout is not None else "Freestyle"
        self._static("#wo-heading").update(f"[b]{name}[/b]: no exercise yet")
        self._static("#wo-card").update("")
        self._static("#wo-sets").update("")
        self._static("#wo-message").update("Press [b]i[/b] to add an exercise from the library, or a new one.")

    def loading(self, message: str) -> None:
        self._static("#wo-heading").update(message)
        self._static("#wo-message").update(message)

    def problem(self, message: str) -> None:
        # The heading said "Loading..." until now; left so, it would contradict the message.
        self._static("#wo-heading").update("Today's session is not open")
        self._static("#wo-message").update(message)

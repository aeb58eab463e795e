"""The workout screen's drawing: the heading, the card, the set strip and the ready pane.

Reads the controller's session and the app's rest, writes the widgets; decides nothing.
The sentences themselves are workout_text.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import Reactive
from textual.widgets import ContentSwitcher, Header, Static

from ...domain.session_model import Card
from ...domain.session_set import set_schedule
from ...domain.tempo import TempoError
from ..class_styles import set_classes
from ..format import clock_text
from ..widgets.big_text import BigText
from ..widgets.footer import Footer
from ..widgets.rest_bar import RestKeeper, RestPanel
from ..widgets.set_entry import SetEntry
from ..widgets.tempo_panel import TempoPanel
from ..widgets.workout_touch import WorkoutTouch, rows_shown
from . import workout_text as text
from .workout_states import State

if TYPE_CHECKING:
    from .workout import WorkoutScreen

# From this many rows (120x33, not 80x24) the block figures are drawn ten rows tall.
LARGE_HEIGHT = 32
PANES = {"ready": "wo-ready", "timer": "wo-timer", "log": "wo-log"}

KEYS_LINE = (
    "[$text-muted]e[/] edit  [$text-muted]del[/] delete  [$text-muted]a[/] add set  "
    "[$text-muted]k[/] skip set  [$text-muted]x[/] swap  [$text-muted]< >[/] move  "
    "[$text-muted]=[/] tempo  [$text-muted]g[/] superset  [$text-muted]G[/] ungroup  [$text-muted]y[/] whole card  "
    "[$text-muted]f[/] finish"
)


def workout_layout(state: Reactive[State]) -> ComposeResult:
    """The screen's widgets; the touch buttons follow `state` (the screen's reactive)."""
    yield Header()
    with Vertical(id="workout"):
        yield Static("Loading today's session...", id="wo-heading")
        yield Static("", id="wo-card")
        yield Static("", id="wo-sets")
        with ContentSwitcher(initial="wo-ready", id="wo-main"):
            with Vertical(id="wo-ready"):
                yield RestPanel(id="wo-rest")
                yield BigText("", id="wo-next-big")
                yield Static("", id="wo-next")
                yield Static("", id="wo-order")
                yield Static("", id="wo-keys")
            yield TempoPanel(id="wo-timer")
            yield SetEntry(id="wo-log")
            yield Static("", id="wo-message")
        yield WorkoutTouch(id="wo-touch").data_bind(state)  # big buttons, in touch mode only
    # Compact, and the palette (ctrl+p, listed in help) not shown: at 80 columns the keys
    # of a rest (+15 s, +30 s, skip) and t Today / ? Help all fit on the line.
    yield Footer(compact=True, show_command_palette=False)


class WorkoutView:
    """Draws the workout screen from its controller and state."""

    def __init__(self, screen: WorkoutScreen) -> None:
        self.screen = screen

    def _static(self, selector: str) -> Static:
        return self.screen.query_one(selector, Static)

    def fit_figures(self) -> None:
        """A tall terminal gets large block figures (the set, the rest, the timer band); then
        everything is drawn again."""
        large = self.screen.size.height >= LARGE_HEIGHT
        for big in self.screen.query(BigText):
            big.set_large(large)
        self.show_classes()
        self.redraw()

    def show_pane(self, state: State) -> None:
        """The pane of `state` (the set form, the timer, the ready pane or a message)."""
        self.screen.query_one("#wo-main", ContentSwitcher).current = PANES.get(state, "wo-message")
        self.show_classes()

    def show_classes(self) -> None:
        """The classes the stylesheets read, set together: on #workout, -timing while a set is
        timed, -resting during a rest in the ready pane (in touch mode the rest's big figure
        then gets the rows of the card's details, workout.tcss) and -large on a tall
        terminal; on the touch buttons, the rows of the state. #workout's through
        class_styles, which restyles only the widgets the rules of a changed class name (the
        card, the set strip...): a class set as Textual sets it restyles everything under
        its node, and a change of state restyled the whole screen three or four times over."""
        screen = self.screen
        box = screen.query_one("#workout")
        touch = screen.query_one(WorkoutTouch)
        wanted = {
            "-timing": screen.state == "timer",
            "-resting": screen.state == "ready" and screen.app.rest.running,
            "-large": screen.size.height >= LARGE_HEIGHT,
        }
        changed = set_classes(box, wanted)
        rows = rows_shown(screen.state)
        changed |= any(touch.has_class(name) != on for name, on in rows.items())
        touch.update_classes(rows, update=False)
        # The touch buttons are restyled, once, whenever a class changes, as they were when
        # each class restyled everything under it: a button's margin depends on whether it
        # is the last of its row shown (:last-child), which Textual works out as it restyles
        # the button, from the buttons shown then. Without touch mode there are none, and
        # WorkoutTouch, hidden, is not restyled.
        if changed and touch.display:
            touch.update_node_styles()

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
        self.show_classes()  # -resting: the rest may have started or ended
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

    def follow_rest(self) -> None:
        """Draw the rest each time the app's rest changes."""
        # A signal drops a subscriber it finds off screen: subscribed again on each return.
        self.screen.app.rest.changed.unsubscribe(self.screen)
        self.screen.app.rest.changed.subscribe(self.screen, self._rest_changed, immediate=True)

    def _rest_changed(self, _: RestKeeper) -> None:
        self.draw_rest()

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

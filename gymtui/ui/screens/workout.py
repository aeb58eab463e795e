"""Working sets: the exercise card, the tempo timer rep by rep, the set form, the rest.

The screen has four states. Ready: the card (target, tempo, rest, why, last time, a cue),
the sets of the exercise, and the rest counting down large. Timer: the tempo timer, phase by
phase. Log: the set form, pre-filled. Finished. `state` is a reactive: its watcher switches
the pane, the classes and the keys shown. The app keeps this screen while another place
shows (its section is `kept` in sections.py), so a running timer and the session survive a
visit to another screen; the rest itself belongs to the app (`app.rest`) and shows small on
the other screens.

Made of parts: the controller (what a key does to the session, workout_controller.py; the
states and their keys, workout_states.py; supersets, workout_groups.py), the
view (workout_view.py), the write queue (workout_writes.py), the set being timed and its
cues (workout_tempo.py, workout_cue.py) and the edits that ask first (workout_edits.py).
Every key is an `action_*` method here, so a button can run it by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Header, Static

from ...domain.clock import SystemClock
from ...domain.session_model import Card
from ...domain.tempo_timer import TempoTimer
from ...services.workout import SessionWorkout
from ..dialogs.workout import CardDialog
from ..widgets.big_text import BigText
from ..widgets.footer import Footer
from ..widgets.rest_bar import RestKeeper, RestPanel
from ..widgets.set_entry import SetEntry
from ..widgets.tempo_panel import TempoPanel
from ..widgets.workout_touch import WorkoutTouch
from . import workout_text as text
from .base import GymScreen
from .workout_controller import WorkoutController
from .workout_cue import CueDue, CueScheduler, TempoCues, default_cue_scheduler
from .workout_edits import SessionEdits
from .workout_open import SessionOpening
from .workout_sets import SetFlow
from .workout_states import State, action_allowed
from .workout_tempo import TempoRun
from .workout_view import WorkoutView
from .workout_writes import WriteQueue

if TYPE_CHECKING:
    from ...domain.settings import Settings
    from ...domain.units import Unit

# From this many rows (120x33, not 80x24) the block figures are drawn ten rows tall.
LARGE_HEIGHT = 32
PANES = {"ready": "wo-ready", "timer": "wo-timer", "log": "wo-log"}


class WorkoutScreen(GymScreen[None]):
    CSS_PATH = "workout.tcss"  # parsed when the screen first opens, not at start-up
    AUTO_FOCUS = ""  # focus is given by state: the set form's RPE field, else nothing
    SHOWS_REST = True  # the rest is drawn large here: no small badge in the header

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start_set", "Start"),
        Binding("l", "log_set", "Log"),
        Binding("1", "rest_more(15)", "+15s"),
        Binding("3", "rest_more(30)", "+30s"),
        Binding("0", "rest_skip", "Skip rest"),
        Binding("right", "exercise(1)", "Exercise", key_display="←→"),
        Binding("left", "exercise(-1)", "Previous exercise", show=False),
        Binding("down", "move_set(1)", "Set", key_display="↑↓"),
        Binding("up", "move_set(-1)", "Previous set", show=False),
        Binding("e", "edit_set", "Edit", show=False),
        Binding("a", "add_set", "Add set", show=False),
        Binding("i", "add_exercise", "Add exercise", show=False),
        Binding("g", "group", "Superset with the next", show=False),
        Binding("G", "ungroup", "Out of the superset", show=False),
        Binding("k", "skip_set", "Skip set", show=False),
        Binding("x", "swap", "Swap", show=False),
        Binding("less_than_sign", "reorder(-1)", "Move up", show=False),
        Binding("greater_than_sign", "reorder(1)", "Move down", show=False),
        Binding("delete,backspace", "delete_set", "Delete", show=False),
        Binding("equals_sign", "tempo", "Tempo", show=False),
        Binding("f", "finish", "Finish", show=False),
        Binding("y", "whole_card", "Whole card: why, last time, every cue", show=False),
        Binding("space", "pause", "Pause/resume"),
        Binding("enter", "stop_set", "Stop & log"),
        Binding("escape", "cancel_timer", "Cancel"),
        Binding("escape", "cancel_log", "Cancel"),
        Binding("n", "new_session", "New session"),
        Binding("enter", "retry", "Try again"),
    ]

    state: reactive[State] = reactive("loading", always_update=True, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.controller = WorkoutController()
        self.view = WorkoutView(self)
        self.edits = SessionEdits(self)
        self.writes = WriteQueue(lambda drain: self.run_worker(drain, thread=True, group="workout-write"),
                                 lambda fn, *args: self.app.call_from_thread(fn, *args),
                                 lambda error: self.app.report_store_error(error))
        # The app's clock is put in once mounted (a FakeClock in tests).
        self.tempo = TempoRun(SystemClock(), lambda delay, fn: self.set_timer(delay, fn, name="tempo-tick"),
                              lambda: self.sets.ring(), TempoCues())
        self.sets = SetFlow(self)
        self.opening = SessionOpening(self)

    # -- parts the tests and the app reach -----------------------------------------------------

    @property
    def workout(self) -> SessionWorkout | None:
        return self.controller.workout

    @property
    def timer(self) -> TempoTimer | None:
        return self.tempo.timer

    @property
    def cues(self) -> int:
        return self.tempo.count

    @property
    def ticking(self) -> bool:
        return self.tempo.ticking

    @property
    def cue_scheduler(self) -> CueScheduler | None:
        return self.tempo.cues.scheduler

    @cue_scheduler.setter
    def cue_scheduler(self, scheduler: CueScheduler | None) -> None:
        self.tempo.cues.scheduler = scheduler

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
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
            yield WorkoutTouch(id="wo-touch").data_bind(WorkoutScreen.state)  # big buttons, in touch mode only
        # Compact, and the palette (ctrl+p, listed in help) not shown: at 80 columns the keys
        # of a rest (+15 s, +30 s, skip) and t Today / ? Help all fit on the line.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.tempo.clock = self.app.clock
        self.tempo.cues.scheduler = default_cue_scheduler(self.app.clock)
        self._follow_rest()
        self.load()

    def on_unmount(self) -> None:
        self.app.rest.changed.unsubscribe(self)
        self.tempo.cues.close()

    def _follow_rest(self) -> None:
        # A signal drops a subscriber it finds off screen: subscribed again on each return.
        self.app.rest.changed.unsubscribe(self)
        self.app.rest.changed.subscribe(self, self._rest_changed, immediate=True)

    def on_resize(self) -> None:
        self._fit_figures()

    def _fit_figures(self) -> None:
        """A tall terminal gets large block figures (the set, the rest, the timer band)."""
        large = self.size.height >= LARGE_HEIGHT
        self.query_one("#workout").set_class(large, "-large")
        for big in self.query(BigText):
            big.set_large(large)
        self.redraw()

    def on_screen_resume(self) -> None:
        self._fit_figures()  # the terminal may have been resized on another screen
        self._follow_rest()
        if self.state == "problem":
            # The session could not be opened (a full disk, a damaged file): try again each
            # time the screen is shown, as the cause may be gone, not only after a restart.
            self.action_retry()
            return
        # Back from another screen: draw the rest and the timer as they are now.
        if self.state != "log":
            self.set_focus(None)
        self.refresh_bindings()
        self._rest_changed()
        if self.timer is not None:
            self.tick()
        if self.workout is not None:
            self.reload_settings()  # the bell or the lead-in may have changed on the settings screen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action_allowed(action, self.state, resting=self.app.rest.running)

    def watch_state(self, state: State) -> None:
        self.query_one("#wo-main", ContentSwitcher).current = PANES.get(state, "wo-message")
        self.query_one("#workout").set_class(state == "timer", "-timing")
        self.refresh_bindings()
        self.redraw()
        if state == "empty":
            self.view.empty()
            self.call_after_refresh(self.edits.add_exercise)  # the first exercise, asked at once
        if state in ("ready", "timer", "finished", "empty"):
            self.set_focus(None)
        if state in ("ready", "finished"):
            self.edits.replan_if_due()

    def redraw(self) -> None:
        self.view.redraw()

    def _rest_changed(self, _: RestKeeper | None = None) -> None:
        self.view.draw_rest()

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        shown = self.controller.shown(self.state)
        if shown is None:
            return None
        card, slot = shown
        where = f"{card.exercise.name}, {text.slot_label(card, slot)}"
        if self.state == "timer":
            return f"The timer is running for {where}: quitting loses this set."
        editing = self.controller.editing is not None
        timed = self.tempo.started_at is not None and not editing  # the timer counted its reps
        if self.state == "log" and (timed or self.query_one("#wo-log", SetEntry).typed()):
            what = "the change to" if editing else "the set form of"
            return f"You have not saved {what} {where}: quitting loses it."
        return None

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read today's session (workout_open.py), on a worker thread."""
        self.run_worker(self.opening.read, thread=True, exclusive=True, group="workout-load")

    def reload_settings(self) -> None:
        self.run_worker(self.opening.read_settings, thread=True, exclusive=True, group="workout-settings")

    def action_retry(self) -> None:
        self.view.loading("Loading today's session...")
        self.state = "loading"
        self.load()

    def reopen(self, message: str = "Loading today's session...") -> None:
        """Read the session again (the next one, once this one is finished)."""
        self.controller.workout = None
        self.query_one("#wo-message", Static).update(message)
        self.state = "loading"
        self.load()

    def show_exercise(self, exercise_id: str) -> None:
        """Go to an exercise (chosen on Today), unless a set is being timed or logged."""
        if self.workout is None:
            self.controller.wanted = exercise_id  # applied once the session is read
        elif self.state == "ready" and self.controller.go_to_exercise(exercise_id):
            self.moved()

    def settings_changed(self, settings: Settings) -> None:
        """Told by the settings screen as soon as a change is saved."""
        self._settings_loaded(settings)

    def _settings_loaded(self, settings: Settings) -> None:
        self.controller.settings_loaded(settings)
        self.edits.replan_if_due()
        self.redraw()

    def load_chosen(self, exercise_id: str, load: float, unit: Unit) -> None:
        """Told by the warm-up when the lifter types a working load for an exercise."""
        self.controller.load_chosen(exercise_id, load, unit)
        self.redraw()

    # -- moving and changing the session -------------------------------------------------------

    def moved(self) -> None:
        self.save_position()
        self.redraw()
        self._rest_changed()

    def save_position(self) -> None:
        session = self.controller.position()
        if session is not None:
            self.writes.save_position(self.app.store.save_session, session)

    def action_exercise(self, delta: int) -> None:
        self.controller.move_exercise(delta)
        self.moved()

    def action_move_set(self, delta: int) -> None:
        self.controller.move_set(delta)
        self.moved()

    def action_reorder(self, delta: int) -> None:
        if self.controller.reorder(delta):
            self.moved()

    def action_add_set(self) -> None:
        card = self.controller.add_set()
        if card is not None:
            self.app.notify(f"{card.exercise.name}: set {card.sets} added", timeout=3)
            self.moved()

    def action_skip_set(self) -> None:
        if self.workout is not None:
            self.controller.skip_set()
            self.moved()

    def action_rest_more(self, seconds: int) -> None:
        self.app.rest.extend(seconds)

    def action_rest_skip(self) -> None:
        self.app.rest.skip()

    def action_edit_set(self) -> None:
        self.edits.edit_set()

    def action_delete_set(self) -> None:
        self.edits.delete_set()

    def action_tempo(self) -> None:
        self.edits.tempo()

    def action_swap(self) -> None:
        self.edits.swap()

    def action_finish(self) -> None:
        self.edits.finish()

    def action_add_exercise(self) -> None:
        """An exercise from the library (or a new one) after the current one."""
        self.edits.add_exercise()

    def action_whole_card(self) -> None:
        """The card in full, in a dialog: on a phone its rows can be cut short."""
        shown = self.controller.shown(self.state)
        if shown is not None:
            card, slot = shown
            self.app.push_screen(CardDialog(f"{card.exercise.name}, {text.slot_label(card, slot)}",
                                            text.card_lines(card, every_cue=True)))

    @on(Click, "#wo-card")
    def _card_tapped(self) -> None:
        if self.state == "ready":
            self.action_whole_card()

    def action_group(self) -> None:
        """A superset made now: the current exercise with the next, A1 -> A2 -> A1."""
        label = self.controller.group_with_next()
        if label is None:
            self.app.notify("The last exercise has none after it to pair with: < > move it first.")
            return
        self.app.notify(f"Superset {label}: one set of each in turn, the rest after the round.", timeout=5)
        self.moved()

    def action_ungroup(self) -> None:
        """The way back from g: the current exercise done on its own, set after set."""
        name = self.workout.card.exercise.name if self.workout is not None else ""
        label = self.controller.ungroup()
        if label is None:
            self.app.notify(f"{name} is in no superset: g pairs it with the next exercise.")
            return
        self.app.notify(f"{name} is out of superset {label}: its sets come one after another.", timeout=5)
        self.moved()

    def start_freestyle(self) -> None:
        """Asked on Today: open an empty session today and ask for its first exercise."""
        self.controller.freestyle = True
        if self.state not in ("loading", "problem") or self.workout is not None:
            self.reopen("Starting an empty session...")

    def action_new_session(self) -> None:
        self.opening.asked_resume = True
        self.reopen("Opening the next session...")

    # -- a set: timed, typed, saved (workout_sets.py) -------------------------------------------

    def action_start_set(self) -> None:
        self.sets.start_set()

    def tick(self) -> None:
        """Redraw the timer from the clock and book the next redraw. Called by its own
        one-shot timer, by the cue thread's CueDue, and by tests after moving the FakeClock."""
        self.sets.tick()

    def on_cue_due(self, _: CueDue) -> None:
        if self.timer is not None:
            self.tick()

    def action_pause(self) -> None:
        if self.timer is not None:
            self.tempo.toggle_pause()
            self.tick()

    def action_stop_set(self) -> None:
        if self.timer is not None:
            self.tempo.stop()
            self.tick()

    def action_cancel_timer(self) -> None:
        self.tempo.drop()
        self.state = "ready"

    def action_log_set(self) -> None:
        self.sets.log_set()

    def open_log(self, *, reps: int | None = None, seconds: float | None = None, hint: str = "",
                 edit: tuple[Card, int] | None = None) -> None:
        self.sets.open_log(reps=reps, seconds=seconds, hint=hint, edit=edit)

    def action_cancel_log(self) -> None:
        self.controller.close_form()
        self.state = "ready"

    @on(SetEntry.Submitted)
    def _form_submitted(self, event: SetEntry.Submitted) -> None:
        self.sets.submitted(event.values)

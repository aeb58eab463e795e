"""Working sets: the exercise card, the tempo timer rep by rep, the set form, the rest.

The screen has four states. Ready: the card (target, tempo, rest, why, last time, a cue),
the sets of the exercise, and the rest counting down large. Timer: the tempo timer, phase by
phase. Log: the set form, pre-filled. Finished. `state` is a reactive: its watcher switches
the pane, the classes and the keys shown. The app keeps this screen while another place
shows (its section is `kept` in sections.py), so a running timer and the session survive a
visit to another screen; the rest itself belongs to the app (`app.rest`) and shows small on
the other screens.

Made of parts: the controller (what a key does to the session, workout_controller.py; the
states and their keys, workout_states.py and workout_keys.py; supersets, workout_groups.py),
the layout and drawing (workout_view.py), opening the session (workout_open.py), the write
queue (workout_writes.py), the set timed, typed and saved (workout_sets.py, workout_tempo.py,
workout_cue.py) and the edits of the session (workout_edits.py).
Every key is an `action_*` method here, so a button can run it by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import Click
from textual.reactive import reactive

from ...domain.clock import SystemClock
from ...domain.session_model import Card
from ...domain.tempo_timer import TempoTimer
from ...services.workout import SessionWorkout
from ..widgets.set_entry import SetEntry
from .base import GymScreen
from .workout_controller import WorkoutController
from .workout_cue import CueDue, CueScheduler, TempoCues, default_cue_scheduler
from .workout_edits import SessionEdits
from .workout_keys import WORKOUT_BINDINGS
from .workout_open import SessionOpening
from .workout_sets import SetFlow
from .workout_states import State, action_allowed
from .workout_tempo import TempoRun
from .workout_view import WorkoutView, workout_layout
from .workout_writes import WriteQueue

if TYPE_CHECKING:
    from ...domain.settings import Settings
    from ...domain.units import Unit


class WorkoutScreen(GymScreen[None]):
    CSS_PATH = "workout.tcss"  # parsed when the screen first opens, not at start-up
    AUTO_FOCUS = ""  # focus is given by state: the set form's RPE field, else nothing
    SHOWS_REST = True  # the rest is drawn large here: no small badge in the header

    BINDINGS: ClassVar[list[BindingType]] = WORKOUT_BINDINGS

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
        yield from workout_layout(WorkoutScreen.state)

    def on_mount(self) -> None:
        self.tempo.clock = self.app.clock
        self.tempo.cues.scheduler = default_cue_scheduler(self.app.clock)
        self.view.follow_rest()
        self.load()

    def on_unmount(self) -> None:
        self.app.rest.changed.unsubscribe(self)
        self.tempo.cues.close()

    def on_resize(self) -> None:
        self.view.fit_figures()

    def on_screen_resume(self) -> None:
        self.view.fit_figures()  # the terminal may have been resized on another screen
        self.view.follow_rest()
        self.opening.resumed()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action_allowed(action, self.state, resting=self.app.rest.running)

    def watch_state(self, state: State) -> None:
        self.view.show_pane(state)
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

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        return self.sets.unsaved_work()

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
        self.view.draw_rest()

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
        self.edits.add_set()

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
        self.edits.whole_card()

    @on(Click, "#wo-card")
    def _card_tapped(self) -> None:
        if self.state == "ready":
            self.action_whole_card()

    def action_group(self) -> None:
        """A superset made now: the current exercise with the next, A1 -> A2 -> A1."""
        self.edits.group()

    def action_ungroup(self) -> None:
        """The way back from g: the current exercise done on its own, set after set."""
        self.edits.ungroup()

    def start_freestyle(self) -> None:
        """Asked on Today: open an empty session today and ask for its first exercise."""
        self.opening.start_freestyle()

    def action_new_session(self) -> None:
        self.opening.new_session()

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
        self.sets.pause()

    def action_stop_set(self) -> None:
        self.sets.stop()

    def action_cancel_timer(self) -> None:
        self.tempo.drop()
        self.state = "ready"

    def action_log_set(self) -> None:
        self.sets.log_set()

    def open_log(self, *, reps: int | None = None, seconds: float | None = None, hint: str = "",
                 edit: tuple[Card, int] | None = None) -> None:
        self.sets.open_log(reps=reps, seconds=seconds, hint=hint, edit=edit)

    def action_cancel_log(self) -> None:
        self.sets.cancel_log()

    @on(SetEntry.Submitted)
    def _form_submitted(self, event: SetEntry.Submitted) -> None:
        self.sets.submitted(event.values)

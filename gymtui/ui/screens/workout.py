"""Working sets: the exercise card, the tempo timer rep by rep, the set form, the rest.

The screen has four states. Ready: the card (target, tempo, rest, why, last time, a cue),
the sets of the exercise, and the rest counting down large. Timer: the tempo timer, phase by
phase. Log: the set form, pre-filled. Finished. The app keeps this screen while another
place shows (its section is `kept` in sections.py), so a running timer and the session
survive a visit to another screen; the rest itself belongs to the app (`app.rest`) and
shows small on the other screens.

Timing: nothing counts ticks. Each redraw reads `app.clock` through the timer and books the
next redraw for the moment something on screen changes (`next_redraw_in`), so no interval
runs while paused or idle. The bell of a phase change is rung on time by a cue thread
(workout_cue.py), since a busy loop can hold a redraw back; the flash follows on the loop.
Writes go through one queue, in order, on a worker thread; a set shows as saved (✓) only
once `add_set` has returned.
"""

from __future__ import annotations

from typing import Any, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, Static

from ...domain.journal import LoggedSet
from ...domain.tempo import TempoError
from ...domain.tempo_timer import TempoSchedule, TempoTimer
from ...domain.session_model import UNLOADED, Card
from ...domain.session_set import fields_of, make_logged, prefill, set_schedule
from ...services.workout import SessionWorkout as Workout
from ...services.workout import open_workout
from ...store import StoreError
from ..format import clock_text
from ..widgets.big_text import BigText
from ..widgets.rest_bar import RestPanel
from ..widgets.set_entry import SetEntry
from ..widgets.tempo_panel import TempoPanel, elapsed_text
from . import workout_text as text
from .workout_cue import TempoCues, default_cue_scheduler
from .workout_dialogs import ResumeDialog
from .workout_session import SessionEdits
from ...domain.wording import plural

State = Literal["loading", "ready", "timer", "log", "finished", "problem"]
FLASH_SECONDS = 0.3  # the band inverts this long at each phase change
# Textual's timers wake up to 0.5 ms early (textual._time.sleep trims every sleep): a redraw
# booked for a boundary is booked this much after it, so it lands just after the change
# instead of just before it (which cost a second redraw, and the flash came 5 ms late).
REDRAW_LATE = 0.001
CUE_BACKUP_LATE = 0.025  # the loop's own redraw after a boundary the cue thread signals
# From this many rows (120x33, not 80x24) the block figures are drawn ten rows tall.
LARGE_HEIGHT = 32

_READY = {"start_set", "log_set", "exercise", "move_set", "rest_more", "rest_skip", "add_set", "skip_set",
          "swap", "reorder", "edit_set", "delete_set", "tempo", "finish"}
_TIMER = {"pause", "stop_set", "cancel_timer"}


class WorkoutScreen(SessionEdits, TempoCues, Screen[None]):
    CSS_PATH = "workout.tcss"  # parsed when the screen first opens, not at start-up
    AUTO_FOCUS = ""  # focus is given by state: the set form's RPE field, else nothing
    SHOWS_REST = True  # the rest is drawn large here: no small badge in the header

    BINDINGS = [
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
        Binding("k", "skip_set", "Skip set", show=False),
        Binding("x", "swap", "Swap", show=False),
        Binding("less_than_sign", "reorder(-1)", "Move up", show=False),
        Binding("greater_than_sign", "reorder(1)", "Move down", show=False),
        Binding("delete,backspace", "delete_set", "Delete", show=False),
        Binding("equals_sign", "tempo", "Tempo", show=False),
        Binding("f", "finish", "Finish", show=False),
        Binding("space", "pause", "Pause/resume"),
        Binding("enter", "stop_set", "Stop & log"),
        Binding("escape", "cancel_timer", "Cancel"),
        Binding("escape", "cancel_log", "Cancel"),
        Binding("n", "new_session", "New session"),
        Binding("enter", "retry", "Try again"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.workout: Workout | None = None
        self.state: State = "loading"
        self.timer: TempoTimer | None = None
        self.schedule: TempoSchedule | None = None
        self.timer_started: Any = None  # wall time the set began (LoggedSet.started_at)
        self.cues = 0  # phase-change cues given (tests read it)
        self.editing: tuple[Card, int] | None = None  # set being edited, else a new set
        self._log_slot: tuple[Card, int] | None = None
        self._last_phase: int | None = None
        self._flash_until: float | None = None
        self._handle: Timer | None = None
        self._init_cues()
        self._asked_resume = False
        self._wanted: str | None = None  # an exercise asked for before the session was open
        self._replan_due = False  # settings changed the loads while a set was under way
        self._init_writes()

    # -- layout ------------------------------------------------------------------------------

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
        # Compact, and the palette (ctrl+p, listed in help) not shown: at 80 columns the keys
        # of a rest (+15 s, +30 s, skip) and t Today / ? Help all fit on the line.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.app.rest.subscribe(self._rest_changed)
        self.cue_scheduler = default_cue_scheduler(self.app.clock)
        self.load()

    def on_unmount(self) -> None:
        self.app.rest.unsubscribe(self._rest_changed)
        if self.cue_scheduler is not None:
            self.cue_scheduler.close()

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

    @work(thread=True, exclusive=True, group="workout-settings")
    def reload_settings(self) -> None:
        try:
            settings = self.app.store.settings()
        except StoreError:
            return  # the next write reports it
        self.app.call_from_thread(self._settings_loaded, settings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _READY:
            if action in ("rest_more", "rest_skip"):
                return self.state == "ready" and self.app.rest.running
            return self.state == "ready"
        if action in _TIMER:
            return self.state == "timer"
        if action == "cancel_log":
            return self.state == "log"
        if action == "new_session":
            return self.state == "finished"
        if action == "retry":
            return self.state == "problem"
        return True

    def set_state(self, state: State) -> None:
        self.state = state
        switcher = self.query_one("#wo-main", ContentSwitcher)
        switcher.current = {"ready": "wo-ready", "timer": "wo-timer", "log": "wo-log"}.get(state, "wo-message")
        self.query_one("#workout").set_class(state == "timer", "-timing")
        self.refresh_bindings()
        self.redraw()
        if state in ("ready", "timer", "finished"):
            self.set_focus(None)
        if state in ("ready", "finished"):
            self._replan_if_due()

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        workout = self.workout
        if workout is None:
            return None
        card, slot = self._log_slot if self.state == "log" and self._log_slot else (workout.card, workout.slot)
        where = f"{card.exercise.name}, {text.slot_label(card, slot)}"
        if self.state == "timer":
            return f"The timer is running for {where}: quitting loses this set."
        timed = self.timer_started is not None and self.editing is None  # the timer counted its reps
        if self.state == "log" and (timed or self.query_one("#wo-log", SetEntry).typed()):
            what = "the change to" if self.editing is not None else "the set form of"
            return f"You have not saved {what} {where}: quitting loses it."
        return None

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="workout-load")
    def load(self) -> None:
        app = self.app
        plan = app.make_plan()
        if plan is None:
            app.call_from_thread(self._problem,
                                 "Could not plan today's session (see the message). Press enter to try again.")
            return
        try:
            workout = open_workout(app.store, app.library, plan, app.now())
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            app.call_from_thread(self._problem, "Could not open today's session. Press enter to try again.")
            return
        except ValueError as error:
            app.call_from_thread(self._problem, str(error))
            return
        app.call_from_thread(self._loaded, workout)

    def action_retry(self) -> None:
        self.query_one("#wo-heading", Static).update("Loading today's session...")
        self.query_one("#wo-message", Static).update("Loading today's session...")
        self.state = "loading"
        self.refresh_bindings()
        self.load()

    def _problem(self, message: str) -> None:
        # The heading said "Loading..." until now; left so, it would contradict the message.
        self.query_one("#wo-heading", Static).update("Today's session is not open")
        self.query_one("#wo-message", Static).update(message)
        self.set_state("problem")

    def _loaded(self, workout: Workout) -> None:
        self.workout = workout
        wanted, self._wanted = self._wanted, None
        moved = wanted is not None and self._go_to_exercise(wanted)
        self.set_state("finished" if workout.session.status == "done" else "ready")
        if moved:
            self._save_position()
        # Enter on a Today row already answers "go on where?": no resume question then.
        if workout.resumed and not self._asked_resume and wanted is None:
            self._asked_resume = True
            self.app.clear_notifications()  # the start-up hint says the same
            card = workout.card
            message = (
                f"{workout.session.name}: {text.finished_text(workout)}.\n"
                f"Go on at [b]{card.exercise.name}, {text.slot_label(card, workout.slot)}[/b]."
            )
            summary = f"{workout.session.name}: {text.finished_text(workout)}"
            self.app.push_screen(ResumeDialog(message, summary), self._resume_answer)
        self._asked_resume = True

    def _resume_answer(self, resume: bool | None) -> None:
        if resume is None:
            self.app.action_today()  # the session stays as it was, to resume later
        elif resume is False and self.workout is not None:
            self.app.rest.skip()
            self._finish(self.workout, then_reload=True)

    def show_exercise(self, exercise_id: str) -> None:
        """Go to an exercise (chosen on Today), unless a set is being timed or logged."""
        if self.workout is None:
            self._wanted = exercise_id  # applied once the session is read
        elif self.state == "ready" and self._go_to_exercise(exercise_id):
            self._moved()

    def _go_to_exercise(self, exercise_id: str) -> bool:
        workout = self.workout
        assert workout is not None
        index = next((i for i, card in enumerate(workout.cards) if card.exercise.id == exercise_id), None)
        if index is None or workout.session.status == "done":
            return False
        workout.go_to(index)
        return True

    # -- drawing ---------------------------------------------------------------------------

    def redraw(self) -> None:
        workout = self.workout
        if workout is None:
            return
        card, slot = workout.card, workout.slot
        if self.state == "log" and self._log_slot is not None:
            card, slot = self._log_slot  # an edit may be of another exercise's set
        index = workout.cards.index(card) if card in workout.cards else workout.exercise
        self.query_one("#wo-heading", Static).update(text.heading(card, slot, index, len(workout.cards)))
        if self.state == "timer":
            card_text = f"{text.prescription_line(card)}\n{text.cue_line(card)}"
        elif self.state == "log":
            card_text = text.prescription_line(card)
        else:
            card_text = text.card_lines(card, every_cue=self.query_one("#workout").has_class("-large"))
        self.query_one("#wo-card", Static).update(card_text)
        sets = self.query_one("#wo-sets", Static)
        sets.update(text.set_strip(card, slot))
        sets.display = self.state != "timer"
        if self.state == "finished":
            self.query_one("#wo-message", Static).update(
                f"[b]Session finished[/b]: {text.finished_text(workout)}.\n"
                "Press [b]t[/b] for Today, or [b]n[/b] to start the next session."
            )
        self._draw_ready()

    def _draw_ready(self) -> None:
        workout = self.workout
        if workout is None or self.state != "ready":
            return
        rest = self.app.rest
        card = workout.card
        slot = workout.current
        resting = rest.running
        self.query_one("#wo-rest", RestPanel).display = resting
        big = self.query_one("#wo-next-big", BigText)
        big.display = not resting
        if workout.finished:
            big.update("DONE")
            nxt = "[b]All sets done.[/b] [b]f[/b] finishes the session; [b]a[/b] adds a set."
        elif slot.done or slot.skipped or slot.pending:
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
                f"   [$text-muted]set TUT {self._tut_text(card)}[/]"
            )
        self.query_one("#wo-next", Static).update(nxt)
        self.query_one("#wo-order", Static).update(text.order_line(workout))
        self.query_one("#wo-keys", Static).update(
            "[$text-muted]e[/] edit  [$text-muted]del[/] delete  [$text-muted]a[/] add set  "
            "[$text-muted]k[/] skip set  [$text-muted]x[/] swap  [$text-muted]< >[/] move  "
            "[$text-muted]=[/] tempo  [$text-muted]f[/] finish"
        )

    def _tut_text(self, card: Card) -> str:
        try:
            schedule = set_schedule(card, self.workout.settings if self.workout else None)  # type: ignore[arg-type]
        except (TempoError, ValueError):
            return "?"
        return clock_text(schedule.time_under_tension)

    def _rest_changed(self) -> None:
        rest = self.app.rest
        if self.workout is None or not self.is_mounted:
            return
        panels = self.query("#wo-rest").results(RestPanel)
        panel = next(panels, None)
        if panel is None:
            return  # the app is closing: the screen's widgets are already gone
        panel.show_rest(rest.timer, text.next_label(self.workout))
        if self.state == "ready":
            self._draw_ready()
            self.refresh_bindings()

    # -- the tempo timer ---------------------------------------------------------------------

    def action_start_set(self) -> None:
        workout = self.workout
        if workout is None or self.state != "ready":
            return
        if not self._on_todo():
            return
        try:
            schedule = set_schedule(workout.card, workout.settings)
        except (TempoError, ValueError) as error:
            self.app.notify(f"{error}\nPress = to type another tempo.", title="Tempo", severity="error")
            return
        self.app.rest.skip()  # the next set starts: the rest is over
        self.schedule = schedule
        self.timer = TempoTimer(schedule, self.app.clock)
        self.timer_started = self.app.now()
        self._last_phase = None
        self._flash_until = None
        self._reset_cues()
        self.set_state("timer")
        self.tick()

    def _on_todo(self) -> bool:
        """Put the cursor on a set still to do (this one, else the next); False if none."""
        workout = self.workout
        assert workout is not None
        slot = workout.current
        if slot.done or slot.skipped or slot.pending:
            todo = workout.card.first_todo(workout.slot)
            if todo is None:
                todo = workout.card.first_todo()
            if todo is None:
                self.app.notify("Every set of this exercise is done: a adds one, → goes to the next exercise.")
                return False
            workout.slot = todo
            self.redraw()
        return True

    def tick(self) -> None:
        """Redraw the timer from the clock and book the next redraw. Called by its own
        one-shot timer, and by tests after moving the FakeClock."""
        if self._handle is not None:
            self._handle.stop()
            self._handle = None
        timer, schedule = self.timer, self.schedule
        panel = next(self.query("#wo-timer").results(TempoPanel), None)
        if timer is None or schedule is None or panel is None:
            return  # no set running, or the app is closing (the widgets are gone)
        state = timer.state()
        now = self.app.clock.monotonic()
        if state.phase_index != self._last_phase:
            # One cue per change, however many phases a late redraw skipped.
            self._last_phase = state.phase_index
            self.cues += 1
            if self._claim_bell(state.phase_index):
                self.app.bell()
            self._flash_until = now + FLASH_SECONDS
        flashing = self._flash_until is not None and now < self._flash_until
        panel.flash(flashing)
        if state.finished:
            self._timer_finished(state.reps_completed, state.time_under_tension)
            return
        self._arm_cue(timer, state.phase_index + 1)
        panel.show(state, schedule, hold_set=self.workout is not None and self.workout.card.is_hold)
        delay = timer.next_redraw_in()
        if flashing and self._flash_until is not None:
            delay = min(delay, self._flash_until - now) if delay is not None else self._flash_until - now
        if delay is not None:
            late = REDRAW_LATE
            if self.cue_scheduler is not None and delay == timer.next_change_in():
                # A phase boundary: the cue thread rings and asks for the redraw (CueDue);
                # this one only backs it up, later, so the two do not compete at the boundary.
                late = CUE_BACKUP_LATE
            self._handle = self.set_timer(max(delay, 0.0) + late, self.tick, name="tempo-tick")

    @property
    def ticking(self) -> bool:
        return self._handle is not None

    def action_pause(self) -> None:
        if self.timer is None:
            return
        if self.timer.paused:
            self.timer.resume()
        else:
            self.timer.pause()
        self.tick()

    def action_stop_set(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.tick()

    def action_cancel_timer(self) -> None:
        self._drop_timer()
        self.set_state("ready")

    def _drop_timer(self) -> None:
        if self._handle is not None:
            self._handle.stop()
            self._handle = None
        self._cancel_cue()
        self.timer = None

    def _timer_finished(self, reps: int, tension: float) -> None:
        self._drop_timer()
        workout = self.workout
        if workout is None:
            return
        if workout.card.is_hold:
            self.open_log(seconds=round(tension), hint=f"timer: held {elapsed_text(tension)}")
        else:
            self.open_log(reps=reps, hint=f"timer: {reps} of {plural(workout.card.plan.reps, 'rep')}, TUT {elapsed_text(tension)}")

    # -- logging ---------------------------------------------------------------------------

    def action_log_set(self) -> None:
        if self.workout is not None and self.state == "ready" and self._on_todo():
            self.timer_started = None
            self.open_log()

    def open_log(self, *, reps: int | None = None, seconds: float | None = None, hint: str = "",
                 edit: tuple[Card, int] | None = None) -> None:
        workout = self.workout
        assert workout is not None
        card, slot = edit if edit is not None else (workout.card, workout.slot)
        self.editing = edit
        self._log_slot = (card, slot)
        if edit is not None:
            logged = card.slots[slot].logged
            assert logged is not None
            fields = fields_of(logged, card)
            title = f"[b]Edit {card.exercise.name}, {text.slot_label(card, slot)}[/b]: {text.short_set(logged)}"
        else:
            fields = prefill(card, slot, reps=reps, seconds=seconds)
            title = text.log_title(card, slot, self.size.width - 2)
        self.set_state("log")
        self.query_one("#wo-log", SetEntry).load_form(
            title, fields, unit=card.plan.unit, bodyweight_ok=card.plan.equipment in UNLOADED,
            hold=card.is_hold, unilateral=card.exercise.unilateral,
            reps_hint=hint or f"target {card.plan.reps}", editing=edit is not None,
        )

    def action_cancel_log(self) -> None:
        self.editing = None
        self.set_state("ready")

    @on(SetEntry.Submitted)
    def _form_submitted(self, event: SetEntry.Submitted) -> None:
        workout = self.workout
        if workout is None or self._log_slot is None:
            return
        card, slot = self._log_slot
        existing = card.slots[slot].logged if self.editing is not None else None
        try:
            logged = make_logged(event.values, session_id=workout.session.id, exercise=card.exercise.id,
                                 now=self.app.now(), started_at=self.timer_started, existing=existing)
        except ValueError as error:
            self.query_one("#wo-log", SetEntry).show_problem(str(error))
            return
        if event.values.tempo and event.values.tempo != card.tempo and existing is None:
            card.tempo = event.values.tempo  # the next sets are timed with the tempo typed
        if existing is not None:
            self._save_edit(card, slot, logged)
        else:
            self._save_new(card, slot, logged)
        self.editing = None
        self.set_state("ready")

    def _save_new(self, card: Card, slot: int, logged: LoggedSet) -> None:
        workout = self.workout
        assert workout is not None
        card.slots[slot].draft = logged
        one_side_left = card.exercise.unilateral and card.slots[slot].side == "left" and slot + 1 < len(card.slots) \
            and not card.slots[slot + 1].done
        if card is workout.card and workout.slot == slot and workout.advance():
            self.app.notify(f"{card.exercise.name} done. Next: {workout.card.exercise.name}.", timeout=6)
        if not one_side_left:
            # The right side follows the left without a rest; every other set starts one.
            self.app.rest.start(card.plan.rest_seconds, text.next_label(workout), bell=workout.settings.bell)
        self._queue("set", lambda: self.app.store.add_set(logged),
                    lambda saved: self._saved(card, slot, saved), lambda: self._save_failed(card, slot))
        self._save_position()
        self.redraw()

    def _saved(self, card: Card, slot: int, saved: LoggedSet) -> None:
        card.place(slot, saved)
        self.redraw()
        self._replan_if_due()
        if self.workout is not None and self.workout.finished:
            self.app.notify("Every set is logged. f finishes the session.", title="All done")

    def _save_failed(self, card: Card, slot: int) -> None:
        card.slots[slot].draft = None
        self.redraw()
        self._replan_if_due()

    def _save_edit(self, card: Card, slot: int, logged: LoggedSet) -> None:
        card.slots[slot].draft = logged
        self.redraw()

        def done(saved: LoggedSet) -> None:
            card.place(slot, saved)
            self.redraw()
            self.app.notify(f"Saved {text.short_set(saved)}", timeout=3)

        def failed() -> None:
            card.slots[slot].draft = None
            self.redraw()

        self._queue("set", lambda: self.app.store.update_set(logged), done, failed)

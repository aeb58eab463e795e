"""Working sets: the exercise card, the tempo timer rep by rep, the set form, the rest.

The screen has four states. Ready: the card (target, tempo, rest, why, last time, a cue),
the sets of the exercise, and the rest counting down large. Timer: the tempo timer, phase by
phase. Log: the set form, pre-filled. Finished. The app keeps one instance of this screen
(KEEP_ALIVE), so a running timer and the session survive a visit to another screen; the
rest itself belongs to the app (`app.rest`) and shows small on the other screens.

Timing: nothing counts ticks. Each redraw reads `app.clock` through the timer and books the
next redraw for the moment something on screen changes (`next_redraw_in`), so no interval
runs while paused or idle. Writes go through one queue, in order, on a worker thread; a set
shows as saved (✓) only once `add_set` has returned.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, Static

from ...domain.catalog import substitutes
from ...domain.journal import LoggedSet
from ...domain.tempo import TempoError
from ...domain.tempo_timer import TempoSchedule, TempoTimer
from ...services.workout import (
    UNLOADED,
    Card,
    Workout,
    fields_of,
    finish_session,
    make_logged,
    open_workout,
    prefill,
    set_schedule,
    swap_card,
)
from ...store import StoreError
from ..format import clock_text
from ..widgets.big_text import BigText
from ..widgets.rest_bar import RestPanel
from ..widgets.set_entry import SetEntry
from ..widgets.tempo_panel import TempoPanel, elapsed_text
from . import workout_text as text
from .workout_dialogs import ConfirmDialog, ResumeDialog, SwapDialog, TempoDialog

State = Literal["loading", "ready", "timer", "log", "finished", "problem"]
FLASH_SECONDS = 0.3  # the band inverts this long at each phase change

_READY = {"start_set", "log_set", "exercise", "move_set", "rest_more", "rest_skip", "add_set", "skip_set",
          "swap", "reorder", "edit_set", "delete_set", "tempo", "finish"}
_TIMER = {"pause", "stop_set", "cancel_timer"}


class WorkoutScreen(Screen[None]):
    AUTO_FOCUS = ""  # focus is given by state: the set form's RPE field, else nothing
    KEEP_ALIVE = True  # the app makes one and keeps it (see GymApp.action_open_section)
    SHOWS_REST = True  # the rest is drawn large here: no small badge in the header

    BINDINGS = [
        Binding("enter", "start_set", "Start set"),
        Binding("l", "log_set", "Log"),
        Binding("1", "rest_more(15)", "+15s"),
        Binding("3", "rest_more(30)", "+30s"),
        Binding("0", "rest_skip", "Skip rest"),
        Binding("right", "exercise(1)", "Exercise", key_display="←→"),
        Binding("left", "exercise(-1)", "Previous exercise", show=False),
        Binding("down", "move_set(1)", "Set", key_display="↑↓"),
        Binding("up", "move_set(-1)", "Previous set", show=False),
        Binding("e", "edit_set", "Edit"),
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
        self._asked_resume = False
        self._writes: deque[tuple[str, Callable[[], Any], Callable[[Any], None] | None, Callable[[], None] | None]] = deque()
        self._write_lock = threading.Lock()
        self._position_version = 0

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
        yield Footer()

    def on_mount(self) -> None:
        self.app.rest.subscribe(self._rest_changed)
        self.load()

    def on_screen_resume(self) -> None:
        # Back from another screen: draw the rest and the timer as they are now.
        if self.state != "log":
            self.set_focus(None)
        self.refresh_bindings()
        self._rest_changed()
        if self.timer is not None:
            self.tick()

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

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="workout-load")
    def load(self) -> None:
        app = self.app
        plan = app.make_plan()
        if plan is None:
            app.call_from_thread(self._problem, "Could not plan today's session (see the message).")
            return
        try:
            workout = open_workout(app.store, app.library, plan, app.now())
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            app.call_from_thread(self._problem, "Could not open today's session.")
            return
        except ValueError as error:
            app.call_from_thread(self._problem, str(error))
            return
        app.call_from_thread(self._loaded, workout)

    def _problem(self, message: str) -> None:
        self.query_one("#wo-message", Static).update(message)
        self.set_state("problem")

    def _loaded(self, workout: Workout) -> None:
        self.workout = workout
        self.set_state("finished" if workout.session.status == "done" else "ready")
        if workout.resumed and not self._asked_resume:
            self._asked_resume = True
            self.app.clear_notifications()  # the start-up hint says the same
            card = workout.card
            message = (
                f"{workout.session.name}: {text.finished_text(workout)}.\n"
                f"Go on at [b]{card.exercise.name}, {text.slot_label(card, workout.slot)}[/b]."
            )
            self.app.push_screen(ResumeDialog(message), self._resume_answer)
        self._asked_resume = True

    def _resume_answer(self, resume: bool | None) -> None:
        if resume is False and self.workout is not None:
            self.app.rest.skip()
            self._finish(self.workout, then_reload=True)

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
            card_text = text.card_lines(card)
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
            nxt = (
                f"[b]Enter[/b] starts the timer{lead_text}   [b]l[/b] logs without it"
                f"   [$text-muted]set TUT {self._tut_text(card)}[/]"
            )
        self.query_one("#wo-next", Static).update(nxt)
        self.query_one("#wo-order", Static).update(text.order_line(workout))
        self.query_one("#wo-keys", Static).update(
            "[$text-muted]a[/] add set  [$text-muted]k[/] skip set  [$text-muted]x[/] swap  "
            "[$text-muted]< >[/] move  [$text-muted]del[/] delete  [$text-muted]=[/] tempo  [$text-muted]f[/] finish"
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
        label = text.next_label(self.workout)
        self.query_one("#wo-rest", RestPanel).show_rest(rest.timer, label)
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
        if timer is None or schedule is None:
            return
        state = timer.state()
        now = self.app.clock.monotonic()
        if state.phase_index != self._last_phase:
            # One cue per change, however many phases a late redraw skipped.
            self._last_phase = state.phase_index
            self.cues += 1
            if self.workout is not None and self.workout.settings.bell:
                self.app.bell()
            self._flash_until = now + FLASH_SECONDS
        flashing = self._flash_until is not None and now < self._flash_until
        panel = self.query_one("#wo-timer", TempoPanel)
        panel.flash(flashing)
        if state.finished:
            self._timer_finished(state.reps_completed, state.time_under_tension)
            return
        panel.show(state, schedule, hold_set=self.workout is not None and self.workout.card.is_hold)
        delay = timer.next_redraw_in()
        if flashing and self._flash_until is not None:
            delay = min(delay, self._flash_until - now) if delay is not None else self._flash_until - now
        if delay is not None:
            self._handle = self.set_timer(max(delay, 0.005), self.tick, name="tempo-tick")

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
        self.timer = None

    def _timer_finished(self, reps: int, tension: float) -> None:
        self._drop_timer()
        workout = self.workout
        if workout is None:
            return
        if workout.card.is_hold:
            self.open_log(seconds=round(tension), hint=f"timer: held {elapsed_text(tension)}")
        else:
            self.open_log(reps=reps, hint=f"timer: {reps} of {workout.card.plan.reps} reps, TUT {elapsed_text(tension)}")

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
            title = f"[b]Log {card.exercise.name}, {text.slot_label(card, slot)}[/b]   target {text.target_text(card)}"
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
        if card is workout.card and workout.slot == slot:
            workout.advance()
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
        if self.workout is not None and self.workout.finished:
            self.app.notify("Every set is logged. f finishes the session.", title="All done")

    def _save_failed(self, card: Card, slot: int) -> None:
        card.slots[slot].draft = None
        self.redraw()

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

    # -- edits of the session --------------------------------------------------------------

    def _editable(self) -> tuple[Card, int] | None:
        """The set under the cursor if it is logged, else the newest set of the session."""
        workout = self.workout
        if workout is None:
            return None
        if workout.current.done and not workout.current.draft:
            return workout.card, workout.slot
        last = workout.last_logged()
        if last is None:
            return None
        card_index, slot = last
        return workout.cards[card_index], slot

    def action_edit_set(self) -> None:
        target = self._editable()
        if target is None:
            self.app.notify("No set logged yet to edit.")
            return
        self.open_log(edit=target)

    def action_delete_set(self) -> None:
        target = self._editable()
        if target is None:
            self.app.notify("No set logged yet to delete.")
            return
        card, slot = target
        logged = card.slots[slot].logged
        assert logged is not None

        def answer(yes: bool | None) -> None:
            if yes:
                self._queue("set", lambda: self.app.store.delete_set(logged),
                            lambda _: self._deleted(card, slot, logged), None)

        self.app.push_screen(
            ConfirmDialog("Delete a set", f"{card.exercise.name}, {text.slot_label(card, slot)}: "
                          f"{text.short_set(logged)}", "delete it", "keep it"), answer)

    def _deleted(self, card: Card, slot: int, logged: LoggedSet) -> None:
        if card.slots[slot].logged is not None and card.slots[slot].logged.id == logged.id:
            card.slots[slot].logged = None
        workout = self.workout
        if workout is not None and card in workout.cards:
            workout.go_to(workout.cards.index(card), slot)
            self._save_position()
        self.redraw()
        self.app.notify(f"Deleted {text.short_set(logged)}", timeout=3)

    def action_exercise(self, delta: int) -> None:
        if self.workout is not None:
            self.workout.move_exercise(delta)
            self._moved()

    def action_move_set(self, delta: int) -> None:
        if self.workout is not None:
            self.workout.move_set(delta)
            self._moved()

    def action_reorder(self, delta: int) -> None:
        if self.workout is not None and self.workout.reorder(delta):
            self._moved()

    def action_add_set(self) -> None:
        workout = self.workout
        if workout is None:
            return
        first = workout.card.add_set()
        if workout.current.done or workout.current.skipped:
            workout.slot = first
        self.app.notify(f"{workout.card.exercise.name}: set {workout.card.sets} added", timeout=3)
        self._moved()

    def action_skip_set(self) -> None:
        workout = self.workout
        if workout is None:
            return
        if workout.card.toggle_skip(workout.slot):
            workout.advance()
        self._moved()

    def _moved(self) -> None:
        self._save_position()
        self.redraw()
        self._rest_changed()

    def action_rest_more(self, seconds: int) -> None:
        self.app.rest.extend(seconds)

    def action_rest_skip(self) -> None:
        self.app.rest.skip()

    def action_tempo(self) -> None:
        workout = self.workout
        if workout is None:
            return
        card = workout.card
        if card.is_hold:
            self.app.notify(f"{card.exercise.name} is a hold of {card.plan.hold_seconds} s: no tempo to set.")
            return

        def chosen(tempo: str | None) -> None:
            if tempo is not None:
                card.tempo = tempo
                self.redraw()

        self.app.push_screen(TempoDialog(card.exercise.name, card.tempo, card.exercise.starts_concentric), chosen)

    def action_swap(self) -> None:
        workout = self.workout
        if workout is None:
            return
        card = workout.card
        if any(s.logged or s.draft for s in card.slots):
            self.app.notify("Sets are logged for this exercise: swap it before its first set.", severity="warning")
            return
        taken = {c.exercise.id for c in workout.cards}
        options = [e for e in substitutes(self.app.library.catalog, card.exercise.id) if e.id not in taken]
        original = next((i.exercise for i in workout.plan.exercises if i.exercise.pattern == card.exercise.pattern
                         and i.exercise.id not in taken), None)
        if original is not None:
            options = [original] + [e for e in options if e.id != original.id]
        if not options:
            self.app.notify(f"No other {card.exercise.pattern.replace('_', ' ')} exercise to swap in.")
            return
        index = workout.exercise

        def chosen(exercise) -> None:
            if exercise is not None:
                self.swap(index, card, exercise)

        self.app.push_screen(SwapDialog(card.exercise, options), chosen)

    @work(thread=True, group="workout-swap")
    def swap(self, index: int, old: Card, exercise) -> None:
        app = self.app
        workout = self.workout
        assert workout is not None
        try:
            new = swap_card(app.store, app.library, workout, index, exercise, app.now().date())
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            return
        app.call_from_thread(self._swapped, old, new)

    def _swapped(self, old: Card, new: Card) -> None:
        workout = self.workout
        if workout is None or old not in workout.cards:
            return
        index = workout.cards.index(old)
        workout.cards[index] = new
        workout.go_to(index)
        self.app.notify(f"{old.exercise.name} swapped for {new.exercise.name}", timeout=4)
        self._moved()

    def action_finish(self) -> None:
        workout = self.workout
        if workout is None:
            return
        todo = sum(1 for card in workout.cards for slot in card.slots if not slot.done and not slot.skipped)
        left = f"\n{todo} planned sets are not logged." if todo else ""

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.rest.skip()
                self._finish(workout)

        self.app.push_screen(ConfirmDialog("Finish the session", f"{text.finished_text(workout)}.{left}",
                                           "finish it", "keep going"), answer)

    def _finish(self, workout: Workout, *, then_reload: bool = False) -> None:
        session = workout.session_with_position()
        # Marked done now, so no later position write can put it back in progress.
        workout.session = session.model_copy(update={"status": "done"})

        def done(saved) -> None:
            workout.session = saved
            if then_reload:
                self.workout = None
                self.set_state("loading")
                self.load()
            else:
                self.set_state("finished")

        self._queue("session", lambda: finish_session(self.app.store, session, self.app.now()), done, None)

    def action_new_session(self) -> None:
        self.workout = None
        self._asked_resume = True
        self.query_one("#wo-message", Static).update("Opening the next session...")
        self.set_state("loading")
        self.load()

    # -- writes ------------------------------------------------------------------------------

    def _save_position(self) -> None:
        workout = self.workout
        if workout is None or workout.session.status == "done":
            return
        workout.session = workout.session_with_position()
        session = workout.session
        # Only the newest position matters: a write overtaken by a newer one is left out.
        self._position_version += 1
        version = self._position_version

        def write() -> None:
            if version == self._position_version:
                self.app.store.save_session(session)

        self._queue("position", write, None, None)

    def _queue(self, kind: str, write: Callable[[], Any], done: Callable[[Any], None] | None,
               failed: Callable[[], None] | None) -> None:
        self._writes.append((kind, write, done, failed))
        self._drain()

    @work(thread=True, group="workout-write")
    def _drain(self) -> None:
        """Run queued writes in order; one thread at a time, so an edit never overtakes its add."""
        app = self.app
        with self._write_lock:
            while self._writes:
                _, write, done, failed = self._writes.popleft()
                try:
                    result = write()
                except StoreError as error:
                    if failed is not None:
                        app.call_from_thread(failed)
                    app.call_from_thread(app.report_store_error, error)
                    continue
                if done is not None:
                    app.call_from_thread(done, result)

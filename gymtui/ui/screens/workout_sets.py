"""A set on the workout screen: started under the tempo timer, typed in the form, saved.

A part of the screen (composed, not inherited). The timer's redraws and cues are
workout_tempo.py's; what the form's values do to the session is the controller's; the
writes go through the screen's write queue, and a set shows as saved (✓) only once the
store has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.entry import SetValues
from ...domain.journal import LoggedSet
from ...domain.session_model import UNLOADED, Card
from ...domain.session_set import fields_of, prefill, set_schedule
from ...domain.tempo import TempoError
from ...domain.tempo_timer import TempoTimer
from ...domain.wording import plural
from ..dialogs.confirm import ConfirmDialog
from ..widgets.set_entry import SetEntry
from ..widgets.tempo_panel import TempoPanel, elapsed_text
from . import workout_text as text
from .workout_controller import NewSet
from .workout_cue import CueDue, ring_from_thread
from .workout_writes import Write

if TYPE_CHECKING:
    from .workout import WorkoutScreen


class SetFlow:
    def __init__(self, screen: WorkoutScreen) -> None:
        self.screen = screen

    # -- the tempo timer -----------------------------------------------------------------------

    def start_set(self) -> None:
        screen = self.screen
        workout = screen.workout
        if workout is None or screen.state != "ready" or not self.on_todo():
            return
        try:
            schedule = set_schedule(workout.card, workout.settings)
        except (TempoError, ValueError) as error:
            screen.app.notify(f"{error}\nPress = to type another tempo.", title="Tempo", severity="error")
            return
        screen.app.rest.skip()  # the next set starts: the rest is over
        screen.tempo.start(schedule, screen.app.now())
        screen.state = "timer"
        screen.tick()

    def on_todo(self) -> bool:
        """Put the cursor on a set still to do (this one, else the next); False if none."""
        screen = self.screen
        workout = screen.workout
        assert workout is not None
        slot = workout.slot
        if not screen.controller.on_todo():
            screen.app.notify("Every set of this exercise is done: a adds one, → goes to the next exercise.")
            return False
        if workout.slot != slot:
            screen.redraw()
        return True

    def tick(self) -> None:
        screen, tempo = self.screen, self.screen.tempo
        tempo.unbook()
        panel = next(screen.query("#wo-timer").results(TempoPanel), None)
        frame = tempo.frame() if panel is not None else None
        if frame is None or panel is None:
            return  # no set running, or the app is closing (the widgets are gone)
        if frame.state.finished:
            panel.flash(frame.flashing)
            self._timer_finished(frame.state.reps_completed, frame.state.time_under_tension)
            return
        assert tempo.schedule is not None
        workout = screen.workout
        panel.show(frame.state, tempo.schedule, hold_set=workout is not None and workout.card.is_hold,
                   flashing=frame.flashing)
        tempo.book_next(frame, screen.tick, self._cue_due)

    def pause(self) -> None:
        """Pause or resume the set being timed."""
        if self.screen.timer is not None:
            self.screen.tempo.toggle_pause()
            self.screen.tick()

    def stop(self) -> None:
        """Stop the set being timed, to log the reps it counted."""
        if self.screen.timer is not None:
            self.screen.tempo.stop()
            self.screen.tick()

    def ring(self) -> None:
        """The bell of a phase change seen by the redraw, when the settings allow it."""
        workout = self.screen.workout
        if workout is not None and workout.settings.bell:
            self.screen.app.bell()

    def _cue_due(self, timer: TempoTimer, phase: int) -> None:
        """On the cue thread, at the boundary: ring now, and have the loop redraw (the flash)."""
        screen = self.screen
        if not screen.tempo.cue_due(timer, phase):
            return
        workout = screen.workout
        if screen.tempo.cues.claim_bell(phase) and workout is not None and workout.settings.bell:
            ring_from_thread(screen.app)
        screen.post_message(CueDue())

    def _timer_finished(self, reps: int, tension: float) -> None:
        self.screen.tempo.drop()
        workout = self.screen.workout
        if workout is None:
            return
        if workout.card.is_hold:
            self.open_log(seconds=round(tension), hint=f"timer: held {elapsed_text(tension)}")
        else:
            target = plural(workout.card.plan.reps, "rep")
            self.open_log(reps=reps, hint=f"timer: {reps} of {target}, TUT {elapsed_text(tension)}")

    # -- the set form ----------------------------------------------------------------------------

    def _where(self) -> str | None:
        """The set the screen shows, as words ("Face Pull, set 1 of 2")."""
        screen = self.screen
        shown = screen.controller.shown(screen.state)
        if shown is None:
            return None
        card, slot = shown
        return f"{card.exercise.name}, {text.slot_label(card, slot)}"

    def _form_holds(self) -> str | None:
        """What the open set form holds beyond what it was filled with: "typed" (the lifter
        changed a field), "timed" (the timer counted its reps), or None."""
        screen = self.screen
        if screen.state != "log":
            return None
        if screen.query_one("#wo-log", SetEntry).typed():
            return "typed"
        editing = screen.controller.editing is not None
        return "timed" if screen.tempo.started_at is not None and not editing else None

    def unsaved_work(self) -> str | None:
        """What quitting now would lose: a set being timed, or a set form typed or counted."""
        where = self._where()
        if where is None:
            return None
        if self.screen.state == "timer":
            return f"The timer is running for {where}: quitting loses this set."
        if self._form_holds():
            what = "the change to" if self.screen.controller.editing is not None else "the set form of"
            return f"You have not saved {what} {where}: quitting loses it."
        return None

    def cancel_log(self) -> None:
        """Esc on the set form: it closes at once when it holds only what it was filled with;
        what the lifter typed, or the reps the timer counted, go only when they say so."""
        where, holds = self._where(), self._form_holds()
        if where is None or holds is None:
            self.close_log()
            return
        what = "What you typed" if holds == "typed" else "The set the timer counted"
        question = ConfirmDialog("Leave the set form?", f"{what} for {where} will not be saved.",
                                 "leave it", "keep it")
        self.screen.app.push_screen(question, lambda leave: self.close_log() if leave else None)

    def close_log(self) -> None:
        self.screen.controller.close_form()
        self.screen.state = "ready"

    def log_set(self) -> None:
        screen = self.screen
        if screen.workout is not None and screen.state == "ready" and self.on_todo():
            screen.tempo.started_at = None
            self.open_log()

    def open_log(self, *, reps: int | None = None, seconds: float | None = None, hint: str = "",
                 edit: tuple[Card, int] | None = None) -> None:
        screen = self.screen
        card, slot = screen.controller.open_form(edit)
        if edit is not None:
            logged = card.slots[slot].logged
            assert logged is not None
            fields = fields_of(logged, card)
            title = f"[b]Edit {card.exercise.name}, {text.slot_label(card, slot)}[/b]: {text.short_set(logged)}"
        else:
            fields = prefill(card, slot, reps=reps, seconds=seconds)
            title = text.log_title(card, slot, screen.size.width - 2)
        screen.state = "log"
        screen.query_one("#wo-log", SetEntry).load_form(
            title, fields, unit=card.plan.unit, bodyweight_ok=card.plan.equipment in UNLOADED,
            hold=card.is_hold, unilateral=card.exercise.unilateral,
            reps_hint=hint or f"target {card.plan.reps}", editing=edit is not None,
        )

    def submitted(self, values: SetValues) -> None:
        screen = self.screen
        try:
            result = screen.controller.submit(values, screen.app.now(), screen.tempo.started_at)
        except ValueError as error:
            screen.query_one("#wo-log", SetEntry).show_problem(str(error))
            return
        if isinstance(result, NewSet):
            self._save_new(result)
        elif result is not None:
            self._save_edit(*result)
        screen.state = "ready"

    # -- saving ----------------------------------------------------------------------------------

    def _save_new(self, new: NewSet) -> None:
        screen = self.screen
        workout = screen.workout
        assert workout is not None
        card, slot = new.card, new.slot
        if new.next_exercise is not None:
            screen.app.notify(f"{card.exercise.name} done. Next: {new.next_exercise}.", timeout=6)
        if new.rest:
            screen.app.rest.start(new.rest_seconds, text.next_label(workout), bell=workout.settings.bell)
        screen.writes.put(Write(lambda: screen.app.store.add_set(new.logged),
                                lambda saved: self._saved(card, slot, saved), lambda: self._save_failed(card, slot)))
        screen.save_position()
        screen.redraw()

    def _saved(self, card: Card, slot: int, saved: LoggedSet) -> None:
        screen = self.screen
        screen.controller.saved(card, slot, saved)
        screen.redraw()
        screen.edits.replan_if_due()
        if screen.workout is not None and screen.workout.finished:
            screen.app.notify("Every set is logged. f finishes the session.", title="All done")

    def _save_failed(self, card: Card, slot: int) -> None:
        self.screen.controller.not_saved(card, slot)
        self.screen.redraw()
        self.screen.edits.replan_if_due()

    def _save_edit(self, card: Card, slot: int, logged: LoggedSet) -> None:
        screen = self.screen
        screen.redraw()

        def done(saved: LoggedSet) -> None:
            screen.controller.saved(card, slot, saved)
            screen.redraw()
            screen.app.notify(f"Saved {text.short_set(saved)}", timeout=3)

        def failed() -> None:
            screen.controller.not_saved(card, slot)
            screen.redraw()

        screen.writes.put(Write(lambda: screen.app.store.update_set(logged), done, failed))

"""The workout screen's session edits and its write queue (a mixin of WorkoutScreen).

Moving between exercises and sets, reordering, swapping, adding and skipping sets, editing
and deleting logged sets, the tempo of the day, finishing, and new loads when a setting
such as the unit changes. Every store write goes through
one queue run on a worker thread, in order, so an edit never overtakes the set it edits and
the position saved is always the newest.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import Static

from ...domain.journal import LoggedSet
from ...domain.settings import Settings, changes_plan
from ...domain.units import Unit
from ...services.chosen_loads import chosen_plan
from ...domain.session_model import Card
from ...services.workout import SessionWorkout as Workout
from ...services.workout import finish_session, replanned, swap_card
from ...store import StoreError
from . import workout_text as text
from .workout_dialogs import ConfirmDialog, SwapDialog, TempoDialog

if TYPE_CHECKING:
    from .workout import WorkoutScreen

    _Base = WorkoutScreen
else:
    _Base = object


class SessionEdits(_Base):
    """Needs from the screen: workout, redraw(), open_log(), set_state(), load(), _rest_changed()."""

    def _init_writes(self) -> None:
        self._writes: deque[tuple[str, Callable[[], Any], Callable[[Any], None] | None, Callable[[], None] | None]] = deque()
        self._write_lock = threading.Lock()
        self._position_version = 0

    # -- settings changed while the session is open ---------------------------------------

    def settings_changed(self, settings: Settings) -> None:
        """Told by the settings screen as soon as a change is saved."""
        self._settings_loaded(settings)

    def _settings_loaded(self, settings: Settings) -> None:
        workout = self.workout
        if workout is None:
            return
        if changes_plan(workout.settings, settings):
            self._replan_due = True  # the loads still to do, in the new unit and steps
        workout.settings = settings
        self._replan_if_due()
        self.redraw()

    def _replan_if_due(self) -> None:
        # Not while a set is timed, typed or on its way to disk: the cards stay as they are
        # until the lifter is back at the card.
        workout = self.workout
        if not self._replan_due or workout is None or self.state not in ("ready", "finished"):
            return
        if any(slot.pending for card in workout.cards for slot in card.slots):
            return
        self._replan_due = False
        self.replan(workout, workout.settings)

    @work(thread=True, exclusive=True, group="workout-replan")
    def replan(self, workout: Workout, settings: Settings) -> None:
        app = self.app
        plan = app.make_plan(settings)
        if plan is None:
            return
        try:
            plans = replanned(app.store, app.library, workout, plan, settings)
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            return
        app.call_from_thread(self._replanned, workout, plan, settings, plans)

    def _replanned(self, workout: Workout, plan, settings: Settings, plans) -> None:
        if workout is not self.workout or settings != workout.settings:
            return  # a newer change or another session: that one re-plans
        if [c.exercise.id for c in workout.cards] != [p.exercise for p in plans]:
            self._replan_due = True  # a swap or a reorder came in between: plan again
            self._replan_if_due()
            return
        workout.apply_plans(plan, settings, plans)
        self.redraw()

    def load_chosen(self, exercise: str, load: float, unit: Unit) -> None:
        """Told by the warm-up when the lifter types a working load: it is this session's load
        for the exercise. Kept in the screen's copy of the session too, so the next position
        write does not lose it."""
        workout = self.workout
        if workout is None:
            return
        chosen = {**workout.session.chosen_loads, exercise: (load, unit)}
        workout.session = workout.session.model_copy(update={"chosen_loads": chosen})
        for card in workout.cards:
            if card.exercise.id == exercise:
                card.plan = chosen_plan(card.plan, load, unit, workout.settings)
        self.redraw()

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
        options = [e for e in self.app.library.substitutes(card.exercise.id) if e.id not in taken]
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
        left = text.not_logged(todo)

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

"""The workout screen's edits of the session: a set added, a superset made or undone, and
those that ask first or read the store: delete and edit a set, swap an exercise, the tempo
of the day, finishing, new loads after a change of settings; and the whole card shown.

A part of the screen (composed, not inherited): it asks the dialogs, hands the answer to
the controller, and queues what must be written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.journal import LoggedSet, Session
from ...domain.library import Exercise
from ...domain.progression import Plan
from ...domain.session_model import Card
from ...domain.settings import Settings
from ...services.planning import SessionPlan
from ...services.workout import SessionWorkout, add_card, finish_session, replanned, swap_card
from ...store import StoreError
from ..dialogs.add_exercise import AddExerciseDialog, NewExercise
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.workout import CardDialog, SwapDialog, TempoDialog
from ..own_training import open_exercise_form
from . import workout_text as text
from .workout_exercises import add_place, swap_options, taken
from .workout_writes import Write

if TYPE_CHECKING:
    from .workout import WorkoutScreen


class SessionEdits:
    def __init__(self, screen: WorkoutScreen) -> None:
        self.screen = screen

    @property
    def workout(self) -> SessionWorkout | None:
        return self.screen.workout

    # -- the session's sets and supersets ----------------------------------------------------

    def add_set(self) -> None:
        screen = self.screen
        card = screen.controller.add_set()
        if card is not None:
            screen.app.notify(f"{card.exercise.name}: set {card.sets} added", timeout=3)
            screen.moved()

    def group(self) -> None:
        screen = self.screen
        label = screen.controller.group_with_next()
        if label is None:
            screen.app.notify("The last exercise has none after it to pair with: < > move it first.")
            return
        screen.app.notify(f"Superset {label}: one set of each in turn, the rest after the round.", timeout=5)
        screen.moved()

    def ungroup(self) -> None:
        screen = self.screen
        name = self.workout.card.exercise.name if self.workout is not None else ""
        label = screen.controller.ungroup()
        if label is None:
            screen.app.notify(f"{name} is in no superset: g pairs it with the next exercise.")
            return
        screen.app.notify(f"{name} is out of superset {label}: its sets come one after another.", timeout=5)
        screen.moved()

    def whole_card(self) -> None:
        screen = self.screen
        shown = screen.controller.shown(screen.state)
        if shown is not None:
            card, slot = shown
            screen.app.push_screen(CardDialog(f"{card.exercise.name}, {text.slot_label(card, slot)}",
                                              text.card_lines(card, every_cue=True)))

    # -- a logged set ------------------------------------------------------------------------

    def edit_set(self) -> None:
        target = self.screen.controller.editable()
        if target is None:
            self.screen.app.notify("No set logged yet to edit.")
            return
        self.screen.open_log(edit=target)

    def delete_set(self) -> None:
        screen = self.screen
        target = screen.controller.editable()
        if target is None:
            screen.app.notify("No set logged yet to delete.")
            return
        card, slot = target
        logged = card.slots[slot].logged
        assert logged is not None

        def answer(yes: bool | None) -> None:
            if yes:
                screen.writes.put(Write(lambda: screen.app.store.delete_set(logged),
                                        lambda _: self._deleted(card, slot, logged)))

        screen.app.push_screen(
            ConfirmDialog("Delete a set", f"{card.exercise.name}, {text.slot_label(card, slot)}: "
                          f"{text.short_set(logged)}", "delete it", "keep it"), answer)

    def _deleted(self, card: Card, slot: int, logged: LoggedSet) -> None:
        if self.screen.controller.deleted(card, slot, logged):
            self.screen.save_position()
        self.screen.redraw()
        self.screen.app.notify(f"Deleted {text.short_set(logged)}", timeout=3)

    # -- the exercise ------------------------------------------------------------------------

    def tempo(self) -> None:
        workout = self.workout
        if workout is None:
            return
        card = workout.card
        if card.is_hold:
            self.screen.app.notify(f"{card.exercise.name} is a hold of {card.plan.hold_seconds} s: no tempo to set.")
            return

        def chosen(tempo: str | None) -> None:
            if tempo is not None:
                card.tempo = tempo
                self.screen.redraw()

        self.screen.app.push_screen(TempoDialog(card.exercise.name, card.tempo, card.exercise.starts_concentric),
                                    chosen)

    def swap(self) -> None:
        screen = self.screen
        workout = self.workout
        if workout is None:
            return
        options = swap_options(workout, screen.app.library.substitutes(workout.card.exercise.id))
        if isinstance(options, str):
            screen.app.notify(options, severity="warning" if workout.card.started else "information")
            return
        index, card = workout.exercise, workout.card

        def chosen(exercise: Exercise | None) -> None:
            if exercise is not None:
                screen.run_worker(lambda: self._swap(workout, index, card, exercise), thread=True,
                                  group="workout-swap")

        screen.app.push_screen(SwapDialog(card.exercise, options), chosen)

    def _swap(self, workout: SessionWorkout, index: int, old: Card, exercise: Exercise) -> None:
        app = self.screen.app
        try:
            new = swap_card(app.store, app.library, workout, index, exercise, app.now().date())
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            return
        app.call_from_thread(self._swapped, old, new)

    def _swapped(self, old: Card, new: Card) -> None:
        if self.screen.controller.swapped(old, new):
            self.screen.app.notify(f"{old.exercise.name} swapped for {new.exercise.name}", timeout=4)
            self.screen.moved()

    # -- adding an exercise here ----------------------------------------------------------------

    def add_exercise(self) -> None:
        screen = self.screen
        workout = self.workout
        if workout is None:
            return
        at, where = add_place(workout)
        used = taken(workout)
        offered = [e for e in screen.app.library.offered() if e.id not in used]

        def chosen(choice: Exercise | NewExercise | None) -> None:
            if isinstance(choice, NewExercise):
                open_exercise_form(screen.app, None, then=new_one, name=choice.name)
            elif isinstance(choice, Exercise):
                self.add(workout, choice, at)

        def new_one(exercise_id: str | None) -> None:
            exercise = screen.app.library.exercise(exercise_id) if exercise_id else None
            if exercise is not None:
                self.add(workout, exercise, at)

        in_session = [card.exercise for card in workout.cards]
        screen.app.push_screen(AddExerciseDialog(offered, where, in_session), chosen)

    def add(self, workout: SessionWorkout, exercise: Exercise, at: int) -> None:
        """Store `exercise` in the session at `at` (through the write queue, after the writes
        before it) and put its card there."""
        screen = self.screen
        today = screen.app.now().date()

        def done(result: tuple[Session, Card]) -> None:
            session, card = result
            if screen.controller.exercise_added(workout, session, card, at):
                reasons = "; ".join(card.plan.reasons[:2])
                screen.app.notify(f"{exercise.name} added: {text.target_text(card)}. {reasons}", timeout=8)
                if screen.state == "empty":
                    screen.state = "ready"
                screen.moved()

        screen.writes.put(Write(lambda: add_card(screen.app.store, screen.app.library, workout, exercise, at, today),
                                done))

    # -- finishing ---------------------------------------------------------------------------

    def finish(self) -> None:
        workout = self.workout
        if workout is None:
            return
        left = text.not_logged(workout.todo_count())

        def answer(yes: bool | None) -> None:
            if yes:
                self.screen.app.rest.skip()
                self.finish_now()

        self.screen.app.push_screen(ConfirmDialog("Finish the session", f"{text.finished_text(workout)}.{left}",
                                                  "finish it", "keep going"), answer)

    def finish_now(self, *, then_reload: bool = False) -> None:
        screen = self.screen
        workout = self.workout
        if workout is None:
            return
        session = screen.controller.finishing()

        def done(saved: Session) -> None:
            workout.session = saved
            if then_reload:
                screen.opening.reopen()
            else:
                screen.state = "finished"

        screen.writes.put(Write(lambda: finish_session(screen.app.store, session, screen.app.now()), done))

    # -- new loads after a change of settings --------------------------------------------------

    def replan_if_due(self) -> None:
        workout = self.workout
        if workout is not None and self.screen.controller.take_replan(self.screen.state):
            settings = workout.settings
            self.screen.run_worker(lambda: self._replan(workout, settings), thread=True, exclusive=True,
                                   group="workout-replan")

    def _replan(self, workout: SessionWorkout, settings: Settings) -> None:
        app = self.screen.app
        plan = app.make_plan(settings)
        if plan is None:
            return
        try:
            plans = replanned(app.store, app.library, workout, plan, settings)
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            return
        app.call_from_thread(self._replanned, workout, plan, settings, plans)

    def _replanned(self, workout: SessionWorkout, plan: SessionPlan, settings: Settings, plans: list[Plan]) -> None:
        if self.screen.controller.replanned(workout, plan, settings, plans):
            self.screen.redraw()
        else:
            self.replan_if_due()  # a swap or a reorder came in between: plan again

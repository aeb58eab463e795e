"""What each key of the workout screen does to the session, without Textual.

The screen owns the widgets, the dialogs and the timers; this owns the session being worked
(`Workout`, from the domain) and answers the screen's questions: where does the cursor go,
which set does the form log, what is saved, does a rest start. Which key acts in which state
is workout_states.py; supersets, workout_groups.py; adding and swapping an exercise,
workout_exercises.py. Tests drive it without an app. Nothing here touches the store: what
must be written is handed back to the screen, which queues it (workout_writes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pendulum

from ...domain.entry import SetValues
from ...domain.journal import LoggedSet, Session
from ...domain.progression import Plan
from ...domain.session_model import Card
from ...domain.session_set import make_logged
from ...domain.settings import Settings, changes_plan
from ...domain.units import Unit
from ...services.chosen_loads import chosen_plan
from .workout_groups import group_with_next, groups_today, next_in_group, out_of_group
from .workout_states import State

if TYPE_CHECKING:
    from ...services.planning import SessionPlan
    from ...services.workout import SessionWorkout


@dataclass(frozen=True)
class NewSet:
    """A set typed in the form, to be saved: where it goes and what follows it."""

    card: Card
    slot: int
    logged: LoggedSet
    next_exercise: str | None  # the exercise the cursor moved on to, when it did
    rest: bool  # a rest starts (not between the left and the right side of one set)
    rest_seconds: int = 0  # how long: the exercise's own, or its superset's


class WorkoutController:
    """The session being worked and the rules of the screen's keys."""

    def __init__(self) -> None:
        self.workout: SessionWorkout | None = None
        self.editing: tuple[Card, int] | None = None  # the set being edited; None: a new set
        self.log_slot: tuple[Card, int] | None = None  # the set the form is for
        self.wanted: str | None = None  # an exercise asked for before the session was open
        self.replan_due = False  # settings changed the loads while a set was under way
        self.freestyle = False  # the next session opened starts empty (asked on Today)

    # -- opening ---------------------------------------------------------------------------

    def opened(self, workout: SessionWorkout) -> tuple[State, bool]:
        """The session read: the state to show, and whether the cursor moved to the
        exercise asked for meanwhile (its position is then saved)."""
        self.workout = workout
        wanted, self.wanted = self.wanted, None
        moved = wanted is not None and self.go_to_exercise(wanted)
        if workout.session.status == "done":
            return "finished", moved
        return ("empty" if workout.empty else "ready"), moved

    def go_to_exercise(self, exercise_id: str) -> bool:
        workout = self.workout
        if workout is None:
            self.wanted = exercise_id
            return False
        index = workout.index_of(exercise_id)
        if index is None or workout.session.status == "done":
            return False
        workout.go_to(index)
        return True

    # -- moving ----------------------------------------------------------------------------

    def move_exercise(self, delta: int) -> None:
        if self.workout is not None:
            self.workout.move_exercise(delta)

    def move_set(self, delta: int) -> None:
        if self.workout is not None:
            self.workout.move_set(delta)

    def reorder(self, delta: int) -> bool:
        return self.workout is not None and self.workout.reorder(delta)

    def add_set(self) -> Card | None:
        workout = self.workout
        if workout is None:
            return None
        first = workout.card.add_set()
        if workout.current.done or workout.current.skipped:
            workout.slot = first
        return workout.card

    def skip_set(self) -> None:
        workout = self.workout
        if workout is not None and workout.card.toggle_skip(workout.slot):
            workout.advance()

    def position(self) -> Session | None:
        """The session with the cursor and the list of sets as they are now, to save; None
        when there is nothing to save (no session, or one already finished)."""
        workout = self.workout
        if workout is None or workout.session.status == "done":
            return None
        workout.session = workout.session_with_position()
        return workout.session

    # -- a set: timed, typed, saved ----------------------------------------------------------

    def on_todo(self) -> bool:
        return self.workout is not None and self.workout.on_todo()

    def open_form(self, edit: tuple[Card, int] | None = None) -> tuple[Card, int]:
        """The set the form is for: the one edited, else the one under the cursor."""
        assert self.workout is not None
        self.editing = edit
        self.log_slot = edit if edit is not None else (self.workout.card, self.workout.slot)
        return self.log_slot

    def close_form(self) -> None:
        self.editing = None

    def shown(self, state: State) -> tuple[Card, int] | None:
        """The card and slot the screen shows: in the form, the one being logged (an edit may
        be of another exercise's set), else the cursor's."""
        workout = self.workout
        if workout is None or workout.empty:
            return None
        if state == "log" and self.log_slot is not None:
            return self.log_slot
        return workout.card, workout.slot

    def submit(self, values: SetValues, now: pendulum.DateTime,
               started_at: pendulum.DateTime | None) -> NewSet | tuple[Card, int, LoggedSet] | None:
        """The form's values as a set: a `NewSet` to save, or (card, slot, set) for an edit.
        ValueError (a sentence) when the set model refuses a value."""
        workout = self.workout
        if workout is None or self.log_slot is None:
            return None
        card, slot = self.log_slot
        existing = card.slots[slot].logged if self.editing is not None else None
        logged = make_logged(values, session_id=workout.session.id, exercise=card.exercise.id,
                             now=now, started_at=started_at, existing=existing)
        self.editing = None
        if existing is not None:
            card.slots[slot].draft = logged
            return card, slot, logged
        if values.tempo and values.tempo != card.tempo:
            card.tempo = values.tempo  # the next sets are timed with the tempo typed
        card.slots[slot].draft = logged
        one_side_left = (card.exercise.unilateral and card.slots[slot].side == "left"
                         and slot + 1 < len(card.slots) and not card.slots[slot + 1].done)
        rest = card.plan.rest_seconds
        moved = False
        if card is workout.card and workout.slot == slot:
            following = None if one_side_left else next_in_group(workout, card, slot)
            if following is None:
                moved = workout.advance()
            else:
                index, at, rest = following
                moved = index != workout.exercise
                workout.go_to(index, at)
        # The right side follows the left without a rest; every other set starts one.
        return NewSet(card, slot, logged, workout.card.exercise.name if moved else None, not one_side_left, rest)

    # -- supersets (workout_groups.py) --------------------------------------------------------

    def groups(self) -> dict[str, str]:
        """Exercise id -> superset label today."""
        return groups_today(self.workout) if self.workout is not None else {}

    def group_with_next(self) -> str | None:
        """Group the current exercise with the next one; the label, or None when it is the last."""
        return group_with_next(self.workout) if self.workout is not None else None

    def ungroup(self) -> str | None:
        """Take the current exercise out of its superset; the label it left, or None."""
        return out_of_group(self.workout) if self.workout is not None else None

    @staticmethod
    def saved(card: Card, slot: int, saved: LoggedSet) -> None:
        card.place(slot, saved)

    @staticmethod
    def not_saved(card: Card, slot: int) -> None:
        card.slots[slot].draft = None

    def editable(self) -> tuple[Card, int] | None:
        """The set under the cursor if it is logged, else the newest set of the session."""
        workout = self.workout
        if workout is None:
            return None
        if workout.current.done and not workout.current.draft:
            return workout.card, workout.slot
        last = workout.last_logged()
        if last is None:
            return None
        return workout.cards[last[0]], last[1]

    def deleted(self, card: Card, slot: int, logged: LoggedSet) -> bool:
        """The set is gone from the store: free its slot, and put the cursor there. True when
        the cursor moved (its position is then saved)."""
        current = card.slots[slot].logged
        if current is not None and current.id == logged.id:
            card.slots[slot].logged = None
        workout = self.workout
        if workout is None or card not in workout.cards:
            return False
        workout.go_to(workout.cards.index(card), slot)
        return True

    # -- adding an exercise ------------------------------------------------------------------

    def exercise_added(self, workout: SessionWorkout, session: Session, card: Card, at: int) -> bool:
        """The exercise is stored in the session: its card goes in at `at`, the cursor on it.
        False when the screen has another session by now."""
        if workout is not self.workout:
            return False
        workout.session = session
        workout.insert(at, card)
        return True

    # -- swapping an exercise ----------------------------------------------------------------

    def swapped(self, old: Card, new: Card) -> bool:
        workout = self.workout
        if workout is None or old not in workout.cards:
            return False
        index = workout.cards.index(old)
        workout.cards[index] = new
        workout.go_to(index)
        return True

    # -- finishing -------------------------------------------------------------------------

    def finishing(self) -> Session:
        """The session to save as finished. Marked done here and now, so no later position
        write can put it back in progress."""
        workout = self.workout
        assert workout is not None
        session = workout.session_with_position()
        workout.session = session.model_copy(update={"status": "done"})
        return session

    # -- settings and loads changed elsewhere -------------------------------------------------

    def settings_loaded(self, settings: Settings) -> None:
        workout = self.workout
        if workout is None:
            return
        if changes_plan(workout.settings, settings):
            self.replan_due = True  # the loads still to do, in the new unit and steps
        workout.settings = settings

    def take_replan(self, state: State) -> bool:
        """True (once) when the loads should be planned again now. Not while a set is timed,
        typed or on its way to disk: the cards stay as they are until the lifter is back."""
        workout = self.workout
        if not self.replan_due or workout is None or state not in ("ready", "finished") or workout.pending:
            return False
        self.replan_due = False
        return True

    def replanned(self, workout: SessionWorkout, plan: SessionPlan, settings: Settings, plans: Sequence[Plan]) -> bool:
        """New plans read for `workout`: put on its cards unless they are out of date. False
        when they are stale because of a swap or reorder (plan again then)."""
        if workout is not self.workout or settings != workout.settings:
            return True  # a newer change or another session: that one re-plans
        if [c.exercise.id for c in workout.cards] != [p.exercise for p in plans]:
            self.replan_due = True
            return False
        workout.apply_plans(plan, settings, plans)
        return True

    def load_chosen(self, exercise: str, load: float, unit: Unit) -> None:
        """The warm-up's working load is this session's load for the exercise; kept in the
        session too, so the next position write does not lose it."""
        workout = self.workout
        if workout is None:
            return
        chosen = {**workout.session.chosen_loads, exercise: (load, unit)}
        workout.session = workout.session.model_copy(update={"chosen_loads": chosen})
        for card in workout.cards:
            if card.exercise.id == exercise:
                card.plan = chosen_plan(card.plan, load, unit, workout.settings)

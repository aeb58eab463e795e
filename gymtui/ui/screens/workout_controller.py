"""What each key of the workout screen does to the session, without Textual.

The screen owns the widgets, the dialogs and the timers; this owns the session being worked
(`Workout`, from the domain) and answers the screen's questions: may this key act now, where
does the cursor go, which set does the form log, what is saved, does a rest start. Tests
drive it without an app. Nothing here touches the store: what must be written is handed
back to the screen, which queues it (workout_writes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pendulum

from ...domain.entry import SetValues
from ...domain.journal import LoggedSet, Session
from ...domain.library import Exercise
from ...domain.progression import Plan
from ...domain.session_model import Card
from ...domain.session_set import make_logged
from ...domain.settings import Settings, changes_plan
from ...domain.supersets import Item, Running, day_rests, grouped_with_next, next_set, session_groups
from ...domain.units import Unit
from ...services.chosen_loads import chosen_plan

if TYPE_CHECKING:
    from ...services.planning import SessionPlan
    from ...services.workout import SessionWorkout

# empty: a freestyle session before its first exercise (only adding one acts then).
State = Literal["loading", "ready", "timer", "log", "finished", "problem", "empty"]

# Keys by the state they act in (check_action); the others act in every state.
READY_ACTIONS = frozenset({
    "start_set", "log_set", "exercise", "move_set", "rest_more", "rest_skip", "add_set", "skip_set",
    "swap", "reorder", "edit_set", "delete_set", "tempo", "finish", "group",
})
TIMER_ACTIONS = frozenset({"pause", "stop_set", "cancel_timer"})
STATE_ACTIONS: dict[str, State] = {"cancel_log": "log", "new_session": "finished", "retry": "problem"}


def action_allowed(action: str, state: State, *, resting: bool) -> bool:
    """Whether a key acts in `state` (and so shows in the footer)."""
    if action == "add_exercise":
        return state in ("ready", "empty")
    if action in READY_ACTIONS:
        if action in ("rest_more", "rest_skip"):
            return state == "ready" and resting
        return state == "ready"
    if action in TIMER_ACTIONS:
        return state == "timer"
    if action in STATE_ACTIONS:
        return state == STATE_ACTIONS[action]
    return True


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
            following = None if one_side_left else self._next_in_group(card, slot)
            if following is None:
                moved = workout.advance()
            else:
                index, at, rest = following
                moved = index != workout.exercise
                workout.go_to(index, at)
        # The right side follows the left without a rest; every other set starts one.
        return NewSet(card, slot, logged, workout.card.exercise.name if moved else None, not one_side_left, rest)

    # -- supersets ---------------------------------------------------------------------------

    def groups(self) -> dict[str, str]:
        """Exercise id -> superset label today (the program day's, changed in the session)."""
        workout = self.workout
        if workout is None:
            return {}
        return session_groups(workout.session, workout.plan.day)

    def _next_in_group(self, card: Card, slot: int) -> tuple[int, int, int] | None:
        """After a set of a superset member: (card index, slot, rest seconds) of the next set,
        A1 -> A2 -> A1 with the short rest between members and the group's after a round;
        None for an exercise on its own (it goes on set after set)."""
        workout = self.workout
        assert workout is not None
        groups = self.groups()
        if card.exercise.id not in groups:
            return None
        items = tuple(
            Item(c.exercise.id, c.sets, c.plan.rest_seconds, groups.get(c.exercise.id),
                 frozenset(i for i in range(c.sets) if not any(s.open for s in c.slots[i * c.per_set:(i + 1) * c.per_set])))
            for c in workout.cards
        )
        found = next_set(Running(items, day_rests(workout.plan.day),
                                 (card.exercise.id, card.set_number(slot) - 1)))
        if found is None:
            return None
        index = workout.index_of(found.exercise)
        if index is None:
            return None
        following = workout.cards[index]
        return index, found.set_index * following.per_set, found.rest_before

    def group_with_next(self) -> str | None:
        """Group the current exercise with the next one (a superset made now); the label, or
        None when it is the last exercise. The session keeps it (saved with the position)."""
        workout = self.workout
        if workout is None:
            return None
        try:
            session = grouped_with_next(workout.session_with_position(), workout.plan.day,
                                        workout.card.exercise.id)
        except ValueError:
            return None
        workout.session = session
        return self.groups().get(workout.card.exercise.id)

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

    def add_place(self) -> tuple[int, str]:
        """Where an exercise added now goes: after the current one (first in an empty
        session), and those words for the dialog."""
        workout = self.workout
        assert workout is not None
        if workout.empty:
            return 0, "to start the session"
        return workout.exercise + 1, f"after {workout.card.exercise.name}"

    def taken(self) -> set[str]:
        return {card.exercise.id for card in self.workout.cards} if self.workout is not None else set()

    def exercise_added(self, workout: SessionWorkout, session: Session, card: Card, at: int) -> bool:
        """The exercise is stored in the session: its card goes in at `at`, the cursor on it.
        False when the screen has another session by now."""
        if workout is not self.workout:
            return False
        workout.session = session
        workout.insert(at, card)
        return True

    # -- swapping an exercise ----------------------------------------------------------------

    def swap_options(self, substitutes: Sequence[Exercise]) -> list[Exercise] | str:
        """The exercises the current one may be swapped for, from its `substitutes` (the
        library's, same pattern) with the day's original first; or a sentence saying why
        there is none."""
        workout = self.workout
        assert workout is not None
        card = workout.card
        if card.started:
            return "Sets are logged for this exercise: swap it before its first set."
        taken = {c.exercise.id for c in workout.cards}
        options = [e for e in substitutes if e.id not in taken]
        original = next((i.exercise for i in workout.plan.exercises
                         if i.exercise.pattern == card.exercise.pattern and i.exercise.id not in taken), None)
        if original is not None:
            options = [original] + [e for e in options if e.id != original.id]
        if not options:
            return f"No other {card.exercise.pattern.replace('_', ' ')} exercise to swap in."
        return options

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

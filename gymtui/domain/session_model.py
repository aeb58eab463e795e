"""Today's session as the lifter works it: exercises as cards, sets as slots, a cursor.

Plain data and the rules of a session, with no store and no screen: which set is next, what
was logged, skipped, added; where the lifter is. `Workout` holds one `Card` per exercise in
the session's order, each with its set slots (two per set for a one-sided exercise: left,
then right). `Session.position` is (card index, slot index) so a killed app resumes at the
right exercise, set and side; `Session.order` keeps reorders and swaps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Protocol, TypeVar

from .journal import LoggedSet, Session, Side
from .library import Exercise
from .progression import Plan
from .settings import Settings

SIDES: tuple[Side, Side] = ("left", "right")
UNLOADED = ("bodyweight", "band")  # equipment where an empty load means bodyweight, not a typo


class PlannedItem(Protocol):
    """One exercise of the day's plan, as the session needs it."""

    @property
    def exercise(self) -> Exercise: ...

    @property
    def plan(self) -> Plan: ...


class DayPlan(Protocol):
    """The day's plan, as the session needs it: the planned exercises in order."""

    @property
    def exercises(self) -> Sequence[PlannedItem]: ...


P = TypeVar("P", bound=DayPlan)


# -- one exercise of the session -------------------------------------------------------------


@dataclass
class Slot:
    """One set (or one side of a set) of an exercise: to do, logged, or skipped."""

    side: Side | None
    logged: LoggedSet | None = None
    skipped: bool = False
    draft: LoggedSet | None = None  # handed to the store, not yet on disk

    @property
    def done(self) -> bool:
        return self.logged is not None

    @property
    def pending(self) -> bool:
        return self.draft is not None and self.logged is None

    @property
    def open(self) -> bool:
        """Still to do: not logged, not skipped, not on its way to disk."""
        return not self.done and not self.skipped and not self.pending


def is_hold_plan(plan: Plan) -> bool:
    """The plan is timed holds (a carry, a 40 s walk, a plank), not reps with a hold."""
    return bool(plan.hold_seconds) and (plan.pattern == "carry" or plan.reps_max <= 1)


@dataclass
class Card:
    """An exercise as the lifter works it today."""

    exercise: Exercise
    plan: Plan
    slots: list[Slot]
    tempo: str  # the prescription's, until the lifter changes it for this session
    last: tuple[date, tuple[LoggedSet, ...]] | None = None  # the last session of it: day, sets

    @property
    def per_set(self) -> int:
        return 2 if self.exercise.unilateral else 1

    @property
    def sets(self) -> int:
        return len(self.slots) // self.per_set

    @property
    def is_hold(self) -> bool:
        """A set that is one isometric hold (a carry, a 40 s walk), not reps with a hold."""
        return is_hold_plan(self.plan)

    def set_number(self, slot: int) -> int:
        return slot // self.per_set + 1

    def set_slots(self, slot: int) -> range:
        """The slots of the set `slot` belongs to (both sides of a one-sided set)."""
        first = (slot // self.per_set) * self.per_set
        return range(first, first + self.per_set)

    @property
    def sets_done(self) -> int:
        """Sets logged in full (both sides of a one-sided set)."""
        return sum(1 for first in range(0, len(self.slots), self.per_set)
                   if all(slot.done for slot in self.slots[first:first + self.per_set]))

    def logged_sets(self) -> list[LoggedSet]:
        return [s.logged for s in self.slots if s.logged is not None]

    def first_todo(self, start: int = 0) -> int | None:
        return next((i for i in range(start, len(self.slots)) if self.slots[i].open), None)

    @property
    def finished(self) -> bool:
        return self.first_todo() is None

    @property
    def started(self) -> bool:
        """A set of it is logged or on its way to disk."""
        return any(s.logged is not None or s.draft is not None for s in self.slots)

    def add_set(self) -> int:
        """One more set at the end; returns its first slot."""
        first = len(self.slots)
        self.slots.extend(Slot(side) for side in (SIDES if self.exercise.unilateral else (None,)))
        return first

    def toggle_skip(self, slot: int) -> bool:
        """Skip the set `slot` belongs to (both sides), or bring a skipped one back.
        Logged slots stay as they are. Returns True when the set is now skipped."""
        indexes = [i for i in self.set_slots(slot) if not self.slots[i].done and not self.slots[i].pending]
        skip = not all(self.slots[i].skipped for i in indexes) if indexes else False
        for i in indexes:
            self.slots[i].skipped = skip
        return skip

    def skipped_sets(self) -> list[int]:
        """Indexes (from 0) of the sets skipped, one side or both."""
        return sorted({self.set_number(i) - 1 for i, slot in enumerate(self.slots) if slot.skipped})

    def skip_again(self, set_index: int) -> None:
        """Mark a set skipped as it was before a restart (its logged sides stay logged)."""
        first = set_index * self.per_set
        for i in range(first, min(first + self.per_set, len(self.slots))):
            if not self.slots[i].done:
                self.slots[i].skipped = True

    def place(self, slot: int, logged: LoggedSet) -> None:
        self.slots[slot].logged = logged
        self.slots[slot].draft = None
        self.slots[slot].skipped = False

    def slot_of(self, set_id: str) -> int | None:
        return next((i for i, s in enumerate(self.slots) if s.logged is not None and s.logged.id == set_id), None)


def build_slots(exercise: Exercise, planned_sets: int, logged: Sequence[LoggedSet]) -> list[Slot]:
    """Slots for the planned sets, filled with the sets already logged (oldest first).

    One-sided exercises fill left and right slots separately; a set logged without a side
    (from the command line) takes the first free slot. There are always at least as many
    sets as logged.
    """
    if not exercise.unilateral:
        slots = [Slot(None) for _ in range(max(planned_sets, len(logged)))]
        for slot, done in zip(slots, logged, strict=False):
            slot.logged = done
        return slots
    lefts = sum(1 for s in logged if s.side == "left")
    rights = sum(1 for s in logged if s.side == "right")
    unsided = sum(1 for s in logged if s.side is None)
    sets = max(planned_sets, lefts, rights, math.ceil((lefts + rights + unsided) / 2))
    slots = [Slot(side) for _ in range(sets) for side in SIDES]
    for done in logged:
        free = next((s for s in slots if s.logged is None and (done.side is None or s.side == done.side)), None)
        if free is None:
            slots.extend(Slot(side) for side in SIDES)
            free = next(s for s in slots if s.logged is None and (done.side is None or s.side == done.side))
        free.logged = done
    return slots


# -- the whole session -----------------------------------------------------------------------


@dataclass
class Workout(Generic[P]):
    session: Session
    plan: P
    settings: Settings
    cards: list[Card]
    exercise: int = 0  # index into cards
    slot: int = 0
    resumed: bool = False  # True when opened on a session that already had working sets

    @property
    def card(self) -> Card:
        return self.cards[self.exercise]

    @property
    def current(self) -> Slot:
        return self.card.slots[self.slot]

    @property
    def position(self) -> tuple[int, int]:
        return (self.exercise, self.slot)

    def session_with_position(self) -> Session:
        """The session with where the lifter is and how the list of sets was changed, as
        saved on every move, add and skip (validated: model_copy would not check it)."""
        changes = {c.exercise.id: c.sets - c.plan.sets for c in self.cards if c.sets != c.plan.sets}
        skipped = [(c.exercise.id, index) for c in self.cards for index in c.skipped_sets()]
        return Session.model_validate({
            **self.session.model_dump(),
            "order": [c.exercise.id for c in self.cards], "position": self.position,
            "set_changes": changes, "skipped": skipped,
        })

    def logged_count(self) -> int:
        return sum(len(c.logged_sets()) for c in self.cards)

    def skipped_count(self) -> int:
        return sum(1 for card in self.cards for slot in card.slots if slot.skipped)

    def todo_count(self) -> int:
        """Sets (or sides) neither logged nor skipped."""
        return sum(1 for card in self.cards for slot in card.slots if not slot.done and not slot.skipped)

    @property
    def finished(self) -> bool:
        return all(card.finished for card in self.cards)

    @property
    def pending(self) -> bool:
        """A set is on its way to disk."""
        return any(slot.pending for card in self.cards for slot in card.slots)

    def planned_ids(self) -> set[str]:
        return {item.exercise.id for item in self.plan.exercises}

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, exercise: int, slot: int | None = None) -> None:
        self.exercise = max(0, min(exercise, len(self.cards) - 1))
        card = self.card
        if slot is None:
            todo = card.first_todo()
            slot = todo if todo is not None else len(card.slots) - 1
        self.slot = max(0, min(slot, len(card.slots) - 1))

    @property
    def empty(self) -> bool:
        """No exercise yet (a freestyle session just started)."""
        return not self.cards

    def insert(self, index: int, card: Card) -> None:
        """An exercise added at `index`: the cursor goes to its first set."""
        index = max(0, min(index, len(self.cards)))
        self.cards.insert(index, card)
        self.go_to(index)

    def index_of(self, exercise_id: str) -> int | None:
        return next((i for i, card in enumerate(self.cards) if card.exercise.id == exercise_id), None)

    def move_exercise(self, delta: int) -> None:
        self.go_to(self.exercise + delta)

    def move_set(self, delta: int) -> None:
        """One set up or down; on a one-sided exercise every side is a stop."""
        self.slot = max(0, min(self.slot + delta, len(self.card.slots) - 1))

    def reorder(self, delta: int) -> bool:
        """Move the current exercise earlier (-1) or later (+1) in the session."""
        target = self.exercise + delta
        if not 0 <= target < len(self.cards):
            return False
        self.cards[self.exercise], self.cards[target] = self.cards[target], self.cards[self.exercise]
        self.exercise = target
        return True

    def on_todo(self) -> bool:
        """Put the cursor on a set still to do of this exercise (this one, else the next,
        else the first); False when every set of it is done."""
        if self.current.open:
            return True
        todo = self.card.first_todo(self.slot)
        if todo is None:
            todo = self.card.first_todo()
        if todo is None:
            return False
        self.slot = todo
        return True

    def advance(self) -> bool:
        """After a set: the next set to do here, else the next exercise with sets to do.
        Returns True when the cursor moved to another exercise."""
        todo = self.card.first_todo(self.slot)
        if todo is None:
            todo = self.card.first_todo()
        if todo is not None:
            self.slot = todo
            return False
        count = len(self.cards)
        for step in range(1, count):
            index = (self.exercise + step) % count
            if self.cards[index].first_todo() is not None:
                self.go_to(index)
                return True
        return False

    def last_logged(self) -> tuple[int, int] | None:
        """(card, slot) of the newest set logged in this session."""
        best: tuple[int, int] | None = None
        newest = None
        for c, card in enumerate(self.cards):
            for s, slot in enumerate(card.slots):
                if slot.logged is not None and (newest is None or slot.logged.logged_at >= newest):
                    newest, best = slot.logged.logged_at, (c, s)
        return best

    def at_saved_position(self) -> None:
        """Put the cursor where the session says the lifter was."""
        if not self.cards:  # a freestyle session before its first exercise
            self.exercise = self.slot = 0
            return
        exercise, slot = self.session.position
        if 0 <= exercise < len(self.cards) and 0 <= slot < len(self.cards[exercise].slots):
            self.exercise, self.slot = exercise, slot
            if self.current.done:
                # The set there was stored, then the app was killed before the position after
                # it was (two writes): resume at the next set to do, as the lifter would have.
                self.advance()
        else:
            self.go_to(0)

    def apply_plans(self, plan: P, settings: Settings, plans: Sequence[Plan]) -> None:
        """Put new plans on the cards (after a change of settings). Logged sets, skips and
        the cursor stay; a tempo the lifter changed for today stays too."""
        for card, new in zip(self.cards, plans, strict=True):
            if card.tempo == card.plan.tempo:
                card.tempo = new.tempo
            card.plan = new
        self.plan, self.settings = plan, settings

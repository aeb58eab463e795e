"""Today's session as the lifter works it: exercises as cards, sets as slots, a cursor.

Plain data and the rules of a session, with no store and no screen: which set is next, what
was logged, skipped, added; where the lifter is. `Workout` holds one `Card` per exercise in
the session's order, each with its set slots (two per set for a one-sided exercise: left,
then right; the card and its slots are session_card.py). `Session.position` is (card index,
slot index) so a killed app resumes at the right exercise, set and side; `Session.order`
keeps reorders and swaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from .journal import Session
from .library import Exercise
from .progression import Plan
from .session_card import SIDES, UNLOADED, Card, Slot, build_slots, is_hold_plan
from .settings import Settings

# The card and its slots live in session_card.py; these names are imported from here too.
__all__ = ["SIDES", "UNLOADED", "Card", "DayPlan", "PlannedItem", "Slot", "Workout", "build_slots", "is_hold_plan"]


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

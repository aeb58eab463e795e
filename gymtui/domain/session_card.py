"""One exercise of the session being worked: its card, and a slot for each set (two per set
for a one-sided exercise: left, then right) with the set logged there, a draft on its way to
disk, or nothing yet. Plain data and its rules; `Workout` (session_model.py) holds the cards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .journal import LoggedSet, Side
from .library import Exercise
from .progression import Plan

SIDES: tuple[Side, Side] = ("left", "right")
UNLOADED = ("bodyweight", "band")  # equipment where an empty load means bodyweight, not a typo


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

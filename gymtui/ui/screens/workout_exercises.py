"""Adding and swapping an exercise of the session being worked: where an added exercise goes,
which exercises are taken, and what the current one may be swapped for. Functions of the
workout, without Textual; the edits (workout_edits.py) ask them before opening a dialog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...domain.library import Exercise

if TYPE_CHECKING:
    from ...services.workout import SessionWorkout


def add_place(workout: SessionWorkout) -> tuple[int, str]:
    """Where an exercise added now goes: after the current one (first in an empty session),
    and those words for the dialog."""
    if workout.empty:
        return 0, "to start the session"
    return workout.exercise + 1, f"after {workout.card.exercise.name}"


def taken(workout: SessionWorkout) -> set[str]:
    """The exercises already in the session (none is offered twice)."""
    return {card.exercise.id for card in workout.cards}


def swap_options(workout: SessionWorkout, substitutes: Sequence[Exercise]) -> list[Exercise] | str:
    """The exercises the current one may be swapped for, from its `substitutes` (the
    library's, same pattern) with the day's original first; or a sentence saying why there
    is none."""
    card = workout.card
    if card.started:
        return "Sets are logged for this exercise: swap it before its first set."
    used = taken(workout)
    options = [e for e in substitutes if e.id not in used]
    original = next((i.exercise for i in workout.plan.exercises
                     if i.exercise.pattern == card.exercise.pattern and i.exercise.id not in used), None)
    if original is not None:
        options = [original] + [e for e in options if e.id != original.id]
    if not options:
        return f"No other {card.exercise.pattern.replace('_', ' ')} exercise to swap in."
    return options

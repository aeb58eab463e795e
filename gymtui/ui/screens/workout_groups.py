"""Supersets in the session being worked: which exercises are grouped today, where the
cursor goes after a set of a group (A1 -> A2 -> A1, with the group's rests), grouping the
current exercise with the next and taking it out again. Functions of the workout, without Textual; the
controller (workout_controller.py) calls them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.session_model import Card
from ...domain.supersets import Item, Running, day_rests, grouped_with_next, next_set, session_groups, ungrouped

if TYPE_CHECKING:
    from ...services.workout import SessionWorkout


def groups_today(workout: SessionWorkout) -> dict[str, str]:
    """Exercise id -> superset label today (the program day's, changed in the session)."""
    return session_groups(workout.session, workout.plan.day)


def next_in_group(workout: SessionWorkout, card: Card, slot: int) -> tuple[int, int, int] | None:
    """After a set of a superset member: (card index, slot, rest seconds) of the next set,
    A1 -> A2 -> A1 with the short rest between members and the group's after a round;
    None for an exercise on its own (it goes on set after set)."""
    groups = groups_today(workout)
    if card.exercise.id not in groups:
        return None
    items = tuple(
        Item(c.exercise.id, c.sets, c.plan.rest_seconds, groups.get(c.exercise.id),
             frozenset(i for i in range(c.sets) if not any(s.open for s in c.slots[i * c.per_set:(i + 1) * c.per_set])))
        for c in workout.cards
    )
    found = next_set(Running(items, day_rests(workout.plan.day), (card.exercise.id, card.set_number(slot) - 1)))
    if found is None:
        return None
    index = workout.index_of(found.exercise)
    if index is None:
        return None
    following = workout.cards[index]
    return index, found.set_index * following.per_set, found.rest_before


def group_with_next(workout: SessionWorkout) -> str | None:
    """Group the current exercise with the next one (a superset made now); the label, or
    None when it is the last exercise. The session keeps it (saved with the position)."""
    try:
        session = grouped_with_next(workout.session_with_position(), workout.plan.day, workout.card.exercise.id)
    except ValueError:
        return None
    workout.session = session
    return groups_today(workout).get(workout.card.exercise.id)


def out_of_group(workout: SessionWorkout) -> str | None:
    """Take the current exercise out of its superset (done set after set from now on); the
    label it left, or None when it was in none. The session keeps it (saved with the position)."""
    label = groups_today(workout).get(workout.card.exercise.id)
    if label is None:
        return None
    workout.session = ungrouped(workout.session_with_position(), workout.card.exercise.id)
    return label

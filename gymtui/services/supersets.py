"""The order of sets of today's workout, supersets and circuits included, for the controller.

`running_of` reads a `Workout` (the workout screen's cards) into the domain's `Running`;
`next_set(running_of(workout, last))` then says which set comes next and the rest before it.
"""

from __future__ import annotations

from ..domain.supersets import Item, Running, day_rests, session_groups
from .workout import SessionWorkout


def running_of(workout: SessionWorkout, last: tuple[str, int] | None = None) -> Running:
    """The workout as `next_set` reads it; `last` is (exercise id, set index) of the set just
    done. A set counts as done when every side of it is logged or skipped."""
    groups = session_groups(workout.session_with_position(), workout.plan.day)
    items = []
    for card in workout.cards:
        done = frozenset(
            index for index in range(card.sets)
            if all(slot.done or slot.skipped for slot in card.slots[index * card.per_set:(index + 1) * card.per_set])
        )
        items.append(Item(card.exercise.id, card.sets, card.plan.rest_seconds, groups.get(card.exercise.id), done))
    return Running(tuple(items), day_rests(workout.plan.day), last)

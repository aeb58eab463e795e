"""The end-of-day checklist over time: streaks and adherence. Pure date arithmetic.

A day is *complete* when as many distinct items were ticked that day as the checklist has
now. A checklist entry does not record the list it was ticked against, so after the lifter
shortens the list, earlier full days stay full; after adding an item, a day is only complete
from then on with the new item ticked too.

The current streak counts complete days in a row ending today. Today not being complete
yet does not break it (the evening is not over): the streak then ends yesterday.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

# Ticks per day: date -> the item ids ticked that day.
Ticks = Mapping[date, Collection[str]]


@dataclass(frozen=True, slots=True)
class DayMark:
    """One day of the history strip."""

    day: date
    ticked: int
    items: int

    @property
    def complete(self) -> bool:
        return self.items > 0 and self.ticked >= self.items

    @property
    def started(self) -> bool:
        return self.ticked > 0


@dataclass(frozen=True, slots=True)
class Adherence:
    """How a window of days went: full days and the share of all possible ticks."""

    days: int
    complete_days: int
    ticks: int
    possible: int

    @property
    def percent(self) -> int:
        """Share of the possible ticks made, 0-100, rounded down (100 only when all were made)."""
        return 0 if self.possible == 0 else (100 * self.ticks) // self.possible


def ticked_count(ticked: Iterable[str], items: int) -> int:
    """Distinct ticks counted toward a day, at most the number of items."""
    return min(len(set(ticked)), max(items, 0))


def is_complete(ticked: Iterable[str], items: int) -> bool:
    return items > 0 and ticked_count(ticked, items) >= items


def window(ticks: Ticks, items: int, today: date, days: int) -> list[DayMark]:
    """The last `days` days ending today, oldest first."""
    start = today - timedelta(days=days - 1)
    return [
        DayMark(day, ticked_count(ticks.get(day, ()), items), items)
        for day in (start + timedelta(days=offset) for offset in range(days))
    ]


def current_streak(ticks: Ticks, items: int, today: date) -> int:
    """Complete days in a row ending today, or ending yesterday while today is not done."""
    if items <= 0:
        return 0
    day = today if is_complete(ticks.get(today, ()), items) else today - timedelta(days=1)
    streak = 0
    # Bounded by the number of recorded days: a day with no entry ends the streak.
    while is_complete(ticks.get(day, ()), items):
        streak += 1
        day -= timedelta(days=1)
    return streak


def best_streak(ticks: Ticks, items: int) -> int:
    """The longest run of complete days anywhere in the history."""
    complete = sorted(day for day, ticked in ticks.items() if is_complete(ticked, items))
    best = run = 0
    previous: date | None = None
    for day in complete:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def adherence(ticks: Ticks, items: int, today: date, days: int) -> Adherence:
    """Full days and the share of ticks made over the last `days` days ending today."""
    marks = window(ticks, items, today, days)
    return Adherence(
        days=days,
        complete_days=sum(mark.complete for mark in marks),
        ticks=sum(mark.ticked for mark in marks),
        possible=days * max(items, 0),
    )

"""Plate maths: which loads can actually be put on a bar, a dumbbell rack or a stack.

A barbell load is bar + 2 x (plates on one side), with as many of each plate in the
settings' inventory as needed. Greedy loading (largest plate first) misses loads with odd
inventories: with 20 and 15 kg plates only, 30 kg a side is 15 + 15, but greedy takes a 20
and is stuck. So the per-side sums are worked out once per inventory by a small dynamic
programme over multiples of the plates' common step (1.25 kg for the default kg plates, so a
1000 kg bar is 400 cells), which also finds the fewest plates for each sum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .common import Equipment
from .library import Exercise
from .settings import Settings
from .units import Unit, convert

Direction = Literal["nearest", "down", "up"]
# Loads are compared and shown to 4 decimals, which hides float noise like 82.50000001.
_DIGITS = 4
_EPS = 1e-6
# Plates are read to 0.01 of a unit: nobody owns a 1.234 kg plate, and it bounds the table.
_TICKS_PER_UNIT = 100


@dataclass(frozen=True, slots=True)
class PlateLoad:
    """Plates for one side of the bar, largest first, and the load they make."""

    plates: list[float]
    achieved: float
    exact: bool
    below_bar: bool


@lru_cache(maxsize=64)
def _table(coins: tuple[int, ...], size: int) -> tuple[int, ...]:
    """Fewest coins summing to each t in 0..size (-1 where no combination exists)."""
    unreachable = size + 1
    best = [0] + [unreachable] * size
    for total in range(1, size + 1):
        fewest = unreachable
        for coin in coins:
            if coin <= total and best[total - coin] + 1 < fewest:
                fewest = best[total - coin] + 1
        best[total] = fewest
    return tuple(-1 if b == unreachable else b for b in best)


class _Inventory:
    """Per-side sums reachable with one plate list, counted in steps of the plates' gcd."""

    def __init__(self, plates: list[float]) -> None:
        ticks = sorted({round(p * _TICKS_PER_UNIT) for p in plates if p > 0}, reverse=True)
        if not ticks:
            raise ValueError("the plate list is empty")
        self.step = math.gcd(*ticks) / _TICKS_PER_UNIT
        self.coins = tuple(t // math.gcd(*ticks) for t in ticks)

    def counts(self, steps_needed: int) -> tuple[int, ...]:
        # Grow the table in powers of two so nearby loads share one cached table.
        size = 64
        while size < steps_needed + max(self.coins):
            size *= 2
        return _table(self.coins, size)

    def reachable(self, per_side: float, direction: Direction) -> int:
        """The reachable per-side sum (in steps) nearest to `per_side` in `direction`."""
        exact = max(per_side, 0.0) / self.step
        below, above = math.floor(exact + _EPS), math.ceil(exact - _EPS)
        counts = self.counts(above)
        while counts[below] < 0:  # 0 is always reachable (no plates), so this stops
            below -= 1
        while counts[above] < 0:  # a multiple of the largest plate lies within one plate
            above += 1
        if direction == "down":
            return below
        if direction == "up":
            return above
        # Ties go down: a lighter bar is the safer guess.
        return below if exact - below <= above - exact + _EPS else above

    def plates_for(self, steps: int) -> list[float]:
        counts = self.counts(steps)
        chosen: list[float] = []
        while steps > 0:
            # The largest plate that keeps the count minimal.
            coin = next(c for c in self.coins if c <= steps and counts[steps - c] == counts[steps] - 1)
            chosen.append(round(coin * self.step, _DIGITS))
            steps -= coin
        return sorted(chosen, reverse=True)


def _inventory(unit: Unit, settings: Settings) -> _Inventory:
    return _cached_inventory(tuple(settings.plates(unit)))


@lru_cache(maxsize=16)
def _cached_inventory(plates: tuple[float, ...]) -> _Inventory:
    return _Inventory(list(plates))


def round_to_step(load: float, step: float, direction: Direction) -> float:
    """A multiple of `step`, at least one step (there is no 0 kg dumbbell or stack plate)."""
    count = load / step
    if direction == "down":
        whole = math.floor(count + _EPS)
    elif direction == "up":
        whole = math.ceil(count - _EPS)
    else:
        whole = math.floor(count + 0.5 - _EPS)  # halves go down, like the barbell
    return round(max(whole, 1) * step, _DIGITS)


def round_to_loadable(
    load: float | None,
    unit: Unit,
    equipment: Equipment,
    settings: Settings,
    direction: Direction = "nearest",
) -> float | None:
    """The loadable weight closest to `load` in `direction` for that kind of equipment.

    Barbell: bar + 2 x plates; never below the bar, even rounding down. Dumbbell and
    kettlebell: multiples of the dumbbell step; machine and cable: multiples of the machine
    step; both at least one step. Band, bodyweight and other: returned as given.
    """
    if load is None:
        return None
    if not math.isfinite(load):
        raise ValueError("a load must be a finite number")
    if equipment == "barbell":
        bar = settings.bar(unit)
        inventory = _inventory(unit, settings)
        steps = inventory.reachable((load - bar) / 2, direction)
        return round(bar + 2 * steps * inventory.step, _DIGITS)
    if equipment in ("dumbbell", "kettlebell"):
        return round_to_step(load, settings.dumbbell_step(unit), direction)
    if equipment in ("machine", "cable"):
        return round_to_step(load, settings.machine_step(unit), direction)
    return max(load, 0.0)


def off_the_steps(load: float, unit: Unit, equipment: Equipment, settings: Settings) -> tuple[float, float] | None:
    """For a dumbbell or kettlebell: None when `load` is one the settings' dumbbell step
    makes, else the nearest that are, below and above (the lightest is one step)."""
    if equipment not in ("dumbbell", "kettlebell") or not math.isfinite(load) or load <= 0:
        return None
    step = settings.dumbbell_step(unit)
    below, above = round_to_step(load, step, "down"), round_to_step(load, step, "up")
    if abs(below - load) < 1e-6 or abs(above - load) < 1e-6:
        return None
    return below, above


def plates_per_side(load: float, unit: Unit, settings: Settings) -> PlateLoad:
    """Plates for one side that make `load`, or the nearest load that can be made.

    The plates always add up to `achieved` (bar + 2 x sum). `exact` is False when `load`
    could not be made; `below_bar` is True when `load` is lighter than the empty bar.
    """
    if not math.isfinite(load):
        raise ValueError("a load must be a finite number")
    bar = settings.bar(unit)
    if load < bar - _EPS:
        return PlateLoad(plates=[], achieved=bar, exact=False, below_bar=True)
    inventory = _inventory(unit, settings)
    steps = inventory.reachable((load - bar) / 2, "nearest")
    plates = inventory.plates_for(steps)
    achieved = round(bar + 2 * sum(plates), _DIGITS)
    return PlateLoad(plates=plates, achieved=achieved, exact=abs(achieved - load) < 1e-3, below_bar=False)


def round_for_exercise(
    load: float, unit: Unit, equipment: Equipment, settings: Settings, direction: Direction = "nearest"
) -> float:
    """`round_to_loadable` for a load that is there: weight added to a bodyweight, band or
    other exercise (a belt, a vest, a plate held) goes in steps of the smallest plate."""
    if equipment in ("bodyweight", "band", "other"):
        return round_to_step(load, min(settings.plates(unit)), direction)
    rounded = round_to_loadable(load, unit, equipment, settings, direction)
    assert rounded is not None
    return rounded


def next_loadable(load: float, unit: Unit, equipment: Equipment, settings: Settings, up: bool = True) -> float:
    """The next loadable weight strictly above (or below) `load`; below stops at the lightest."""
    nudged = load * 1.0001 + 1e-6 if up else load * 0.9999 - 1e-6
    return round_for_exercise(nudged, unit, equipment, settings, "up" if up else "down")


def within_cap(
    wanted: float, around: float, max_change: float, unit: Unit, equipment: Equipment, settings: Settings
) -> tuple[float, bool]:
    """The loadable weight nearest `wanted` no further than `max_change` (a fraction) from
    `around`, and whether the cap moved it. The next loadable weight either side of `around`
    is always allowed: on a light dumbbell or a stack with big pins one step is more than the
    cap, and refusing it would freeze the load for good."""

    def rounded(value: float, direction: Direction = "nearest") -> float:
        return round_for_exercise(value, unit, equipment, settings, direction)

    lowest, highest = rounded(around * (1 - max_change), "up"), rounded(around * (1 + max_change), "down")
    lowest = min(lowest, next_loadable(around, unit, equipment, settings, up=False))
    highest = max(highest, next_loadable(around, unit, equipment, settings, up=True))
    nearest = rounded(wanted)
    value = min(max(nearest, lowest), highest)
    return value, abs(value - nearest) > 1e-6


def exercise_settings(settings: Settings, exercise: Exercise) -> Settings:
    """`settings` as `exercise` is loaded: a machine or cable with a stack step of its own
    (`Exercise.step_kg`, 5 kg pins on one machine, 2.5 on another) moves in that step, in
    either unit; every other exercise in the settings' steps."""
    if exercise.step_kg is None or exercise.equipment not in ("machine", "cable"):
        return settings
    step_lb = round(convert(exercise.step_kg, "kg", "lb"), 4)
    if settings.machine_step_kg == exercise.step_kg and settings.machine_step_lb == step_lb:
        return settings
    # Not validated again: a stack step may be larger than the settings' field allows.
    return settings.model_copy(update={"machine_step_kg": exercise.step_kg, "machine_step_lb": step_lb})

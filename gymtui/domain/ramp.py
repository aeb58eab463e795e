"""Ramp-up sets: the warm-up sets that climb to the first working load.

The scheme (settings.ramp) gives each set as a percentage of the working load and its reps;
0 % stands for the empty bar. Every load is rounded to what the equipment can make, so the
lifter never has to do plate arithmetic between sets:

- barbell: bar + 2 x plates from the settings' inventory, never below the bar, with the
  plates for one side listed (they always add up to the load shown);
- dumbbell and kettlebell: multiples of the dumbbell step; machine and cable: multiples of
  the machine step. These have no empty bar, so 0 % steps are left out;
- band, bodyweight and other: no ramp (there is no load to climb).

A ramp set must be lighter than the working load and heavier than the ramp set before it:
a step that rounds onto the working load is rounded down instead, and a step that rounds
onto the previous one is dropped (40 % and 60 % of a light dumbbell can be the same bell).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .common import Equipment
from .plates import plates_per_side, round_to_loadable
from .settings import RampStep, Settings
from .units import Unit, format_load

RAMPED: frozenset[str] = frozenset({"barbell", "dumbbell", "kettlebell", "machine", "cable"})
# Loads closer than this are the same load (float noise from percentages).
_SAME = 1e-3


def _plates(load: float, unit: Unit, equipment: Equipment, settings: Settings) -> tuple[float, ...] | None:
    if equipment != "barbell":
        return None
    return tuple(plates_per_side(load, unit, settings).plates)


@dataclass(frozen=True, slots=True)
class WorkingLoad:
    """The first working load as asked for, and what can actually be loaded for it."""

    asked: float
    load: float
    unit: Unit
    equipment: Equipment
    # Plates for one side of the bar (barbell only); bar + 2 x sum(plates) == load.
    plates: tuple[float, ...] | None = None

    @property
    def exact(self) -> bool:
        return abs(self.load - self.asked) < _SAME

    @property
    def note(self) -> str:
        """Empty when the asked load can be made; otherwise says what is shown instead."""
        if self.exact:
            return ""
        return (
            f"{format_load(self.asked, self.unit)} cannot be loaded: {format_load(self.load, self.unit)} is the nearest"
        )


@dataclass(frozen=True, slots=True)
class RampSet:
    """One ramp-up set: what the scheme aimed for and what goes on the bar."""

    percent: float
    reps: int
    aim: float
    load: float
    unit: Unit
    equipment: Equipment
    plates: tuple[float, ...] | None = None

    @property
    def exact(self) -> bool:
        return abs(self.load - self.aim) < _SAME

    @property
    def label(self) -> str:
        return "empty bar" if self.percent == 0 else f"{self.percent:g} %"

    @property
    def note(self) -> str:
        """Empty when the aimed load could be loaded; otherwise names the load aimed for."""
        if self.exact:
            return ""
        return f"{self.label} is {format_load(round(self.aim, 2), self.unit)}: nearest loadable shown"


def working_load(load: float, unit: Unit, equipment: Equipment, settings: Settings) -> WorkingLoad:
    """The loadable weight nearest to `load` (a barbell is never below the empty bar)."""
    loadable = round_to_loadable(load, unit, equipment, settings, "nearest")
    assert loadable is not None
    return WorkingLoad(load, loadable, unit, equipment, _plates(loadable, unit, equipment, settings))


def ramp_sets(
    working: float | None,
    unit: Unit,
    equipment: Equipment,
    settings: Settings,
    scheme: Sequence[RampStep] | None = None,
) -> list[RampSet]:
    """Ramp sets toward `working` (already loadable, see `working_load`), lightest first."""
    if working is None or working <= 0 or equipment not in RAMPED:
        return []
    steps = sorted(scheme if scheme is not None else settings.ramp, key=lambda s: s.percent)
    barbell = equipment == "barbell"
    out: list[RampSet] = []
    for step in steps:
        if step.percent == 0 and not barbell:
            continue  # no empty bar on a dumbbell rack or a stack
        aim = settings.bar(unit) if step.percent == 0 else working * step.percent / 100
        load = round_to_loadable(aim, unit, equipment, settings, "nearest")
        assert load is not None
        if load >= working - _SAME:
            # Rounding up onto the working load would make this a work set: go lighter.
            load = round_to_loadable(aim, unit, equipment, settings, "down")
            assert load is not None
        if load >= working - _SAME:
            continue  # even the lightest loadable weight is the working load
        if out and load <= out[-1].load + _SAME:
            continue  # the same load as the set before: one set there is enough
        out.append(
            RampSet(step.percent, step.reps, aim, load, unit, equipment, _plates(load, unit, equipment, settings))
        )
    return out


def plates_text(plates: Sequence[float] | None, room: int | None = None) -> str:
    """'20 + 10 + 2.5' per side; 'empty bar' with no plates; '' when not a barbell.

    `room`: the columns there are. Every plate is kept (a plate left out is a wrong load):
    the spaces go first ('20+10+2.5'), then repeats are counted ('3×25+5')."""
    if plates is None:
        return ""
    if not plates:
        return "empty bar"
    spaced = " + ".join(f"{p:g}" for p in plates)
    if room is None or len(spaced) <= room:
        return spaced
    tight = "+".join(f"{p:g}" for p in plates)
    if len(tight) <= room:
        return tight
    counted = []
    for plate in dict.fromkeys(plates):
        times = sum(1 for p in plates if p == plate)
        counted.append(f"{times}×{plate:g}" if times > 1 else f"{plate:g}")
    return "+".join(counted)

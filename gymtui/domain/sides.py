"""One-sided lifts: read a session from its weaker side.

A one-sided exercise (a single-arm row) is logged per side. The plan follows the weaker
side, so the stronger one is never pushed past what the other can match, and a left and a
right set make one set of the prescription (2 sets are 2 pairs, not 4 sets). The weaker
side is the one with the lower e1RM at its heaviest load; without loads, the one with fewer
reps (or seconds). The imbalance is how much stronger the other side is, in percent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import SessionSets
from .journal import LoggedSet, Side
from .rpe import WORK_SET_TYPES, top_sets
from .units import Unit, format_load


@dataclass(frozen=True, slots=True)
class SideReading:
    """The sets to plan from, and how the two sides compared (no `weaker`: one side known)."""

    sets: tuple[LoggedSet, ...]
    weaker: Side | None = None
    weak: float = 0.0  # the weaker side's figure, and the stronger one's
    strong: float = 0.0
    measure: str = ""  # what was compared: "e1RM", "reps" or "seconds"
    unit: Unit = "kg"

    @property
    def imbalance(self) -> float:
        """How much weaker the weaker side is, in percent of the stronger."""
        return (1 - self.weak / self.strong) * 100 if self.strong > 0 else 0.0

    def describe(self) -> str:
        if self.weaker is None:
            return ""
        other = "left" if self.weaker == "right" else "right"
        if self.measure == "e1RM":
            figures = (
                f"e1RM {format_load(round(self.weak, 1), self.unit)} vs {format_load(round(self.strong, 1), self.unit)}"
            )
        else:
            figures = f"{self.weak:g} vs {self.strong:g} {self.measure}"
        if self.imbalance < 0.5:
            return f"left and right even ({figures}): a left and a right make one set"
        return (
            f"{self.weaker} side {self.imbalance:.0f} % weaker than the {other} ({figures}):"
            f" planned from the {self.weaker}; a left and a right make one set"
        )


def _strength(sets: Sequence[LoggedSet], unit: Unit) -> tuple[float, str] | None:
    """One figure per side to compare: e1RM at the heaviest load, else reps, else seconds."""
    found = top_sets(sets, unit)
    if found is not None and found.e1rm is not None:
        return found.e1rm.value, "e1RM"
    work = [s for s in sets if s.set_type in WORK_SET_TYPES]
    reps = sum(s.reps or 0 for s in work)
    if reps:
        return float(reps), "reps"
    seconds = sum(s.seconds or 0 for s in work)
    return (float(seconds), "seconds") if seconds else None


def weaker_side(sets: Sequence[LoggedSet], unit: Unit) -> SideReading:
    """The sets of the weaker side (all the sets when they carry no side)."""
    sided = {side: [s for s in sets if s.side == side] for side in ("left", "right")}
    if not sided["left"] and not sided["right"]:
        return SideReading(tuple(sets))
    if not sided["left"] or not sided["right"]:
        only = sided["left"] or sided["right"]
        return SideReading(tuple(only))
    left, right = _strength(sided["left"], unit), _strength(sided["right"], unit)
    if left is None or right is None or left[1] != right[1]:
        return SideReading(tuple(sided["left"] if right is None else sided["right"]))
    weaker: Side = "right" if right[0] < left[0] else "left"
    weak, strong = min(left[0], right[0]), max(left[0], right[0])
    return SideReading(tuple(sided[weaker]), weaker, weak, strong, left[1], unit)


def weaker_side_history(history: Sequence[SessionSets], unit: Unit) -> list[SessionSets]:
    """Each session read from its weaker side, so a left and a right set count once."""
    return [dataclasses.replace(s, sets=weaker_side(s.sets, unit).sets) for s in history]

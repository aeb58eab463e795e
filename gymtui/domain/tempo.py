"""Tempo notation: eccentric - bottom pause - concentric - top pause, in seconds.

`3-1-1-0`, `3110`, `3-1-X-0` and `40X0` are all accepted. `X` means explosive: the timer
gives it a short cue instead of a countdown. The order of the figures is always
eccentric-first, even for lifts whose rep starts with the concentric (see `phase_order`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PhaseName = Literal["eccentric", "bottom", "concentric", "top"]
PHASES: tuple[PhaseName, ...] = ("eccentric", "bottom", "concentric", "top")

# What the lifter sees for each phase (the bottom/top pauses are both "pause"/"hold"
# to a lifter, but they come at different points of the rep).
PHASE_LABELS: dict[PhaseName, str] = {
    "eccentric": "LOWER",
    "bottom": "PAUSE",
    "concentric": "LIFT",
    "top": "HOLD",
}

EXPLOSIVE = None  # a phase written X: no countdown, a short "drive" cue

_FIGURE = r"(?:\d{1,2}|[xX])"
_DASHED = re.compile(rf"^\s*({_FIGURE})\s*[-/:. ]\s*({_FIGURE})\s*[-/:. ]\s*({_FIGURE})\s*[-/:. ]\s*({_FIGURE})\s*$")
_COMPACT = re.compile(r"^\s*([0-9xX])([0-9xX])([0-9xX])([0-9xX])\s*$")


class TempoError(ValueError):
    """A tempo that cannot be read; the message says which figure and why."""


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds per phase in notation order; None marks an explosive (X) phase."""

    eccentric: int | None
    bottom: int | None
    concentric: int | None
    top: int | None

    def figures(self) -> tuple[int | None, int | None, int | None, int | None]:
        return (self.eccentric, self.bottom, self.concentric, self.top)

    def __str__(self) -> str:
        return "-".join("X" if f is None else str(f) for f in self.figures())

    def phase_order(self, starts_concentric: bool) -> tuple[PhaseName, ...]:
        """The phases in the order a rep performs them.

        A curl or a deadlift from the floor starts at the third figure: lift, hold at the
        top, lower, pause at the bottom.
        """
        if starts_concentric:
            return ("concentric", "top", "eccentric", "bottom")
        return PHASES

    def rep_seconds(self, x_seconds: float = 1.0) -> float:
        """Duration of one rep, with X phases counted as their cue time."""
        return sum(x_seconds if f is None else f for f in self.figures())

    def time_under_tension(self, reps: int, x_seconds: float = 1.0) -> float:
        return reps * self.rep_seconds(x_seconds)


def parse_tempo(text: str) -> Tempo:
    """Read a tempo string, raising TempoError with a message a lifter understands."""
    if not isinstance(text, str) or not text.strip():
        raise TempoError("tempo is empty: write four figures like 3-1-1-0 or 31X0")
    match = _DASHED.match(text) or _COMPACT.match(text)
    if match is None:
        parts = re.split(r"[-/:. ]", text.strip())
        if len(parts) == 4:
            for index, part in enumerate(parts):
                if not re.fullmatch(_FIGURE, part.strip()):
                    raise TempoError(
                        f"tempo {text!r}: figure {index + 1} ({PHASES[index]}) is {part!r};"
                        " each figure is seconds (0-99) or X for explosive"
                    )
        raise TempoError(
            f"tempo {text!r} is not four figures: write eccentric-pause-concentric-pause,"
            " e.g. 3-1-1-0, 3110 or 3-1-X-0"
        )
    figures = [None if g.lower() == "x" else int(g) for g in match.groups()]
    return Tempo(*figures)


def is_valid_tempo(text: str) -> bool:
    try:
        parse_tempo(text)
    except TempoError:
        return False
    return True

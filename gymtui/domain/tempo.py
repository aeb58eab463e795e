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

# ASCII digits only, as in the compact form: `\d` would also take e.g. Arabic-Indic digits.
_FIGURE = r"(?:[0-9]{1,2}|[xX])"
# A separator with any spaces around it, or a run of whitespace alone (3 1 1 0, tabs too).
# The same pattern cuts a text that did not parse into figures to say which one is wrong,
# so `3 - a` counts as two figures, not four.
_SEPARATOR = r"(?:\s*[-/:.]\s*|\s+)"
_DASHED = re.compile(rf"^\s*({_FIGURE}){_SEPARATOR}({_FIGURE}){_SEPARATOR}({_FIGURE}){_SEPARATOR}({_FIGURE})\s*$")
_COMPACT = re.compile(r"^\s*([0-9xX])([0-9xX])([0-9xX])([0-9xX])\s*$")
_SPLIT = re.compile(_SEPARATOR)


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
        raise TempoError(_explain(text))
    figures = [None if g.lower() == "x" else int(g) for g in match.groups()]
    return Tempo(*figures)


def _explain(text: str) -> str:
    """Say what is wrong with a tempo that did not match: the first bad figure, or the count."""
    stripped = text.strip()
    parts = _SPLIT.split(stripped)
    if len(parts) == 1:
        parts = list(stripped)  # compact form: one character per figure
    for index, part in enumerate(parts):
        if not re.fullmatch(_FIGURE, part):
            where = f"figure {index + 1}" + (f" ({PHASES[index]})" if index < len(PHASES) else "")
            return f"tempo {text!r}: {where} is {part!r}; each figure is seconds (0-99) or X for explosive"
    return (
        f"tempo {text!r} has {len(parts)} figures, not four: write eccentric-pause-concentric-pause,"
        " e.g. 3-1-1-0, 3110 or 3-1-X-0"
    )


def is_valid_tempo(text: str) -> bool:
    try:
        parse_tempo(text)
    except TempoError:
        return False
    return True

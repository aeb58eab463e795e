"""A tempo set laid out once, before it starts: its phases in time order, each looked up by a bisect."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from .tempo import PHASE_LABELS, Tempo

PhaseKind = Literal["lead-in", "eccentric", "bottom", "concentric", "top", "hold"]
HoldAt = Literal["top", "bottom"]

LEAD_IN_LABEL = "GET READY"
EXPLOSIVE_LABEL = "DRIVE"
HOLD_LABEL = "HOLD"

# Readings this close to a boundary count as on it: a countdown with 2.0 s left shows 2,
# not 3, and a caller that sleeps exactly `next_change_in()` lands in the next phase even
# when float rounding puts it a hair short (otherwise it would be told to sleep ~1e-13 s,
# which a fake clock at a large reading cannot even add).
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Phase:
    """One stretch of the set with a single cue: rep 0 is the lead-in."""

    rep: int
    name: PhaseKind
    start: float  # seconds from the start of the set, lead-in included
    duration: float
    explosive: bool = False

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def label(self) -> str:
        """The word the lifter reads from across the room."""
        if self.name == "lead-in":
            return LEAD_IN_LABEL
        if self.explosive:
            return EXPLOSIVE_LABEL
        if self.name == "hold":
            return HOLD_LABEL
        return PHASE_LABELS[self.name]


@dataclass(frozen=True)
class TempoSchedule:
    """Every phase of a set, contiguous and in time order, built by the functions below."""

    phases: tuple[Phase, ...]
    reps: int
    lead_in: float
    total: float
    # Derived lookup tables, so a lookup is a bisect rather than a scan.
    _starts: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _rep_ends: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.phases:
            raise ValueError("a schedule needs at least one phase")
        starts = tuple(p.start for p in self.phases)
        # A phase ends exactly where the next one starts (not at start + duration, which
        # can differ by a rounding step), so no instant falls between two phases.
        ends = (*starts[1:], self.total)
        rep_ends = [0.0] * self.reps
        for phase, end in zip(self.phases, ends, strict=True):
            if phase.rep >= 1:
                rep_ends[phase.rep - 1] = end
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_ends", ends)
        object.__setattr__(self, "_rep_ends", tuple(rep_ends))

    @property
    def time_under_tension(self) -> float:
        """The whole set's TUT: everything but the lead-in."""
        return self.total - self.lead_in

    def end_of(self, index: int) -> float:
        """When phase `index` hands over to the next one (or the set ends)."""
        return self._ends[index]

    def index_at(self, elapsed: float) -> int:
        """Index of the phase running `elapsed` seconds in; len(phases) once the set is over.

        A phase owns its start instant, so at a boundary the new phase is already running.
        """
        t = elapsed + EPSILON
        if t >= self.total:
            return len(self.phases)
        return max(0, bisect_right(self._starts, t) - 1)

    def reps_completed_at(self, elapsed: float) -> int:
        """Reps whose last non-zero phase has ended by `elapsed`."""
        t = elapsed + EPSILON
        if t >= self.total:
            return self.reps
        return bisect_right(self._rep_ends, t)

    def tension_at(self, elapsed: float) -> float:
        """Time under tension so far: the phases after the lead-in are contiguous, so it is
        simply the time spent past the lead-in."""
        return min(max(0.0, elapsed - self.lead_in), self.time_under_tension)


def _rep_template(
    tempo: Tempo, starts_concentric: bool, hold_seconds: float | None, hold_at: HoldAt, x_seconds: float
) -> list[tuple[PhaseKind, float, bool]]:
    """One rep's non-zero phases, in performed order, as (name, duration, explosive)."""
    figures = dict(zip(("eccentric", "bottom", "concentric", "top"), tempo.figures(), strict=True))
    template: list[tuple[PhaseKind, float, bool]] = []
    for name in tempo.phase_order(starts_concentric):
        if hold_seconds is not None and name == hold_at:
            # A prescribed hold takes the place of that pause figure rather than adding to it.
            template.append(("hold", float(hold_seconds), False))
            continue
        figure = figures[name]
        if figure is None:
            template.append((name, x_seconds, True))
        elif figure > 0:
            template.append((name, float(figure), False))
    return template


def _check_common(lead_in: float, x_seconds: float) -> None:
    if not math.isfinite(lead_in) or lead_in < 0:
        raise ValueError(f"lead-in must be 0 or more seconds, not {lead_in!r}")
    if not math.isfinite(x_seconds) or x_seconds <= 0:
        raise ValueError(f"the X cue must last more than 0 seconds, not {x_seconds!r}")


def _lead_in_phases(lead_in: float) -> list[Phase]:
    return [Phase(0, "lead-in", 0.0, float(lead_in))] if lead_in > 0 else []


def tempo_schedule(
    tempo: Tempo,
    reps: int,
    *,
    starts_concentric: bool = False,
    hold_seconds: float | None = None,
    hold_at: HoldAt = "top",
    lead_in: float = 0.0,
    x_seconds: float = 1.0,
) -> TempoSchedule:
    """Lay out `reps` reps of `tempo`, after an optional lead-in countdown.

    `hold_seconds` makes every rep hold isometrically for that long at `hold_at` (the top
    for a 20 s squeeze on a chest-supported row); the hold replaces that pause figure.
    Zero-second phases get no entry, so they never produce a cue.
    """
    if isinstance(reps, bool) or not isinstance(reps, int) or reps < 1:
        raise ValueError(f"a tempo set needs at least 1 rep, not {reps!r}")
    if hold_seconds is not None and (not math.isfinite(hold_seconds) or hold_seconds <= 0):
        raise ValueError(f"a hold must last more than 0 seconds, not {hold_seconds!r}")
    _check_common(lead_in, x_seconds)
    template = _rep_template(tempo, starts_concentric, hold_seconds, hold_at, x_seconds)
    if not template:
        raise ValueError(f"tempo {tempo} has no duration: at least one figure must be above 0")
    offsets: list[float] = []
    rep_seconds = 0.0
    for _, duration, _ in template:
        offsets.append(rep_seconds)
        rep_seconds += duration
    phases = _lead_in_phases(lead_in)
    for rep_index in range(reps):
        # Each start is computed from the rep number, not by adding durations one after
        # another, so float rounding cannot pile up over a long set.
        base = lead_in + rep_index * rep_seconds
        for (name, duration, explosive), offset in zip(template, offsets, strict=True):
            phases.append(Phase(rep_index + 1, name, base + offset, duration, explosive))
    return TempoSchedule(tuple(phases), reps, float(lead_in), lead_in + reps * rep_seconds)


def hold_schedule(hold_seconds: float, *, lead_in: float = 0.0) -> TempoSchedule:
    """A set that is one isometric hold (counted as a single rep), after an optional lead-in."""
    if not math.isfinite(hold_seconds) or hold_seconds <= 0:
        raise ValueError(f"a hold must last more than 0 seconds, not {hold_seconds!r}")
    _check_common(lead_in, 1.0)
    phases = _lead_in_phases(lead_in)
    phases.append(Phase(1, "hold", float(lead_in), float(hold_seconds)))
    return TempoSchedule(tuple(phases), 1, float(lead_in), float(lead_in + hold_seconds))

"""The per-phase tempo timer: a fixed schedule of phases, read against a clock.

A set is laid out once, up front, as an immutable `TempoSchedule` (lead-in, then each rep's
phases in the order the lifter performs them). `TempoTimer` never counts ticks: every
`state()` call reads the clock, subtracts the start time and the time spent paused, and
looks the result up in the schedule with a binary search. A UI can therefore redraw as
rarely as it likes (late or skipped redraws cost nothing in accuracy), and a ten-minute set
costs no more per redraw than a ten-second one.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from .clock import Clock
from .tempo import PHASE_LABELS, Tempo

PhaseKind = Literal["lead-in", "eccentric", "bottom", "concentric", "top", "hold"]
HoldAt = Literal["top", "bottom"]

LEAD_IN_LABEL = "GET READY"
EXPLOSIVE_LABEL = "DRIVE"
HOLD_LABEL = "HOLD"
DONE_LABEL = "DONE"
STOPPED_LABEL = "STOPPED"

# Readings this close to a boundary count as on it: a countdown with 2.0 s left shows 2,
# not 3, and a caller that sleeps exactly `next_change_in()` lands in the next phase even
# when float rounding puts it a hair short (otherwise it would be told to sleep ~1e-13 s,
# which a fake clock at a large reading cannot even add).
_EPSILON = 1e-9


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
        t = elapsed + _EPSILON
        if t >= self.total:
            return len(self.phases)
        return max(0, bisect_right(self._starts, t) - 1)

    def reps_completed_at(self, elapsed: float) -> int:
        """Reps whose last non-zero phase has ended by `elapsed`."""
        t = elapsed + _EPSILON
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


@dataclass(frozen=True, slots=True)
class TempoState:
    """What the timer shows at one instant."""

    elapsed: float  # active seconds since the start, pauses excluded, capped at the end
    phase_index: int  # index into schedule.phases; len(phases) once finished or stopped
    phase: PhaseKind | None  # None once finished or stopped
    label: str
    rep: int  # the rep in progress (0 in the lead-in); the reps completed once finished
    target_reps: int
    seconds_left: float  # left in the current phase
    countdown: int  # seconds_left rounded up: the big number on screen
    reps_completed: int
    time_under_tension: float
    explosive: bool
    paused: bool
    finished: bool  # true once the last phase has ended or the set was stopped
    stopped: bool


class TempoTimer:
    """Runs a `TempoSchedule` against a clock; starts when created unless `start` is given."""

    def __init__(self, schedule: TempoSchedule, clock: Clock, *, start: float | None = None) -> None:
        self._schedule = schedule
        self._clock = clock
        self._start = clock.monotonic() if start is None else start
        # Elapsed time is banked at each pause and the running stretch is measured from the
        # clock reading at the last start or resume. This is `now - start - paused time`
        # rearranged so that float rounding can never make it step backwards on resume.
        self._banked = 0.0
        self._running_since: float | None = self._start  # None while paused
        self._stopped_elapsed: float | None = None

    @property
    def schedule(self) -> TempoSchedule:
        return self._schedule

    @property
    def started_at(self) -> float:
        return self._start

    @property
    def paused(self) -> bool:
        return self._running_since is None and self._stopped_elapsed is None

    @property
    def stopped(self) -> bool:
        return self._stopped_elapsed is not None

    @property
    def finished(self) -> bool:
        return self.stopped or self._schedule.index_at(self.elapsed()) >= len(self._schedule.phases)

    def elapsed(self) -> float:
        """Active seconds since the start: paused time is left out, the clock is the truth."""
        if self._stopped_elapsed is not None:
            return self._stopped_elapsed
        if self._running_since is None:
            return self._banked
        return self._banked + max(0.0, self._clock.monotonic() - self._running_since)

    def pause(self) -> None:
        """Freeze the set; does nothing if it is already paused or over."""
        if self._running_since is not None and not self.finished:
            self._banked = self.elapsed()
            self._running_since = None

    def resume(self) -> None:
        if self._running_since is None and self._stopped_elapsed is None:
            self._running_since = self._clock.monotonic()

    def stop(self) -> int:
        """End the set now and return the reps completed; later calls return the same."""
        if self._stopped_elapsed is None:
            self._stopped_elapsed = min(self.elapsed(), self._schedule.total)
        return self._schedule.reps_completed_at(self._stopped_elapsed)

    def state(self) -> TempoState:
        schedule = self._schedule
        elapsed = min(self.elapsed(), schedule.total)
        index = schedule.index_at(elapsed)
        completed = schedule.reps_completed_at(elapsed)
        tension = schedule.tension_at(elapsed)
        paused = self.paused
        if self.stopped or index >= len(schedule.phases):
            return TempoState(
                elapsed=elapsed,
                phase_index=len(schedule.phases),
                phase=None,
                label=STOPPED_LABEL if self.stopped and completed < schedule.reps else DONE_LABEL,
                rep=completed,
                target_reps=schedule.reps,
                seconds_left=0.0,
                countdown=0,
                reps_completed=completed,
                time_under_tension=tension,
                explosive=False,
                paused=False,
                finished=True,
                stopped=self.stopped,
            )
        phase = schedule.phases[index]
        left = max(0.0, schedule.end_of(index) - elapsed)
        return TempoState(
            elapsed=elapsed,
            phase_index=index,
            phase=phase.name,
            label=phase.label,
            rep=phase.rep,
            target_reps=schedule.reps,
            seconds_left=left,
            countdown=_countdown(left),
            reps_completed=completed,
            time_under_tension=tension,
            explosive=phase.explosive,
            paused=paused,
            finished=False,
            stopped=False,
        )

    def next_change_in(self) -> float | None:
        """Seconds until the next phase boundary (the end of the set counts as one).

        None while paused or once the set is over: nothing will change until the lifter acts.
        """
        return self._left_in_phase()

    def next_redraw_in(self) -> float | None:
        """Seconds until the screen must change: the next phase boundary or the moment the
        countdown drops to the next whole second, whichever comes first."""
        left = self._left_in_phase()
        if left is None:
            return None
        return left - max(0, _countdown(left) - 1)

    def _left_in_phase(self) -> float | None:
        if self.paused or self.stopped:
            return None
        elapsed = self.elapsed()
        index = self._schedule.index_at(elapsed)
        if index >= len(self._schedule.phases):
            return None
        return max(0.0, self._schedule.end_of(index) - elapsed)


def _countdown(seconds_left: float) -> int:
    return max(0, math.ceil(seconds_left - _EPSILON))

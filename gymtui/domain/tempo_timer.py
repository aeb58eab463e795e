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
from dataclasses import dataclass

from .clock import Clock
from .tempo_schedule import EPSILON, PhaseKind, TempoSchedule

DONE_LABEL = "DONE"
STOPPED_LABEL = "STOPPED"


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
    return max(0, math.ceil(seconds_left - EPSILON))

"""A routine run as a guided timer: a fixed timeline of items, read against a clock.

Plain Python (no Textual), so it is tested without an app. The routine is laid out once:
each item (each side of a per-side item) gets a short "get ready" stretch, then its work
stretch: a hold runs for its seconds, a counted item for its reps at a steady pace. Like the
rest timer, nothing is counted in ticks: `state()` reads the clock, takes off time spent
paused, adds time skipped, and looks the result up in the timeline.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from ...domain.clock import Clock
from ...domain.library import Drill, Routine
from ...domain.wording import plural

# A counted item is paced at this many seconds per rep; a lifter who is done sooner skips.
SECONDS_PER_REP = 4
_EPSILON = 1e-9

Side = Literal["left", "right"]
Phase = Literal["ready", "work", "done"]


@dataclass(frozen=True, slots=True)
class Step:
    """One item, or one side of a per-side item."""

    drill: Drill
    side: Side | None
    seconds: float
    item: int = 0  # which item of the routine (0-based): both sides share one

    @property
    def title(self) -> str:
        return f"{self.drill.name} ({self.side})" if self.side else self.drill.name

    @property
    def amount(self) -> str:
        if self.drill.kind == "reps":
            return plural(self.drill.rep_count, 'rep')
        return f"hold {self.drill.seconds} s"


def expand(routine: Routine, seconds_per_rep: float = SECONDS_PER_REP) -> list[Step]:
    steps = []
    for item, drill in enumerate(routine.items):
        seconds = float(drill.seconds or 0) if drill.kind == "hold" else float((drill.reps or 0) * seconds_per_rep)
        for side in ("left", "right") if drill.per_side else (None,):
            steps.append(Step(drill, side, seconds, item))
    return steps


@dataclass(frozen=True, slots=True)
class _Segment:
    step: int
    phase: Phase
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class RunState:
    index: int  # the step shown (len(steps) once done)
    phase: Phase
    remaining: float  # seconds left in this stretch
    countdown: int  # what the big digits show: remaining rounded up
    paused: bool
    # Work stretches finished so far: when it grows, an item just ended (ring the bell).
    completed: int
    step: Step | None
    next_step: Step | None
    progress: float  # 0-1 over the whole routine

    @property
    def done(self) -> bool:
        return self.phase == "done"


class GuidedRun:
    def __init__(self, steps: list[Step], clock: Clock, *, ready_seconds: float = 3.0) -> None:
        if not steps:
            raise ValueError("a routine run needs at least one item")
        self.steps = steps
        self._clock = clock
        segments: list[_Segment] = []
        t = 0.0
        for index, step in enumerate(steps):
            if ready_seconds > 0:
                segments.append(_Segment(index, "ready", t, t + ready_seconds))
                t += ready_seconds
            segments.append(_Segment(index, "work", t, t + step.seconds))
            t += step.seconds
        self._segments = segments
        self._starts = [segment.start for segment in segments]
        self.total = t
        self._started = clock.monotonic()
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._skipped = 0.0

    # -- time --------------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds into the timeline: clock time minus pauses, plus what was skipped."""
        now = self._paused_at if self._paused_at is not None else self._clock.monotonic()
        return min(self.total, max(0.0, now - self._started - self._paused_total + self._skipped))

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None and not self.state().done:
            self._paused_at = self._clock.monotonic()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock.monotonic() - self._paused_at
            self._paused_at = None

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    def skip(self) -> None:
        """End the current stretch now: get-ready goes to work, work goes to the next item."""
        elapsed = self.elapsed()
        if elapsed >= self.total:
            return
        segment = self._segments[self._segment_at(elapsed)]
        self._skipped += segment.end - elapsed

    # -- reading -----------------------------------------------------------------------------

    def _segment_at(self, elapsed: float) -> int:
        return max(0, bisect_right(self._starts, elapsed + _EPSILON) - 1)

    def _completed_at(self, elapsed: float) -> int:
        return sum(1 for s in self._segments if s.phase == "work" and s.end <= elapsed + _EPSILON)

    def state(self) -> RunState:
        elapsed = self.elapsed()
        completed = self._completed_at(elapsed)
        progress = elapsed / self.total if self.total else 1.0
        if elapsed >= self.total - _EPSILON:
            return RunState(len(self.steps), "done", 0.0, 0, False, completed, None, None, 1.0)
        segment = self._segments[self._segment_at(elapsed)]
        remaining = max(0.0, segment.end - elapsed)
        following = self.steps[segment.step + 1] if segment.step + 1 < len(self.steps) else None
        return RunState(
            index=segment.step,
            phase=segment.phase,
            remaining=remaining,
            countdown=max(0, math.ceil(remaining - _EPSILON)),
            paused=self.paused,
            completed=completed,
            step=self.steps[segment.step],
            next_step=following,
            progress=progress,
        )

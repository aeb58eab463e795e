"""The rest timer between sets: a deadline on a monotonic clock, never a count of ticks.

Everything is computed from `clock.monotonic()` against the deadline, so a UI that redraws
late (or not at all while in the background) still shows the right time when it looks.
"""

from __future__ import annotations

import math

from .clock import Clock

# Same tolerance as the tempo timer: 60.0 s left shows 60, not 61, despite float noise.
_EPSILON = 1e-9


class RestTimer:
    """Counts down `seconds` of rest from the moment it is created (or from `start`)."""

    def __init__(self, clock: Clock, seconds: float, *, start: float | None = None) -> None:
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"rest must be 0 or more seconds, not {seconds!r}")
        self._clock = clock
        self._started = clock.monotonic() if start is None else start
        self._deadline = self._started + seconds
        self._skipped_at: float | None = None

    @property
    def started_at(self) -> float:
        return self._started

    @property
    def deadline(self) -> float:
        return self._deadline

    @property
    def planned(self) -> float:
        """Total rest planned so far, extensions included (for a progress bar)."""
        return self._deadline - self._started

    @property
    def skipped(self) -> bool:
        return self._skipped_at is not None

    @property
    def done(self) -> bool:
        """True once the rest is over, by time or because the lifter skipped it."""
        return self.skipped or self._clock.monotonic() >= self._deadline

    def remaining(self) -> float:
        if self._skipped_at is not None:
            return 0.0
        return max(0.0, self._deadline - self._clock.monotonic())

    def countdown(self) -> int:
        """Remaining seconds rounded up: what the screen shows (0 only when the rest is over)."""
        return max(0, math.ceil(self.remaining() - _EPSILON))

    def elapsed(self) -> float:
        end = self._skipped_at if self._skipped_at is not None else self._clock.monotonic()
        return max(0.0, end - self._started)

    def overtime(self) -> float:
        """How long the lifter has rested past the deadline; 0 before it or after a skip."""
        if self._skipped_at is not None:
            return 0.0
        return max(0.0, self._clock.monotonic() - self._deadline)

    def extend(self, seconds: float) -> None:
        """Add (or, if negative, take away) rest.

        Once the deadline has passed, the extra time counts from now: pressing +30 s while
        in overtime gives 30 more seconds, not a deadline that is already behind. Taking
        away more than is left ends the rest now. A skipped rest stays skipped.
        """
        if not math.isfinite(seconds):
            raise ValueError(f"cannot extend rest by {seconds!r}")
        if self._skipped_at is not None:
            return
        now = self._clock.monotonic()
        base = max(self._deadline, now)
        self._deadline = max(now, base + seconds)

    def skip(self) -> None:
        """End the rest now; the lifter is going on with the next set."""
        if self._skipped_at is None:
            now = self._clock.monotonic()
            self._skipped_at = now
            self._deadline = min(self._deadline, now)

    def next_redraw_in(self) -> float | None:
        """Seconds until the shown figure changes: the next whole second of the countdown,
        or of the overtime once it is running. None after a skip."""
        if self._skipped_at is not None:
            return None
        now = self._clock.monotonic()
        left = self._deadline - now
        if left > 0:
            return left - max(0, math.ceil(left - _EPSILON) - 1)
        over = -left
        return 1.0 - (over - math.floor(over))

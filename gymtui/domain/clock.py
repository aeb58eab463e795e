"""The clock the timers read, behind a small interface so tests can drive time by hand.

Timers only ever ask "what time is it now" and derive everything else from that answer
(start and deadline arithmetic), so a test can jump a `FakeClock` forward and check the
state at any instant without sleeping.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """A source of monotonic seconds: only differences between readings mean anything."""

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock: `time.monotonic`, which never jumps when the wall clock is changed."""

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that stands still until a test moves it.

    It refuses to go backwards, because the timers (like `time.monotonic`) assume it never does.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def monotonic(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move time forward by `seconds` and return the new reading."""
        if seconds < 0:
            raise ValueError(f"a monotonic clock cannot go back ({seconds:g} s)")
        self._now += seconds
        return self._now

    def set(self, t: float) -> None:
        """Jump to the reading `t` (not earlier than the current one)."""
        if t < self._now:
            raise ValueError(f"a monotonic clock cannot go back from {self._now:g} to {t:g}")
        self._now = float(t)

    def __repr__(self) -> str:
        return f"FakeClock({self._now!r})"

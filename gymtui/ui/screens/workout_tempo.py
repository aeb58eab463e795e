"""One set under the tempo timer: the timer, its redraws booked from the clock, its cues.

Nothing counts ticks. Each redraw reads the clock through the timer and books the next one
for the moment something on screen changes (`next_redraw_in`), so no interval runs while
paused or idle. A phase change is cued once: the bell (rung here by the redraw, or on time
by the cue thread, workout_cue.py, whichever sees the change first) and a short flash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.timer import Timer

from ...domain.clock import Clock
from ...domain.tempo_schedule import TempoSchedule
from ...domain.tempo_timer import TempoState, TempoTimer
from .workout_cue import TempoCues

FLASH_SECONDS = 0.3  # the band inverts this long at each phase change
# Textual's timers wake up to 0.5 ms early (textual._time.sleep trims every sleep): a redraw
# booked for a boundary is booked this much after it, so it lands just after the change
# instead of just before it (which cost a second redraw, and the flash came 5 ms late).
REDRAW_LATE = 0.001
CUE_BACKUP_LATE = 0.025  # the loop's own redraw after a boundary the cue thread signals


@dataclass(frozen=True)
class Frame:
    """What one redraw of the timer shows."""

    state: TempoState
    flashing: bool


class TempoRun:
    """The set being timed, if any, and the booking of its redraws.

    `book(delay, redraw)` books a one-shot redraw (the screen's `set_timer`); `ring()` rings
    the bell when the settings allow it."""

    def __init__(self, clock: Clock, book: Callable[[float, Callable[[], None]], Timer],
                 ring: Callable[[], None], cues: TempoCues) -> None:
        self.clock = clock
        self._book = book
        self._ring = ring
        self.cues = cues
        self.timer: TempoTimer | None = None
        self.schedule: TempoSchedule | None = None
        self.started_at: Any = None  # wall time the set began (LoggedSet.started_at)
        self.count = 0  # phase-change cues given (tests read it)
        self._last_phase: int | None = None
        self._flash_until: float | None = None
        self._handle: Timer | None = None

    @property
    def ticking(self) -> bool:
        return self._handle is not None

    def start(self, schedule: TempoSchedule, started_at: Any) -> None:
        self.schedule = schedule
        self.timer = TempoTimer(schedule, self.clock)
        self.started_at = started_at
        self._last_phase = None
        self._flash_until = None
        self.cues.reset()

    def unbook(self) -> None:
        if self._handle is not None:
            self._handle.stop()
            self._handle = None

    def drop(self) -> None:
        """The set is over (logged, or cancelled): no redraw, no cue."""
        self.unbook()
        self.cues.cancel()
        self.timer = None

    def frame(self) -> Frame | None:
        """Read the clock: cue a phase change (once, however many phases a late redraw
        skipped) and say what to draw. None when no set runs."""
        timer = self.timer
        if timer is None or self.schedule is None:
            return None
        state = timer.state()
        now = self.clock.monotonic()
        if state.phase_index != self._last_phase:
            self._last_phase = state.phase_index
            self.count += 1
            if self.cues.claim_bell(state.phase_index):
                self._ring()
            self._flash_until = now + FLASH_SECONDS
        flashing = self._flash_until is not None and now < self._flash_until
        return Frame(state, flashing)

    def book_next(self, frame: Frame, redraw: Callable[[], None], due: Callable[[TempoTimer, int], None]) -> None:
        """Arm the cue thread for the next boundary and book the next redraw."""
        timer = self.timer
        assert timer is not None
        self.cues.arm(timer, frame.state.phase_index + 1, due)
        now = self.clock.monotonic()
        delay = timer.next_redraw_in()
        if frame.flashing and self._flash_until is not None:
            delay = min(delay, self._flash_until - now) if delay is not None else self._flash_until - now
        if delay is None:
            return
        late = REDRAW_LATE
        if self.cues.scheduler is not None and delay == timer.next_change_in():
            # A phase boundary: the cue thread rings and asks for the redraw (CueDue); this
            # one only backs it up, later, so the two do not compete at the boundary.
            late = CUE_BACKUP_LATE
        self._handle = self._book(max(delay, 0.0) + late, redraw)

    def toggle_pause(self) -> None:
        if self.timer is not None:
            if self.timer.paused:
                self.timer.resume()
            else:
                self.timer.pause()

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()

    def cue_due(self, timer: TempoTimer, phase: int) -> bool:
        """On the cue thread, at a boundary: True when it should ring (and ask for a redraw).
        Not when the set was paused, stopped or dropped since the cue was armed."""
        if timer is not self.timer or timer.paused or timer.stopped:
            return False
        return not timer.state().phase_index < phase

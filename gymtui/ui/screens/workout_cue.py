"""The phase-change bell on time, even while the event loop is busy.

The workout screen redraws on Textual's event loop, so a redraw booked for a phase boundary
runs only once the loop is free: behind a slow render or handler it is tens of milliseconds
late (bench/workout_timer.py). The bell is the cue a lifter follows without looking, so it
is rung from a thread of its own, which a busy loop holds back only until the interpreter
switches threads (5 ms by default). The flash is drawn by the loop, as soon as it can.

Two interpreter-wide settings are changed while a cue is armed (a set runs, not paused) and
put back after: the thread switch interval drops to 1 ms, so a busy loop lets the cue thread
run within about a millisecond rather than five; and the objects alive at the start of the
set are frozen out of the garbage collector (`gc.freeze`), so a full collection, which holds
every thread for about 50 ms in this app, only scans what the set itself allocated.

The thread's wait ends a few milliseconds before the boundary and it sleeps the rest in
short steps: a condition wait alone woke 2.5 ms late at p50 and up to 9 ms on a 2-core VM.
The loop's own redraw for a boundary is booked 25 ms after it, as a backup: the cue thread
asks for the redraw (CueDue) as it rings, so the two do not compete for the interpreter at
the boundary.

The screen's `TempoCues` asks a `CueScheduler` to call it back at the next phase boundary (the delay comes
from `TempoTimer.next_change_in()`, so the phase maths stay with the clock). Tests run on a
FakeClock, which no thread can wait on: they get no scheduler, or one that records what it
is asked, so no thread runs in them and nothing waits on the real clock.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from textual.drivers.headless_driver import HeadlessDriver
from textual.message import Message

from ...domain.clock import Clock, SystemClock
from ...domain.tempo_timer import TempoTimer

if TYPE_CHECKING:
    from textual.app import App

try:  # termios: not on Windows
    from textual.drivers.linux_driver import LinuxDriver

    _QUEUED_DRIVERS: tuple[type, ...] = (LinuxDriver, HeadlessDriver)
except ImportError:  # pragma: no cover - Windows
    _QUEUED_DRIVERS = (HeadlessDriver,)

SWITCH_INTERVAL = 0.001  # seconds a busy thread may keep the interpreter while a cue waits
# A thread waiting on a condition can wake milliseconds late (measured on this 2-core VM:
# 2.5 ms at p50, up to 9 ms), so the wait ends this long before the cue and the rest is
# slept in steps that wake within a fraction of a millisecond.
FINAL_STRETCH = 0.004
FINAL_STEP = 0.0004


class CueScheduler(Protocol):
    def arm(self, delay: float, cue: Callable[[], None]) -> None:
        """Call `cue` (on another thread) `delay` seconds from now, instead of any cue armed before."""

    def cancel(self) -> None:
        """Forget the armed cue, if any."""

    def close(self) -> None:
        """Cancel, and stop for good."""


class ThreadCueScheduler:
    """One long-lived daemon thread that waits for the armed moment and calls the cue on it.

    The thread waits on a condition, so nothing wakes while nothing is armed (no idle CPU).
    The moment is kept as a clock reading, so re-arming for the same boundary at every
    redraw aims at the same instant. Only a real clock will do: the thread waits real time.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._condition = threading.Condition()
        self._due: float | None = None
        self._cue: Callable[[], None] | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._saved_interval: float | None = None  # set while armed: the interval to put back
        self._froze = False
        self.fired = 0  # cues called (the bench and tests read it)

    def arm(self, delay: float, cue: Callable[[], None]) -> None:
        with self._condition:
            if self._closed:
                return
            self._due = self._clock.monotonic() + max(0.0, delay)
            self._cue = cue
            self._sharpen()
            if self._thread is None:  # started at the first set, not when the app opens
                self._thread = threading.Thread(target=self._run, name="gymtui-cue", daemon=True)
                self._thread.start()
            self._condition.notify()

    def cancel(self) -> None:
        with self._condition:
            self._due = self._cue = None
            self._relax()
            self._condition.notify()

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._due = self._cue = None
            self._relax()
            self._condition.notify()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=1.0)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def sharpened(self) -> bool:
        return self._saved_interval is not None

    def _sharpen(self) -> None:
        """While cues are armed: a short switch interval and the old objects frozen (see above)."""
        if self._saved_interval is not None:
            return
        self._saved_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._saved_interval, SWITCH_INTERVAL))
        # Someone else's freeze is left alone: only a freeze made here is undone here.
        self._froze = gc.get_freeze_count() == 0
        if self._froze:
            gc.freeze()

    def _relax(self) -> None:
        if self._saved_interval is None:
            return
        sys.setswitchinterval(self._saved_interval)
        self._saved_interval = None
        if self._froze:
            gc.unfreeze()
            self._froze = False

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._closed:
                    if self._due is None:
                        self._condition.wait()
                        continue
                    left = self._due - self._clock.monotonic()
                    if left <= 0:
                        break
                    if left > FINAL_STRETCH:
                        self._condition.wait(left - FINAL_STRETCH)
                    else:
                        # Short sleeps, the lock let go so arm() and cancel() still get in.
                        self._condition.release()
                        try:
                            time.sleep(min(left, FINAL_STEP))
                        finally:
                            self._condition.acquire()
                if self._closed:
                    return
                cue = self._cue
                self._due = self._cue = None
            if cue is not None:
                self.fired += 1
                with contextlib.suppress(Exception):  # the redraw on the loop still gives the cue
                    cue()


def default_cue_scheduler(clock: Clock) -> CueScheduler | None:
    """A cue thread on the real clock; none on any other (a FakeClock in tests)."""
    return ThreadCueScheduler(clock) if isinstance(clock, SystemClock) else None


def bell_is_thread_safe(app: App) -> bool:
    """Whether `app.bell()` may be called from another thread.

    Textual 8.2.8's `App.bell` writes "\\a" with the driver's `write`. The Linux (and Windows)
    drivers put every write on a queue that their own writer thread empties: that is safe
    from any thread, and a frame is one queued write on Linux, so the bell never lands inside
    it. The headless driver writes nothing. The web driver writes straight to a pipe, where a
    frame written by the loop and the bell written by another thread could interleave; and
    on Windows a frame is written in chunks, so the bell could land inside an escape
    sequence. Those get the bell from the loop instead.
    """
    return isinstance(getattr(app, "_driver", None), _QUEUED_DRIVERS)


def ring_from_thread(app: App) -> None:
    """Ring the terminal bell from the cue thread, or from the loop when that is not safe."""
    if bell_is_thread_safe(app):
        app.bell()
    else:
        app.call_from_thread(app.bell)


class CueDue(Message):
    """Posted by the cue thread at a phase boundary: redraw now (the flash)."""


class TempoCues:
    """The phase-change bell of one screen: owns the cue scheduler and says who rings.

    Both the loop's redraw and the cue thread may see a phase change first; whichever does
    rings, once (`claim_bell`). `scheduler` is None on a FakeClock (tests), where only the
    redraw rings; tests may put a recording one in its place.
    """

    def __init__(self, scheduler: CueScheduler | None = None) -> None:
        self.scheduler = scheduler
        self._lock = threading.Lock()
        self._rung = -1  # the newest phase of this set whose bell was rung (by either side)

    def reset(self) -> None:
        with self._lock:
            self._rung = -1

    def claim_bell(self, phase: int) -> bool:
        """True for the first of the loop and the cue thread to reach `phase`: that one
        rings, the other does not."""
        with self._lock:
            if phase <= self._rung:
                return False
            self._rung = phase
        return True

    def arm(self, timer: TempoTimer, phase: int, due: Callable[[TempoTimer, int], None]) -> None:
        """Ask the scheduler for `due(timer, phase)` at the start of `phase` (none while paused)."""
        if self.scheduler is None:
            return
        delay = timer.next_change_in()
        if delay is None:
            self.scheduler.cancel()
        else:
            self.scheduler.arm(delay, lambda: due(timer, phase))

    def cancel(self) -> None:
        if self.scheduler is not None:
            self.scheduler.cancel()

    def close(self) -> None:
        if self.scheduler is not None:
            self.scheduler.close()

"""How accurately the tempo timer's phase changes reach the screen, and what it costs idle.

Runs a real `TempoTimer` on the system clock inside an asyncio loop the way the UI does:
a redraw task sleeps until `next_change_in()` (capped), reads `state()` and notes when it
first saw each new phase. Each observation is compared with the schedule:

    error = moment the phase change was seen - moment the schedule says it happens

Two loops, each running one real set: (a) an idle loop; (b) a loop kept busy by another
task doing CPU work in ~20 ms chunks between awaits (a UI rendering flat out). In each,
several observers watch the same timer side by side, since each costs only microseconds
per look:
  task      a task awaiting `asyncio.sleep` (what the UI's redraw loop does);
  callback  a plain `loop.call_later` callback, which skips the trip through the ready
            queue that a sleeping task needs to wake up;
  thread    (busy loop only) a thread sleeping with `time.sleep`, which the busy loop can
            delay only by the interpreter's thread switch interval (5 ms by default).
Drift is real, not simulated: each set runs for the whole duration, and the "trend" column
fits a line through the errors to show whether they grow with time. Then process CPU time
is measured over a few seconds of an idle loop with no timer, with the timer's redraw loop,
and (for comparison) with naive 60 Hz polling.

    python bench/timer_accuracy.py               # 60 s per loop: about 2.5 minutes in all
    python bench/timer_accuracy.py --quick       # about 10 s, a smoke test (short tempo)
    python bench/timer_accuracy.py --minutes 10  # a ten-minute set per scenario

Figures are printed, never asserted: they depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from gymtui.domain.clock import SystemClock
from gymtui.domain.tempo import parse_tempo
from gymtui.domain.tempo_schedule import TempoSchedule, tempo_schedule
from gymtui.domain.tempo_timer import TempoTimer

X_SECONDS = 0.5
BUSY_CHUNK = 0.020  # seconds of CPU work between two awaits in the busy scenario


@dataclass
class Run:
    name: str
    errors_ms: list[float] = field(default_factory=list)
    scheduled_at: list[float] = field(default_factory=list)  # seconds into the set
    missed: int = 0  # phases never seen because two changes fell between redraws
    redraws: int = 0
    end_drift_ms: float = math.nan
    seconds: float = 0.0


@dataclass(frozen=True)
class SetShape:
    """The set each scenario runs: a tempo with an X cue, so boundaries fall off whole seconds."""

    tempo: str = "2-1-X-1"
    lead_in: float = 3.0

    def schedule(self, seconds: float) -> TempoSchedule:
        tempo = parse_tempo(self.tempo)
        reps = max(1, round((seconds - self.lead_in) / tempo.rep_seconds(X_SECONDS)))
        return tempo_schedule(tempo, reps, lead_in=self.lead_in, x_seconds=X_SECONDS)


def boundary(schedule: TempoSchedule, index: int) -> float:
    """When phase `index` starts (index == len(phases) is the end of the set)."""
    return schedule.total if index >= len(schedule.phases) else schedule.phases[index].start


class Observer:
    """Looks at the timer once per redraw and notes each phase change against the schedule."""

    def __init__(self, timer: TempoTimer, run: Run) -> None:
        self.timer, self.run = timer, run
        self.last = timer.state().phase_index

    def look(self) -> None:
        state = self.timer.state()
        seen = time.monotonic()
        run, schedule = self.run, self.timer.schedule
        run.redraws += 1
        if state.phase_index != self.last:
            run.missed += state.phase_index - self.last - 1
            offset = boundary(schedule, state.phase_index)
            run.errors_ms.append((seen - self.timer.started_at - offset) * 1000)
            run.scheduled_at.append(offset)
            self.last = state.phase_index
            if state.finished:
                run.end_drift_ms = (seen - (self.timer.started_at + schedule.total)) * 1000


async def redraw_loop(timer: TempoTimer, run: Run, cap: float) -> None:
    """What the UI's redraw does: sleep until the next change (capped), look, repeat."""
    observer = Observer(timer, run)
    while (delay := timer.next_change_in()) is not None:
        await asyncio.sleep(min(cap, delay))
        observer.look()


async def callback_loop(timer: TempoTimer, run: Run, cap: float) -> None:
    """The same, driven by `loop.call_later` callbacks rather than a sleeping task."""
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[None] = loop.create_future()
    observer = Observer(timer, run)

    def look_and_reschedule() -> None:
        observer.look()
        schedule_next()

    def schedule_next() -> None:
        delay = timer.next_change_in()
        if delay is None:
            finished.set_result(None)
        else:
            loop.call_later(min(cap, delay), look_and_reschedule)

    schedule_next()
    await finished


async def busy_work(stop: asyncio.Event) -> None:
    """Another task hogging the loop in ~20 ms slices, yielding between them."""
    while not stop.is_set():
        until = time.perf_counter() + BUSY_CHUNK
        total = 0
        while time.perf_counter() < until:
            total += sum(range(200))
        await asyncio.sleep(0)


def thread_loop(timer: TempoTimer, run: Run, cap: float, quit: threading.Event) -> None:
    """The same from a plain thread, outside the event loop."""
    observer = Observer(timer, run)
    while (delay := timer.next_change_in()) is not None and not quit.is_set():
        time.sleep(min(cap, delay))
        observer.look()


async def scenario(label: str, shape: SetShape, seconds: float, cap: float, busy: bool) -> list[Run]:
    """One real set on one loop, watched by every observer at once."""
    stop = asyncio.Event()
    quit_thread = threading.Event()
    hog = asyncio.create_task(busy_work(stop)) if busy else None
    timer = TempoTimer(shape.schedule(seconds), SystemClock())
    runs = [
        Run(f"{label}, task", seconds=timer.schedule.total),
        Run(f"{label}, callback", seconds=timer.schedule.total),
    ]
    watchers = [redraw_loop(timer, runs[0], cap), callback_loop(timer, runs[1], cap)]
    if busy:
        runs.append(Run(f"{label}, thread", seconds=timer.schedule.total))
        watchers.append(asyncio.to_thread(thread_loop, timer, runs[2], cap, quit_thread))
    try:
        await asyncio.gather(*watchers)
    finally:
        quit_thread.set()
        stop.set()
        if hog is not None:
            await hog
    return runs


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: an observed value, never an interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def trend_ms_per_minute(run: Run) -> tuple[float, float]:
    """Least-squares slope of error against time into the set, and its standard error.

    A slope within about two standard errors of 0 means the error does not grow with time.
    """
    xs, ys = run.scheduled_at, run.errors_ms
    if len(xs) < 3:
        return math.nan, math.nan
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    if not var:
        return math.nan, math.nan
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var
    residual = sum((y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return slope * 60, math.sqrt(residual / (len(xs) - 2) / var) * 60


async def cpu_over(shape: SetShape, seconds: float, work: str, cap: float) -> tuple[float, int]:
    """Process CPU seconds used while the loop does `work` for `seconds`, and its wake-ups."""
    wakeups = 0
    start_cpu = time.process_time()
    if work == "idle":
        await asyncio.sleep(seconds)
    elif work == "timer":
        # A set long enough not to end during the measurement.
        timer = TempoTimer(shape.schedule(seconds + 30), SystemClock())
        run = Run("cpu")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(redraw_loop(timer, run, cap), seconds)
        wakeups = run.redraws
    else:  # naive polling at 60 Hz, reading the state every frame
        timer = TempoTimer(shape.schedule(seconds + 30), SystemClock())
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            await asyncio.sleep(1 / 60)
            timer.state()
            wakeups += 1
    return time.process_time() - start_cpu, wakeups


def print_runs(runs: list[Run]) -> None:
    header = f"{'loop, observer':<26}{'length':>8}{'changes':>9}{'missed':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    header += f"{'end drift ms':>14}{'trend ms/min':>16}{'redraws/s':>11}"
    print(header)
    print("-" * len(header))
    for run in runs:
        print(
            f"{run.name:<26}{run.seconds:>7.1f}s{len(run.errors_ms):>9}{run.missed:>8}"
            f"{percentile(run.errors_ms, 0.5):>9.2f}{percentile(run.errors_ms, 0.99):>9.2f}"
            f"{max(run.errors_ms, default=math.nan):>9.2f}{run.end_drift_ms:>14.2f}"
            f"{'{:.2f} ± {:.2f}'.format(*trend_ms_per_minute(run)):>16}{run.redraws / run.seconds:>11.1f}"
        )


async def main(shape: SetShape, seconds: float, cpu_seconds: float, cap: float) -> None:
    print(f"gymtui timer accuracy: Python {platform.python_version()} on {platform.machine()},")
    print(f"  {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    print(f"  tempo {shape.tempo} (X = {X_SECONDS} s), lead-in {shape.lead_in:g} s, redraw cap {cap * 1000:.0f} ms")
    print()
    runs = await scenario("(a) idle", shape, seconds, cap, busy=False)
    runs += await scenario("(b) busy 20 ms", shape, seconds, cap, busy=True)
    print_runs(runs)
    print()
    print(f"process CPU time over {cpu_seconds:g} s:")
    for label, work in (
        ("idle loop, no timer", "idle"),
        ("timer + redraw loop", "timer"),
        ("60 Hz polling (compare)", "poll"),
    ):
        cpu, wakeups = await cpu_over(shape, cpu_seconds, work, cap)
        print(
            f"  {label:<26}{cpu * 1000:>8.1f} ms CPU  ({cpu / cpu_seconds * 100:5.2f} %)"
            f"  {wakeups / cpu_seconds:>6.1f} wake-ups/s"
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short rep per scenario, 1 s CPU samples")
    parser.add_argument("--minutes", type=float, help="length of each scenario in minutes (default 1)")
    parser.add_argument("--cap", type=float, default=0.25, help="longest redraw sleep in seconds")
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse_args()
    if args.quick:
        shape, run_seconds, cpu_seconds = SetShape("1-0-X-1", lead_in=1.0), 3.5, 1.0
    else:
        shape, run_seconds, cpu_seconds = SetShape(), (args.minutes or 1.0) * 60, 5.0
    asyncio.run(main(shape, run_seconds, cpu_seconds, args.cap))

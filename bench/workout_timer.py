"""The tempo timer as the lifter sees it: the real workout screen, its cues against the schedule.

bench/timer_accuracy.py measures the timer engine on a bare asyncio loop. This runs the real
gymtui app headless (`App.run_test` at 80x24, the system clock, a data folder in a temporary
directory with last week's face pulls, so the first exercise has a load), opens the workout
screen, sets a tempo of short phases and starts a set with Enter, as a lifter would. It
hooks the screen's cue point and compares each cue with the schedule:

    error = moment of the cue - (timer.started_at + phase.start)

Two cue moments are recorded per phase change:
  bell   when `app.bell` is called (the sound: rung by the screen's redraw on the event loop,
         or, with the cue thread, by that thread at the boundary);
  flash  when the screen's redraw on the event loop saw the change and started the flash
         (it can never be drawn before the loop is free).
The last cue is the end of the set, so its error is the end drift.

Scenarios, each one real set on the system clock:
  idle        nothing else runs;
  busy cpu    `set_interval(0.047)` callbacks each doing 15 ms of CPU work on the event
              loop (a third of it: what a slow handler costs; 47 ms so the load does not
              lock onto the half-second phase boundaries);
  busy render a Static on the screen given a fresh 40-row Rich table every 47 ms (Textual
              lays it out and renders it on the event loop: most of a core, with pauses
              of up to ~100 ms and many garbage collections).
Cue modes: `loop` (no cue thread: the screen's redraw rings the bell, what the screen did
before the cue thread) and `thread` (the screen's ThreadCueScheduler, which also shortens
the switch interval and freezes the old objects out of the collector while a set runs).
Garbage collections during each set are listed too: a full one holds every thread.
Then process CPU time over 5 s with the workout screen shown and no timer running.

    python bench/workout_timer.py                  # 60 s sets (290 cues each), both cue modes: about 7 minutes
    python bench/workout_timer.py --quick          # 22 s sets (105 cues each), about 2.5 minutes
    python bench/workout_timer.py --cues loop      # one mode only
    python bench/workout_timer.py --load cpu --detail   # one scenario, every cue's error
    python bench/workout_timer.py --tempo 1-1-X-1 --x-seconds 0.5   # a lifter's usual tempo: few cues

The tempo is X-X-X-X with X cues of 0.2 s (the shortest the settings allow): a phase change
every 0.2 s, about 4.6 cues a second. A p99 needs more than 100 cues to be other than the
worst cue (nearest rank), and several hundred to hold still from run to run: a set of
1-1-X-1 gave 17 cues in 15 s, so its "p99" was its single worst cue. Shorter phases are no
way round it: with 0.1 s phases the event loop under the render load re-armed the cue thread
after the boundary had passed, and a quarter of the changes were missed or rung late by the
loop, which measures the bench, not the app.

Figures are printed, never asserted: they depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import math
import os
import platform
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pendulum
from rich.table import Table
from textual.widgets import Static

from gymtui.domain.clock import SystemClock
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.tempo import parse_tempo
from gymtui.services.library import Library
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.app import GymApp, first_run_setup
from gymtui.ui.screens.workout import WorkoutScreen

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")  # a Monday: face pulls first
TEMPO = "X-X-X-X"
X_SECONDS = 0.2  # the shortest X cue the settings allow; phase changes fall between whole seconds
TAIL_CUES = 101  # fewer, and the nearest-rank p99 is the worst cue: the max again
LEAD_IN = 1
BUSY_EVERY = 0.047  # not a divisor of the phase lengths, so the load does not lock to the boundaries
BUSY_CPU = 0.015
RENDER_ROWS = 40


@dataclass
class Run:
    name: str
    seconds: float = 0.0
    bell_ms: list[float] = field(default_factory=list)
    flash_ms: list[float] = field(default_factory=list)
    missed: int = 0  # phase changes with no cue of their own (a late redraw saw two at once)
    end_bell_ms: float = math.nan
    end_flash_ms: float = math.nan
    ticks: int = 0  # redraws of the timer on the loop
    cpu_share: float = 0.0  # process CPU time / wall time during the set (1.0 = one core)
    detail: list[tuple[int, float, float]] = field(default_factory=list)  # (phase index, at, error ms)
    bell_detail: list[tuple[int, float, str]] = field(default_factory=list)  # (phase index, error ms, by)
    gc_pauses_ms: list[tuple[int, float]] = field(default_factory=list)  # (generation, ms) per collection


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: an observed value, never an interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def make_app(data_dir: Path, x_seconds: float) -> GymApp:
    store = Store.open(data_dir, now=lambda: NOW)
    first_run_setup(store, NOW.date())
    last_week = NOW.subtract(days=7)
    session = store.save_session(Session(date=last_week.date(), started_at=last_week, status="done",
                                         program_day="vertical-pull", block_week=1))
    for _ in range(2):
        store.add_set(LoggedSet(session_id=session.id, exercise="face-pull", load=20, reps=15, rpe=7,
                                logged_at=last_week))
    # model_copy, not model_validate: the quick run's X cue is shorter than a lifter may set.
    store.save_settings(store.settings().model_copy(update={"bell": True, "lead_in_seconds": LEAD_IN,
                                                           "x_cue_seconds": x_seconds}))
    return GymApp(store, Library.from_store(load_catalog(), store), clock=SystemClock(), now=lambda: NOW)


async def settle(pilot, app: GymApp) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


class Recorder:
    """Hooks the screen's two cue points for one set."""

    def __init__(self, app: GymApp, screen: WorkoutScreen) -> None:
        self.app, self.screen = app, screen
        self.run: Run | None = None
        self.seen_bell: set[int] = set()
        self.seen_flash: set[int] = set()
        app.bell = self._bell  # type: ignore[method-assign]
        original_tick = screen.tick

        def tick() -> None:
            at = time.monotonic()
            cues, timer = screen.cues, screen.timer
            if self.run is not None:
                self.run.ticks += 1
            original_tick()
            if self.run is not None and timer is not None and screen.cues > cues:
                self._note(self.run.flash_ms, self.seen_flash, timer, at, "flash")

        screen.tick = tick  # type: ignore[method-assign]

    def _bell(self) -> None:
        at = time.monotonic()
        timer = self.screen.timer
        if self.run is not None and timer is not None:
            self._note(self.run.bell_ms, self.seen_bell, timer, at, "bell")

    def _note(self, errors: list[float], seen: set[int], timer, at: float, kind: str) -> None:
        schedule = timer.schedule
        index = timer.state().phase_index
        if index in seen or index == 0:  # index 0: the set's start, not a phase change
            return
        seen.add(index)
        start = schedule.total if index >= len(schedule.phases) else schedule.phases[index].start
        error = (at - timer.started_at - start) * 1000
        errors.append(error)
        if kind == "flash":
            self.run.detail.append((index, start, error))
        else:
            by = "L" if threading.current_thread() is threading.main_thread() else "T"
            self.run.bell_detail.append((index, error, by))
        if index >= len(schedule.phases):
            setattr(self.run, f"end_{kind}_ms", error)

    def begin(self, name: str) -> Run:
        self.run = Run(name)
        self.seen_bell, self.seen_flash = set(), set()
        return self.run


class BusyLoad:
    """Keeps the event loop busy while a set runs."""

    def __init__(self, app: GymApp, screen: WorkoutScreen, kind: str) -> None:
        self.app, self.screen, self.kind = app, screen, kind
        self.interval = None
        self.widget: Static | None = None
        self.count = 0

    async def start(self) -> None:
        if self.kind == "render":
            self.widget = Static("", id="bench-busy")
            self.widget.styles.height = "auto"
            await self.screen.query_one("#workout").mount(self.widget)
        self.interval = self.app.set_interval(BUSY_EVERY, self._work)

    def _work(self) -> None:
        begin = time.perf_counter()
        if self.kind == "cpu":
            total = 0
            while time.perf_counter() - begin < BUSY_CPU:
                total += sum(range(200))
        else:
            self.count += 1
            table = Table("n", "exercise", "load", "reps", "rpe", "note")
            for row in range(RENDER_ROWS):
                table.add_row(str(row), f"exercise {row + self.count}", f"{(row * 2.5) % 200:g} kg",
                              str(row % 12), f"{6 + (row % 9) / 2:g}", "x" * (row % 30))
            assert self.widget is not None
            self.widget.update(table)

    async def stop(self) -> None:
        if self.interval is not None:
            self.interval.stop()
        if self.widget is not None:
            await self.widget.remove()


async def one_set(pilot, app: GymApp, screen: WorkoutScreen, recorder: Recorder, name: str,
                  reps: int, busy: str | None, cues: str, tempo: str) -> Run:
    card = screen.workout.card
    card.tempo = tempo
    card.plan = dataclasses.replace(card.plan, reps=reps)
    if hasattr(screen, "cue_scheduler"):
        from gymtui.ui.screens.workout_cue import ThreadCueScheduler

        if cues == "loop" and screen.cue_scheduler is not None:
            screen.cue_scheduler.close()
            screen.cue_scheduler = None
        elif cues == "thread" and not isinstance(screen.cue_scheduler, ThreadCueScheduler):
            screen.cue_scheduler = ThreadCueScheduler(app.clock)
    elif cues == "thread":
        raise SystemExit("this version of the workout screen has no cue scheduler: use --cues loop")
    load = BusyLoad(app, screen, busy) if busy else None
    if load is not None:
        await load.start()
        await asyncio.sleep(0.3)  # the load is running before the set starts
    run = recorder.begin(name)
    gc_started: list[float] = []

    def gc_watch(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[:] = [time.perf_counter()]
        elif gc_started:
            run.gc_pauses_ms.append((info["generation"], (time.perf_counter() - gc_started[0]) * 1000))

    gc.callbacks.append(gc_watch)
    await pilot.press("enter")
    assert screen.state == "timer", screen.state
    started, cpu_before = time.perf_counter(), time.process_time()
    run.seconds = screen.timer.schedule.total
    changes = len(screen.timer.schedule.phases)  # every phase after the first, and the end
    while screen.state == "timer":
        await asyncio.sleep(0.25)
    run.cpu_share = (time.process_time() - cpu_before) / (time.perf_counter() - started)
    gc.callbacks.remove(gc_watch)
    if load is not None:
        await load.stop()
    run.missed = changes - len(run.flash_ms)
    await pilot.press("escape")  # the set form: not logged, so the next set is the same one
    await settle(pilot, app)
    assert screen.state == "ready", screen.state
    return run


async def idle_cpu(seconds: float) -> float:
    start = time.process_time()
    await asyncio.sleep(seconds)
    return time.process_time() - start


def rung_by(run: Run) -> str:
    """Who rang the measured cues: with the cue thread, a cue rung by the loop is one the thread
    was not armed for in time (the loop redrew after the boundary had passed)."""
    counts = {"thread": sum(by == "T" for _, _, by in run.bell_detail),
              "loop": sum(by == "L" for _, _, by in run.bell_detail)}
    return ", ".join(f"{who} {n}" for who, n in counts.items() if n)


def print_runs(runs: list[Run], detail: bool) -> None:
    header = (f"{'scenario, cues':<28}{'set':>6}{'cues':>6}{'miss':>6}{'CPU':>6}"
              f"{'bell p50':>10}{'p99':>8}{'max':>8}{'flash p50':>11}{'p99':>8}{'max':>8}"
              f"{'end drift bell/flash':>22}{'redraws':>9}  bell rung by")
    print(header)
    print("-" * len(header))
    for run in runs:
        print(
            f"{run.name:<28}{run.seconds:>5.1f}s{len(run.flash_ms):>6}{run.missed:>6}{run.cpu_share * 100:>5.0f}%"
            f"{percentile(run.bell_ms, 0.5):>10.2f}{percentile(run.bell_ms, 0.99):>8.2f}"
            f"{max(run.bell_ms, default=math.nan):>8.2f}"
            f"{percentile(run.flash_ms, 0.5):>11.2f}{percentile(run.flash_ms, 0.99):>8.2f}"
            f"{max(run.flash_ms, default=math.nan):>8.2f}"
            f"{run.end_bell_ms:>12.2f} / {run.end_flash_ms:<7.2f}{run.ticks:>9}  {rung_by(run)}"
        )
    if detail:
        for run in runs:
            print(run.name, "flash", " ".join(f"{i}@{at:g}:{e:.1f}" for i, at, e in run.detail))
            print(run.name, "bell", " ".join(f"{i}:{e:.1f}{by}" for i, e, by in run.bell_detail))
    print()
    for run in runs:
        longest = {g: max((ms for gen, ms in run.gc_pauses_ms if gen == g), default=0.0) for g in range(3)}
        counts = {g: sum(1 for gen, _ in run.gc_pauses_ms if gen == g) for g in range(3)}
        print(f"{run.name:<28} garbage collections by generation 0/1/2: "
              f"{counts[0]}/{counts[1]}/{counts[2]}, longest {longest[0]:.1f}/{longest[1]:.1f}/{longest[2]:.1f} ms")
    print("(all figures in ms after the schedule; CPU = process CPU time / wall time during the set)")
    few = [run.name for run in runs if len(run.bell_ms) < TAIL_CUES]
    if few:
        print(f"fewer than {TAIL_CUES} bell cues, so p99 is the worst cue: {', '.join(few)}")


async def main(args: argparse.Namespace) -> None:
    rep_seconds = parse_tempo(args.tempo).rep_seconds(args.x_seconds)
    reps = max(1, round((args.seconds - LEAD_IN) / rep_seconds))
    modes = ["loop", "thread"] if args.cues == "both" else [args.cues]
    import textual

    print(f"gymtui workout screen timer: Python {platform.python_version()}, Textual {textual.__version__},")
    print(f"  {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start, "
          f"switch interval {sys.getswitchinterval() * 1000:g} ms")
    print(f"  headless run_test 80x24, system clock; tempo {args.tempo} (X = {args.x_seconds:g} s), "
          f"lead-in {LEAD_IN} s, {reps} reps = {LEAD_IN + reps * rep_seconds:g} s per set")
    print(f"  busy cpu: {BUSY_CPU * 1000:g} ms of CPU every {BUSY_EVERY * 1000:g} ms on the loop; "
          f"busy render: a {RENDER_ROWS}-row table every {BUSY_EVERY * 1000:g} ms")
    print()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="gymtui-bench-") as folder:
        app = make_app(Path(folder), args.x_seconds)
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await settle(pilot, app)
                app.action_open_section("w")
                await settle(pilot, app)
                screen = app.screen
                assert isinstance(screen, WorkoutScreen) and screen.state == "ready", screen
                recorder = Recorder(app, screen)
                # Modes side by side per scenario, so both meet the same machine load.
                for busy in args.loads:
                    for cues in modes:
                        label = f"({'a' if busy is None else 'b'}) {(busy and 'busy ' + busy) or 'idle'}, {cues}"
                        runs.append(await one_set(pilot, app, screen, recorder, label, reps, busy, cues, args.tempo))
                print_runs(runs, args.detail)
                print()
                await asyncio.sleep(1.0)  # let the last redraws and writes settle
                cpu = await idle_cpu(args.cpu_seconds)
                print(f"process CPU over {args.cpu_seconds:g} s, workout screen shown, no timer, no rest: "
                      f"{cpu * 1000:.1f} ms ({cpu / args.cpu_seconds * 100:.2f} %)")
                threads = [t.name for t in threading.enumerate()]
                print(f"threads alive: {len(threads)} ({', '.join(sorted(threads))})")
        finally:
            app.store.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="22 s sets (105 cues), 2 s of CPU sampling")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each set (default 60)")
    parser.add_argument("--cues", choices=("loop", "thread", "both"), default="both")
    parser.add_argument("--cpu-seconds", type=float, default=5.0)
    parser.add_argument("--tempo", default=TEMPO, help=f"the set's tempo (default {TEMPO})")
    parser.add_argument("--x-seconds", type=float, default=X_SECONDS,
                        help=f"length of an X phase (default {X_SECONDS:g})")
    parser.add_argument("--detail", action="store_true", help="print every cue's error")
    parser.add_argument("--load", action="append", choices=("idle", "cpu", "render"),
                        help="scenario(s) to run (default: all three)")
    args = parser.parse_args(argv)
    args.loads = [None if name == "idle" else name for name in (args.load or ["idle", "cpu", "render"])]
    if args.quick:
        args.seconds, args.cpu_seconds = 22.0, 2.0
    return args


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

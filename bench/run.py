"""Every gymtui benchmark in one table: `python bench/run.py [--quick]`.

Each figure is the median of several runs, each run a fresh process (bench/probe.py), and
the runs of a figure and of its reference are interleaved, so both see the same machine
load. Figures:

  start-up   `gymtui` started (cli.main -> run_app) on 10 years of synthetic history (written
             by the store's writer, so each file's digest is recorded as logging records it;
             a copy without the digests shows the start when every file is validated), timed
             from spawn by this process to two moments: Today's first frame is painted
             (the date and the screen's skeleton), and Today's plan table has its rows and
             the frame after them is painted (headless driver at 80x24: the compositor
             renders, nothing goes to a terminal). When the plan cache (store/plan_cache.py)
             matches, the plan is in the first frame: "plan drawn" is then that frame, and
             "plan confirmed" is the moment the worker's own plan is drawn over it (the
             same rows, unless something changed); with no cache the two are one. Against
             bench/bare_app.py (a bare
             Textual app with the same widgets and no data, its rows in its first frame)
             timed the same way, and against gymtui on an empty data folder. Targets:
             first frame / bare <= 1.15, plan drawn / bare <= 1.5.
  log a set  Store.add_set (durable: fsynced file and folder when it returns), median of
             30 calls per process, with the history and with an empty store. Target:
             ratio <= 1.5, under 20 ms.
  memory     peak RSS of the start-up process above, read in that process when the app has
             exited (VmHWM on Linux: see probe.peak_rss_mib). Target: under 80 MiB.
  import     a 10,000-row Strong CSV: parsing alone, and `gymtui import` into an empty
             store (parse, match, durable writes). Target: under 3 s.
  timer      bench/timer_accuracy.py run as it is (--quick with --quick), its figures
             picked from its output: phase-change error p50 / p99, error at the end of the
             set and its trend, idle and with a busy UI loop; CPU with no timer running.
  history    the history screen opened ('h') and its first exercise chart ('2') on the
             10 years, with no cached week summaries (cold) and in a new run that finds
             the cache file (warm).
  screen     bench/workout_timer.py: the real workout screen headless, one set each idle,
             with 15 ms of loop work every 47 ms (busy cpu) and with a 40-row table
             re-rendered every 47 ms (busy render): the bell (rung by the cue thread) and
             the flash (drawn by the loop) against the schedule, p50 / p99, and both at the
             set's end (drift); CPU with the screen shown and no timer. Target: bell p99
             <= 10 ms. --screen-seconds 600 makes each set 10 minutes.

The whole run takes about 7 minutes (2.5 of them the engine's one-minute sets, 3.5 the
screen's); --quick about 2 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from import_speed import write_strong_file  # noqa: E402

PROBE = HERE / "probe.py"
TIMER = HERE / "timer_accuracy.py"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def probe(*args: str, timeout: float = 120) -> tuple[float, list[dict]]:
    """Run one probe; returns (seconds from spawn to its first JSON line, every JSON line)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert child.stdout is not None
    first = child.stdout.readline()
    first_at = time.perf_counter() - began
    # Through the same buffered reader: readline may have buffered the next lines already
    # (communicate() would read past them, straight from the pipe).
    rest = child.stdout.read()
    errors = child.stderr.read() if child.stderr else b""
    child.wait(timeout=timeout)
    lines = [json.loads(line) for line in (first + rest).decode().splitlines() if line.startswith(b"{".decode())]
    if child.returncode != 0 or not lines:
        raise RuntimeError(f"probe {args[0]} failed ({child.returncode}):\n{errors.decode()[-2000:]}")
    return first_at, lines


def median(values: list[float]) -> float:
    return statistics.median(values)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, figure: str, value: str, reference: str = "", ratio: str = "", target: str = "") -> None:
        self.rows.append((figure, value, reference, ratio, target))

    def print(self) -> None:
        heads = ("figure", "median", "reference (median)", "ratio", "target")
        widths = [max(len(r[i]) for r in [heads, *self.rows]) for i in range(5)]
        line = "  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))
        print(line)
        print("-" * len(line))
        for row in self.rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def interleaved(runs: int, measures: dict[str, Callable[[], object]]) -> dict[str, list]:
    out: dict[str, list] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            out[name].append(measure())
    return out


FIRST_FRAME_TARGET = 1.15  # Today's frame (date, skeleton) against the bare app's first frame
PLAN_DRAWN_TARGET = 1.5  # Today's plan drawn against the bare app's (rows in its first frame)


def startup_figures(table: Table, history: Path, empty: Path, runs: int) -> None:
    # The same history with no digests (store/digests.py): every file is validated, as for
    # a folder written by another gymtui version or edited by hand.
    validated = history.parent / "history-validated"
    shutil.copytree(history, validated)
    shutil.rmtree(validated / "cache" / "digests")
    # The same history again, its plan cache removed before each start: the first start
    # after a change to the data (or a new day), when Today is planned before it is drawn.
    uncached = history.parent / "history-uncached"
    shutil.copytree(history, uncached)

    def start(data_dir: Path | None, *, no_cache: bool = False, keep: bool = False):
        def measure() -> dict[str, float]:
            if data_dir is not None and no_cache:
                (data_dir / "cache" / "today-plan.json").unlink(missing_ok=True)
            seconds, lines = probe("startup", str(data_dir), *(["keep"] if keep else [])) if data_dir else probe("bare")
            frame = lines[0]
            drawn = next((line for line in lines if line["event"] == "drawn"), None)
            exit_line = next(line for line in lines if line["event"] == "exit")
            if frame["event"] != "frame" or drawn is None or drawn["rows"] == 0:
                raise RuntimeError(f"the first screen was never drawn with rows ({lines}): have TodayScreen.on_mount "
                                   "or show_plan changed? bench/probe.py hooks them")
            # The first line is timed from spawn by this process; the plan's moment is that
            # plus the gap the probe measured between the two.
            confirmed = seconds + drawn["in_process_s"] - frame["in_process_s"]
            # The plan is on screen from the first frame when it came from the plan cache
            # (store/plan_cache.py), else from the worker's plan.
            cached = frame["rows"] > 0
            return {"frame": seconds, "plan": seconds if cached else confirmed, "confirmed": confirmed,
                    "rss": exit_line["rss_mib"], "frame_cpu": frame["cpu_s"],
                    "plan_cpu": frame["cpu_s"] if cached else drawn["cpu_s"], "confirmed_cpu": drawn["cpu_s"],
                    "cached": cached}
        return measure

    # An installed gymtui has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE (set on some machines) would compile every module at every
    # start (about 40 ms here) while Textual's are compiled: compile ours once, as pip does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "gymtui")], check=True,
                   stdout=subprocess.DEVNULL)
    say("start-up: one warm-up run each (the history's daily backup and plan cache are made here), then the runs")
    # The history's warm-up run stays open until Today has kept its plan, as a lifter's
    # start would; quitting at once raced the worker writing the cache (0/7 runs found it).
    for measure in (start(history, keep=True), start(empty), start(None), start(validated),
                    start(uncached, no_cache=True)):
        measure()
    got = interleaved(runs, {"history": start(history), "bare": start(None), "empty": start(empty),
                             "validated": start(validated), "uncached": start(uncached, no_cache=True)})
    fig = {name: {what: median([v[what] for v in values]) for what in values[0] if what != "cached"}
           for name, values in got.items()}
    hits = sum(v["cached"] for v in got["history"])
    bare = fig["bare"]
    first = fig["history"]["frame"] / bare["frame"]
    table.add("start-up to Today's first frame, 10 y history", f"{fig['history']['frame']:.3f} s",
              f"bare app {bare['frame']:.3f} s", f"{first:.2f}",
              f"<= {FIRST_FRAME_TARGET} {verdict(first <= FIRST_FRAME_TARGET)}")
    drawn = fig["history"]["plan"] / bare["plan"]
    table.add(f"start-up to Today's plan drawn, 10 y ({hits}/{runs} from the plan cache)",
              f"{fig['history']['plan']:.3f} s", f"bare app {bare['plan']:.3f} s", f"{drawn:.2f}",
              f"<= {PLAN_DRAWN_TARGET} {verdict(drawn <= PLAN_DRAWN_TARGET)}")
    table.add("start-up to Today's plan confirmed (planned anew), 10 y", f"{fig['history']['confirmed']:.3f} s",
              f"bare app {bare['plan']:.3f} s", f"{fig['history']['confirmed'] / bare['plan']:.2f}", "")
    # CPU time of the whole process (every thread) at the same moments: what the ratio
    # is on a machine shared with other work, where the wall-clock figures above wander.
    for what, label in (("frame_cpu", "first frame"), ("plan_cpu", "plan drawn"), ("confirmed_cpu", "plan confirmed")):
        table.add(f"CPU to Today's {label}, 10 y history", f"{fig['history'][what]:.3f} s",
                  f"bare app {bare[what]:.3f} s", f"{fig['history'][what] / bare[what]:.2f}", "")
    for name, label in (("uncached", "10 y, no plan cache (first start after a change)"),
                        ("empty", "empty data folder"), ("validated", "10 y, every file validated")):
        table.add(f"start-up to plan drawn, {label}", f"{fig[name]['plan']:.3f} s", f"bare app {bare['plan']:.3f} s",
                  f"{fig[name]['plan'] / bare['plan']:.2f}", "")
    table.add("start-up to plan confirmed, 10 y, every file validated", f"{fig['validated']['confirmed']:.3f} s",
              f"bare app {bare['plan']:.3f} s", f"{fig['validated']['confirmed'] / bare['plan']:.2f}", "")
    rss = {name: values["rss"] for name, values in fig.items()}
    table.add("peak RSS, start-up with 10 y history", f"{rss['history']:.1f} MiB", f"bare app {rss['bare']:.1f} MiB",
              f"{rss['history'] / rss['bare']:.2f}", f"< 80 MiB {verdict(rss['history'] < 80)}")


def logset_figures(table: Table, history: Path, empty: Path, runs: int) -> None:
    say("log a set: 30 durable add_set calls per process")

    def log(data_dir: Path):
        return lambda: probe("logset", str(data_dir), "30")[1][0]["median_ms"]

    got = interleaved(runs, {"history": log(history), "empty": log(empty)})
    full, bare = median(got["history"]), median(got["empty"])
    ratio = full / bare
    table.add("log one set (durable), 10 y history", f"{full:.2f} ms", f"empty store {bare:.2f} ms", f"{ratio:.2f}",
              f"<= 1.5 and < 20 ms {verdict(ratio <= 1.5 and full < 20)}")


def import_figures(table: Table, work: Path, runs: int) -> None:
    say("import: a 10,000-row Strong file, parsed, then imported into an empty store")
    csv_path = work / "strong.csv"
    write_strong_file(csv_path, 10_000)
    parse, store = [], []
    for run in range(runs):
        target = work / f"import-{run}"
        line = probe("import", str(csv_path), str(target))[1][0]
        parse.append(line["parse_s"])
        store.append(line["store_s"])
        shutil.rmtree(target, ignore_errors=True)
    table.add("import 10,000-row Strong CSV: parse only", f"{median(parse):.2f} s", "", "", "")
    table.add("import 10,000-row Strong CSV into store", f"{median(store):.2f} s", "", "",
              f"< 3 s {verdict(median(store) < 3)}")


def history_figures(table: Table, history: Path, runs: int) -> None:
    say("history screen: cold (no week summaries cached), then warm (cache file from the cold run)")
    cache = history / "cache" / "week-summaries.json"
    cold, warm = [], []
    for _ in range(runs):
        cache.unlink(missing_ok=True)
        cold.append(probe("history", str(history))[1][0])
        warm.append(probe("history", str(history))[1][0])
    table.add("history screen open ('h'), cold cache", f"{median([c['open_s'] for c in cold]):.3f} s")
    table.add("history chart ('2'), cold cache", f"{median([c['chart_s'] for c in cold]):.3f} s")
    table.add("history screen open ('h'), warm cache", f"{median([w['open_s'] for w in warm]):.3f} s")
    table.add("history chart ('2'), warm cache", f"{median([w['chart_s'] for w in warm]):.3f} s")


def run_bench_script(table: Table, name: str, args: list[str]) -> tuple[str, bool]:
    """Run another bench script as it is; a failure becomes a FAILED row. Returns its
    output (with its errors when it failed) and whether it succeeded."""
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if done.returncode != 0:
        table.add(name, "FAILED", "", "", done.stderr.strip().splitlines()[-1] if done.stderr else "")
        return done.stdout + done.stderr, False
    return done.stdout, True


TIMER_ROW = re.compile(r"^\((?P<loop>[ab])\)[^,]*, (?P<observer>\w+)\s+(?P<cells>.*)$")


def timer_figures(table: Table, quick: bool, minutes: float | None) -> str:
    """Runs bench/timer_accuracy.py as it is and picks its figures; returns its whole output."""
    args = [sys.executable, str(TIMER)]
    if quick:
        args.append("--quick")
    elif minutes:
        args += ["--minutes", str(minutes)]
    say(f"tempo timer: {' '.join(Path(a).name for a in args[1:])} (its own runs; figures printed, not asserted)")
    output, ok = run_bench_script(table, "tempo timer", args)
    if not ok:
        return output
    labels = {"a": "idle", "b": "busy UI"}
    found = False
    for line in output.splitlines():
        match = TIMER_ROW.match(line.strip())
        if not match or match["observer"] != "task":
            continue
        # length changes missed p50 p99 max end-drift trend redraws/s (see timer_accuracy.print_runs)
        cells = match["cells"].split()
        try:
            length, p50, p99, drift, trend = (
                cells[0],
                float(cells[3]),
                float(cells[4]),
                float(cells[6]),
                float(cells[7]),
            )
        except (IndexError, ValueError):
            continue
        found = True
        loop = labels[match["loop"]]
        # The engine redrawn by an asyncio task, no cue thread: what the loop alone achieves.
        table.add(f"engine on a bare loop: error p50 / p99, {loop}", f"{p50:.1f} / {p99:.1f} ms", f"{length} set",
                  "", "")
        table.add(f"engine on a bare loop: set end / trend, {loop}", f"{drift:.1f} ms / {trend:+.2f} ms/min",
                  "", "", "")
    for line in output.splitlines():
        if "idle loop, no timer" in line or "timer + redraw loop" in line:
            match = re.search(r"\(\s*([\d.]+) %\)", line)
            if match:
                found = True
                what = "CPU, bare loop, no timer" if "no timer" in line else "CPU, bare loop, timer running"
                table.add(what, f"{float(match[1]):.2f} %", "", "", "")
    if not found:
        table.add("tempo timer", "output not recognised: see it below", "", "", "")
    return output


SCREEN_TIMER = HERE / "workout_timer.py"
SCREEN_ROW = re.compile(
    r"^\([ab]\) (?P<load>[^,]+), thread\s+(?P<set>\S+)\s+(?P<cues>\d+)\s+(?P<miss>\d+)\s+\d+%"
    r"\s+(?P<b50>[\d.]+)\s+(?P<b99>[\d.]+)\s+[\d.]+\s+(?P<f50>[\d.]+)\s+(?P<f99>[\d.]+)\s+[\d.]+"
    r"\s+(?P<bend>-?[\d.]+) / (?P<fend>-?[\d.]+)"
)


def screen_timer_figures(table: Table, seconds: float) -> str:
    """Runs bench/workout_timer.py (the real workout screen, cue thread) and picks its figures."""
    args = [sys.executable, str(SCREEN_TIMER), "--cues", "thread", "--seconds", f"{seconds:g}",
            "--cpu-seconds", "5"]
    say(f"workout screen timer: {' '.join(Path(a).name for a in args[1:])} (three sets: idle, busy cpu, busy render)")
    output, ok = run_bench_script(table, "workout screen timer", args)
    if not ok:
        return output
    found = False
    for line in output.splitlines():
        match = SCREEN_ROW.match(line.strip())
        if match is None:
            continue
        found = True
        b99 = float(match["b99"])
        table.add(f"screen bell p50 / p99, {match['load']}", f"{float(match['b50']):.1f} / {b99:.1f} ms",
                  f"{match['set']} set, {match['cues']} cues, {match['miss']} missed", "",
                  f"p99 <= 10 ms {verdict(b99 <= 10)}")
        table.add(
            f"screen flash p50 / p99, {match['load']}",
            f"{float(match['f50']):.1f} / {float(match['f99']):.1f} ms",
            "drawn by the event loop",
            "",
            "",
        )
        table.add(f"screen bell / flash at set end, {match['load']}", f"{float(match['bend']):.1f} / "
                  f"{float(match['fend']):.1f} ms", "drift after the whole set", "", "")
    cpu = re.search(r"no timer, no rest: [\d.]+ ms \(([\d.]+) %\)", output)
    if cpu:
        found = True
        table.add("CPU, workout screen shown, no timer", f"{float(cpu[1]):.2f} %", "", "", "")
    if not found:
        table.add("workout screen timer", "output not recognised: see it below", "", "", "")
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per figure, the timer's --quick (~45 s)")
    parser.add_argument("--runs", type=int, help="runs per start-up and log figure (default 7, quick 3)")
    parser.add_argument("--timer-minutes", type=float, help="length of each timer set (default: the timer's own)")
    parser.add_argument("--timer-output", action="store_true", help="print the timer bench's own table too")
    parser.add_argument("--screen-seconds", type=float,
                        help="length of each workout-screen set (default 60, quick 22; 600 for 10 minutes)")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    slow_runs = 1 if args.quick else 3
    began = time.perf_counter()
    table = Table()
    with tempfile.TemporaryDirectory(prefix="gymtui-bench-") as tmp:
        work = Path(tmp)
        history, empty = work / "history", work / "empty"
        say("building 10 years of synthetic history...")
        # In a child: this process stays small, so the probes it forks start small too.
        counts = probe("build", str(history))[1][0]
        # Logging writes sessions into today's week: on copies, so start-up plans stay the same.
        shutil.copytree(history, work / "history-log")
        empty.mkdir()
        (work / "empty-log").mkdir()
        startup_figures(table, history, empty, runs)
        if not args.startup_only:
            logset_figures(table, work / "history-log", work / "empty-log", runs)
            import_figures(table, work, slow_runs if args.quick else 3)
            history_figures(table, history, slow_runs)
    timer_output = ""
    if not args.startup_only:
        timer_output = timer_figures(table, args.quick, args.timer_minutes)
        timer_output += screen_timer_figures(table, args.screen_seconds or (22 if args.quick else 60))
    print(f"gymtui bench: Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}; {runs} runs per start-up/log figure, each in a fresh process")
    print(f"history: {counts['sessions']:,} sessions, {counts['sets']:,} sets, {counts['days']:,} days of checklist "
          f"and recovery notes (10 years)")
    print()
    table.print()
    print()
    print(f"whole run: {time.perf_counter() - began:.0f} s")
    if args.timer_output:
        print()
        print(timer_output)


if __name__ == "__main__":
    main()

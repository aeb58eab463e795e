"""Start-up in a real terminal: `python bench/terminal_startup.py [--runs 7]`.

bench/run.py times start-up headless; this times it as a lifter sees it: gymtui started in a
tmux terminal of 80x24 on 10 years of synthetic history (bench/synthetic.py, as bench/run.py
builds it), against bench/bare_app.py started the same way. Each run is a fresh process in
a fresh terminal; the screen is read (tmux capture-pane) as often as tmux answers, from
just before the terminal is made until the text of each moment is on it:

  first frame     gymtui: Today's skeleton ("Loading today's plan"), or the plan itself when
                  the plan cache matched (store/plan_cache.py); bare app: its table
  plan drawn      gymtui: the plan table's header ("Sets x reps"), from the cache or not;
                  bare app: the same moment
  plan confirmed  gymtui: the plan table, and the header no longer says "checking for
                  changes": the worker's own plan is drawn (over the cached one, or first)

The bare app draws its rows in its first frame, so its moments are one. The first run
makes the plan cache, as a lifter's previous start would have; every run after it finds it. Runs are
interleaved (gymtui, bare, gymtui, ...) so both see the same machine load; medians are
printed with the load average. Then each app is quit with q and its terminal closed.
Reading the screen takes a few milliseconds, so the figures are that coarse.
"""

from __future__ import annotations

import argparse
import os
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
FIRST_FRAME_TARGET = 1.15
PLAN_DRAWN_TARGET = 1.5
# A tmux server of its own for each run: the last session's end stops its server, and a
# session made at once on the same socket could reach the server as it stopped (an empty
# screen until the timeout, seen on a busy machine).
SOCKET = [f"gymtui-bench-{os.getpid()}"]
DONE = "__bench_app_ended__"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET[0], *args], capture_output=True, text=True, check=False).stdout


Moment = Callable[[str], bool]
CHECKING = "checking for changes"  # the header's words while Today shows the cached plan


def shows(*texts: str) -> Moment:
    """The moment any of `texts` is on the screen."""
    return lambda screen: any(text in screen for text in texts)


def timed_start(command: list[str], moments: list[Moment], names: list[str], timeout: float = 60) -> list[float]:
    """Seconds from the terminal's making until each of `moments` holds for its screen."""
    shell = " ".join(f"'{part}'" for part in command) + f"; echo {DONE}; sleep 60"
    env = f"PYTHONPATH={ROOT}"
    SOCKET[0] = f"gymtui-bench-{os.getpid()}-{time.perf_counter_ns()}"
    began = time.perf_counter()
    tmux("new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", "-e", "TERM=xterm-256color", "-e", env, shell)
    seen: list[float] = []
    try:
        while len(seen) < len(moments):
            screen = tmux("capture-pane", "-p", "-t", "bench")
            now = time.perf_counter() - began
            while len(seen) < len(moments) and moments[len(seen)](screen):
                seen.append(now)
            if DONE in screen:
                raise RuntimeError(f"{command[-1]} ended before {names[len(seen)]} showed:\n{screen}")
            if now > timeout:
                raise RuntimeError(f"{names[len(seen)]} not on screen after {timeout:.0f} s:\n{screen}")
        tmux("send-keys", "-t", "bench", "q")
        deadline = time.perf_counter() + 30
        while DONE not in tmux("capture-pane", "-p", "-t", "bench") and time.perf_counter() < deadline:
            time.sleep(0.05)  # the app lets go of the data folder before the next run opens it
    finally:
        tmux("kill-server")
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each app (default 7)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("needs tmux (apt-get install -y tmux)")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    # As bench/run.py: the checkout's bytecode compiled once, as pip would.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "gymtui")], check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="gymtui-terminal-bench-") as tmp:
        history = Path(tmp) / "history"
        print("building 10 years of synthetic history...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "probe.py"), "build", str(history)], check=True,
                       stdout=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        gymtui = [sys.executable, "-m", "gymtui", "--data-dir", str(history)]
        bare = [sys.executable, str(HERE / "bare_app.py")]
        gym_moments = [shows("Loading today's plan", "Sets x reps"), shows("Sets x reps"),
                       lambda screen: "Sets x reps" in screen and CHECKING not in screen]
        gym_names = ["the first frame", "the plan", "the confirmed plan"]
        bare_moments, bare_names = [shows("Bent Over Row")], ["the table"]
        print("one warm-up run each (the history's daily backup and plan cache are made there), then the runs",
              file=sys.stderr)
        timed_start(gymtui, gym_moments, gym_names)
        timed_start(bare, bare_moments, bare_names)
        runs: dict[str, list[list[float]]] = {"gymtui": [], "bare": []}
        loads = []
        for _ in range(args.runs):
            runs["gymtui"].append(timed_start(gymtui, gym_moments, gym_names))
            runs["bare"].append(timed_start(bare, bare_moments, bare_names))
            loads.append(os.getloadavg()[0])
    frame = statistics.median(r[0] for r in runs["gymtui"])
    drawn = statistics.median(r[1] for r in runs["gymtui"])
    confirmed = statistics.median(r[2] for r in runs["gymtui"])
    cached = sum(r[1] == r[0] for r in runs["gymtui"])
    reference = statistics.median(r[0] for r in runs["bare"])
    print(f"real terminal (tmux 80x24), {args.runs} runs each, interleaved; load average "
          f"{min(loads):.2f}-{max(loads):.2f} during the runs")
    print(f"bare app, first frame with its rows   {reference:.3f} s")
    print(f"gymtui, Today's first frame            {frame:.3f} s   ratio {frame / reference:.2f}"
          f"   target <= {FIRST_FRAME_TARGET}")
    print(f"gymtui, Today's plan drawn             {drawn:.3f} s   ratio {drawn / reference:.2f}"
          f"   target <= {PLAN_DRAWN_TARGET}   ({cached}/{args.runs} in the first frame, from the plan cache)")
    print(f"gymtui, Today's plan confirmed         {confirmed:.3f} s   ratio {confirmed / reference:.2f}"
          "   (planned anew by the worker)")


if __name__ == "__main__":
    main()

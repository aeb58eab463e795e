"""Start-up in a real terminal: `python bench/terminal_startup.py [--runs 7]`.

bench/run.py times start-up headless; this times it as a lifter sees it: gymtui started in a
tmux terminal of 80x24 on 10 years of synthetic history (bench/synthetic.py, as bench/run.py
builds it), against bench/bare_app.py started the same way. Each run is a fresh process in
a fresh terminal; the screen is read (tmux capture-pane) as often as tmux answers, from
just before the terminal is made until the text of each moment is on it:

  first frame   gymtui: Today's skeleton ("Loading today's plan"); bare app: its table
  plan drawn    gymtui: the plan table's header ("Sets x reps"); bare app: the same moment

The bare app draws its rows in its first frame, so both of its moments are one. Runs are
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


def timed_start(command: list[str], moments: list[str], timeout: float = 60) -> list[float]:
    """Seconds from the terminal's making until each text of `moments` is on its screen."""
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
            while len(seen) < len(moments) and moments[len(seen)] in screen:
                seen.append(now)
            if DONE in screen:
                raise RuntimeError(f"{command[-1]} ended before {moments[len(seen)]!r} showed:\n{screen}")
            if now > timeout:
                raise RuntimeError(f"{moments[len(seen)]!r} not on screen after {timeout:.0f} s:\n{screen}")
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
        gym_moments = ["Loading today's plan", "Sets x reps"]
        print("one warm-up run each (the history's daily backup is made there), then the runs", file=sys.stderr)
        timed_start(gymtui, gym_moments)
        timed_start(bare, ["Bent Over Row"])
        runs: dict[str, list[list[float]]] = {"gymtui": [], "bare": []}
        loads = []
        for _ in range(args.runs):
            runs["gymtui"].append(timed_start(gymtui, gym_moments))
            runs["bare"].append(timed_start(bare, ["Bent Over Row"]))
            loads.append(os.getloadavg()[0])
    frame = statistics.median(r[0] for r in runs["gymtui"])
    drawn = statistics.median(r[1] for r in runs["gymtui"])
    reference = statistics.median(r[0] for r in runs["bare"])
    print(f"real terminal (tmux 80x24), {args.runs} runs each, interleaved; load average "
          f"{min(loads):.2f}-{max(loads):.2f} during the runs")
    print(f"bare app, first frame with its rows   {reference:.3f} s")
    print(f"gymtui, Today's first frame            {frame:.3f} s   ratio {frame / reference:.2f}"
          f"   target <= {FIRST_FRAME_TARGET}")
    print(f"gymtui, Today's plan drawn             {drawn:.3f} s   ratio {drawn / reference:.2f}"
          f"   target <= {PLAN_DRAWN_TARGET}")


if __name__ == "__main__":
    main()

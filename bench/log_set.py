"""How long logging one durable set takes, with 10 years of history and with none.

    python bench/log_set.py [--runs 200]

Prints the median and p95 of Store.add_set (the call the app and CLI make: it returns once
the set is fsynced) for both stores, and their ratio. Target: ratio <= 1.5, under 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store
from synthetic import build_history


def time_logging(data_dir: Path, runs: int) -> list[float]:
    store = Store.open(data_dir)
    now = pendulum.now()
    session = store.save_session(Session(date=now.date(), started_at=now, name="Bench"))
    # Warm the month file once, as the app does at start (it shows today's session).
    store.session_sets(session.id)
    times = []
    for _ in range(runs):
        logged = LoggedSet(session_id=session.id, exercise="barbell-row", load=80, reps=8, rpe=8.5,
                           logged_at=pendulum.now())
        start = time.perf_counter()
        store.add_set(logged)
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        full = Path(tmp) / "history"
        started = time.perf_counter()
        counts = build_history(full)
        built = time.perf_counter() - started
        # Interleave runs so both stores see the same machine load.
        empty_times, full_times = [], []
        for _ in range(4):
            empty_times += time_logging(empty, args.runs // 4)
            full_times += time_logging(full, args.runs // 4)
    med_e, med_f = statistics.median(empty_times), statistics.median(full_times)
    p95 = lambda xs: sorted(xs)[int(len(xs) * 0.95)]  # noqa: E731
    print(f"history: {counts['sessions']} sessions, {counts['sets']} sets, {counts['days']} days "
          f"of checklist + recovery notes (built in {built:.1f} s)")
    print(f"{'store':<22}{'median ms':>10}{'p95 ms':>10}")
    print(f"{'empty':<22}{med_e:>10.2f}{p95(empty_times):>10.2f}")
    print(f"{'10 years of history':<22}{med_f:>10.2f}{p95(full_times):>10.2f}")
    print(f"ratio history/empty: {med_f / med_e:.2f} (target <= 1.5); "
          f"history median {'under' if med_f < 20 else 'OVER'} 20 ms")


if __name__ == "__main__":
    main()

"""How long a big Strong export takes to import.

Writes a 10,000-row Strong comma CSV (400 workouts, Rest Timer rows, warm-ups, drop sets,
RPE, notes with commas) into a temporary folder, imports it a few times and prints the
median. Target: well under 3 s on a Raspberry Pi class machine.

    python bench/import_speed.py [--rows 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gymtui.importers import import_file

HEADER = ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
          "Distance", "Seconds", "Notes", "Workout Notes", "RPE"]
EXERCISES = ["Deadlift (Barbell)", "Bent Over Row (Barbell)", "Pull Up", "Face Pull (Cable)",
             "Romanian Deadlift (Barbell)", "Lat Pulldown (Cable)", 'Curl, "Spider" (Dumbbell)', "Plank"]
SET_ORDERS = ["W", "1", "Rest Timer", "2", "Rest Timer", "3", "D"]


def strong_rows(when: Callable[[int], datetime]) -> Iterator[tuple[int, list[str]]]:
    """Endless Strong rows, workout after workout, each with its workout's index; `when`
    gives a workout's start."""
    workout = 0
    while True:
        date = when(workout).strftime("%Y-%m-%d %H:%M:%S")
        for exercise in EXERCISES[workout % 3 : workout % 3 + 4]:
            for order in SET_ORDERS:
                rest = order == "Rest Timer"
                timed = exercise == "Plank" and not rest
                yield workout, [
                    date, f"Pull day {workout % 2 + 1}", "1h 12m", exercise, order,
                    "0" if rest or timed else f"{60 + workout % 40 * 2.5:.1f}",
                    "0.0" if rest or timed else f"{5 + workout % 4}.0", "0",
                    "120.0" if rest else ("45.0" if timed else "0.0"),
                    "grip, then brace" if order == "1" else "", "", "8.5" if order == "2" else "",
                ]
        workout += 1


def write_strong_file(path: Path, rows: int) -> None:
    start = datetime(2020, 1, 6, 18, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(row for _, row in islice(strong_rows(lambda w: start + timedelta(days=2 * w)), rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "strong.csv"
        write_strong_file(path, args.rows)
        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            result = import_file(path, unit="kg", exercises=[], tz="Europe/London")
            timings.append(time.perf_counter() - began)
    assert result.ok, result.error
    median = statistics.median(timings)
    print(f"{args.rows} rows: {len(result.sessions)} workouts, {len(result.sets)} sets, "
          f"{sum(result.skipped.values())} rows skipped")
    print(f"import_file: median {median:.3f} s over {args.runs} runs "
          f"(min {min(timings):.3f} s, max {max(timings):.3f} s), {args.rows / median:,.0f} rows/s")


if __name__ == "__main__":
    main()

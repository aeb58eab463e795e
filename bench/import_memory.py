"""Peak memory of `gymtui import` on a big Strong export.

Writes a Strong comma CSV of about --mib MiB (50 by default: years of training, Rest Timer
rows, warm-ups, drop sets, RPE, notes with commas) into a temporary folder, then imports it
into an empty data folder in a child process, as `gymtui import` does, and prints that
process's peak resident memory (ru_maxrss), next to the peak of a child that only loads
the same modules. Target: about 150 MiB whatever the file size (a Raspberry Pi 3 has 1 GiB).

    python bench/import_memory.py [--mib 50] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from import_speed import HEADER, SET_ORDERS, strong_rows  # noqa: E402

# Run in the child: import the file given, as the CLI does, and report the peak RSS.
CHILD = r"""
import json, resource, sys, time
import pendulum
from gymtui.services.transfer import import_path
from gymtui.store import Store
began = time.perf_counter()
result = {}
if sys.argv[1] != "--modules-only":
    with Store.open(__import__("pathlib").Path(sys.argv[2]), purpose="gymtui import") as store:
        outcome = import_path(store, sys.argv[1], unit="kg", tz="Europe/London")
    result = {"ok": outcome.ok, "error": outcome.error, "sessions": outcome.sessions_added,
              "sets": outcome.sets_added, "read": outcome.sets_read}
result["seconds"] = time.perf_counter() - began
result["peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(json.dumps(result))
"""


def write_big_strong_file(path: Path, mib: float) -> int:
    """Rows until the file reaches `mib` MiB; three workouts a day, ending today."""
    target = mib * 1024 * 1024
    rows_per_workout = 4 * len(SET_ORDERS)
    workouts = int(target / (rows_per_workout * 105)) + 1
    days = workouts // 3 + 1
    start = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        current = 0
        for workout, row in strong_rows(lambda w: start + timedelta(days=w // 3, hours=7 + 5 * (w % 3))):
            if workout != current:  # the size is checked between whole workouts
                current = workout
                if handle.tell() >= target:
                    break
            writer.writerow(row)
            rows += 1
    return rows


def run_child(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          cwd=HERE.parent, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the import process failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=50.0, help="size of the generated export")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "strong.csv"
        began = time.perf_counter()
        rows = write_big_strong_file(path, args.mib)
        size = path.stat().st_size / 1024 / 1024
        print(f"export: {size:.1f} MiB, {rows:,} rows (written in {time.perf_counter() - began:.1f} s)")
        modules = run_child("--modules-only", "")
        print(f"modules only:  peak RSS {modules['peak_kib'] / 1024:.0f} MiB")
        result = run_child(str(path), str(Path(folder) / "data"))
    if not result["ok"]:
        raise SystemExit(f"the import failed: {result['error']}")
    print(f"gymtui import: peak RSS {result['peak_kib'] / 1024:.0f} MiB, {result['seconds']:.1f} s, "
          f"{result['sessions']:,} workouts and {result['sets']:,} sets stored")


if __name__ == "__main__":
    main()

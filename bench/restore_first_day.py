"""A first day: import a Strong export of 4,495 sets, then restore today's backup.

Today's backup is made before the import, so it holds none of the imported sets. Runs the
real commands in a temporary data folder and prints how many sets the journal holds after
the import and after the restore, with what `gymtui restore` and `gymtui doctor` said.

    python bench/restore_first_day.py [--rows 6293] [-- EXTRA RESTORE ARGUMENTS, e.g. --whole --yes]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from import_speed import write_strong_file  # noqa: E402


def gymtui(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, cwd=HERE.parent, stdin=subprocess.DEVNULL)


def sets_stored(data_dir: Path) -> int:
    done = gymtui(data_dir, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout)["sets"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=6293, help="CSV rows (6,293 rows hold 4,495 sets)")
    parser.add_argument("restore_args", nargs="*", help="given to `gymtui restore NAME` after the name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir, csv = Path(folder) / "data", Path(folder) / "strong.csv"
        write_strong_file(csv, args.rows)
        done = gymtui(data_dir, "import", str(csv), "--unit", "kg")
        assert done.returncode == 0, done.stderr
        print(f"after import: {sets_stored(data_dir)} sets")
        listed = gymtui(data_dir, "restore")
        name = listed.stdout.split()[0]
        done = gymtui(data_dir, "restore", name, *args.restore_args)
        print(f"$ gymtui restore {' '.join([name, *args.restore_args])}  (exit {done.returncode})")
        for line in (done.stdout + done.stderr).strip().splitlines():
            print(f"  {line}")
        print(f"after restore: {sets_stored(data_dir)} sets")
        doctor = gymtui(data_dir, "doctor")
        print(f"$ gymtui doctor  (exit {doctor.returncode})")
        for line in doctor.stdout.strip().splitlines():
            print(f"  {line}")


if __name__ == "__main__":
    main()

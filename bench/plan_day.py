"""Planning a 12-exercise day on 10 years of history, against today's two-day program.

`python bench/plan_day.py [--years 10] [--runs 7]`

Builds 10 years of synthetic history (bench/synthetic.py: about 3,000 sessions and 50,000
sets), adds a program of the lifter's with one 12-exercise day (four main lifts on the
block, eight accessories, nine of them in the history), and times `plan_session`, what
Today and `gymtui next` call, for:

  two-day     each day of the shipped two-day program (upper-back-posterior-chain, 6 and
              7 exercises), the reference;
  12-exercise the 12-exercise day;
  added       one exercise added to a freestyle session (`plan_added`), its history read.

Each run opens the store afresh (week files read from disk, nothing cached in the process
from the run before), and the runs of the figures are interleaved so all see the same
machine load. Prints the median and the slowest run of each, and the 12-exercise day
against the two-day program's longer day.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import pendulum  # noqa: E402

from gymtui.domain.library import Program  # noqa: E402
from gymtui.services.context import load_library  # noqa: E402
from gymtui.services.freestyle import freestyle_plan, plan_added  # noqa: E402
from gymtui.services.planning import plan_session  # noqa: E402
from gymtui.services.programs import save_own_program  # noqa: E402
from gymtui.store import Store  # noqa: E402
from synthetic import build_history  # noqa: E402

TWO_DAY = "upper-back-posterior-chain"
TWELVE = [
    # (exercise, sets, reps_min, reps_max, follows the block)
    ("face-pull", 2, 12, 15, False),
    ("deadlift", 3, 3, 5, True),
    ("pull-up", 3, 5, 8, True),
    ("chest-supported-row", 3, 8, 12, True),
    ("romanian-deadlift", 3, 6, 10, True),
    ("lat-pulldown", 3, 8, 12, False),
    ("single-arm-dumbbell-row", 3, 8, 12, False),
    ("bench-press", 3, 6, 10, False),
    ("overhead-press", 3, 6, 10, False),
    ("barbell-curl", 2, 8, 12, False),
    ("cable-external-rotation", 2, 12, 15, False),
    ("farmer-carry", 2, 1, 1, False),
]


def twelve_program() -> Program:
    prescriptions = []
    for exercise, sets, low, high, main in TWELVE:
        rx = {"exercise": exercise, "sets": sets, "reps_min": low, "reps_max": high, "follows_block": main}
        if exercise == "farmer-carry":
            rx["hold_seconds"] = 40
        prescriptions.append(rx)
    return Program.model_validate({
        "id": "bench-twelve", "name": "Twelve exercises",
        "days": [{"id": "everything", "name": "Everything", "prescriptions": prescriptions},
                 {"id": "light", "name": "Light", "prescriptions": prescriptions[:3]}],
        "cycle": [
            {"emphasis": "strength", "reps_min": 3, "reps_max": 5, "target_rpe": 8.5},
            {"emphasis": "hypertrophy", "reps_min": 8, "reps_max": 12, "target_rpe": 8},
            {"emphasis": "technique", "reps_min": 5, "reps_max": 8, "target_rpe": 7},
            {"emphasis": "deload", "reps_min": 5, "reps_max": 8, "target_rpe": 6, "set_factor": 0.5,
             "load_factor": 0.85},
        ],
    })


def timed_plan(data_dir: Path, program_id: str, day_id: str, today) -> tuple[float, int]:
    with Store.open(data_dir) as store:
        began = time.perf_counter()
        library = load_library(store)
        settings = store.settings().model_copy(update={"program": program_id})
        day = next(d for d in library.program(program_id).days if d.id == day_id)
        plan = plan_session(store, library, settings, today, day)
        return time.perf_counter() - began, len(plan.exercises)


def timed_added(data_dir: Path, today) -> float:
    with Store.open(data_dir) as store:
        began = time.perf_counter()
        library = load_library(store)
        settings = store.settings()
        plan = freestyle_plan(store, library, settings, today)
        deadlift = library.exercise("deadlift")
        assert deadlift is not None
        plan_added(store, library, settings, deadlift, plan)
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    today = pendulum.now().date()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "history"
        began = time.perf_counter()
        counts = build_history(data_dir, years=args.years)
        print(f"history: {counts['sessions']} sessions, {counts['sets']} sets over {args.years} years "
              f"(built in {time.perf_counter() - began:.1f} s)")
        save_own_program(data_dir, twelve_program())
        figures: dict[str, list[float]] = {"two-day: Horizontal pull": [], "two-day: Vertical pull": [],
                                           "12-exercise day": [], "one exercise added": []}
        sizes: dict[str, int] = {}
        for _ in range(args.runs):
            for name, program, day in (("two-day: Horizontal pull", TWO_DAY, "horizontal-pull"),
                                       ("two-day: Vertical pull", TWO_DAY, "vertical-pull"),
                                       ("12-exercise day", "bench-twelve", "everything")):
                seconds, sizes[name] = timed_plan(data_dir, program, day, today)
                figures[name].append(seconds)
            figures["one exercise added"].append(timed_added(data_dir, today))
        sizes["one exercise added"] = 1
    print(f"median of {args.runs} runs, each on a store opened afresh")
    print(f"{'plan':<28}{'exercises':>10}{'median ms':>11}{'slowest ms':>12}")
    for name, values in figures.items():
        print(f"{name:<28}{sizes[name]:>10}{statistics.median(values) * 1000:>11.1f}{max(values) * 1000:>12.1f}")
    reference = max(statistics.median(figures["two-day: Horizontal pull"]),
                    statistics.median(figures["two-day: Vertical pull"]))
    twelve = statistics.median(figures["12-exercise day"])
    print(f"12-exercise day / the two-day program's slower day: {twelve / reference:.2f} x")


if __name__ == "__main__":
    main()

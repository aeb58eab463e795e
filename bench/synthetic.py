"""Ten years of made-up training history, written straight into a data folder.

About 3,000 sessions, 50,000 sets, a checklist entry and a recovery note for every day.
Files are written in the store's own layout (one TinyDB file per week), each in one write
by the store's own writer (AtomicJSONStorage, which records the file's digest as it does
for every write gymtui makes), so building the history takes seconds instead of 60,000
durable writes, and the folder is what years of logging would leave.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import pendulum

from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store
from gymtui.store.digests import sidecar_path
from gymtui.store.layout import part_key, part_path
from gymtui.store.storage import AtomicJSONStorage

EXERCISES = ["chest-supported-row", "barbell-row", "pull-up", "deadlift", "romanian-deadlift",
             "face-pull", "farmer-carry", "lat-pulldown", "single-arm-dumbbell-row"]


def build_history(data_dir: Path, *, years: int = 10, sessions_per_week: float = 5.8, seed: int = 7,
                  end: pendulum.DateTime | None = None) -> dict[str, int]:
    rng = random.Random(seed)
    end = end or pendulum.now().start_of("day")
    start = end.subtract(years=years)
    Store.open(data_dir).close()  # profile, lock file and folders as a real first run makes them
    months: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
    counts = {"sessions": 0, "sets": 0, "days": 0}
    day = start
    while day < end:
        key = part_key(day.date())
        tables = months[key]
        if rng.random() < sessions_per_week / 7:
            when = day.add(hours=18)
            session = Session(date=day.date(), started_at=when, finished_at=when.add(hours=1), status="done",
                              name="Synthetic")
            tables["sessions"][str(len(tables["sessions"]) + 1)] = session.model_dump(mode="json")
            counts["sessions"] += 1
            for exercise in rng.sample(EXERCISES, 4):
                for n in range(rng.choice([4, 4, 5])):
                    logged = LoggedSet(session_id=session.id, exercise=exercise, load=rng.choice([40, 60, 80, 100]),
                                       reps=rng.randint(5, 12), rpe=rng.choice([7, 7.5, 8, 8.5, 9]),
                                       tempo="3-1-1-0", logged_at=when.add(minutes=3 * n))
                    tables["sets"][str(len(tables["sets"]) + 1)] = logged.model_dump(mode="json")
                    counts["sets"] += 1
        stamp = day.add(hours=21)
        check = ChecklistEntry(date=day.date(), ticked=["t-spine-roll", "lat-stretch"], updated_at=stamp)
        note = RecoveryNote(date=day.date(), sleep_hours=rng.choice([6, 7, 8]), sleep_quality=rng.randint(2, 5),
                            soreness={"upper_back": rng.randint(0, 2)}, stress=3, energy=3, updated_at=stamp)
        tables["checklist"][str(len(tables["checklist"]) + 1)] = check.model_dump(mode="json")
        tables["recovery"][str(len(tables["recovery"]) + 1)] = note.model_dump(mode="json")
        counts["days"] += 1
        day = day.add(days=1)
    for key, tables in months.items():
        path = part_path(data_dir, key)
        AtomicJSONStorage(path, sidecar=sidecar_path(data_dir, path)).write(json.loads(json.dumps(tables)))
    return counts

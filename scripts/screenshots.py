"""Screenshots of each main screen, saved by the app itself as SVG, for the README.

Builds a demo data folder in a temporary directory (six weeks of the default program logged
through the planner, so loads progress the way the app plans them, with checklist ticks and
recovery notes), runs the app headless at 80x24 with a frozen date and a fake clock, opens
each screen with its key and saves it with `app.save_screenshot`.

    python scripts/screenshots.py                      # writes docs/screenshots/*.svg
    python scripts/screenshots.py --demo-data DIR      # only builds the demo folder in DIR

Run from the repository root (or with gymtui installed). Nothing touches your own data.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gymtui.domain.clock import FakeClock
from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.services.library import Library
from gymtui.services.planning import plan_session
from gymtui.services.program_days import monday_of
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.app import GymApp

# A Monday evening; the demo lifter trains Monday and Thursday.
NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")
WEEKS = 6
SIZE = (80, 24)
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
# First loads (kg) for exercises with no history; later sessions take the planner's loads.
FIRST_LOADS = {
    "face-pull": 20, "chest-supported-row": 40, "bent-over-row": 60, "deadlift": 110,
    "single-arm-dumbbell-row": 26, "farmer-carry": 32, "incline-bench-pull": 30, "lat-pulldown": 55,
    "romanian-deadlift": 80, "cable-external-rotation": 7.5, "suitcase-carry": 28,
}


def build_demo(data_dir: Path) -> None:
    """Six weeks of sessions, ticks and notes in `data_dir`, written through the store."""
    store = Store.open(data_dir, now=lambda: NOW)
    try:
        library = Library.from_store(load_catalog(), store)
        first = monday_of(NOW.date()) - pendulum.duration(weeks=WEEKS)
        store.save_settings(store.settings().model_copy(update={"program_start": first}))
        checklist_ids = [item.id for item in library.catalog.checklist]
        for week in range(WEEKS):
            for offset, hour in ((0, 18), (3, 7)):  # Monday evening, Thursday morning
                start = first + pendulum.duration(weeks=week, days=offset)
                day = pendulum.datetime(start.year, start.month, start.day, hour, tz=NOW.timezone)
                _log_session(store, library, day)
        for days_ago in range(1, 21):
            day = NOW.subtract(days=days_ago)
            ticked = checklist_ids[: 6 if days_ago % 5 else 3]
            store.save_checklist(ChecklistEntry(date=day.date(), ticked=ticked, updated_at=day))
            store.save_recovery(RecoveryNote(
                date=day.date(), sleep_hours=7 + (days_ago % 3) * 0.5, sleep_quality=4, stress=2, energy=4,
                soreness={"upper_back": days_ago % 2, "low_back": 1 if days_ago % 4 == 0 else 0},
                updated_at=day,
            ))
        store.save_recovery(RecoveryNote(date=NOW.date(), sleep_hours=7.5, sleep_quality=4, stress=2, energy=4,
                                         soreness={"upper_back": 1}, updated_at=NOW))
    finally:
        store.close()


def _log_session(store: Store, library: Library, when: pendulum.DateTime) -> None:
    plan = plan_session(store, library, store.settings(), when.date())
    session = store.save_session(Session(
        date=when.date(), started_at=when, finished_at=when.add(minutes=65), status="done",
        program_day=plan.day.id, name=plan.day.name, block_week=plan.block_week, deload=plan.deload,
    ))
    minute = 0
    for item in plan.exercises:
        p = item.plan
        load = p.load if p.load is not None else FIRST_LOADS.get(item.exercise.id)
        if item.exercise.equipment == "bodyweight":
            load = None
        for number in range(p.sets):
            # A lifter a little ahead of the plan: half a point in hand, the last set on target.
            rpe = max(6.0, p.target_rpe - 0.5 * (number < p.sets - 1))
            store.add_set(LoggedSet(
                session_id=session.id, exercise=item.exercise.id, load=load, unit=p.unit,
                reps=None if p.hold_seconds else p.reps, seconds=p.hold_seconds,
                rpe=rpe, tempo=p.tempo, logged_at=when.add(minutes=minute),
            ))
            minute += 3


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()


Step = Callable[..., Awaitable[None]]


def keys(*pressed: str) -> Step:
    async def step(pilot, clock: FakeClock) -> None:
        await pilot.press(*pressed)
        await settle(pilot)

    return step


async def workout_timer(pilot, clock: FakeClock) -> None:
    """Start the first set and stop the timer mid-rep, where the phase shows large."""
    await pilot.press("enter")
    clock.advance(3 + 4.5)  # the lead-in, then into the first rep
    pilot.app.screen.tick()
    clock.advance(0.5)
    pilot.app.screen.tick()
    await settle(pilot)


# (file name, what to do from the screen before); each runs on a fresh app over the demo data.
SHOTS: list[tuple[str, list[Step]]] = [
    ("today", []),
    ("workout", [keys("w")]),
    ("workout-timer", [keys("w"), workout_timer]),
    ("warmup", [keys("u")]),
    ("mobility", [keys("m")]),
    ("checklist", [keys("c")]),
    ("recovery", [keys("r"), keys("escape")]),
    ("history", [keys("h")]),
    ("settings", [keys("s")]),
    ("help", [keys("question_mark")]),
    ("program-editor", [keys("s"), keys("escape", "p"), keys("o"), keys(*["down"] * 2, "enter"),
                        keys(*["down"] * 4)]),
    ("library", [keys("h"), keys("l"), keys("slash", *"split squat", "enter")]),
]


async def shoot(demo: Path, name: str, steps: list[Step], out: Path) -> Path:
    # A fresh copy of the demo for each screen: a set started for one picture is not in the next.
    data_dir = demo.parent / name
    shutil.copytree(demo, data_dir)
    store = Store.open(data_dir, now=lambda: NOW)
    clock = FakeClock(100.0)
    app = GymApp(store, Library.from_store(load_catalog(), store), clock=clock, now=lambda: NOW)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.clear_notifications()
            for step in steps:
                await step(pilot, clock)
            app.clear_notifications()
            await settle(pilot)
            # A table filled by a worker can draw its header before the new column widths:
            # one more full layout pass, as a real terminal gets on its next refresh.
            app.screen.refresh(layout=True)
            await pilot.pause(0.2)
            return Path(app.save_screenshot(filename=f"{name}.svg", path=str(out)))
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the SVGs (default docs/screenshots)")
    parser.add_argument("--demo-data", type=Path, metavar="DIR", help="only build the demo data folder in DIR")
    args = parser.parse_args(argv)
    if args.demo_data:
        build_demo(args.demo_data)
        print(f"demo data in {args.demo_data}")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gymtui-demo-") as folder:
        demo = Path(folder) / "demo"
        build_demo(demo)
        for name, steps in SHOTS:
            print(asyncio.run(shoot(demo, name, steps, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A lifter who trains the shipped program from the command line, for planning scenarios.

Each session is planned with the real planner (`plan_session`, as `gymtui next --date` does)
and logged with the same service `gymtui log --date` uses, so sessions carry no program day,
block week or deload mark: the planner has to work them out from dates and sets, as it does
for a lifter who never opens the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pendulum

from gymtui.domain.entry import Entry
from gymtui.domain.progression import Plan
from gymtui.services.context import load_library
from gymtui.services.logging import log_entries
from gymtui.services.next_report import report_text
from gymtui.services.planning import SessionPlan, plan_session
from gymtui.store import Store

START = date(2026, 1, 5)  # a Monday
MAIN = ("deadlift", "bent-over-row", "romanian-deadlift")
# What the lifter picks the first time, when the plan says "choose".
FIRST_LOADS = {"deadlift": 120.0, "bent-over-row": 70.0, "romanian-deadlift": 100.0, "face-pull": 20.0,
               "lat-pulldown": 50.0, "cable-external-rotation": 5.0, "single-arm-dumbbell-row": 24.0}

Rpe = Callable[[str, Plan], float]
Tweak = Callable[[str, list[Entry]], list[Entry]]


def twice_a_week(weeks: int, start: date = START) -> list[date]:
    return [start + timedelta(days=7 * week + offset) for week in range(weeks) for offset in (0, 3)]


CLOCK_START = pendulum.datetime(2026, 1, 1, tz="UTC")


@dataclass
class Lifter:
    folder: Path
    now: pendulum.DateTime = CLOCK_START  # the store's clock

    def store(self) -> Store:
        return Store.open(self.folder, now=lambda: self.now)

    def plan(self, day: date, program_day: str | None = None) -> SessionPlan:
        with self.store() as store:
            library = load_library(store)
            chosen = None
            if program_day is not None:
                program = library.program(store.settings().program)
                chosen = next(d for d in program.days if d.id == program_day)
            return plan_session(store, library, store.settings(), day, chosen)

    def next_text(self, day: date) -> str:
        return report_text(self.plan(day))

    def log(self, exercise: str, entries: list[Entry], day: date, set_type: str = "working") -> None:
        with self.store() as store:
            library = load_library(store)
            now = pendulum.datetime(day.year, day.month, day.day, 20, tz="UTC")
            found = library.find(exercise)
            assert found is not None
            log_entries(store, found, entries, day=day, now=now, set_type=set_type)  # type: ignore[arg-type]

    def train(
        self, day: date, rpe: float | Rpe | None = None, only: tuple[str, ...] = MAIN, tweak: Tweak | None = None,
        program_day: str | None = None,
    ) -> SessionPlan:
        """Do what the plan says for the lifts in `only`, at the target RPE unless `rpe` says."""
        plan = self.plan(day, program_day)
        for item in plan.exercises:
            p, name = item.plan, item.exercise.id
            if name not in only:
                continue
            load = p.load if p.load is not None else FIRST_LOADS[name]
            felt = rpe(name, p) if callable(rpe) else (p.target_rpe if rpe is None else rpe)
            entries = [Entry(load=load, unit="kg", reps=p.reps, rpe=felt) for _ in range(p.sets)]
            if tweak is not None:
                entries = tweak(name, entries)
            self.log(name, entries, day)
        return plan


def lift(plan: SessionPlan, exercise: str) -> Plan:
    return next(item.plan for item in plan.exercises if item.exercise.id == exercise)

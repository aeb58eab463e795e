"""The next session: which program day, which week of the block, and every load with why.

Joins the store (history, recovery notes), the library (program, exercises) and the
domain rules (blocks, progression, readiness). Reads a bounded amount of history: the last
few sessions of each exercise of the day and two weeks of recovery notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..domain.blocks import deload_plan, group_history, should_deload, week_plan_for
from ..domain.daily import RecoveryNote
from ..domain.library import Day, Exercise, Program, WeekPlan
from ..domain.progression import Plan, next_prescription
from ..domain.readiness import Readiness, adjust_for_readiness, day_regions, readiness
from ..domain.settings import Settings
from ..store import Store
from .library import Library

HISTORY_SESSIONS = 6


@dataclass(frozen=True)
class PlannedExercise:
    exercise: Exercise
    plan: Plan


@dataclass(frozen=True)
class SessionPlan:
    program: Program
    day: Day
    today: date
    block_week: int
    week_plan: WeekPlan
    deload: bool
    block_reasons: list[str]
    readiness: Readiness
    exercises: list[PlannedExercise] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.day.name} - week {self.block_week} of {len(self.program.cycle)}: {self.week_plan.emphasis}"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def next_day(program: Program, store: Store, today: date) -> Day:
    """Today's session's day if one is started, else the day after the last one trained."""
    for session in store.iter_sessions():
        if session.program_day is None:
            continue
        index = next((i for i, d in enumerate(program.days) if d.id == session.program_day), None)
        if index is None:
            continue
        if session.date == today:
            return program.days[index]
        return program.days[(index + 1) % len(program.days)]
    return program.days[0]


def plan_session(store: Store, library: Library, settings: Settings, today: date, day: Day | None = None) -> SessionPlan:
    program = library.program(settings.program)
    day = day or next_day(program, store, today)
    start = settings.program_start or monday_of(today)
    week, week_plan = week_plan_for(program.cycle, start, today)
    notes: list[RecoveryNote] = store.recovery_between(today - timedelta(days=14), today)
    today_note = next((n for n in notes if n.date == today), None)

    histories = {}
    for rx in day.prescriptions:
        exercise = library.exercise(rx.exercise)
        recent = store.recent_sets(rx.exercise, sessions=HISTORY_SESSIONS, before=today + timedelta(days=1))
        sessions = [s for s, _ in recent]
        sets = [logged for _, group in recent for logged in group]
        histories[rx.exercise] = (exercise, rx, group_history(sessions, sets, rx.exercise, program.cycle, rx))

    main_lifts = {ex.name: hist for ex, rx, hist in histories.values() if rx.follows_block and ex is not None}
    deload, block_reasons = should_deload(program.cycle, start, today, main_lifts, notes)
    if deload and week_plan.emphasis != "deload":
        week_plan = deload_plan(program.cycle)
    patterns = [ex.pattern for ex, _, _ in histories.values() if ex is not None]
    ready = readiness(today_note, day_regions(patterns))

    planned = []
    for exercise, rx, history in histories.values():
        if exercise is None:
            continue
        plan = next_prescription(
            exercise, rx, week_plan, history, settings, ready, recent_notes=notes, today=today
        )
        plan = adjust_for_readiness(plan, ready, notes, settings)
        planned.append(PlannedExercise(exercise, plan))
    return SessionPlan(program, day, today, week, week_plan, deload, block_reasons, ready, planned)

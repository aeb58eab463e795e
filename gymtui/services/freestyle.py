"""Freestyle sessions and exercises added to any session, with the store.

The workout controller calls these from a worker thread (they read history):
- `freestyle_plan` is the plan of a session that starts empty (no exercise yet);
- `start_freestyle_session` stores today's freestyle session;
- `plan_added` plans one exercise added to a planned or freestyle session, from its history
  by the same rules as planned exercises, with their reasons;
- `add_exercise` stores the session with the exercise in place and returns its plan.
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum

from ..domain.blocks import week_plan_for
from ..domain.freestyle import (
    added_prescription,
    freestyle_day,
    plan_added_exercise,
    start_freestyle,
    with_exercise_added,
)
from ..domain.journal import Session
from ..domain.library import Exercise
from ..domain.readiness import exercise_regions, readiness
from ..domain.settings import Settings
from ..store import Store
from .library import Library
from .lift_history import bodyweights, deload_starts, last_deload, lift_history
from .planning import RECOVERY_DAYS, PlannedExercise, SessionPlan, newest_note
from .program_days import history_cutoff, program_start


def freestyle_plan(store: Store, library: Library, settings: Settings, today: date) -> SessionPlan:
    """The plan of a freestyle session: the program's week of the block (an exercise the
    program runs on the block is planned for it), today's readiness, no exercise yet."""
    program = library.program(settings.program)
    start = program_start(store, settings, today)
    week, week_plan = week_plan_for(program.cycle, start, today)
    notes = store.recovery_between(today - timedelta(days=RECOVERY_DAYS), today)
    ready = readiness(newest_note(notes, today), set(), today)
    return SessionPlan(
        program, freestyle_day(), today, week, week_plan, False, [], ready, [],
        program_start=start, last_deload=last_deload(store, history_cutoff(store, today)),
    )


def start_freestyle_session(store: Store, now: pendulum.DateTime) -> Session:
    """Today's freestyle session, stored. A session already in progress today with no
    working set (one the warm-up opened) becomes it, its warm-up sets kept; one with
    working sets raises ValueError: exercises are added to that one instead."""
    today = now.date()
    current = store.in_progress_session()
    if current is not None and current.date == today:
        if current.freestyle:
            return current
        if any(s.set_type != "warmup" for s in store.session_sets(current.id)):
            raise ValueError(f"today's {current.name} session is under way: add exercises to it instead")
        fresh = start_freestyle(today, current.started_at)
        return store.save_session(Session.model_validate({
            **current.model_dump(), "freestyle": True, "program_day": None, "block_week": None,
            "name": fresh.name, "order": [], "position": (0, 0), "deload": False,
        }))
    return store.save_session(start_freestyle(today, now))


def plan_added(store: Store, library: Library, settings: Settings, exercise: Exercise,
               session_plan: SessionPlan) -> PlannedExercise:
    """The plan for `exercise` added to the session `session_plan` plans (a freestyle one
    too): its own history read as planned exercises' is, the program's prescription for it
    when a day holds it, today's readiness over the regions it and the day load."""
    today, program = session_plan.today, session_plan.program
    rx, _ = added_prescription(exercise, program, settings)
    cutoff = history_cutoff(store, today)
    start = session_plan.program_start or today
    history, weeks = lift_history(store, program, rx, start, cutoff, deload_starts(store, cutoff), today,
                                  exercise.equipment, settings.unit)
    week_plan = session_plan.week_plan
    if weeks is not None and weeks.by_date and not session_plan.early_deload:
        week_plan = program.cycle[weeks.today - 1]  # the lift's own week, as planned lifts take
    notes = store.recovery_between(today - timedelta(days=RECOVERY_DAYS), today)
    regions = set(exercise_regions(exercise)).union(*(exercise_regions(i.exercise) for i in session_plan.exercises))
    ready = readiness(newest_note(notes, today), regions, today)
    plan = plan_added_exercise(
        history, exercise, settings, today, program=program, week_plan=week_plan, readiness=ready,
        recent_notes=notes, bodyweights=bodyweights(store, settings, [(exercise, history)], today),
    )
    return PlannedExercise(exercise, plan)


def add_exercise(store: Store, library: Library, settings: Settings, session: Session, session_plan: SessionPlan,
                 exercise: Exercise, at: int | None = None) -> tuple[Session, PlannedExercise]:
    """Put `exercise` at index `at` of `session` (None: last), store the session and return
    it with the exercise's plan. ValueError when it is already in the session."""
    updated = with_exercise_added(session, exercise.id, at)
    planned = plan_added(store, library, settings, exercise, session_plan)
    return store.save_session(updated), planned

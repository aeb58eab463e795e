"""Training blocks: which week of the cycle today is and what that week asks of the main
lifts, and the lift's history read with its week's targets.

A program's `cycle` is a list of WeekPlans (strength, hypertrophy, technique, deload ...)
repeated from `program_start`. Weeks start on Monday. When to deload is deload.py; the
lift's own block weeks (a lift trained once a fortnight still meets every week) are
lift_weeks.py.

`SessionSets` (one past session's sets of one exercise, with the targets of its week) is the
history the planner and progression read; `group_history` builds it from the journal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .journal import LoggedSet, Session
from .library import Prescription, WeekPlan
from .rpe import WORK_SET_TYPES

DEFAULT_DELOAD = WeekPlan(
    emphasis="deload",
    reps_min=5,
    reps_max=8,
    target_rpe=6,
    set_factor=0.5,
    load_factor=0.85,
    description="Half the sets, a lighter bar: recover before the next block.",
)


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return date.fromordinal(day.toordinal() - day.weekday())  # weeks start on Monday


def program_week(program_start: date, today: date) -> int:
    """Weeks since the program started, 1-based, counted in Monday-to-Sunday weeks.

    Days before the start count as week 1 (the program has not begun yet).
    """
    return max(0, (week_start(today) - week_start(program_start)).days // 7) + 1


def week_of_block(program_start: date, today: date, cycle_length: int = 4) -> int:
    """Which week of the repeating cycle today falls in, 1-based."""
    if cycle_length < 1:
        raise ValueError("a cycle has at least one week")
    return (program_week(program_start, today) - 1) % cycle_length + 1


def week_plan_for(cycle: Sequence[WeekPlan], program_start: date, today: date) -> tuple[int, WeekPlan]:
    """The week of the block and its plan."""
    week = week_of_block(program_start, today, len(cycle))
    return week, cycle[week - 1]


def deload_plan(cycle: Sequence[WeekPlan]) -> WeekPlan:
    """The cycle's own deload week, for a deload taken early; a half-volume default otherwise."""
    return next((w for w in cycle if w.emphasis == "deload"), DEFAULT_DELOAD)


def _scaled_sets(sets: int, factor: float) -> int:
    scaled = max(1, math.floor(sets * factor + 0.5))
    return min(sets, scaled) if factor <= 1 else scaled


def apply_week(prescription: Prescription, week: WeekPlan) -> Prescription:
    """The prescription for that week. Only main lifts (follows_block) change.

    They take the week's rep range, target RPE and tempo, sets times set_factor and a
    prescribed load times load_factor. In a deload week nothing goes up: the rep range,
    target RPE, sets and load are each kept at or below the prescription's own.
    """
    if not prescription.follows_block:
        return prescription
    reps_min, reps_max, target = week.reps_min, week.reps_max, week.target_rpe
    sets = min(20, _scaled_sets(prescription.sets, week.set_factor))
    load_factor = week.load_factor
    if week.emphasis == "deload":
        reps_min = min(reps_min, prescription.reps_min)
        reps_max = max(reps_min, min(reps_max, prescription.reps_max))
        target = min(target, prescription.target_rpe)
        sets = min(sets, prescription.sets)
        load_factor = min(load_factor, 1.0)
    load = None if prescription.load is None else min(1000.0, prescription.load * load_factor)
    data = prescription.model_dump()
    data.update(
        reps_min=reps_min,
        reps_max=reps_max,
        target_rpe=target,
        sets=sets,
        load=load,
        tempo=week.tempo or prescription.tempo,
    )
    return Prescription.model_validate(data)


@dataclass(frozen=True, slots=True)
class SessionSets:
    """One past session's sets of one exercise, with the targets it was planned with if known."""

    date: date
    sets: Sequence[LoggedSet]
    reps_min: int | None = None
    reps_max: int | None = None
    target_rpe: float | None = None
    deload: bool = False
    # Bodyweight already added to each set's load (a pull-up read as bodyweight + belt).
    bodyweight: float | None = None


def group_history(
    sessions: Iterable[Session],
    sets: Iterable[LoggedSet],
    exercise: str,
    cycle: Sequence[WeekPlan] | None = None,
    base: Prescription | None = None,
) -> list[SessionSets]:
    """Past sessions holding work sets of `exercise`, newest first.

    With the program's `cycle` and the exercise's `base` prescription, each session's
    targets come from its block week, so a change of week is not read as progress.
    A session flagged `deload` (an early deload, taken outside the cycle's deload week) was
    planned with the deload week's targets; it counts as a deload for the lifts the block
    lightens (all of them when `base` is not given), never for accessories trained as usual.
    """
    by_session: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        if logged.exercise == exercise and logged.set_type in WORK_SET_TYPES:
            by_session.setdefault(logged.session_id, []).append(logged)
    lightened = base is None or base.follows_block
    found = []
    for session in sorted(sessions, key=lambda s: (s.date, s.started_at), reverse=True):
        if session.id not in by_session:
            continue
        entry = SessionSets(session.date, tuple(by_session[session.id]), deload=session.deload and lightened)
        if session.deload and cycle and base is not None and base.follows_block:
            week: WeekPlan | None = deload_plan(cycle)
        elif cycle and base is not None and base.follows_block and session.block_week:
            week = cycle[(session.block_week - 1) % len(cycle)]
        else:
            week = None
        if week is not None and base is not None:
            planned = apply_week(base, week)
            entry = SessionSets(
                session.date, entry.sets, planned.reps_min, planned.reps_max, planned.target_rpe,
                deload=session.deload or week.emphasis == "deload",
            )
        found.append(entry)
    return found

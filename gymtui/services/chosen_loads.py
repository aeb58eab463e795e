"""Working loads the lifter chose for today's session (typed in the warm-up).

A load typed once is the session's load for that exercise: the plan that Today, the workout
and the warm-up draw from carries it, with the reason, in the plan's unit.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..domain.journal import Session
from ..domain.plates import round_for_exercise
from ..domain.progression import Plan
from ..domain.settings import Settings
from ..domain.units import Unit, convert, format_load

if TYPE_CHECKING:
    from .planning import SessionPlan


def chosen_plan(plan: Plan, load: float, unit: Unit, settings: Settings) -> Plan:
    """`plan` with the lifter's load for today, in the plan's unit."""
    if unit != plan.unit:
        load = round_for_exercise(convert(load, unit, plan.unit), plan.unit, plan.equipment, settings)
    if plan.load is not None and abs(plan.load - load) < 1e-6:
        return plan
    reasons = [f"{format_load(load, plan.unit)} chosen in the warm-up for today"]
    if plan.load is not None:
        # What the planner said stays visible, so the change is the lifter's, knowingly.
        reasons += [f"planned {format_load(plan.load, plan.unit)}", *plan.reasons]
    return replace(plan, load=load, reasons=reasons)


def with_chosen_loads(plan: SessionPlan, session: Session | None, settings: Settings) -> SessionPlan:
    """The plan with the loads chosen in `session` (today's, in progress) put in."""
    if session is None or session.date != plan.today or not session.chosen_loads:
        return plan
    exercises = []
    for item in plan.exercises:
        chosen = session.chosen_loads.get(item.exercise.id)
        if chosen is not None:
            item = replace(item, plan=chosen_plan(item.plan, *chosen, settings))
        exercises.append(item)
    return replace(plan, exercises=exercises)

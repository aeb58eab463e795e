"""What the warm-up screen works from: the day's plan, drills and logged ramp sets, and the ramp."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...domain.journal import LoggedSet
from ...domain.library import Routine
from ...domain.ramp import RampSet, WorkingLoad, ramp_sets, working_load
from ...domain.settings import Settings
from ...domain.units import Unit
from ...services import app_data
from ...services.chosen_loads import chosen_plan
from ...services.daily import first_working, warmup_routines
from ...services.planning import PlannedExercise, SessionPlan

if TYPE_CHECKING:
    from ..app import GymApp


@dataclass(frozen=True)
class WarmupData:
    plan: SessionPlan | None
    settings: Settings
    routines: list[Routine]
    exercise: PlannedExercise | None
    logged: list[LoggedSet]


def read_warmup(app: GymApp) -> WarmupData:
    """Today's plan, settings and drills, and the warm-up sets logged for its first lift (on a
    worker thread: it reads the store)."""
    plan = app.make_plan()
    settings = app_data.settings(app)
    exercise = first_working(plan)
    logged = app_data.todays_warmup_sets(app, exercise.exercise.id) if exercise else []
    return WarmupData(plan, settings, warmup_routines(app.library, plan), exercise, logged)


def ramp_toward(
    settings: Settings, exercise: PlannedExercise | None, load: float | None
) -> tuple[WorkingLoad | None, list[RampSet]]:
    """The working load `load` rounds to and the ramp sets up to it (none without a load)."""
    if exercise is None or load is None:
        return None, []
    unit, equipment = exercise.plan.unit, exercise.exercise.equipment
    working = working_load(load, unit, equipment, settings)
    return working, ramp_sets(working.load, unit, equipment, settings)


def with_chosen_load(data: WarmupData, exercise_id: str, load: float, unit: Unit) -> WarmupData:
    """`data` with the exercise's planned load replaced by the one the lifter typed."""
    if data.plan is None:
        return data
    items = [replace(item, plan=chosen_plan(item.plan, load, unit, data.settings))
             if item.exercise.id == exercise_id else item for item in data.plan.exercises]
    return replace(data, plan=replace(data.plan, exercises=items))

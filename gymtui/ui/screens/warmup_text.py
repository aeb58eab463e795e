"""The warm-up screen's sentences: the title, the working set to come, and a row's detail."""

from __future__ import annotations

from ...domain.journal import LoggedSet
from ...domain.library import Drill
from ...domain.ramp import RampSet, WorkingLoad, plates_text
from ...domain.rpe import rpe_text
from ...domain.units import format_load
from ...services.daily import drill_amount
from ...services.planning import PlannedExercise, SessionPlan


def title_text(plan: SessionPlan | None, ticked: int, drills: int, logged: int, ramp: int) -> str:
    """The line over the list: the day, and how many drills are ticked and ramp sets logged."""
    title = f"[b]Warm-up[/b]  {plan.day.name}" if plan is not None else "[b]Warm-up[/b]"
    return title + f"   drills {ticked}/{drills}   ramp {logged}/{ramp} logged"


def working_text(exercise: PlannedExercise | None, working: WorkingLoad | None, ramp: list[RampSet]) -> str:
    """The line under the list: the working set the ramp leads to, or why there is none."""
    if exercise is None:
        return "No loaded exercise today: the drills are the warm-up."
    plan = exercise.plan
    name = exercise.exercise.name
    if working is None:
        return f"[b]{name}[/b]: no working load planned yet. Press [b]l[/b] to type it."
    text = (
        f"Then work: [b]{name} {format_load(working.load, working.unit)}[/b]"
        f" x {plan.reps} @{rpe_text(plan.target_rpe)}"
    )
    if working.plates is not None:
        text += f", per side {plates_text(working.plates)}"
    if not working.exact:
        text += f"\n[$warning]{working.note}[/]"
    elif not ramp:
        text += "\n[$text-muted]No ramp needed: the working load is the lightest loadable.[/]"
    return text


def drill_detail(drill: Drill) -> str:
    """The line under the list for a drill: its cue, or what to do."""
    return f"[b]{drill.name}[/b]: {drill.cue or drill_amount(drill)}"


def ramp_detail(ramp_set: RampSet, logged: LoggedSet | None) -> str:
    """The line under the list for a ramp set: whether it is logged, and any note on its load."""
    state = f"logged at {logged.logged_at:%H:%M}" if logged else "space logs it as a warm-up set"
    note = f"\n[$warning]{ramp_set.note}[/]" if ramp_set.note else ""
    return f"[b]{ramp_set.label}[/b] x {ramp_set.reps}: {state}{note}"

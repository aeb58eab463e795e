"""Services behind the daily screens: warm-up, mobility routines, checklist, recovery.

Joins the store and the library for the warm-up (today's session, warm-up sets), the
routines, the checklist and the regions a day trains; the editors' text formats are read in
`editor_text`. Called from worker threads; never from Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pendulum

from ..domain.daily import REGIONS, Region
from ..domain.journal import LoggedSet, Session
from ..domain.library import ChecklistItem, Drill, Exercise, Routine
from ..domain.ramp import RAMPED, RampSet
from ..domain.readiness import exercise_regions
from ..domain.units import Unit
from ..domain.wording import plural
from ..store import Store
from .library import Library
from .planning import PlannedExercise, SessionPlan

# One critical section for "find today's session or create it", so two quick warm-up logs
# from two worker threads cannot open two sessions for the same day.
_SESSION_LOCK = threading.Lock()


# -- warm-up ---------------------------------------------------------------------------------


def warmup_routines(library: Library, plan: SessionPlan | None) -> list[Routine]:
    """Warm-ups for the day: scapular work always, hinge activation on hinge days,
    the pull-up primer on vertical-pull days (all of them when there is no plan)."""
    warmups = list(library.catalog.warmups)
    if plan is None:
        return warmups
    patterns = {item.exercise.pattern for item in plan.exercises}
    wanted = {"banded-scapular"}
    if patterns & {"hinge", "carry", "squat"}:
        wanted.add("posterior-chain-activation")
    if "vertical_pull" in patterns:
        wanted.add("pull-up-primer")
    chosen = [routine for routine in warmups if routine.id in wanted]
    return chosen or warmups


def ramp_candidates(plan: SessionPlan | None) -> list[PlannedExercise]:
    """The day's exercises that take a ramp (loaded equipment), in program order."""
    if plan is None:
        return []
    return [item for item in plan.exercises if item.exercise.equipment in RAMPED]


def first_working(plan: SessionPlan | None) -> PlannedExercise | None:
    """The exercise to ramp toward: the first barbell lift of the day with a planned load
    (heavy work is what a ramp is for), else the first with a load, else the first barbell
    lift, else the first loaded one (the lifter then types the load)."""
    candidates = ramp_candidates(plan)
    with_load = [item for item in candidates if item.plan.load is not None]
    barbell = [item for item in candidates if item.exercise.equipment == "barbell"]
    ranked = [item for item in with_load if item in barbell] + with_load + barbell + candidates
    return ranked[0] if ranked else None


def today_session(store: Store, plan: SessionPlan | None, now: pendulum.DateTime) -> Session:
    """Today's session in progress (the one the workout screen uses), else a new one."""
    with _SESSION_LOCK:
        session = store.in_progress_session()
        if session is not None and session.date == now.date():
            return session
        if plan is None:
            return store.save_session(Session(date=now.date(), started_at=now))
        return store.save_session(
            Session(
                date=now.date(),
                program_day=plan.day.id,
                block_week=plan.block_week,
                name=plan.day.name,
                started_at=now,
            )
        )


def choose_load(store: Store, plan: SessionPlan | None, exercise: str, load: float, unit: Unit,
                now: pendulum.DateTime) -> Session:
    """Keep `load` as today's working load of `exercise`, in today's session (made if needed)."""
    session = today_session(store, plan, now)
    chosen = {**session.chosen_loads, exercise: (load, unit)}
    return store.save_session(Session.model_validate({**session.model_dump(), "chosen_loads": chosen}))


def todays_warmup_sets(store: Store, today: date, exercise: str) -> list[LoggedSet]:
    """Warm-up sets of `exercise` already logged in today's sessions, oldest first."""
    found = []
    for session in store.sessions_on(today):
        found += [s for s in store.session_sets(session.id) if s.exercise == exercise and s.set_type == "warmup"]
    return sorted(found, key=lambda s: s.logged_at)


def log_warmup_set(
    store: Store, plan: SessionPlan | None, exercise: str, ramp: RampSet, now: pendulum.DateTime
) -> LoggedSet:
    """Store one ramp set as a warm-up set of today's session; on disk when this returns."""
    session = today_session(store, plan, now)
    return store.add_set(
        LoggedSet(
            session_id=session.id,
            exercise=exercise,
            load=ramp.load,
            unit=ramp.unit,
            reps=ramp.reps,
            set_type="warmup",
            note=f"ramp {ramp.label}",
            logged_at=now,
        )
    )


def match_logged(ramp: list[RampSet], logged: list[LoggedSet]) -> dict[int, LoggedSet]:
    """Which ramp sets are logged already: the same load, unit and reps, in order."""
    free = list(logged)
    found: dict[int, LoggedSet] = {}
    for index, ramp_set in enumerate(ramp):
        for candidate in free:
            if (
                candidate.unit == ramp_set.unit
                and candidate.reps == ramp_set.reps
                and candidate.load is not None
                and abs(candidate.load - ramp_set.load) < 1e-6
            ):
                found[index] = candidate
                free.remove(candidate)
                break
    return found


# -- mobility routines -----------------------------------------------------------------------


def all_routines(library: Library, store_routines: Sequence[Routine]) -> list[Routine]:
    """Shipped routines with the lifter's edits in their place, then the lifter's own."""
    mine = {routine.id: routine for routine in store_routines}
    shipped = [mine.pop(routine.id, routine) for routine in library.catalog.mobility]
    return shipped + list(mine.values())


def is_shipped(library: Library, routine_id: str) -> bool:
    return any(routine.id == routine_id for routine in library.catalog.mobility)


def drill_amount(drill: Drill) -> str:
    """'8 reps', '30 s'; '... each side' when per side."""
    amount = plural(drill.rep_count, "rep") if drill.kind == "reps" else f"{drill.seconds} s"
    return f"{amount} each side" if drill.per_side else amount


# -- checklist -------------------------------------------------------------------------------


def checklist_items(store: Store, library: Library) -> list[ChecklistItem]:
    """The lifter's own list if they edited it, else the library's default."""
    return store.checklist_items() or list(library.catalog.checklist)


def checklist_ticks(store: Store, today: date, days: int) -> dict[date, list[str]]:
    """Ticked ids per day over the last `days` days ending today."""
    entries = store.checklists_between(today - timedelta(days=days - 1), today)
    return {entry.date: list(entry.ticked) for entry in entries}


# -- recovery --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayRegions:
    regions: set[Region]
    why: str


def _regions_of(exercises: Iterable[Exercise]) -> set[Region]:
    regions: set[Region] = set()
    for exercise in exercises:
        regions |= exercise_regions(exercise)
    return regions


def regions_for_day(store: Store, library: Library, day: date, plan: SessionPlan | None) -> DayRegions:
    """The regions a day trains, which is what soreness is weighed against.

    Today: today's plan. An earlier day: the program day of the session logged then, or
    the exercises logged. No session: every region counts.
    """
    if plan is not None and plan.today == day:
        regions = _regions_of(item.exercise for item in plan.exercises)
        return DayRegions(regions, f"the regions today's {plan.day.name} day trains")
    for session in store.sessions_on(day):
        program = library.program(store.settings().program)
        program_day = next((d for d in program.days if d.id == session.program_day), None)
        if program_day is not None:
            exercises = [library.exercise(rx.exercise) for rx in program_day.prescriptions]
            name = program_day.name
        else:
            exercises = [library.exercise(s.exercise) for s in store.session_sets(session.id)]
            name = session.name
        known = [exercise for exercise in exercises if exercise is not None]
        if known:
            return DayRegions(_regions_of(known), f"the regions that day's {name} session trained")
    return DayRegions(set(REGIONS), "every region (no session that day)")

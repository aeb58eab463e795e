"""The next session: which program day, which week of the block, and every load with why.

Joins the store (history, recovery notes), the library (program, exercises) and the
domain rules (blocks, progression, readiness). Reads a bounded amount of history: the last
few sessions of each main lift and of each exercise of the day, the sessions of the last
seven weeks for an early deload, and two weeks of recovery notes.

Which history counts depends on today's session. One in progress is being trained from
this plan: the plan leaves its sets out, so it does not move while the lifter logs. One
finished (or logged from the command line) is done: the next session comes after it and
builds on its sets.

Which program day and which block start: `program_days.py`; the history each lift is
planned from (its block weeks, early deloads, bodyweights): `lift_history.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pendulum

from ..domain.blocks import SessionSets, deload_plan, week_plan_for
from ..domain.daily import RecoveryNote
from ..domain.deload import should_deload
from ..domain.journal import Session
from ..domain.library import Day, Exercise, Program, WeekPlan
from ..domain.lift_state import LiftState, lift_state
from ..domain.lift_weeks import LiftWeeks
from ..domain.progression import Plan, next_prescription
from ..domain.readiness import SORE_DAYS, Readiness, exercise_regions, readiness, sore_days
from ..domain.settings import Settings
from ..store import Store
from .chosen_loads import with_chosen_loads
from .library import Library
from .lift_history import bodyweights, deload_starts, history_with_bodyweight, lift_history
from .program_days import history_cutoff, next_day, program_start

RECOVERY_DAYS = 14
# A recovery note counts for this many days after its date: last evening's for this morning.
NOTE_COUNTS_DAYS = 1


_NONE = LiftWeeks({}, 1, 0, False, {})  # a lift with no sessions read


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
    # The Monday block weeks count from (settings, else the week of the first logged session).
    program_start: date | None = None
    # The newest session planned as a deload in the last seven weeks, if any.
    last_deload: date | None = None

    @property
    def title(self) -> str:
        return f"{self.day.name} - week {self.block_week} of {len(self.program.cycle)}: {self.week_plan.emphasis}"

    @property
    def early_deload(self) -> bool:
        """A deload outside the cycle's own deload week."""
        return self.deload and self.program.cycle[self.block_week - 1].emphasis != "deload"


def _main_lift_histories(
    store: Store, library: Library, program: Program, start: date, cutoff: date,
    deloads: dict[date, date], known: dict[str, list[SessionSets]], settings: Settings, today: date,
) -> dict[str, list[SessionSets]]:
    """Every main lift of the program, not only today's: a deload is decided for the week."""
    found: dict[str, list[SessionSets]] = {}
    for day in program.days:
        for rx in day.prescriptions:
            exercise = library.exercise(rx.exercise)
            if not rx.follows_block or exercise is None or exercise.name in found:
                continue
            history = known.get(rx.exercise)
            if history is None:
                history, _ = lift_history(
                    store, program, rx, start, cutoff, deloads, today, exercise.equipment, settings.unit
                )
            found[exercise.name] = history
    return found


def _fatigue_windows(
    main_lifts: dict[str, list[SessionSets]], by_name: dict[str, Exercise], states: dict[str, LiftState],
    settings: Settings, today: date,
) -> dict[str, list[SessionSets]]:
    """What fatigue is read from for each main lift: nothing while it ramps back after a
    layoff (detraining is not fatigue), else its sessions since the layoff, typos set aside.
    `states` holds the lifts already read (today's, by id); the others are added to it."""
    found: dict[str, list[SessionSets]] = {}
    for name, history in main_lifts.items():
        exercise = by_name.get(name)
        if exercise is None:
            continue
        state = states.get(exercise.id)
        if state is None:
            state = states[exercise.id] = lift_state(exercise.id, history, exercise.equipment, settings.unit, today)
        found[name] = [] if state.back_from_layoff else list(state.sessions)
    return found


def newest_note(notes: Sequence[RecoveryNote], today: date) -> RecoveryNote | None:
    """The recovery note that speaks for `today`: today's, else yesterday's (written the
    evening before a morning session); an older one says nothing about today."""
    recent = [n for n in notes if today - timedelta(days=NOTE_COUNTS_DAYS) <= n.date <= today]
    return max(recent, key=lambda n: n.date, default=None)


def _lasting_soreness(notes: Sequence[RecoveryNote], ready: Readiness) -> list[str]:
    """A line for the session about each region sore several days running (it trains)."""
    lines = []
    for region, days in sore_days(notes).items():
        if days >= SORE_DAYS and region in ready.sore_regions:
            name = region.replace("_", " ")
            lines.append(f"{name} sore {days} days running: the exercises that load it are lighter"
                         " and a set shorter, the rest as planned")
    return lines


def swap_hint(library: Library, exercise: Exercise, ready: Readiness) -> str:
    """An exercise of the same pattern that spares today's sore regions, offered as a swap."""
    sore = ready.sore_regions & exercise_regions(exercise)
    if not sore:
        return ""
    for other in library.substitutes(exercise.id):
        if not exercise_regions(other) & sore:
            spared = " and ".join(r.replace("_", " ") for r in sorted(sore))
            return f"or swap it for {other.name}, which spares the {spared} (x on the workout screen)"
    return ""


def plan_session(
    store: Store, library: Library, settings: Settings, today: date, day: Day | None = None
) -> SessionPlan:
    """The plan for `today`'s session (the next program day unless `day` is given)."""
    program = library.program(settings.program)
    day = day or next_day(program, store, today)
    start = program_start(store, settings, today)
    cutoff = history_cutoff(store, today)
    week, week_plan = week_plan_for(program.cycle, start, today)
    notes: list[RecoveryNote] = store.recovery_between(today - timedelta(days=RECOVERY_DAYS), today)
    today_note = newest_note(notes, today)

    deloads = deload_starts(store, cutoff)
    histories: dict[str, list[SessionSets]] = {}
    weeks: dict[str, LiftWeeks] = {}
    for rx in day.prescriptions:
        exercise = library.exercise(rx.exercise)
        equipment = exercise.equipment if exercise is not None else "barbell"
        histories[rx.exercise], found = lift_history(
            store, program, rx, start, cutoff, deloads, today, equipment, settings.unit
        )
        if found is not None:
            weeks[rx.exercise] = found
    # The day's block week is its main lifts' own (the first one's, if they differ).
    leading = next((weeks[rx.exercise] for rx in day.prescriptions if weeks.get(rx.exercise, _NONE).by_date), None)
    if leading is not None:
        week, week_plan = leading.today, program.cycle[leading.today - 1]
    main_lifts = _main_lift_histories(store, library, program, start, cutoff, deloads, histories, settings, today)
    by_name = {exercise.name: exercise for exercise in library.exercises()}
    lifts = [(library.exercise(e), h) for e, h in histories.items()]
    lifts += [(by_name.get(name), h) for name, h in main_lifts.items()]
    weights = bodyweights(store, settings, lifts, today)
    # Lifts moving the body are read as bodyweight + belt by every rule from here on.
    histories = {e: history_with_bodyweight(library.exercise(e), h, weights, settings) for e, h in histories.items()}
    main_lifts = {name: history_with_bodyweight(by_name.get(name), history, weights, settings)
                  for name, history in main_lifts.items()}
    states = {
        rx.exercise: lift_state(rx.exercise, histories[rx.exercise], exercise.equipment, settings.unit, today)
        for rx in day.prescriptions if (exercise := library.exercise(rx.exercise)) is not None
    }
    main_lifts = _fatigue_windows(main_lifts, by_name, states, settings, today)
    latest_deload = max(deloads.values(), default=None)
    since = (leading.weeks_since_deload, leading.had_deload) if leading is not None else None
    deload, block_reasons = should_deload(
        program.cycle, start, today, main_lifts, notes, latest_deload, week=week, weeks_since=since,
        restarted=leading.restarted if leading is not None else None,
    )
    early = deload and week_plan.emphasis != "deload"
    if early:
        week_plan = deload_plan(program.cycle)

    exercises = [(library.exercise(rx.exercise), rx) for rx in day.prescriptions]
    trained = set().union(*(exercise_regions(ex) for ex, _ in exercises if ex is not None))
    ready = readiness(today_note, trained, today)
    block_reasons += _lasting_soreness(notes, ready)
    planned = []
    for exercise, rx in exercises:
        if exercise is None:
            continue
        own = weeks.get(rx.exercise)
        lift_plan = week_plan
        if own is not None and own.by_date and not early:
            lift_plan = program.cycle[own.today - 1]  # its own week; a lift not yet trained follows the day
        # next_prescription applies the readiness itself (once: a second pass would cut twice).
        plan = next_prescription(
            exercise, rx, lift_plan, histories[rx.exercise], settings, ready, recent_notes=notes, today=today,
            bodyweights=weights, state=states[rx.exercise],
        )
        if own is not None:
            plan = _said_late(plan, own, histories[rx.exercise])
        hint = swap_hint(library, exercise, ready)
        if hint:
            plan = replace(plan, reasons=[*plan.reasons, hint])
        planned.append(PlannedExercise(exercise, plan))
    session_plan = SessionPlan(
        program, day, today, week, week_plan, deload, block_reasons, ready, planned,
        program_start=start, last_deload=latest_deload,
    )
    # A load the lifter typed for today (in the warm-up) is the session's load on every screen.
    return with_chosen_loads(session_plan, store.in_progress_session(), settings)


def _said_late(plan: Plan, weeks: LiftWeeks, history: Sequence[SessionSets]) -> Plan:
    """The newest session, if it was read as the week before's, says so."""
    if not history or history[0].date not in weeks.late:
        return plan
    day = history[0].date
    low, high = history[0].reps_min, history[0].reps_max
    fit = f" ({low}-{high} reps)" if low is not None else ""
    text = f"{day:%a %d %b}'s session fits last week's targets{fit}: read as last week's, logged a day late"
    return replace(plan, reasons=[*plan.reasons[:1], text, *plan.reasons[1:]])


def session_from_plan(plan: SessionPlan, now: pendulum.DateTime) -> Session:
    """A new session (in progress, not yet stored) for training `plan`.

    It remembers the day, the block week and whether it was a deload, so later plans read
    an early deload's light sets as a deload and not as the lifter's level.
    """
    return Session(
        date=now.date(),
        program_day=plan.day.id,
        block_week=plan.block_week,
        name=plan.day.name,
        deload=plan.deload,
        started_at=now,
        order=[item.exercise.id for item in plan.exercises],
    )

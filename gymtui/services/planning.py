"""The next session: which program day, which week of the block, and every load with why.

Joins the store (history, recovery notes), the library (program, exercises) and the
domain rules (blocks, progression, readiness). Reads a bounded amount of history: the last
few sessions of each main lift and of each exercise of the day, the sessions of the last
seven weeks for an early deload, and two weeks of recovery notes.

Which history counts depends on today's session. One in progress is being trained from
this plan: the plan leaves its sets out, so it does not move while the lifter logs. One
finished (or logged from the command line) is done: the next session comes after it and
builds on its sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pendulum

from ..domain.blocks import SessionSets, deload_plan, group_history, week_of_block, week_plan_for
from ..domain.bodyweight import Bodyweights, with_bodyweight
from ..domain.common import Equipment
from ..domain.daily import RecoveryNote
from ..domain.deload import MAX_WEEKS_WITHOUT_DELOAD, lift_fatigue, should_deload
from ..domain.journal import LoggedSet, Session
from ..domain.library import Day, Exercise, Prescription, Program, WeekPlan
from ..domain.lift_state import LiftState, fatigue_window, lift_state, without_outliers
from ..domain.lift_weeks import LiftWeeks, lift_weeks
from ..domain.progression import Plan, next_prescription
from ..domain.readiness import SORE_DAYS, Readiness, exercise_regions, readiness, sore_days
from ..domain.rpe import WORK_SET_TYPES, top_sets
from ..domain.settings import Settings
from ..domain.units import Unit
from ..store import Store
from .chosen_loads import with_chosen_loads
from .library import Library

# Main lifts: enough for the e1RM trend (4 sessions), the same week of the last block and the
# lift's own block weeks (about three months of twice-weekly training). Other exercises: the
# trend and two weeks of slow progression. Older sets say little about today.
HISTORY_SESSIONS = 24
ACCESSORY_SESSIONS = 8
RECOVERY_DAYS = 14
# A recovery note counts for this many days after its date: last evening's for this morning.
NOTE_COUNTS_DAYS = 1
BODYWEIGHT_LOOKBACK_DAYS = 31
BODYWEIGHT_YEARS = 1
# An early deload older than this no longer changes the deload decision (one is due by then).
DELOAD_LOOKBACK_DAYS = 7 * (MAX_WEEKS_WITHOUT_DELOAD + 1)
ROTATION_LOOKBACK = 20  # sessions read to find the last program day trained


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


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def program_start(store: Store, settings: Settings, today: date) -> date:
    """The Monday block weeks count from.

    Settings hold it once the app has started; before that (a lifter using only the command
    line) the week of the oldest journal file stands in, so the weeks still advance.
    """
    if settings.program_start is not None:
        return monday_of(settings.program_start)
    parts = store.parts()  # week keys like '2026-W47', newest first; a folder listing, no reading
    if parts:
        year, week = parts[-1].split("-W")
        oldest = date.fromisocalendar(int(year), int(week), 1)
        if oldest <= today:
            return oldest
    return monday_of(today)


def _todays_session(store: Store, today: date) -> Session | None:
    sessions = store.sessions_on(today)
    return next((s for s in sessions if s.status == "in_progress"), sessions[0] if sessions else None)


def history_cutoff(store: Store, today: date) -> date:
    """Sessions before this date make the plan: today's own count once it is finished."""
    session = _todays_session(store, today)
    return today if session is not None and session.status == "in_progress" else today + timedelta(days=1)


def day_of_session(program: Program, store: Store, session: Session) -> Day | None:
    """The program day a session trained: its own mark, else the day sharing most exercises.

    Sessions logged from the command line or imported carry no program day; their sets say.
    A freestyle session is no program day, whatever it trained: the rotation goes on past it.
    """
    if session.freestyle:
        return None
    if session.program_day is not None:
        return next((d for d in program.days if d.id == session.program_day), None)
    trained = {s.exercise for s in store.session_sets(session.id) if s.set_type != "warmup"}
    best, overlap = None, 0
    for day in program.days:
        shared = len(trained & {rx.exercise for rx in day.prescriptions})
        if shared > overlap:
            best, overlap = day, shared
    return best


def next_day(program: Program, store: Store, today: date) -> Day:
    """Today's day if a session is in progress, else the day after the last one trained."""
    for count, session in enumerate(store.iter_sessions(before=today + timedelta(days=1))):
        if count >= ROTATION_LOOKBACK:
            break
        day = day_of_session(program, store, session)
        if day is None:
            continue
        if session.date == today and session.status == "in_progress":
            return day
        return program.days[(program.days.index(day) + 1) % len(program.days)]
    return program.days[0]


def deload_starts(store: Store, before: date) -> dict[date, date]:
    """For each week (its Monday) with a session planned as a deload in the last seven weeks
    before `before`, the first day of that deload."""
    oldest = before - timedelta(days=DELOAD_LOOKBACK_DAYS)
    starts: dict[date, date] = {}
    for session in store.iter_sessions(before=before):
        if session.date < oldest:
            break
        if session.deload:
            monday = monday_of(session.date)
            starts[monday] = min(session.date, starts.get(monday, session.date))
    return starts


def last_deload(store: Store, before: date) -> date | None:
    """The start of the newest deload in the last seven weeks before `before`, if any."""
    return max(deload_starts(store, before).values(), default=None)


def _annotated(
    sessions: Iterable[Session], cycle: Sequence[WeekPlan], start: date, deloads: dict[date, date]
) -> list[Session]:
    """Sessions as the rules should read them.

    Without a block week (command line, imports) a session gets the one its date fell in, so
    its targets are known; days before the program started stay without one. Once a deload
    began in a week, the rest of that week was planned as a deload, however the sessions
    were logged (`gymtui log` does not know the plan).
    """
    found = []
    for session in sessions:
        update: dict[str, object] = {}
        if session.block_week is None and session.date >= start:
            update["block_week"] = week_of_block(start, session.date, len(cycle))
        began = deloads.get(monday_of(session.date))
        if not session.deload and began is not None and session.date >= began:
            update["deload"] = True
        found.append(session.model_copy(update=update) if update else session)
    return found


def lift_history(
    store: Store, program: Program, rx: Prescription, start: date, cutoff: date, deloads: dict[date, date],
    today: date | None = None, equipment: Equipment = "barbell", unit: Unit = "kg",
) -> tuple[list[SessionSets], LiftWeeks | None]:
    """The history a lift is planned from: its recent sessions (newest first, as
    `SessionSets` with each session's sets of `rx.exercise`) and, for a lift that follows the
    block, the lift's own block weeks (`LiftWeeks`, else None).

    Each session takes the targets of its own block week (counted from `start`, the program's
    first Monday), and is a deload session when it fell in a deload week: the cycle's, one
    started early (`deloads`: Monday -> the date it began), or one the lift took because it
    was fatigued. Sessions from `cutoff` on are left out, and so is the session in progress
    `today` (the one being planned); `equipment` and `unit` read the top sets that measure
    fatigue. Reads the store; the planner, the workout's re-plan and a freestyle session's
    added exercise all plan from this."""
    count = HISTORY_SESSIONS if rx.follows_block else ACCESSORY_SESSIONS
    # The session in progress today is what is being planned; a session finished earlier
    # today (a morning logged from the command line) is history like any other.
    day = today or cutoff
    recent = [
        (session, sets) for session, sets in store.recent_sets(
            rx.exercise, sessions=count + 1, before=max(cutoff, day + timedelta(days=1)))
        if not (session.status == "in_progress" and session.date == day)
    ][:count]
    sessions = _annotated((s for s, _ in recent), program.cycle, start, deloads)
    sets: list[LoggedSet] = [logged for _, group in recent for logged in group]
    weeks = None
    if rx.follows_block:
        reps = {s.id: [x.reps or 0 for x in group if x.set_type in WORK_SET_TYPES] for s, group in recent}
        top = {s.id: max((x.load or 0.0 for x in group if x.set_type in WORK_SET_TYPES), default=0.0)
               for s, group in recent}
        walked = [(s.date, s.deload, reps.get(s.id, []), top.get(s.id, 0.0)) for s in sessions]
        clean = without_outliers(group_history(sessions, sets, rx.exercise), equipment, unit)

        tops = {id(s): top_sets(s.sets, unit) for s in clean}  # once, not once per week asked

        def fatigued(monday: date, skip: frozenset[date]) -> bool:
            window = (tops[id(s)] for s in fatigue_window(clean, monday, skip))
            return bool(lift_fatigue(rx.exercise, [t for t in window if t is not None]))

        weeks = lift_weeks(walked, program.cycle, start, today or cutoff, rx, fatigued)
        # Each session takes its lift week's targets; one in a week the lift was deloaded (the
        # cycle's, or an early one however it was logged) is a deload session.
        sessions = [
            s.model_copy(update={
                "block_week": weeks.by_date[s.date],
                "deload": s.deload or s.date >= weeks.deloads.get(monday_of(s.date), date.max),
            }) if s.date in weeks.by_date else s
            for s in sessions
        ]
    return group_history(sessions, sets, rx.exercise, program.cycle, rx), weeks


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


def bodyweights(
    store: Store, settings: Settings, lifts: Iterable[tuple[Exercise | None, list[SessionSets]]], today: date
) -> Bodyweights | None:
    """The dated bodyweights that lifts moving the body need, back to their oldest session
    read; None when none of `lifts` moves the body (nothing is read then)."""
    moving = [history for exercise, history in lifts if exercise is not None and exercise.bodyweight_share]
    if not moving:
        return None
    # Bounded: a lift last trained years ago must not read years of week files; sessions older
    # than that take the settings' (or the oldest known) bodyweight.
    oldest = max(min((s.date for history in moving for s in history), default=today),
                 today - timedelta(days=BODYWEIGHT_YEARS * 366))
    # A note from before the oldest session gives that session its bodyweight too.
    notes = store.recovery_between(oldest - timedelta(days=BODYWEIGHT_LOOKBACK_DAYS), today)
    return Bodyweights.from_notes(notes, settings.bodyweight_kg)


def _with_bodyweight(
    exercise: Exercise | None, history: list[SessionSets], weights: Bodyweights | None, settings: Settings
) -> list[SessionSets]:
    """A lift's history as fatigue is judged: a lift moving the body counts it too."""
    if weights is None or exercise is None or not exercise.bodyweight_share:
        return history
    return with_bodyweight(history, exercise, weights, settings)


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
    histories = {e: _with_bodyweight(library.exercise(e), h, weights, settings) for e, h in histories.items()}
    main_lifts = {name: _with_bodyweight(by_name.get(name), history, weights, settings)
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

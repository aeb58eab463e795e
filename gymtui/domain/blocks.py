"""Training blocks: which week of the cycle today is, what that week asks of the main lifts,
and when to deload.

A program's `cycle` is a list of WeekPlans (strength, hypertrophy, technique, deload ...)
repeated from `program_start`. Weeks start on Monday. A deload comes with the cycle's deload
week, after at most six weeks without one, or earlier when fatigue shows: RPE creeping up at
the same load, the e1RM falling, or poor recovery several days running.

`SessionSets` (one past session's sets of one exercise, with the targets of its week) is the
history both this module and progression read; `group_history` builds it from the journal.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .daily import REGIONS, RecoveryNote
from .journal import LoggedSet, Session
from .library import Prescription, WeekPlan
from .readiness import readiness
from .rpe import WORK_SET_TYPES, TopSets, rpe_text, top_sets
from .units import Unit, format_load
from .wording import plural

MAX_WEEKS_WITHOUT_DELOAD = 6
# Fatigue this soon after a deload calls for changing the plan, not another deload.
MIN_WEEKS_BETWEEN_DELOADS = 3
RPE_CREEP = 1.0  # RPE points gained at the same load before it counts as creeping
E1RM_DROP = 0.05  # fraction below the best of the previous three sessions
POOR_DAYS = 3

DEFAULT_DELOAD = WeekPlan(
    emphasis="deload",
    reps_min=5,
    reps_max=8,
    target_rpe=6,
    set_factor=0.5,
    load_factor=0.85,
    description="Half the sets, a lighter bar: recover before the next block.",
)


def _monday(day: date) -> date:
    return date.fromordinal(day.toordinal() - day.weekday())  # weeks start on Monday


def program_week(program_start: date, today: date) -> int:
    """Weeks since the program started, 1-based, counted in Monday-to-Sunday weeks.

    Days before the start count as week 1 (the program has not begun yet).
    """
    return max(0, (_monday(today) - _monday(program_start)).days // 7) + 1


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


def _summaries(history: Sequence[SessionSets]) -> list[TopSets]:
    """Top sets of the non-deload sessions, newest first, in the newest session's unit."""
    sessions = [s for s in history if not s.deload]
    unit: Unit = next((x.unit for s in sessions for x in s.sets), "kg")
    found = (top_sets(s.sets, unit) for s in sessions)
    return [t for t in found if t is not None]


def _rpe_creep(label: str, tops: list[TopSets]) -> str | None:
    """RPE rising (never falling) at the newest session's load, reps not going up."""
    if not tops or tops[0].avg_rpe is None:
        return None
    run = [tops[0]]
    for older in tops[1:]:
        newer = run[-1]
        if (
            older.avg_rpe is None
            or newer.avg_rpe is None
            or abs(older.load - newer.load) > 1e-6
            or older.avg_rpe > newer.avg_rpe
            or older.min_reps < newer.min_reps
        ):
            break
        run.append(older)
    assert run[-1].avg_rpe is not None and run[0].avg_rpe is not None
    if len(run) < 2 or run[0].avg_rpe - run[-1].avg_rpe < RPE_CREEP:
        return None
    return (
        f"{label}: RPE up from {rpe_text(run[-1].avg_rpe)} to {rpe_text(run[0].avg_rpe)} at "
        f"{format_load(run[0].load, run[0].unit)} x {run[0].min_reps} over {len(run)} sessions"
    )


def _e1rm_drop(label: str, tops: list[TopSets]) -> str | None:
    estimates = [t.e1rm.value for t in tops if t.e1rm is not None]
    if len(estimates) < 2:
        return None
    best = max(estimates[1:4])
    if best <= 0:  # sets at no load (an assisted lift at 0) give no strength to drop from
        return None
    drop = 1 - estimates[0] / best
    if drop < E1RM_DROP:
        return None
    unit = tops[0].unit
    return (
        f"{label}: e1RM down {drop * 100:.0f} % "
        f"({format_load(round(best, 1), unit)} -> {format_load(round(estimates[0], 1), unit)})"
    )


def _recovery_signals(notes: Sequence[RecoveryNote], today: date | None) -> list[str]:
    ordered = sorted(notes, key=lambda n: n.date, reverse=True)
    if not ordered or (today is not None and (today - ordered[0].date).days > 1):
        return []  # no recent notes: old ones say nothing about now
    run: list[RecoveryNote] = []
    for note in ordered:
        if run and run[-1].date - note.date != timedelta(days=1):
            break
        run.append(note)
    signals = []
    poor = 0
    for note in run:
        if readiness(note, set(REGIONS)).level != "poor":
            break
        poor += 1
    if poor >= POOR_DAYS:
        signals.append(f"poor recovery {poor} days running (sleep, soreness, stress or energy)")
    # A sore region is not fatigue of the whole program: the exercises loading it are
    # lightened one by one (readiness.adjust_for_readiness), the rest train as planned.
    return signals


def lift_fatigue(label: str, tops: list[TopSets]) -> list[str]:
    """The fatigue signals of one lift from its sessions' top sets (newest first, no deloads)."""
    return [signal for signal in (_rpe_creep(label, tops), _e1rm_drop(label, tops)) if signal]


def fatigue_signals(
    histories: Mapping[str, Sequence[SessionSets]],
    recovery_notes: Sequence[RecoveryNote] = (),
    today: date | None = None,
) -> list[str]:
    """Signs of accumulated fatigue, one readable line each.

    `histories` maps the name to show for each exercise (main lifts are the useful ones) to
    its sessions, newest first; sessions flagged deload are ignored. Signals: RPE up by 1 or
    more at the same load without more reps over 2+ sessions in a row; the newest e1RM 5 % or
    more below the best of the three sessions before it; poor readiness 3+ days running.
    """
    signals: list[str] = []
    for label, history in histories.items():
        tops = _summaries(history)
        for signal in (_rpe_creep(label, tops), _e1rm_drop(label, tops)):
            if signal:
                signals.append(signal)
    return signals + _recovery_signals(recovery_notes, today)


def _weeks(count: int) -> str:
    return plural(count, "week")


def _weeks_since_deload(
    cycle: Sequence[WeekPlan], program_start: date, today: date, last_deload: date | None
) -> tuple[int, bool]:
    """Whole weeks since the last deload week began (or since the program began, if none yet),
    and whether there was one."""
    this_monday, start = _monday(today), _monday(program_start)
    latest: date | None = None
    week = start
    while week < this_monday:
        if cycle[(week - start).days // 7 % len(cycle)].emphasis == "deload":
            latest = week
        week += timedelta(days=7)
    if last_deload is not None and _monday(last_deload) < this_monday:
        latest = max(latest or start, _monday(last_deload))
    if latest is None:
        return max(0, (this_monday - start).days // 7), False
    return (this_monday - latest).days // 7, True


def should_deload(
    cycle: Sequence[WeekPlan],
    program_start: date,
    today: date,
    histories: Mapping[str, Sequence[SessionSets]],
    recovery_notes: Sequence[RecoveryNote] = (),
    last_deload: date | None = None,
    *,
    week: int | None = None,
    weeks_since: tuple[int, bool] | None = None,
    restarted: date | None = None,
) -> tuple[bool, list[str]]:
    """Whether this week should be a deload, and why (or why not).

    `last_deload` is the date of a deload taken early (outside the cycle's deload week).
    `week` and `weeks_since` (weeks trained since the last deload, and whether there was
    one) are the day's main lifts' own, when known; else the calendar's from the start.
    `restarted` is the Monday the block began again after a layoff.
    """
    if week is None:
        week, plan = week_plan_for(cycle, program_start, today)
    else:
        plan = cycle[week - 1]
    if plan.emphasis == "deload":
        return True, [f"week {week} of the block is the planned deload"]
    if last_deload is not None and _monday(last_deload) == _monday(today):
        return True, [f"this week is a deload (started {last_deload.isoformat()})"]
    if weeks_since is None:
        weeks, had_one = _weeks_since_deload(cycle, program_start, today, last_deload)
    else:
        weeks, had_one = weeks_since
    since = f"{_weeks(weeks)} since the last deload" if had_one else f"week {weeks + 1} of the program"
    if restarted is not None and not had_one:
        since = f"week {weeks + 1} back after a layoff"
    signals = fatigue_signals(histories, recovery_notes, today)
    if weeks >= MAX_WEEKS_WITHOUT_DELOAD:
        due = f"{since}: time for another" if had_one else f"{since} and no deload yet: time for one"
        return True, [f"{due} (every 4-6 weeks)", *signals]
    if not signals:
        return False, [f"no deload due: {since}, no signs of fatigue"]
    if had_one and weeks < MIN_WEEKS_BETWEEN_DELOADS:
        return False, [*signals, f"only {since}: change volume, load or exercise instead of another deload"]
    return True, [*signals, f"fatigue shows ({since}): deload early"]


# A lift not trained for longer than this starts its block again at week 1.
RESTART_AFTER_DAYS = 21
# A session logged this many days into a week may belong to the week before (logged late).
LATE_LOG_DAYS = 1
# ... and was lifted at the week before's load, near enough (a missed session of this week is lighter).
LATE_LOAD_MATCH = 0.95


@dataclass(frozen=True, slots=True)
class LiftWeeks:
    """The lift's own block weeks: for each of its sessions (by date) and for today.

    A lift's block advances one week for each calendar week it is trained, so a lifter who
    trains it once a fortnight still meets every week of the cycle, its deload included.
    """

    by_date: Mapping[date, int]
    today: int
    # Weeks the lift was trained since its last deload week (or since its block began).
    weeks_since_deload: int
    had_deload: bool
    # Sessions read as the week before theirs: logged a day late (date -> that week's Monday).
    late: Mapping[date, date]
    restarted: date | None = None  # the Monday the block began again after a layoff
    # For each week the lift was deloaded (its Monday), the day the deload began.
    deloads: Mapping[date, date] = field(default_factory=dict)


def lift_weeks(
    sessions: Sequence[tuple[date, bool, Sequence[int], float]],
    cycle: Sequence[WeekPlan],
    program_start: date,
    today: date,
    base: Prescription | None = None,
    fatigued: Callable[[date, frozenset[date]], bool] | None = None,
) -> LiftWeeks:
    """Walk the lift's sessions (date, planned as a deload, reps of its work sets, their top
    load), oldest first, from the program start, and number its weeks of the cycle.

    The first week it is trained takes the calendar week of the block; each later week it is
    trained is the next week of the cycle; after a layoff (RESTART_AFTER_DAYS) or an early
    deload the block starts again at week 1. With `base`, a session early in a week whose reps
    fit the week before's targets and not its own, at the week before's load, is read as the
    week before's (logged late).
    `fatigued(monday, deload_mondays)` says whether fatigue showed before that week (from the
    sessions before it, those of the deload weeks left out): a week the planner would have
    made an early deload is remembered as one, however its sessions were logged.
    """
    length = len(cycle)
    start = _monday(program_start)

    def targets(week: int) -> tuple[int, int]:
        plan = apply_week(base, cycle[week - 1]) if base is not None else cycle[week - 1]
        return plan.reps_min, plan.reps_max

    def fits(reps: Sequence[int], week: int) -> bool:
        lo, hi = targets(week)
        return bool(reps) and all(lo <= r <= hi for r in reps)

    by_monday: dict[date, int] = {}
    deload_mondays: set[date] = set()
    deload_began: dict[date, date] = {}
    by_date: dict[date, int] = {}
    late: dict[date, date] = {}
    week: int | None = None
    prev: date | None = None
    last_day: date | None = None
    restarted: date | None = None
    since_deload, had_deload = 0, False

    def advance(monday: date, day: date) -> int:
        nonlocal restarted
        if week is None or prev is None:
            return week_of_block(start, monday, length)
        if last_day is not None and (day - last_day).days > RESTART_AFTER_DAYS:
            restarted = monday
            return 1
        if prev in deload_mondays and cycle[week - 1].emphasis != "deload":
            return 1  # an early deload ends the block: the next week starts a new one
        return week % length + 1

    top_load: dict[date, float] = {}
    for day, deload, reps, load in sorted(sessions, key=lambda s: s[0]):
        if day < start:
            continue
        monday = _monday(day)
        if (
            base is not None and prev is not None and week is not None and monday - prev == timedelta(days=7)
            and day.weekday() < LATE_LOG_DAYS and fits(reps, week) and not fits(reps, week % length + 1)
            and load >= top_load.get(prev, 0.0) * LATE_LOAD_MATCH
        ):
            late[day] = prev
            monday = prev
        top_load[monday] = max(top_load.get(monday, 0.0), load)
        if monday != prev:
            new = advance(monday, day)
            if week is not None and new == 1 and restarted == monday:
                since_deload, had_deload = 0, False
            week = new
            prev = monday
            since_deload += 1
        assert week is not None  # set on the first session's Monday
        by_monday[monday] = week
        by_date[day] = week
        if (
            not deload and fatigued is not None and monday not in deload_mondays
            and (not had_deload or since_deload >= MIN_WEEKS_BETWEEN_DELOADS)
            and fatigued(monday, frozenset(deload_mondays))
        ):
            deload = True
        if deload or cycle[week - 1].emphasis == "deload":
            if monday not in deload_mondays:
                deload_began[monday] = monday if cycle[week - 1].emphasis == "deload" else day
            deload_mondays.add(monday)
            since_deload, had_deload = 0, True
        last_day = max(last_day, day) if last_day else day
    this_monday = _monday(today)
    if prev is None or week is None:
        today_week = week_of_block(start, today, length) if today >= start else 1
    elif this_monday == prev:
        today_week = week
        since_deload = max(0, since_deload - 1)  # weeks before this one
    else:
        today_week = advance(this_monday, today)
        if today_week == 1 and restarted == this_monday:
            since_deload, had_deload = 0, False
    # Counted like calendar weeks since a deload began: the deload week itself is one of them.
    since = since_deload + 1 if had_deload and this_monday != prev else since_deload
    return LiftWeeks(by_date, today_week, since, had_deload, late, restarted, deload_began)

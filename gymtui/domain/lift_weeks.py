"""A lift's own block weeks: its block advances one week for each calendar week it is
trained, starts again after a layoff or an early deload, and reads a session logged a day
late as the week before's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .blocks import apply_week, week_of_block, week_start
from .deload import MIN_WEEKS_BETWEEN_DELOADS
from .library import Prescription, WeekPlan

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
    start = week_start(program_start)

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
        monday = week_start(day)
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
    this_monday = week_start(today)
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

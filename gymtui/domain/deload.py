"""When to deload: the cycle's deload week, at most six weeks without one, or earlier when
fatigue shows (RPE creeping up at the same load, the e1RM falling, or poor recovery several
days running). Each reason is a readable line the planner shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from .blocks import SessionSets, week_plan_for, week_start
from .daily import REGIONS, RecoveryNote
from .library import WeekPlan
from .readiness import readiness
from .rpe import TopSets, rpe_text, top_sets
from .units import Unit, format_load
from .wording import plural

MAX_WEEKS_WITHOUT_DELOAD = 6
# Fatigue this soon after a deload calls for changing the plan, not another deload.
MIN_WEEKS_BETWEEN_DELOADS = 3
RPE_CREEP = 1.0  # RPE points gained at the same load before it counts as creeping
E1RM_DROP = 0.05  # fraction below the best of the previous three sessions
POOR_DAYS = 3


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
    this_monday, start = week_start(today), week_start(program_start)
    latest: date | None = None
    week = start
    while week < this_monday:
        if cycle[(week - start).days // 7 % len(cycle)].emphasis == "deload":
            latest = week
        week += timedelta(days=7)
    if last_deload is not None and week_start(last_deload) < this_monday:
        latest = max(latest or start, week_start(last_deload))
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
    if last_deload is not None and week_start(last_deload) == week_start(today):
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

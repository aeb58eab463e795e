"""Where one lift stands today, read from its history: the state the planner works from.

- `sessions`: the recent sessions (newest first) since the lift was last taken up again after
  a layoff, with sets that look mistyped set aside. Only these feed e1RM, fatigue and
  progression, so a gap is never compared across and a typo never moves a load.
- `before_layoff`: the sessions before that layoff, kept for a starting load to ramp back from.
- `layoff_days`: the length of the newest layoff, while the lifter is still ramping back in
  (fewer than RAMP_SESSIONS sessions since), else None.
- `outliers`: the sets set aside, each with a sentence saying why.
- `e1rm`: the median of the last SMOOTH_SESSIONS non-deload sessions' estimates, so one odd
  day moves it less than the last session alone would.
- `days_since`: days since the lift was last trained.

A set is set aside when its e1RM is more than OUTLIER_RATIO times (or less than 1 /
OUTLIER_RATIO of) the median of the other recent sets, or when its load is beyond what the
equipment can plausibly carry (a 300 kg dumbbell) while other sets are believable. The ratio
is wide on purpose: a strength week and a technique week of the same lift differ by far
less, a load typed with one digit too many (1000 for 100) by far more.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .blocks import SessionSets
from .common import Equipment
from .journal import LoggedSet
from .rpe import E1rm, top_sets, work_sets
from .rpe import e1rm as set_e1rm
from .units import Unit, convert, format_load

LAYOFF_DAYS = 21  # three weeks without the lift: the body has lost some of it, restart the block
RAMP_SESSIONS = 3  # sessions after a layoff spent working back up to the old loads
SMOOTH_SESSIONS = 3
OUTLIER_RATIO = 1.6
OUTLIER_MIN_OTHERS = 3  # sets to compare with before anything is called a typo
# The heaviest load (kg) that is believable for each kind of equipment.
PLAUSIBLE_KG: dict[str, float] = {
    "barbell": 500.0, "dumbbell": 100.0, "kettlebell": 100.0, "machine": 500.0, "cable": 300.0,
    "band": 200.0, "bodyweight": 200.0, "other": 500.0,
}


@dataclass(frozen=True, slots=True)
class Outlier:
    """A logged set the planner does not use, and why."""

    logged: LoggedSet
    on: date
    why: str

    def describe(self) -> str:
        s = self.logged
        load = format_load(s.load or 0.0, s.unit)
        return f"{load} x {s.reps} on {self.on:%d %b} {self.why}: not used"


@dataclass(frozen=True)
class LiftState:
    """One lift's standing today (see the module text). Extend it rather than re-reading history."""

    exercise: str
    today: date | None
    sessions: tuple[SessionSets, ...]
    before_layoff: tuple[SessionSets, ...] = ()
    layoff_days: int | None = None
    outliers: tuple[Outlier, ...] = ()
    e1rm: E1rm | None = None
    days_since: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def back_from_layoff(self) -> bool:
        return self.layoff_days is not None

    @property
    def sessions_since_layoff(self) -> int:
        return len(self.sessions)


def _set_e1rm(logged: LoggedSet, unit: Unit) -> float | None:
    if logged.load is None or not logged.reps:
        return None
    estimate = set_e1rm(convert(logged.load, logged.unit, unit), logged.reps, logged.rpe)
    return estimate.value if estimate else None


def find_outliers(
    history: Sequence[SessionSets], equipment: Equipment, unit: Unit
) -> list[Outlier]:
    """Sets in `history` whose load cannot be right: far off the lifter's other sets of the
    same stretch of training (a layoff in between changes what is normal), or beyond what
    the equipment carries. A whole session off the others is kept: that is a change (another
    grip, a bad day), not a slip of the finger."""
    found: list[Outlier] = []
    start = 0
    for end in range(1, len(history) + 1):
        if end == len(history) or (history[end - 1].date - history[end].date).days > LAYOFF_DAYS:
            found += _outliers_in(history[start:end], equipment, unit)
            start = end
    return found


def _outliers_in(history: Sequence[SessionSets], equipment: Equipment, unit: Unit) -> list[Outlier]:
    found: list[Outlier] = []
    estimates: list[tuple[SessionSets, LoggedSet, float]] = []
    for session in history:
        for logged in work_sets(session.sets):
            value = _set_e1rm(logged, unit)
            if value is None or value <= 0:
                continue
            estimates.append((session, logged, value))
    limit = PLAUSIBLE_KG.get(equipment, 500.0)
    believable = [o for _, o, _ in estimates if o.load is not None and convert(o.load, o.unit, "kg") <= limit]
    by_ratio: dict[int, list[Outlier]] = {}
    # The median of the sets (of each side, for a one-sided lift: a weak side is no typo):
    # with a few sets to compare, one wrong set barely moves it, and it is worked out once.
    medians: dict[object, float] = {}
    for side in {o.side for _, o, _ in estimates}:
        values = [v for _, o, v in estimates if o.side == side]
        if len(values) > OUTLIER_MIN_OTHERS:
            medians[side] = statistics.median(values)
    for session, logged, value in estimates:
        middle = medians.get(logged.side)
        assert logged.load is not None
        # Only set aside for its weight when believable sets are there to plan from instead.
        if convert(logged.load, logged.unit, "kg") > limit and believable:
            shown = format_load(convert(limit, "kg", logged.unit), logged.unit)
            found.append(Outlier(logged, session.date, f"is more than a {equipment} load can be ({shown})"))
            continue
        if middle is None:
            continue
        if value > middle * OUTLIER_RATIO:
            by_ratio.setdefault(id(session), []).append(
                Outlier(logged, session.date, "looks like a typo (far above your other sets)"))
        elif value < middle / OUTLIER_RATIO and logged.set_type == "working":
            # A light working set among heavy ones is most often a wrong digit too; a warm-up
            # logged as working weighs the same, and the plan is no worse without it.
            by_ratio.setdefault(id(session), []).append(
                Outlier(logged, session.date, "looks like a typo (far below your other sets)"))
    for session in history:
        flagged = by_ratio.get(id(session), [])
        if flagged and len(flagged) < len(work_sets(session.sets)):
            found += flagged
    return found


def _without(history: Sequence[SessionSets], outliers: Sequence[Outlier]) -> list[SessionSets]:
    dropped = {id(o.logged) for o in outliers}
    kept = []
    for session in history:
        sets = tuple(s for s in session.sets if id(s) not in dropped)
        if sets:
            kept.append(replace(session, sets=sets))
    return kept


def _split_at_layoff(
    history: Sequence[SessionSets], today: date | None
) -> tuple[list[SessionSets], list[SessionSets], int | None]:
    """(since the newest layoff, before it, its length in days) for a newest-first history."""
    newer = today
    for index, session in enumerate(history):
        if newer is not None and (newer - session.date).days > LAYOFF_DAYS:
            return list(history[:index]), list(history[index:]), (newer - session.date).days
        newer = session.date
    return list(history), [], None


def smoothed_e1rm(sessions: Sequence[SessionSets], unit: Unit) -> E1rm | None:
    """The median estimate of the last SMOOTH_SESSIONS non-deload sessions (newest first)."""
    estimates = []
    for session in sessions:
        if session.deload:
            continue
        top = top_sets(session.sets, unit)
        if top is not None and top.e1rm is not None:
            estimates.append(top.e1rm)
        if len(estimates) == SMOOTH_SESSIONS:
            break
    if not estimates:
        return None
    value = statistics.median(e.value for e in estimates)
    methods = {e.method for e in estimates}
    return E1rm(value, "rts" if methods == {"rts"} else estimates[0].method)


def lift_state(
    exercise: str, history: Sequence[SessionSets], equipment: Equipment, unit: Unit, today: date | None
) -> LiftState:
    """The state of `exercise` from its `history` (newest first) as of `today`."""
    outliers = find_outliers(history, equipment, unit)
    clean = _without(history, outliers)
    since, before, layoff = _split_at_layoff(clean, today)
    if layoff is not None and len(since) >= RAMP_SESSIONS:
        layoff = None  # ramped back in: the layoff says nothing more
    days = (today - clean[0].date).days if clean and today is not None else None
    return LiftState(
        exercise=exercise, today=today, sessions=tuple(since), before_layoff=tuple(before),
        layoff_days=layoff, outliers=tuple(outliers), e1rm=smoothed_e1rm(since, unit), days_since=days,
    )


def fatigue_window(
    history: Sequence[SessionSets], before: date, skip: frozenset[date] = frozenset()
) -> list[SessionSets]:
    """The sessions fatigue may be read from as it stood on `before`: those since the last
    layoff before it, none while ramping back in, deloads and sessions on the `skip` Mondays
    (weeks the lift was deloaded) left out. `history` is newest first, typos already out."""
    earlier = [s for s in history if s.date < before]
    since, _, layoff = _split_at_layoff(earlier, before)
    if layoff is not None and len(since) < RAMP_SESSIONS:
        return []
    return [s for s in since if not s.deload and s.date - timedelta(days=s.date.weekday()) not in skip]


def without_outliers(history: Sequence[SessionSets], equipment: Equipment, unit: Unit) -> list[SessionSets]:
    return _without(history, find_outliers(history, equipment, unit))

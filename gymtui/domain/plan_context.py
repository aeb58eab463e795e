"""The plan for one exercise as it is being made, and what every progression rule reads.

`Plan` is what the planner hands back; `PlanContext` holds the exercise, its prescription for
this week, the settings and the reasons said so far, and rounds, steps and caps loads the
way the equipment can load them. The functions read a past session the same way for every
rule: its work sets, whether its week had other targets, how long a level has held, the
slow step (a rep, then a set), the top sets a verdict is made on, and the wording of a
change. progression.py (the order the rules are tried in), progression_loaded.py and
progression_rules.py use them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .blocks import SessionSets
from .common import Emphasis, Equipment, Pattern
from .journal import LoggedSet
from .library import Exercise, Prescription, WeekPlan
from .lift_state import LiftState
from .plates import Direction, next_loadable, round_for_exercise, within_cap
from .rpe import WORK_SET_TYPES, E1rm, TopSets, top_sets
from .settings import Settings
from .units import Unit, format_load
from .wording import plural

SLOW_STEP_DAYS = 14
EXTRA_SETS = 2  # the most sets slow progression adds above the prescription
# Rounding that moves a load by more than this fraction is said: the lifter sees why.
ROUNDING_NOTE = 0.02


@dataclass(frozen=True)
class Plan:
    """What to do next time for one exercise, and why."""

    exercise: str
    pattern: Pattern
    equipment: Equipment
    sets: int
    reps: int
    reps_min: int
    reps_max: int
    load: float | None
    unit: Unit
    tempo: str
    target_rpe: float
    rest_seconds: int
    reasons: list[str] = field(default_factory=list)
    hold_seconds: int | None = None
    e1rm: E1rm | None = None
    emphasis: Emphasis | None = None


@dataclass
class PlanContext:
    """One exercise's plan being made: what it is planned from, and the reasons so far."""

    exercise: Exercise
    rx: Prescription
    week: WeekPlan | None
    settings: Settings
    today: date | None
    reasons: list[str]
    capped_note: str = ""
    state: LiftState | None = None

    @property
    def unit(self) -> Unit:
        return self.settings.unit

    @property
    def deload(self) -> bool:
        return self.week is not None and self.week.emphasis == "deload" and self.rx.follows_block

    def round(self, load: float, direction: Direction = "nearest") -> float:
        return round_for_exercise(load, self.unit, self.exercise.equipment, self.settings, direction)

    def step(self, load: float, up: bool) -> float:
        return next_loadable(load, self.unit, self.exercise.equipment, self.settings, up)

    def capped(self, wanted: float, around: float) -> float:
        """`wanted`, loadable, raised no more than max_change above `around` (one loadable step
        is always allowed); a cut the chart calls for is never held back. A cap, or rounding
        that moved the load noticeably, is noted."""
        if wanted < around - 1e-6:
            value = self.round(wanted)
            self._note_rounding(wanted, value)
            return value
        change = self.settings.max_change
        value, moved = within_cap(wanted, around, change, self.unit, self.exercise.equipment, self.settings)
        if moved:
            self.capped_note = f" (capped at {change * 100:g} %)"
        else:
            self._note_rounding(wanted, value)
        return value

    def _note_rounding(self, wanted: float, value: float) -> None:
        if wanted > 0 and abs(value - wanted) / wanted > ROUNDING_NOTE:
            shown = format_load(round(wanted, 1), self.unit)
            self.capped_note = f" (the chart's {shown}, rounded)"

    def say(self, text: str) -> None:
        """Add a reason; a cap applied since the last one is mentioned in it."""
        self.reasons.append(text + self.capped_note)
        self.capped_note = ""

    def plan(self, sets: int, reps: int, load: float | None, e1rm: E1rm | None = None) -> Plan:
        rx, ex = self.rx, self.exercise
        return Plan(
            exercise=ex.id, pattern=ex.pattern, equipment=ex.equipment, sets=sets, reps=reps,
            reps_min=rx.reps_min, reps_max=rx.reps_max, load=load, unit=self.unit,
            tempo=rx.tempo or ex.default_tempo, target_rpe=rx.target_rpe,
            rest_seconds=rx.rest_seconds, reasons=self.reasons,
            hold_seconds=rx.hold_seconds or ex.hold_seconds, e1rm=e1rm,
            emphasis=self.week.emphasis if self.week and rx.follows_block else None,
        )


def change_text(old: float, new: float, unit: Unit) -> str:
    if abs(new - old) < 1e-6:
        return f"same {format_load(new, unit)}"
    percent = (new / old - 1) * 100 if old else 0.0
    return f"{percent:+.0f} % to {format_load(new, unit)}"


def same_text(lifted: float, load: float, unit: Unit) -> str:
    """'same 60 kg', or what rounding made of a load the equipment cannot make."""
    if abs(load - lifted) < 1e-6:
        return f"same {format_load(load, unit)}"
    return f"{format_load(load, unit)} (the nearest you can load to the {format_load(lifted, unit)} lifted)"


# The same names History uses: RTS is the chart (up to 12 reps with an RPE), the others formulas.
METHOD_NAMES = {"rts": "RTS", "epley": "Epley", "brzycki": "Brzycki"}


def e1rm_text(value: float, method: str | None, unit: Unit) -> str:
    """'e1RM 141.2 kg by RTS': the estimate a load came from and how it was made."""
    how = f" by {METHOD_NAMES.get(method, method)}" if method else ""
    return f"e1RM {format_load(round(value, 1), unit)}{how}"


def work_sets(session: SessionSets) -> list[LoggedSet]:
    return [s for s in session.sets if s.set_type in WORK_SET_TYPES and (s.reps or s.seconds or s.distance_m)]


def week_changed(ctx: PlanContext, last: SessionSets) -> bool:
    """Whether the last session was planned with another rep range or RPE (a new week)."""
    old = (last.reps_min, last.reps_max, last.target_rpe)
    new = (ctx.rx.reps_min, ctx.rx.reps_max, ctx.rx.target_rpe)
    return any(was is not None and was != now for was, now in zip(old, new, strict=True))


# What a session reached (sets and reps, or load and sets): a level held two weeks earns a step.
Level = Callable[[SessionSets], tuple[float, ...]]


def days_at_level(ctx: PlanContext, history: Sequence[SessionSets], level: Level) -> int:
    """Days the newest sessions have stayed at the same level with the RPE on target."""
    start = history[0].date
    for session in history:
        rpes = [s.rpe for s in work_sets(session) if s.rpe is not None]
        if level(session) != level(history[0]) or any(r > ctx.rx.target_rpe + 0.5 for r in rpes):
            break
        start = session.date
    return ((ctx.today or history[0].date) - start).days


def slow_step(
    ctx: PlanContext, history: Sequence[SessionSets], sets: int, reps: int, level: Level, now: bool
) -> tuple[int, int]:
    """Add a rep (or at the top a set) if two weeks passed at this level, or `now`."""
    days = days_at_level(ctx, history, level)
    if not now and days < SLOW_STEP_DAYS:
        ctx.say(f"keep {sets} x {reps}: one more after two weeks at it ({plural(days, 'day')} so far)")
        return sets, reps
    if reps < ctx.rx.reps_max:
        ctx.say(f"one more rep: {sets} x {reps + 1}")
        return sets, reps + 1
    if sets < ctx.rx.sets + EXTRA_SETS:
        ctx.say(f"top of the range: one more set, {sets + 1} x {reps}")
        return sets + 1, reps
    ctx.say(f"top of the range on {plural(sets, 'set')}: add load or a harder variation")
    return sets, reps


def verdict_sets(sets: Sequence[LoggedSet], unit: Unit) -> TopSets | None:
    """The top sets judged against the target. Sets taken to failure (AMRAP) are left out of
    the verdict: they were meant to be hard. They still count in the e1RM."""
    planned = [s for s in sets if s.set_type != "failure"]
    top = top_sets(planned, unit) if planned else None
    every = top_sets(sets, unit)
    heavier = (top is not None and every is not None and every.e1rm is not None and top.e1rm is not None
               and every.e1rm.value > top.e1rm.value)
    if heavier and top is not None and every is not None and (
        abs(every.load - top.load) < 1e-6 or len(planned) < len(sets)
    ):
        top = TopSets(top.load, top.unit, top.reps, top.rpes, max(every.e1rm, top.e1rm, key=lambda e: e.value))
    if top is None:
        top = top_sets(sets, unit)
        if top is not None:
            top = TopSets(top.load, top.unit, top.reps, tuple(None for _ in top.rpes), top.e1rm)
    return top

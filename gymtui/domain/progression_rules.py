"""The progression rules a prescription can name, for a loaded lift in a week like the last.

`double` (the default) is `progression_loaded.loaded_plan`: reps climb through the range by RPE, then
the chart's load. The others, once the deload week, a new week of the block and a layoff
have had their say:
- `slow`: the same load; one more rep after two weeks on target, at the top of the range one
  more set (two at most above the prescription), and with every set there one load step,
  back to the prescribed sets at the bottom of the range;
- `load_steps`: every set at the top of the range, on target: one load step, whatever the
  chart says; short of it, the same load for the top again; short of it twice running at
  the same load, one step down;
- `none`: the same load and reps as last time (drills, prehab): missed reps or an RPE well
  over target are said, the load is held.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import SessionSets
from .library import Progression
from .plan_context import (
    EXTRA_SETS,
    SLOW_STEP_DAYS,
    Plan,
    PlanContext,
    change_text,
    days_at_level,
    same_text,
    verdict_sets,
    work_sets,
)
from .rpe import TopSets, top_sets
from .units import Unit, format_load
from .wording import plural


def follow_rule(ctx: PlanContext, history: Sequence[SessionSets], top: TopSets, rule: Progression) -> Plan | None:
    """The plan by `rule`; None for `double` (the caller's own rule)."""
    if rule == "none":
        return _none(ctx, top)
    if rule == "slow":
        return _slow(ctx, history, top)
    if rule == "load_steps":
        return _load_steps(ctx, history, top)
    return None


def _step_text(ctx: PlanContext, load: float, new: float) -> str:
    """'one 2.5 kg step' (the exercise's own stack step, or the equipment's)."""
    size = abs(new - load)
    per_hand = " per hand" if ctx.exercise.equipment == "dumbbell" else ""
    return f"one {format_load(round(size, 2), ctx.unit)} step{per_hand}"


def _none(ctx: PlanContext, top: TopSets) -> Plan:
    rx, unit = ctx.rx, ctx.unit
    load = ctx.round(top.load)
    reps = min(max(top.min_reps, rx.reps_min), rx.reps_max)
    rule = "no progression on this one (the program's rule)"
    if top.min_reps < rx.reps_min:
        ctx.say(f"{rule}: {same_text(top.load, load, unit)}, aim {plural(rx.reps_min, 'rep')} again "
                f"({top.describe()} last time)")
    elif top.hardest_rpe is not None and top.hardest_rpe >= rx.target_rpe + 1:
        ctx.say(f"{rule}: {same_text(top.load, load, unit)} x {reps}, held though {top.describe()} was over the "
                f"target @ {rx.target_rpe:g}: keep it easy")
    else:
        ctx.say(f"{rule}: {same_text(top.load, load, unit)} x {reps}, as last time")
    return ctx.plan(rx.sets, reps, load, top.e1rm)


def _slow(ctx: PlanContext, history: Sequence[SessionSets], top: TopSets) -> Plan:
    rx, unit = ctx.rx, ctx.unit
    load = ctx.round(top.load)
    sets = min(max(rx.sets, len(top.reps)), rx.sets + EXTRA_SETS)
    reps = min(top.min_reps, rx.reps_max)
    desc = top.describe()
    avg = top.avg_rpe
    if top.min_reps < rx.reps_min:
        ctx.say(f"slow progression: missed reps last time ({desc}, aim {rx.reps_min}+): the same "
                f"{format_load(load, unit)} for {sets} x {rx.reps_min}")
        return ctx.plan(sets, rx.reps_min, load, top.e1rm)
    if avg is not None and avg - rx.target_rpe >= 1:
        reps = max(rx.reps_min, reps - 1)
        ctx.say(f"slow progression: {desc} was over the target @ {rx.target_rpe:g}: one rep fewer, "
                f"{sets} x {reps} at {format_load(load, unit)}")
        return ctx.plan(sets, reps, load, top.e1rm)
    if avg is not None and avg > rx.target_rpe:
        ctx.say(f"slow progression: {desc}, a little over target @ {rx.target_rpe:g}: the same "
                f"{sets} x {reps} at {format_load(load, unit)} until it is on target")
        return ctx.plan(sets, reps, load, top.e1rm)

    def level(session: SessionSets) -> tuple[float, int, int]:
        found = top_sets(session.sets, unit)
        return (found.load, len(found.reps), found.min_reps) if found else (0.0, 0, 0)

    days = days_at_level(ctx, history, level)
    at = f"{sets} x {reps} at {format_load(load, unit)}"
    if days < SLOW_STEP_DAYS and not (avg is not None and avg <= rx.target_rpe - 1):
        ctx.say(f"slow progression: keep {at}, one more after two weeks at it ({plural(days, 'day')} so far)")
        return ctx.plan(sets, reps, load, top.e1rm)
    if reps < rx.reps_max:
        ctx.say(f"slow progression: {plural(days, 'day')} at {at} on target: one more rep, {sets} x {reps + 1}")
        return ctx.plan(sets, reps + 1, load, top.e1rm)
    if sets < rx.sets + EXTRA_SETS:
        ctx.say(f"slow progression: top of the range at {at} on target: one more set, {sets + 1} x {reps}")
        return ctx.plan(sets + 1, reps, load, top.e1rm)
    heavier = ctx.capped(ctx.step(top.load, up=True), top.load)
    ctx.say(f"slow progression: {at} on target, the most sets it adds: {_step_text(ctx, top.load, heavier)}, "
            f"{change_text(top.load, heavier, unit)}, back to {rx.sets} x {rx.reps_min}")
    return ctx.plan(rx.sets, rx.reps_min, heavier, top.e1rm)


def _load_steps(ctx: PlanContext, history: Sequence[SessionSets], top: TopSets) -> Plan:
    rx, unit = ctx.rx, ctx.unit
    hi, target = rx.reps_max, rx.target_rpe
    desc = top.describe()
    work = len(top.reps)
    hardest = top.hardest_rpe
    if top.min_reps >= hi and work >= rx.sets and (hardest is None or hardest <= target + 0.5):
        heavier = ctx.step(top.load, up=True)
        ctx.say(f"every set at the top of the range ({desc}, target @ {target:g}): "
                f"{_step_text(ctx, top.load, heavier)}, {change_text(top.load, heavier, unit)} for {rx.sets} x {hi}")
        return ctx.plan(rx.sets, hi, heavier, top.e1rm)
    short = "over the target" if top.min_reps >= hi and work >= rx.sets else f"short of {rx.sets} x {hi}"
    before = _previous_at_load(history, top.load, unit)
    if before is not None and _short_of(before, rx.sets, hi, target):
        lighter = ctx.step(top.load, up=False)
        ctx.say(f"{desc} {short}, as on {before.date:%d %b} at the same load: "
                f"{_step_text(ctx, top.load, lighter)} down, {change_text(top.load, lighter, unit)}, to build back")
        return ctx.plan(rx.sets, hi, lighter, top.e1rm)
    load = ctx.round(top.load)
    ctx.say(f"{desc} {short}: {same_text(top.load, load, unit)}, aim {rx.sets} x {hi} again; "
            f"a step up once every set gets there")
    return ctx.plan(rx.sets, hi, load, top.e1rm)


def _previous_at_load(history: Sequence[SessionSets], load: float, unit: Unit) -> SessionSets | None:
    """The session before the last, if it was at the same top load (deloads skipped)."""
    earlier = [s for s in history[1:] if not s.deload]
    if not earlier:
        return None
    found = top_sets(earlier[0].sets, unit)
    return earlier[0] if found is not None and abs(found.load - load) < 1e-6 else None


def _short_of(session: SessionSets, sets: int, reps: int, target: float) -> bool:
    found = verdict_sets(work_sets(session), "kg")
    if found is None:
        return False
    met = found.min_reps >= reps and len(found.reps) >= sets
    return not met or (found.hardest_rpe is not None and found.hardest_rpe > target + 0.5)

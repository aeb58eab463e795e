"""The next plan of a loaded lift (a load and an RPE were logged), and of a carry or a hold.

A loaded lift is judged on its last session's top sets against the week's targets and moved
by the RTS chart, its range and its RPE (the rules are listed in progression.py), or by the
rule its prescription names (progression_rules.py); a deload week and a new week of the
block have their own steps. A carry or a hold moves one loadable step by RPE.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import SessionSets
from .plan_context import (
    EXTRA_SETS,
    Plan,
    PlanContext,
    change_text,
    e1rm_text,
    same_text,
    slow_step,
    verdict_sets,
    week_changed,
    work_sets,
)
from .progression_rules import follow_rule
from .rpe import TopSets, load_for, rpe_text, top_sets
from .units import format_load
from .wording import plural

# An RPE this far from the session before is a surprise: it moves the load one step only.
SURPRISE_RPE = 1.5
# How far below last block's load the recent e1RM may point before it overrules it.
LAST_BLOCK_SLACK = 0.05


def _previous_rpe(history: Sequence[SessionSets]) -> float | None:
    """The average RPE of the session before the last at its top load (deloads skipped)."""
    earlier = [s for s in history[1:] if not s.deload]
    if not earlier:
        return None
    found = top_sets([s for s in earlier[0].sets if s.set_type != "failure"], "kg")
    return found.avg_rpe if found else None


def stepped_plan(ctx: PlanContext, history: Sequence[SessionSets], last_load: float) -> Plan:
    """Carries and holds: one loadable step by RPE; the chart says nothing about them."""
    work = work_sets(history[0])
    rpes = [s.rpe for s in work if s.rpe is not None]
    diff = sum(rpes) / len(rpes) - ctx.rx.target_rpe if rpes else 0.0
    load = ctx.round(last_load)
    if ctx.rx.progression == "none" and not ctx.deload:
        ctx.say(f"no progression on this one (the program's rule): {same_text(last_load, load, ctx.unit)},"
                " as last time")
        return ctx.plan(ctx.rx.sets, ctx.rx.reps_min, load)
    if diff <= -1 and not ctx.deload:
        load = ctx.capped(ctx.step(last_load, up=True), last_load)
    elif diff >= 1 or ctx.deload:
        load = ctx.capped(ctx.step(last_load, up=False), last_load)
    effort = f" @ {rpe_text(max(rpes))}" if rpes else ""
    ctx.say(f"last time {format_load(last_load, ctx.unit)}{effort}: {change_text(last_load, load, ctx.unit)}")
    sets = min(ctx.rx.sets, len(work)) if ctx.deload else ctx.rx.sets
    return ctx.plan(sets, ctx.rx.reps_min, load)


def _deload(ctx: PlanContext, last: SessionSets, top: TopSets) -> Plan:
    rx = ctx.rx
    volume = sum(s.reps or 0 for s in work_sets(last))
    sets, reps = max(1, min(rx.sets, len(work_sets(last)))), rx.reps_min
    while sets > 1 and sets * reps > volume:
        sets -= 1
    reps = min(reps, max(1, volume // sets))
    factor = ctx.week.load_factor if ctx.week else 1.0
    wanted = min(top.load * min(factor, 1.0), load_for(top.e1rm.value, reps, rx.target_rpe) if top.e1rm else top.load)
    load = min(ctx.round(wanted, "down"), top.load)
    ctx.say(f"deload from {top.describe()}: {sets} x {reps}, {change_text(top.load, load, ctx.unit)}")
    return ctx.plan(sets, reps, load, top.e1rm)


def _same_week_last_block(ctx: PlanContext, history: Sequence[SessionSets]) -> SessionSets | None:
    """The newest earlier session planned with this week's targets (the same week of the
    last block), if it is in the history read."""
    now = (ctx.rx.reps_min, ctx.rx.reps_max, ctx.rx.target_rpe)
    for session in history[1:]:
        if not session.deload and (session.reps_min, session.reps_max, session.target_rpe) == now:
            return session
    return None


def _from_last_block(ctx: PlanContext, history: Sequence[SessionSets], e1: float) -> Plan | None:
    """A new week of the block carries forward what the same week of the last block did:
    met at target, one more rep (a load step once the top of the range is reached); missed,
    the same again. None when that week is not in the history (the chart decides then)."""
    rx, unit = ctx.rx, ctx.unit
    lo, hi, target = rx.reps_min, rx.reps_max, rx.target_rpe
    prior = _same_week_last_block(ctx, history)
    top = verdict_sets(prior.sets, unit) if prior is not None else None
    if prior is None or top is None:
        return None
    done, when = top.min_reps, f"{prior.date:%d %b}"
    hardest = top.hardest_rpe
    met = done >= lo and (hardest is None or hardest <= target + 0.5)
    same = f"same week last block ({top.describe()} on {when})"
    if not met:
        load, reps = ctx.round(top.load), max(lo, min(done, hi))
        ctx.say(f"{same} was not met at target @ {target:g}: the same again, {format_load(load, unit)} x {reps}")
    elif done < hi:
        load, reps = ctx.round(top.load), done + 1
        ctx.say(f"{same}: one more rep, {format_load(load, unit)} x {reps}")
    else:
        load = ctx.capped(ctx.step(top.load, up=True), top.load)
        reps = lo
        ctx.say(f"{same} topped the range: {change_text(top.load, load, unit)}, back to {lo} reps")
    # Weaker now than then (a hard block, a bad month): the recent e1RM has the last word.
    chart = load_for(e1, reps, target)
    if chart < load * (1 - LAST_BLOCK_SLACK):
        lighter = ctx.round(chart, "down")
        ctx.say(
            f"but your recent e1RM ({format_load(round(e1, 1), unit)}) gives {format_load(lighter, unit)} for it: that"
        )
        load = lighter
    return ctx.plan(rx.sets, reps, load, top.e1rm)


def loaded_plan(ctx: PlanContext, history: Sequence[SessionSets], top: TopSets) -> Plan:
    """A loaded lift's plan from `top`, the last session's top sets (history newest first)."""
    rx, last, unit = ctx.rx, history[0], ctx.unit
    lo, hi, target = rx.reps_min, rx.reps_max, rx.target_rpe
    last_load, done, desc = top.load, top.min_reps, top.describe()
    if ctx.deload:
        return _deload(ctx, last, top)
    e1 = top.e1rm.value if top.e1rm else last_load
    method = top.e1rm.method if top.e1rm else None
    if week_changed(ctx, last):
        # A new week type starts from the e1RM of the last few sessions, not one day's.
        smooth = ctx.state.e1rm if ctx.state is not None else None
        if smooth is not None:
            e1, method = smooth.value, smooth.method
        carried = _from_last_block(ctx, history, e1)
        if carried is not None:
            return carried
        old_lo, old_hi = last.reps_min or done, last.reps_max or done
        old_reps = min(max(done, old_lo), old_hi)
        implied = last_load * load_for(1.0, lo, target) / load_for(1.0, old_reps, last.target_rpe or target)
        load = ctx.capped(load_for(e1, lo, target), implied)
        ctx.say(f"new targets {lo}-{hi} @ {target:g}: from {desc} ({e1rm_text(e1, method, unit)}), "
                f"{change_text(last_load, load, unit)}")
        return ctx.plan(rx.sets, lo, load, top.e1rm)
    if rx.progression != "double":
        ruled = follow_rule(ctx, history, top, rx.progression)
        if ruled is not None:
            return ruled
    if done < lo:
        load = ctx.capped(min(last_load, load_for(e1, lo, target)), last_load)
        change = "hold the load" if load >= last_load - 1e-6 else change_text(last_load, load, unit)
        ctx.say(f"missed reps last time ({desc}, aim {lo}+): {change}")
        return ctx.plan(rx.sets, lo, load, top.e1rm)
    avg, hardest = top.avg_rpe, top.hardest_rpe
    same_load = ctx.round(last_load)
    if done >= hi and (hardest is None or hardest <= target):
        next_step = ctx.step(last_load, up=True)
        wanted = next_step if avg is None else max(load_for(e1, lo, target), next_step)
        load = ctx.capped(wanted, last_load)
        if load > same_load:
            ctx.say(
                f"top of the range ({desc}, target @ {target:g}): {change_text(last_load, load, unit)}, "
                f"back to {plural(lo, 'rep')}"
            )
            return ctx.plan(rx.sets, lo, load, top.e1rm)
        ctx.capped_note = ""
        ctx.say(f"top of the range ({desc}) but {format_load(next_step, unit)} is over the cap: same load")

        def level(session: SessionSets) -> tuple[float, int]:
            found = top_sets(session.sets, unit)
            return (found.load if found else 0.0, len(found.reps) if found else 0)

        sets = min(max(rx.sets, len(top.reps)), rx.sets + EXTRA_SETS)
        sets, reps = slow_step(ctx, history, sets, hi, level, now=False)
        return ctx.plan(sets, reps, same_load, top.e1rm)
    if avg is None:
        ctx.say(
            f"no RPE logged ({desc}): {same_text(last_load, same_load, unit)},"
            f" aim for {plural(min(done + 1, hi), 'rep')}"
        )
        return ctx.plan(rx.sets, min(done + 1, hi), same_load, top.e1rm)
    reps = min(done, hi)
    diff = avg - target
    before = _previous_rpe(history)
    if abs(diff) >= 1 and before is not None and abs(avg - before) >= SURPRISE_RPE:
        # One odd day, far from the session before: a step, not the whole chart difference.
        load = ctx.step(last_load, up=diff < 0)
        if diff < 0 or load < same_load:
            ctx.say(
                f"last time {desc}, target @ {target:g}, after @ {rpe_text(before)} the time before: "
                f"one step only, {change_text(last_load, load, unit)}"
            )
            return ctx.plan(rx.sets, reps, load, top.e1rm)
    if abs(diff) >= 1:
        # Easier than target never lowers and harder never raises, even when more reps than
        # the range were done (the chart's load for fewer reps would be heavier).
        chart = load_for(e1, reps, target)
        load = ctx.capped(max(chart, last_load) if diff < 0 else min(chart, last_load), last_load)
        if abs(load - same_load) > 1e-6:
            ctx.say(f"last time {desc}, target @ {target:g} ({e1rm_text(e1, method, unit)}): "
                    f"{change_text(last_load, load, unit)}")
            return ctx.plan(rx.sets, reps, load, top.e1rm)
        ctx.capped_note = ""
        if diff >= 1:
            ctx.say(f"last time {desc}, over target @ {target:g}: the chart's {format_load(round(chart, 1), unit)} "
                    f"rounds to {same_text(last_load, same_load, unit)}")
            return ctx.plan(rx.sets, reps, same_load, top.e1rm)
    if diff > 0:
        ctx.say(
            f"last time {desc}, a little over target @ {target:g}:"
            f" {same_text(last_load, same_load, unit)} x {reps} again"
        )
        return ctx.plan(rx.sets, reps, same_load, top.e1rm)
    reps = min(done + 1, hi)
    ctx.say(
        f"last time {desc}, target @ {target:g}: {same_text(last_load, same_load, unit)}, aim for {plural(reps, 'rep')}"
    )
    return ctx.plan(rx.sets, reps, same_load, top.e1rm)

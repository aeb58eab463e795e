"""The next session's plan for one exercise, from the program and what was logged, with reasons.

Loaded lifts (the last session's heaviest work sets give an e1RM from the RTS chart):
- missed reps (fewer than the bottom of the range): hold the load, or lower it when the chart
  says so; never raise;
- top of the range on every set at or below the target RPE: raise the load (the chart's load
  for the bottom of the range, at least one loadable step) and go back to the bottom reps;
- RPE 1+ below target: the chart's load for the same reps at the target RPE (a raise);
- RPE 1+ above target: the same, which lowers it;
- RPE on target or up to 1 below: same load, one more rep (double progression);
- RPE up to 1 above target: same load and reps.
Every load change is capped at settings.max_change of the last load and rounded to what the
equipment can load. A new week of the block (another rep range or RPE) restarts at the
bottom of the range with the chart's load; the cap then applies around the load that the
change of target alone implies. A deload week never raises the load, the sets or the volume.

Unloaded lifts (bodyweight, bands) follow the articles' slow progression: after two weeks
(14 days) at the same sets x reps with the RPE on target (no set above target + 0.5, or no
RPE logged), add one rep; at the top of the range add one set instead (at most two above the
prescription). RPE 1+ below target adds the rep at once; 1+ above takes one off; missed reps
hold. The same rule adds a set to a loaded lift at the top of its range whose next load step
would break the cap (light dumbbells). Carries and holds move one loadable step by RPE.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from .blocks import SessionSets, apply_week, group_history
from .bodyweight import Bodyweights, belt_text, moved, with_bodyweight
from .daily import RecoveryNote
from .library import Exercise, Prescription, WeekPlan
from .lift_state import RAMP_SESSIONS, LiftState, lift_state, smoothed_e1rm
from .plan_context import (
    EXTRA_SETS,
    Plan,
    PlanContext,
    slow_step,
    verdict_sets,
    week_changed,
    work_sets,
)
from .plates import exercise_settings
from .progression_loaded import loaded_plan, stepped_plan
from .readiness import Readiness, adjust_for_readiness, exercise_regions
from .rpe import load_for, rpe_text, top_sets
from .settings import Settings
from .sides import weaker_side, weaker_side_history
from .units import convert, format_load
from .wording import plural

__all__ = ["Plan", "SessionSets", "group_history", "next_prescription"]


def next_prescription(
    exercise: Exercise,
    prescription: Prescription,
    week_plan: WeekPlan | None,
    history: Sequence[SessionSets],
    settings: Settings,
    readiness: Readiness | None = None,
    *,
    recent_notes: Sequence[RecoveryNote] = (),
    today: date | None = None,
    bodyweights: Bodyweights | None = None,
    state: LiftState | None = None,
) -> Plan:
    """The plan for the next session of `exercise`. `history` is newest first.

    `week_plan` is this week's plan of the block (None outside a program); the prescription
    takes it when it follows the block. `today` dates the two-week slow-progression clock
    (without it, time is counted up to the newest session). `readiness` and `recent_notes`
    take load or a set off for a poor day. `bodyweights` joins the bodyweight to the belt of
    an exercise that moves it (the plan's load is then the belt; None for bodyweight only).
    """
    rx = apply_week(prescription, week_plan) if week_plan is not None else prescription
    settings = exercise_settings(settings, exercise)
    ctx = PlanContext(exercise, rx, week_plan, settings, today, [], state=state)
    if week_plan is not None and rx.follows_block:
        ctx.say(f"{week_plan.emphasis} week: {rx.sets} x {rx.reps_min}-{rx.reps_max} @ {rx.target_rpe:g}")
    body: tuple[float, float] | None = None  # bodyweight moved (settings' unit), bodyweight (kg)
    now_kg = bodyweights.on(today or history[0].date) if bodyweights is not None and history else None
    if exercise.bodyweight_share and now_kg is not None and bodyweights is not None:
        history = with_bodyweight(history, exercise, bodyweights, settings)
        body = (moved(exercise, now_kg, settings), now_kg)
        shown = format_load(round(convert(now_kg, "kg", settings.unit), 1), settings.unit)
        ctx.say(f"your {shown} bodyweight counts with the belt: the loads below are both together")
    elif exercise.bodyweight_share and any(s.load for session in history for s in session.sets):
        ctx.say("your bodyweight is not known, so only the belt counts: set it in Settings"
                " or with gymtui bodyweight 81.5")
    if state is None:
        state = lift_state(exercise.id, history, exercise.equipment, settings.unit, today)
    ctx.state = state
    # One sentence per typo, however many sets of it were typed the same way.
    for said in dict.fromkeys(outlier.describe() for outlier in state.outliers):
        ctx.say(said)
    if state.back_from_layoff:
        plan = _after_layoff(ctx, state)
    else:
        plan = _from_history(ctx, [s for s in state.sessions if work_sets(s)])
    if readiness is not None:
        plan = adjust_for_readiness(plan, readiness, recent_notes, settings, exercise_regions(exercise))
    if body is not None and plan.load is not None:
        belt, said = belt_text(plan.load, body[0], settings.unit, body[1])
        plan = dataclasses.replace(plan, load=belt, reasons=[*plan.reasons, said])
    return plan


def _from_history(ctx: PlanContext, usable: list[SessionSets]) -> Plan:
    """The plan from the sessions since the lift was last taken up (newest first)."""
    exercise, rx, settings = ctx.exercise, ctx.rx, ctx.settings
    if usable and usable[0].deload and any(not s.deload for s in usable):
        usable = [s for s in usable if not s.deload]
        ctx.say(f"after the deload: from the last full session ({usable[0].date.isoformat()})")
    if exercise.unilateral and usable:
        sides = weaker_side(usable[0].sets, settings.unit).describe()
        if sides:
            ctx.say(sides)
        usable = weaker_side_history(usable, settings.unit)
    if not usable:
        plan = _first_time(ctx)
    else:
        last = usable[0]
        top = verdict_sets(last.sets, settings.unit)
        for other in sorted({s.unit for s in work_sets(last) if s.load is not None and s.unit != settings.unit}):
            original = top_sets([s for s in last.sets if s.unit == other], other)
            shown = ""
            if original is not None:
                converted = round(convert(original.load, other, settings.unit), 2)
                shown = f": {format_load(original.load, other)} = {format_load(converted, settings.unit)}"
            ctx.say(f"logged in {other}{shown}, planned in {settings.unit}")
        loads = [convert(s.load, s.unit, settings.unit) for s in work_sets(last) if s.load is not None]
        if loads and (exercise.pattern == "carry" or rx.hold_seconds or exercise.hold_seconds or top is None):
            plan = stepped_plan(ctx, usable, max(loads))
        elif top is not None:
            plan = loaded_plan(ctx, usable, top)
        else:
            plan = _unloaded(ctx, usable)
    return plan


def _first_time(ctx: PlanContext) -> Plan:
    rx = ctx.rx
    if rx.load is not None and rx.unit is not None:
        load = ctx.round(convert(rx.load, rx.unit, ctx.unit))
        note = "" if rx.unit == ctx.unit else f" ({format_load(rx.load, rx.unit)} converted)"
        ctx.say(f"first time: the program's {format_load(load, ctx.unit)}{note}")
        return ctx.plan(rx.sets, rx.reps_min, load)
    hold = rx.hold_seconds or ctx.exercise.hold_seconds
    work = f"{hold} s" if hold else plural(rx.reps_min, "rep")
    task = "" if ctx.exercise.equipment in ("bodyweight", "band") else "pick a load you can do for "
    ctx.say(f"no history yet: {task}{work} at RPE {rx.target_rpe:g}")
    return ctx.plan(rx.sets, rx.reps_min, None)


def _unloaded(ctx: PlanContext, history: Sequence[SessionSets]) -> Plan:
    rx, last = ctx.rx, history[0]
    counted = [s.reps for s in work_sets(last) if s.reps]
    if not counted:
        ctx.say("last time was timed work: keep the prescription")
        return ctx.plan(rx.sets, rx.reps_min, None)
    done, reps = len(counted), min(counted)
    rpes = [s.rpe for s in work_sets(last) if s.rpe is not None]
    sets = max(rx.sets, min(done, rx.sets + EXTRA_SETS))
    ctx.say(f"last time {done} x {reps}" + (f" @ {rpe_text(max(rpes))}" if rpes else ""))
    if ctx.deload:
        sets, reps = min(rx.sets, done), min(rx.reps_min, reps)
        ctx.say(f"deload: {sets} x {reps}, easy")
        return ctx.plan(sets, reps, None)
    if week_changed(ctx, last):
        ctx.say(f"new targets: start at {plural(rx.reps_min, 'rep')}")
        return ctx.plan(rx.sets, rx.reps_min, None)
    if reps < rx.reps_min:
        ctx.say(f"missed reps: stay at {rx.reps_min}")
        return ctx.plan(sets, rx.reps_min, None)
    reps = min(reps, rx.reps_max)
    if rx.progression == "none":
        ctx.say(f"no progression on this one (the program's rule): {rx.sets} x {reps}, as last time")
        return ctx.plan(rx.sets, reps, None)
    if rx.progression == "load_steps":
        ctx.say("no load to add a step to: one more rep, or a set, every two weeks instead")
    diff = sum(rpes) / len(rpes) - rx.target_rpe if rpes else 0.0
    if diff >= 1:
        reps = max(rx.reps_min, reps - 1)
        ctx.say(f"harder than target @ {rx.target_rpe:g}: one rep fewer, {sets} x {reps}")
    elif diff > 0:
        ctx.say(f"a little over target @ {rx.target_rpe:g}: same {sets} x {reps}")
    else:
        def level(session: SessionSets) -> tuple[int, int]:
            got = [s.reps for s in work_sets(session) if s.reps]
            return (len(got), min(got, default=0))

        sets, reps = slow_step(ctx, history, sets, reps, level, now=diff <= -1)
    return ctx.plan(sets, reps, None)


_RAMP = (0.8, 0.875, 0.95)  # of the pre-layoff load, for the 1st, 2nd and 3rd session back


def _after_layoff(ctx: PlanContext, state: LiftState) -> Plan:
    """Back after a layoff: say how long it was, start the block again, ramp the load back."""
    rx = ctx.rx
    last = state.before_layoff[0]
    back = len(state.sessions)
    factor = _RAMP[min(back, len(_RAMP) - 1)]
    weeks = (state.layoff_days or 0) // 7
    gap = f"back after {weeks} weeks off (last on {last.date:%d %b %Y})"
    step = f"session {back + 1} of {RAMP_SESSIONS} back"
    reference = smoothed_e1rm(state.before_layoff, ctx.unit)
    top = top_sets(last.sets, ctx.unit)
    if top is None or reference is None or ctx.exercise.pattern == "carry" or rx.hold_seconds:
        ctx.say(f"{gap}: {step}, {rx.sets} x {rx.reps_min}, easy (RPE {rx.target_rpe:g} at most)")
        load = None if top is None else ctx.round(top.load * factor, "down")
        return ctx.plan(rx.sets, rx.reps_min, load)
    full = load_for(reference.value, rx.reps_min, rx.target_rpe)
    if ctx.deload and ctx.week is not None:
        full *= min(ctx.week.load_factor, 1.0)
    load = ctx.round(full * factor, "down")
    if state.sessions:
        newest = top_sets(state.sessions[0].sets, ctx.unit)
        hard = newest is not None and newest.hardest_rpe is not None and newest.hardest_rpe > rx.target_rpe + 0.5
        if newest is not None and hard and load > newest.load:
            load = ctx.round(newest.load)
            ctx.say(f"{gap}: {step}, hold {format_load(load, ctx.unit)}: it was hard last time ({newest.describe()})")
            return ctx.plan(rx.sets, rx.reps_min, load, reference)
    percent = f"{factor * 100:.1f}".removesuffix(".0")
    ctx.say(
        f"{gap}: {step}, {percent} % of {format_load(ctx.round(full), ctx.unit)} "
        f"(from the e1RM before the break, {format_load(round(reference.value, 1), ctx.unit)})"
    )
    return ctx.plan(rx.sets, rx.reps_min, load, reference)

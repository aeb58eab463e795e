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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .blocks import SessionSets, apply_week, group_history  # noqa: F401 (re-exported)
from .bodyweight import Bodyweights, belt_text, moved, with_bodyweight
from .common import Emphasis, Equipment, Pattern
from .daily import RecoveryNote
from .journal import LoggedSet
from .library import Exercise, Prescription, WeekPlan
from .lift_state import RAMP_SESSIONS, LiftState, lift_state, smoothed_e1rm
from .plates import Direction, exercise_settings, next_loadable, round_for_exercise, within_cap
from .readiness import Readiness, adjust_for_readiness, exercise_regions
from .rpe import WORK_SET_TYPES, E1rm, TopSets, load_for, rpe_text, top_sets
from .settings import Settings
from .sides import weaker_side, weaker_side_history
from .units import Unit, convert, format_load
from .wording import plural

SLOW_STEP_DAYS = 14
EXTRA_SETS = 2  # the most sets slow progression adds above the prescription
# Rounding that moves a load by more than this fraction is said: the lifter sees why.
ROUNDING_NOTE = 0.02
# An RPE this far from the session before is a surprise: it moves the load one step only.
SURPRISE_RPE = 1.5
# How far below last block's load the recent e1RM may point before it overrules it.
LAST_BLOCK_SLACK = 0.05


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
class _Context:
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


def _change(old: float, new: float, unit: Unit) -> str:
    if abs(new - old) < 1e-6:
        return f"same {format_load(new, unit)}"
    percent = (new / old - 1) * 100 if old else 0.0
    return f"{percent:+.0f} % to {format_load(new, unit)}"


def _same(lifted: float, load: float, unit: Unit) -> str:
    """'same 60 kg', or what rounding made of a load the equipment cannot make."""
    if abs(load - lifted) < 1e-6:
        return f"same {format_load(load, unit)}"
    return f"{format_load(load, unit)} (the nearest you can load to the {format_load(lifted, unit)} lifted)"


# The same names History uses: RTS is the chart (up to 12 reps with an RPE), the others formulas.
_METHOD_TEXT = {"rts": "RTS", "epley": "Epley", "brzycki": "Brzycki"}


def _e1rm_text(value: float, method: str | None, unit: Unit) -> str:
    """'e1RM 141.2 kg by RTS': the estimate a load came from and how it was made."""
    how = f" by {_METHOD_TEXT.get(method, method)}" if method else ""
    return f"e1RM {format_load(round(value, 1), unit)}{how}"


def _work(session: SessionSets) -> list[LoggedSet]:
    return [s for s in session.sets if s.set_type in WORK_SET_TYPES and (s.reps or s.seconds or s.distance_m)]


def _week_changed(ctx: _Context, last: SessionSets) -> bool:
    """Whether the last session was planned with another rep range or RPE (a new week)."""
    old = (last.reps_min, last.reps_max, last.target_rpe)
    new = (ctx.rx.reps_min, ctx.rx.reps_max, ctx.rx.target_rpe)
    return any(was is not None and was != now for was, now in zip(old, new, strict=True))


# What a session reached (sets and reps, or load and sets): a level held two weeks earns a step.
Level = Callable[[SessionSets], tuple[float, ...]]


def _days_at_level(ctx: _Context, history: Sequence[SessionSets], level: Level) -> int:
    """Days the newest sessions have stayed at the same level with the RPE on target."""
    start = history[0].date
    for session in history:
        rpes = [s.rpe for s in _work(session) if s.rpe is not None]
        if level(session) != level(history[0]) or any(r > ctx.rx.target_rpe + 0.5 for r in rpes):
            break
        start = session.date
    return ((ctx.today or history[0].date) - start).days


def _slow_step(
    ctx: _Context, history: Sequence[SessionSets], sets: int, reps: int, level: Level, now: bool
) -> tuple[int, int]:
    """Add a rep (or at the top a set) if two weeks passed at this level, or `now`."""
    days = _days_at_level(ctx, history, level)
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


def _first_time(ctx: _Context) -> Plan:
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


def _unloaded(ctx: _Context, history: Sequence[SessionSets]) -> Plan:
    rx, last = ctx.rx, history[0]
    counted = [s.reps for s in _work(last) if s.reps]
    if not counted:
        ctx.say("last time was timed work: keep the prescription")
        return ctx.plan(rx.sets, rx.reps_min, None)
    done, reps = len(counted), min(counted)
    rpes = [s.rpe for s in _work(last) if s.rpe is not None]
    sets = max(rx.sets, min(done, rx.sets + EXTRA_SETS))
    ctx.say(f"last time {done} x {reps}" + (f" @ {rpe_text(max(rpes))}" if rpes else ""))
    if ctx.deload:
        sets, reps = min(rx.sets, done), min(rx.reps_min, reps)
        ctx.say(f"deload: {sets} x {reps}, easy")
        return ctx.plan(sets, reps, None)
    if _week_changed(ctx, last):
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
            got = [s.reps for s in _work(session) if s.reps]
            return (len(got), min(got, default=0))

        sets, reps = _slow_step(ctx, history, sets, reps, level, now=diff <= -1)
    return ctx.plan(sets, reps, None)


def _previous_rpe(history: Sequence[SessionSets]) -> float | None:
    """The average RPE of the session before the last at its top load (deloads skipped)."""
    earlier = [s for s in history[1:] if not s.deload]
    if not earlier:
        return None
    found = top_sets([s for s in earlier[0].sets if s.set_type != "failure"], "kg")
    return found.avg_rpe if found else None


def _verdict_sets(sets: Sequence[LoggedSet], unit: Unit) -> TopSets | None:
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


_RAMP = (0.8, 0.875, 0.95)  # of the pre-layoff load, for the 1st, 2nd and 3rd session back


def _after_layoff(ctx: _Context, state: LiftState) -> Plan:
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


def _stepped(ctx: _Context, history: Sequence[SessionSets], last_load: float) -> Plan:
    """Carries and holds: one loadable step by RPE; the chart says nothing about them."""
    work = _work(history[0])
    rpes = [s.rpe for s in work if s.rpe is not None]
    diff = sum(rpes) / len(rpes) - ctx.rx.target_rpe if rpes else 0.0
    load = ctx.round(last_load)
    if ctx.rx.progression == "none" and not ctx.deload:
        ctx.say(f"no progression on this one (the program's rule): {_same(last_load, load, ctx.unit)}, as last time")
        return ctx.plan(ctx.rx.sets, ctx.rx.reps_min, load)
    if diff <= -1 and not ctx.deload:
        load = ctx.capped(ctx.step(last_load, up=True), last_load)
    elif diff >= 1 or ctx.deload:
        load = ctx.capped(ctx.step(last_load, up=False), last_load)
    effort = f" @ {rpe_text(max(rpes))}" if rpes else ""
    ctx.say(f"last time {format_load(last_load, ctx.unit)}{effort}: {_change(last_load, load, ctx.unit)}")
    sets = min(ctx.rx.sets, len(work)) if ctx.deload else ctx.rx.sets
    return ctx.plan(sets, ctx.rx.reps_min, load)


def _deload(ctx: _Context, last: SessionSets, top: TopSets) -> Plan:
    rx = ctx.rx
    volume = sum(s.reps or 0 for s in _work(last))
    sets, reps = max(1, min(rx.sets, len(_work(last)))), rx.reps_min
    while sets > 1 and sets * reps > volume:
        sets -= 1
    reps = min(reps, max(1, volume // sets))
    factor = ctx.week.load_factor if ctx.week else 1.0
    wanted = min(top.load * min(factor, 1.0), load_for(top.e1rm.value, reps, rx.target_rpe) if top.e1rm else top.load)
    load = min(ctx.round(wanted, "down"), top.load)
    ctx.say(f"deload from {top.describe()}: {sets} x {reps}, {_change(top.load, load, ctx.unit)}")
    return ctx.plan(sets, reps, load, top.e1rm)


def _same_week_last_block(ctx: _Context, history: Sequence[SessionSets]) -> SessionSets | None:
    """The newest earlier session planned with this week's targets (the same week of the
    last block), if it is in the history read."""
    now = (ctx.rx.reps_min, ctx.rx.reps_max, ctx.rx.target_rpe)
    for session in history[1:]:
        if not session.deload and (session.reps_min, session.reps_max, session.target_rpe) == now:
            return session
    return None


def _from_last_block(ctx: _Context, history: Sequence[SessionSets], e1: float) -> Plan | None:
    """A new week of the block carries forward what the same week of the last block did:
    met at target, one more rep (a load step once the top of the range is reached); missed,
    the same again. None when that week is not in the history (the chart decides then)."""
    rx, unit = ctx.rx, ctx.unit
    lo, hi, target = rx.reps_min, rx.reps_max, rx.target_rpe
    prior = _same_week_last_block(ctx, history)
    top = _verdict_sets(prior.sets, unit) if prior is not None else None
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
        ctx.say(f"{same} topped the range: {_change(top.load, load, unit)}, back to {lo} reps")
    # Weaker now than then (a hard block, a bad month): the recent e1RM has the last word.
    chart = load_for(e1, reps, target)
    if chart < load * (1 - LAST_BLOCK_SLACK):
        lighter = ctx.round(chart, "down")
        ctx.say(
            f"but your recent e1RM ({format_load(round(e1, 1), unit)}) gives {format_load(lighter, unit)} for it: that"
        )
        load = lighter
    return ctx.plan(rx.sets, reps, load, top.e1rm)


def _loaded(ctx: _Context, history: Sequence[SessionSets], top: TopSets) -> Plan:
    rx, last, unit = ctx.rx, history[0], ctx.unit
    lo, hi, target = rx.reps_min, rx.reps_max, rx.target_rpe
    last_load, done, desc = top.load, top.min_reps, top.describe()
    if ctx.deload:
        return _deload(ctx, last, top)
    e1 = top.e1rm.value if top.e1rm else last_load
    method = top.e1rm.method if top.e1rm else None
    if _week_changed(ctx, last):
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
        ctx.say(f"new targets {lo}-{hi} @ {target:g}: from {desc} ({_e1rm_text(e1, method, unit)}), "
                f"{_change(last_load, load, unit)}")
        return ctx.plan(rx.sets, lo, load, top.e1rm)
    if rx.progression != "double":
        from .progression_rules import follow_rule

        ruled = follow_rule(ctx, history, top, rx.progression)
        if ruled is not None:
            return ruled
    if done < lo:
        load = ctx.capped(min(last_load, load_for(e1, lo, target)), last_load)
        change = "hold the load" if load >= last_load - 1e-6 else _change(last_load, load, unit)
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
                f"top of the range ({desc}, target @ {target:g}): {_change(last_load, load, unit)}, "
                f"back to {plural(lo, 'rep')}"
            )
            return ctx.plan(rx.sets, lo, load, top.e1rm)
        ctx.capped_note = ""
        ctx.say(f"top of the range ({desc}) but {format_load(next_step, unit)} is over the cap: same load")

        def level(session: SessionSets) -> tuple[float, int]:
            found = top_sets(session.sets, unit)
            return (found.load if found else 0.0, len(found.reps) if found else 0)

        sets = min(max(rx.sets, len(top.reps)), rx.sets + EXTRA_SETS)
        sets, reps = _slow_step(ctx, history, sets, hi, level, now=False)
        return ctx.plan(sets, reps, same_load, top.e1rm)
    if avg is None:
        ctx.say(
            f"no RPE logged ({desc}): {_same(last_load, same_load, unit)}, aim for {plural(min(done + 1, hi), 'rep')}"
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
                f"one step only, {_change(last_load, load, unit)}"
            )
            return ctx.plan(rx.sets, reps, load, top.e1rm)
    if abs(diff) >= 1:
        # Easier than target never lowers and harder never raises, even when more reps than
        # the range were done (the chart's load for fewer reps would be heavier).
        chart = load_for(e1, reps, target)
        load = ctx.capped(max(chart, last_load) if diff < 0 else min(chart, last_load), last_load)
        if abs(load - same_load) > 1e-6:
            ctx.say(f"last time {desc}, target @ {target:g} ({_e1rm_text(e1, method, unit)}): "
                    f"{_change(last_load, load, unit)}")
            return ctx.plan(rx.sets, reps, load, top.e1rm)
        ctx.capped_note = ""
        if diff >= 1:
            ctx.say(f"last time {desc}, over target @ {target:g}: the chart's {format_load(round(chart, 1), unit)} "
                    f"rounds to {_same(last_load, same_load, unit)}")
            return ctx.plan(rx.sets, reps, same_load, top.e1rm)
    if diff > 0:
        ctx.say(
            f"last time {desc}, a little over target @ {target:g}: {_same(last_load, same_load, unit)} x {reps} again"
        )
        return ctx.plan(rx.sets, reps, same_load, top.e1rm)
    reps = min(done + 1, hi)
    ctx.say(
        f"last time {desc}, target @ {target:g}: {_same(last_load, same_load, unit)}, aim for {plural(reps, 'rep')}"
    )
    return ctx.plan(rx.sets, reps, same_load, top.e1rm)


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
    ctx = _Context(exercise, rx, week_plan, settings, today, [], state=state)
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
        plan = _from_history(ctx, [s for s in state.sessions if _work(s)])
    if readiness is not None:
        plan = adjust_for_readiness(plan, readiness, recent_notes, settings, exercise_regions(exercise))
    if body is not None and plan.load is not None:
        belt, said = belt_text(plan.load, body[0], settings.unit, body[1])
        plan = dataclasses.replace(plan, load=belt, reasons=[*plan.reasons, said])
    return plan


def _from_history(ctx: _Context, usable: list[SessionSets]) -> Plan:
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
        top = _verdict_sets(last.sets, settings.unit)
        for other in sorted({s.unit for s in _work(last) if s.load is not None and s.unit != settings.unit}):
            original = top_sets([s for s in last.sets if s.unit == other], other)
            shown = ""
            if original is not None:
                converted = round(convert(original.load, other, settings.unit), 2)
                shown = f": {format_load(original.load, other)} = {format_load(converted, settings.unit)}"
            ctx.say(f"logged in {other}{shown}, planned in {settings.unit}")
        loads = [convert(s.load, s.unit, settings.unit) for s in _work(last) if s.load is not None]
        if loads and (exercise.pattern == "carry" or rx.hold_seconds or exercise.hold_seconds or top is None):
            plan = _stepped(ctx, usable, max(loads))
        elif top is not None:
            plan = _loaded(ctx, usable, top)
        else:
            plan = _unloaded(ctx, usable)
    return plan

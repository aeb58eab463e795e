"""`gymtui next`: the next session as text for a terminal, or as JSON rows for scripts.

Plain functions of a SessionPlan (no store, no Textual), so the wording is tested alone.
The text fits 80 columns: one line per exercise, its reasons wrapped below it.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from ..domain.progression import Plan
from ..domain.rpe import rpe_text
from ..domain.units import format_load
from .planning import SessionPlan

WIDTH = 80
NAME_WIDTH = 24
# The fields every JSON row starts with, in this order (more may follow).
JSON_FIELDS = ("exercise", "sets", "reps", "load", "unit", "tempo", "target_rpe", "reason")


def sets_text(plan: Plan) -> str:
    """'4 x 8 (8-12)', '3 x 5', or '3 x 40 s' for a hold or a carry."""
    if plan.hold_seconds:
        return f"{plan.sets} x {plan.hold_seconds} s"
    if plan.reps_min != plan.reps_max:
        return f"{plan.sets} x {plan.reps} ({plan.reps_min}-{plan.reps_max})"
    return f"{plan.sets} x {plan.reps}"


def load_text(plan: Plan) -> str:
    """The load with its unit; 'bw' for bodyweight, 'choose' when there is nothing to go on."""
    if plan.load is None:
        return "bw" if plan.equipment in ("bodyweight", "band") else "choose"
    return format_load(plan.load, plan.unit)


# Never break a line between a figure and its unit, or inside "x 8" and "@ 9.5".
_GLUED = re.compile(r"(?<=\d) (?=kg\b|lb\b|%)|(?<=\bx) (?=\d)|(?<=@) (?=\d)")
_NBSP = "\u00a0"


def wrap_reasons(lines: list[str], width: int = WIDTH) -> list[str]:
    """Each reason as a bullet, wrapped to `width`, a load never split from its unit."""
    out = []
    for line in lines:
        glued = _GLUED.sub(_NBSP, line)
        wrapped = textwrap.wrap(glued, width, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False)
        out += [part.replace(_NBSP, " ") for part in wrapped]
    return out


def _wrapped(lines: list[str], width: int) -> list[str]:
    return [part for line in lines for part in textwrap.wrap(line, width, subsequent_indent="  ")]


def _deload_line(plan: SessionPlan) -> str:
    if not plan.deload:
        return "Deload: no"
    if plan.early_deload:
        planned = plan.program.cycle[plan.block_week - 1].emphasis
        return f"Deload: yes, early (instead of the {planned} week)"
    return "Deload: yes"


def header_lines(plan: SessionPlan, width: int = WIDTH) -> list[str]:
    """Day, block week and emphasis, deload status and readiness, each with why."""
    cycle = plan.program.cycle
    emphasis = cycle[plan.block_week - 1].emphasis
    started = f", block weeks from {plan.program_start:%a %Y-%m-%d}" if plan.program_start else ""
    early = ", taken as a deload" if plan.early_deload else ""
    lines = _wrapped(
        [
            f"Next session: {plan.day.name} ({plan.day.id}), {plan.today:%a %Y-%m-%d}",
            f"Program: {plan.program.name}{started}",
            f"Block: week {plan.block_week} of {len(cycle)}, {emphasis}{early}",
        ],
        width,
    )
    if plan.week_plan.description:
        lines += textwrap.wrap(plan.week_plan.description, width, initial_indent="  ", subsequent_indent="  ")
    lines.append(_deload_line(plan))
    lines += wrap_reasons(plan.block_reasons, width)
    lines.append(f"Readiness: {plan.readiness.score}/100, {plan.readiness.level}")
    lines += wrap_reasons(plan.readiness.parts, width)
    return lines


def exercise_lines(plan: SessionPlan, width: int = WIDTH) -> list[str]:
    """A small table, each exercise followed by its reasons."""
    lines = [f"{'Exercise':<{NAME_WIDTH}}  {'Sets x reps':<14}  {'Load':<9}  {'Tempo':<8}  RPE"]
    for item in plan.exercises:
        p = item.plan
        name = item.exercise.name
        if len(name) > NAME_WIDTH:
            name = name[: NAME_WIDTH - 1] + "~"
        lines.append(
            f"{name:<{NAME_WIDTH}}  {sets_text(p):<14}  {load_text(p):<9}  {p.tempo:<8}  @{rpe_text(p.target_rpe)}"
        )
        lines += wrap_reasons(p.reasons or ["as prescribed"], width)
    return lines


def report_text(plan: SessionPlan, width: int = WIDTH) -> str:
    return "\n".join([*header_lines(plan, width), "", *exercise_lines(plan, width)]) + "\n"


def _e1rm(plan: Plan) -> dict[str, Any] | None:
    """The lift's estimated 1RM as the plan used it: figure, unit and method ("rts": the
    chart; "brzycki" or "epley": a rep formula)."""
    if plan.e1rm is None:
        return None
    return {"value": round(plan.e1rm.value, 1), "unit": plan.unit, "method": plan.e1rm.method}


def session_fields(plan: SessionPlan) -> dict[str, Any]:
    """What every JSON row repeats about the session: block week, deload and readiness."""
    return {
        "day": plan.day.id,
        "date": plan.today.isoformat(),
        "block_week": plan.block_week,
        "block_weeks": len(plan.program.cycle),
        "block_emphasis": plan.program.cycle[plan.block_week - 1].emphasis,
        "deload": plan.deload,
        "deload_early": plan.early_deload,
        "deload_reasons": list(plan.block_reasons),
        "readiness": {
            "score": plan.readiness.score,
            "level": plan.readiness.level,
            "parts": list(plan.readiness.parts),
        },
    }


def report_rows(plan: SessionPlan) -> list[dict[str, Any]]:
    """One object per exercise: JSON_FIELDS first, then details for scripts, then the
    session's block week, deload (with why) and readiness, the same in every row."""
    rows = []
    session = session_fields(plan)
    for item in plan.exercises:
        p = item.plan
        rows.append(
            {
                "exercise": item.exercise.id,
                "sets": p.sets,
                "reps": p.reps,
                "load": p.load,
                "unit": p.unit,
                "tempo": p.tempo,
                "target_rpe": p.target_rpe,
                "reason": "; ".join(p.reasons),
                "name": item.exercise.name,
                "reps_min": p.reps_min,
                "reps_max": p.reps_max,
                "hold_seconds": p.hold_seconds,
                "rest_seconds": p.rest_seconds,
                "emphasis": p.emphasis,
                "reasons": list(p.reasons),
                "e1rm": _e1rm(p),
                **session,
            }
        )
    return rows

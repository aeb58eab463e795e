"""Text for screens: loads, rep targets, rests. Plain functions, tested without Textual."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.units import format_load

if TYPE_CHECKING:
    from ..domain.progression import Plan


def reps_text(plan: Plan) -> str:
    if plan.hold_seconds:
        return f"{plan.sets} x {plan.hold_seconds} s"
    if plan.reps_min != plan.reps_max and plan.reps not in (plan.reps_min, plan.reps_max):
        return f"{plan.sets} x {plan.reps} ({plan.reps_min}-{plan.reps_max})"
    return f"{plan.sets} x {plan.reps}"


def load_text(plan: Plan) -> str:
    if plan.load is None:
        return "bw" if plan.equipment == "bodyweight" else "choose"
    return format_load(plan.load, plan.unit)


def rest_text(seconds: int) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def clock_text(seconds: float) -> str:
    """A countdown as M:SS, rounding up so 0:00 shows only at the very end."""
    whole = max(0, int(-(-seconds // 1)))
    return rest_text(whole)


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def day_title(day: date) -> str:
    """'Monday 16 November': the header's date, in English whatever the system's locale."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def ago(day: date, today: date) -> str:
    """'today', 'yesterday', '3 days ago', '2 weeks ago' (pendulum's wording)."""
    if day == today:
        return "today"
    if (today - day).days == 1:
        return "yesterday"
    import pendulum  # not at import: the rest bar uses this module before the first frame

    then = pendulum.date(day.year, day.month, day.day)
    return then.diff_for_humans(pendulum.date(today.year, today.month, today.day), absolute=True) + " ago"

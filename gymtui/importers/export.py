"""Strong-style comma CSV: the layout most third-party analysis tools read.

Strong's file has no unit column, so the whole file is written in one unit (a parameter)
and every load is converted to it; reading it back needs that same unit.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

import pendulum

from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise
from gymtui.domain.units import Unit, convert

from .strong import DISTANCE_FOR_UNIT
from .values import metres_per, spreadsheet_text

STRONG_HEADER = [
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
]
_SET_ORDER_LETTERS = {"warmup": "W", "failure": "F", "drop": "D"}


def _set_order_letter(logged: LoggedSet) -> str | None:
    """Strong marks a missed attempt as a failure set with 0 reps ('F'), which is how its own
    files hold one and how gymtui reads one back; a missed warm-up or drop set keeps its type."""
    if logged.missed and logged.set_type == "working":
        return "F"
    return _SET_ORDER_LETTERS.get(logged.set_type)


def format_duration(seconds: float) -> str:
    """Strong's way: '31m', '1h', '2h 18m' (whole minutes)."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}h {minutes}m"
    return f"{hours}h" if hours else f"{minutes}m"


def _number(value: float) -> str:
    """Strong writes decimals ('35.0', '82.5'); repr keeps every digit a float has."""
    return repr(float(value))


def _local(moment: datetime, tz: str | None) -> datetime:
    return pendulum.instance(moment).in_timezone(tz) if tz else moment


def export_strong_csv(
    sessions: Iterable[Session],
    sets: Iterable[LoggedSet],
    exercises: Iterable[Exercise],
    *,
    unit: Unit = "kg",
    tz: str | None = None,
) -> str:
    """Every set of the given sessions as a Strong comma CSV (12 columns, with RPE).

    Loads are converted to `unit` (rounded to 4 decimals when converted, exact otherwise);
    distances are written in km with kg and in miles with lb, as the Strong app pairs them.
    Times are written as local wall-clock time: in `tz` if given, else in each session's
    own offset. Sets whose session is not given are left out.
    """
    names = {exercise.id: exercise.name for exercise in exercises}
    by_session: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        by_session.setdefault(logged.session_id, []).append(logged)
    per_metre = 1 / metres_per(DISTANCE_FOR_UNIT[unit])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_HEADER)
    for session in sorted(sessions, key=lambda s: s.started_at):
        date_text = _local(session.started_at, tz).strftime("%Y-%m-%d %H:%M:%S")
        duration = ""
        if session.finished_at is not None and session.finished_at >= session.started_at:
            duration = format_duration((session.finished_at - session.started_at).total_seconds())
        numbered: dict[str, int] = {}
        for logged in sorted(by_session.get(session.id, []), key=lambda s: s.logged_at):
            letter = _set_order_letter(logged)
            if letter is None:
                numbered[logged.exercise] = numbered.get(logged.exercise, 0) + 1
            load = 0.0
            if logged.load is not None:
                load = convert(logged.load, logged.unit, unit)
                load = round(load, 4) if logged.unit != unit else load
            writer.writerow([
                date_text,
                spreadsheet_text(session.name),
                duration,
                spreadsheet_text(names.get(logged.exercise, logged.exercise)),
                letter or numbered[logged.exercise],
                _number(load),
                logged.reps or 0,
                _number(round(logged.distance_m * per_metre, 6)) if logged.distance_m else "0",
                _number(logged.seconds or 0),
                spreadsheet_text(logged.note),
                spreadsheet_text(session.notes),
                "" if logged.rpe is None else f"{logged.rpe:g}",
            ])
    return out.getvalue()

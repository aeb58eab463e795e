"""Logging sets outside the workout screen (the CLI): find or open the day's session."""

from __future__ import annotations

from datetime import date

import pendulum

from ..domain.entry import Entry
from ..domain.journal import LoggedSet, Session, SetType, Side
from ..domain.library import Exercise
from ..domain.plates import off_the_steps
from ..domain.settings import Settings
from ..domain.units import format_load
from ..store import Store


def session_for_day(store: Store, day: date, now: pendulum.DateTime) -> Session:
    """The day's session in progress, else the day's latest, else a new one."""
    sessions = store.sessions_on(day)
    for session in sessions:
        if session.status == "in_progress":
            return session
    if sessions:
        return sessions[0]
    started = now if day == now.date() else pendulum.datetime(day.year, day.month, day.day, 12, tz=now.timezone)
    return store.save_session(
        Session(date=day, started_at=started, name="Logged from the command line", status="done", source="cli")
    )


def log_entries(
    store: Store,
    exercise: Exercise,
    entries: list[Entry],
    *,
    day: date,
    now: pendulum.DateTime,
    tempo: str | None = None,
    set_type: SetType = "working",
    side: Side | None = None,
    note: str = "",
) -> tuple[Session, list[LoggedSet]]:
    """Validate every set first, then store them: a bad entry stores nothing."""
    session_stamp = now if day == now.date() else pendulum.datetime(day.year, day.month, day.day, 12, tz=now.timezone)
    planned = [
        LoggedSet(
            session_id="pending",
            exercise=exercise.id,
            load=entry.load,
            unit=entry.unit,
            reps=entry.reps,
            seconds=entry.seconds,
            missed=entry.reps == 0,
            rpe=entry.rpe,
            tempo=tempo,
            set_type=set_type,
            side=side,
            note=note,
            logged_at=session_stamp.add(microseconds=1000 * index),
            source="cli",
        )
        for index, entry in enumerate(entries)
    ]
    session = session_for_day(store, day, now)
    stored = [store.add_set(logged.model_copy(update={"session_id": session.id})) for logged in planned]
    return session, stored


def off_step_warnings(exercise: Exercise, entries: list[Entry], settings: Settings) -> list[str]:
    """A sentence for each dumbbell (or kettlebell) load the settings' dumbbell step does not
    make: kept as typed (a gym may have odd bells), but said, with the nearest ones."""
    warnings = []
    seen: set[tuple[float, str]] = set()
    for entry in entries:
        if entry.load is None or (entry.load, entry.unit) in seen:
            continue
        seen.add((entry.load, entry.unit))
        near = off_the_steps(entry.load, entry.unit, exercise.equipment, settings)
        if near is None:
            continue
        step = format_load(settings.dumbbell_step(entry.unit), entry.unit)
        below, above = (format_load(load, entry.unit) for load in near)
        nearest = f"the lightest is {above}" if below == above else f"the nearest are {below} and {above}"
        warnings.append(
            f"{format_load(entry.load, entry.unit)} is not a {exercise.equipment} your settings know "
            f"(steps of {step}: {nearest}); stored as typed. If your {exercise.equipment}s go "
            f"in other steps, change Dumbbell step in Settings."
        )
    return warnings

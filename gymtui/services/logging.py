"""Logging sets outside the workout screen (the CLI): find or open the day's session."""

from __future__ import annotations

from datetime import date

import pendulum

from ..domain.entry import Entry
from ..domain.journal import LoggedSet, Session, SetType, Side
from ..domain.library import Exercise
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

"""Which program day and which Monday of the block: the rotation of the program's days and
the start its block weeks count from, read from the journal."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.journal import Session
from ..domain.library import Day, Program
from ..domain.settings import Settings
from ..store import Store

ROTATION_LOOKBACK = 20  # sessions read to find the last program day trained


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def program_start(store: Store, settings: Settings, today: date) -> date:
    """The Monday block weeks count from.

    Settings hold it once the app has started; before that (a lifter using only the command
    line) the week of the oldest journal file stands in, so the weeks still advance.
    """
    if settings.program_start is not None:
        return monday_of(settings.program_start)
    parts = store.parts()  # week keys like '2026-W47', newest first; a folder listing, no reading
    if parts:
        year, week = parts[-1].split("-W")
        oldest = date.fromisocalendar(int(year), int(week), 1)
        if oldest <= today:
            return oldest
    return monday_of(today)


def _todays_session(store: Store, today: date) -> Session | None:
    sessions = store.sessions_on(today)
    return next((s for s in sessions if s.status == "in_progress"), sessions[0] if sessions else None)


def history_cutoff(store: Store, today: date) -> date:
    """Sessions before this date make the plan: today's own count once it is finished."""
    session = _todays_session(store, today)
    return today if session is not None and session.status == "in_progress" else today + timedelta(days=1)


def day_of_session(program: Program, store: Store, session: Session) -> Day | None:
    """The program day a session trained: its own mark, else the day sharing most exercises.

    Sessions logged from the command line or imported carry no program day; their sets say.
    A freestyle session is no program day, whatever it trained: the rotation goes on past it.
    """
    if session.freestyle:
        return None
    if session.program_day is not None:
        return next((d for d in program.days if d.id == session.program_day), None)
    trained = {s.exercise for s in store.session_sets(session.id) if s.set_type != "warmup"}
    best, overlap = None, 0
    for day in program.days:
        shared = len(trained & {rx.exercise for rx in day.prescriptions})
        if shared > overlap:
            best, overlap = day, shared
    return best


def next_day(program: Program, store: Store, today: date) -> Day:
    """Today's day if a session is in progress, else the day after the last one trained."""
    for count, session in enumerate(store.iter_sessions(before=today + timedelta(days=1))):
        if count >= ROTATION_LOOKBACK:
            break
        day = day_of_session(program, store, session)
        if day is None:
            continue
        if session.date == today and session.status == "in_progress":
            return day
        return program.days[(program.days.index(day) + 1) % len(program.days)]
    return program.days[0]

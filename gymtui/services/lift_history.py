"""The history a lift is planned from: its recent sessions read with the targets of their
block week, the deloads taken early, and the bodyweights a lift moving the body needs.

Reads a bounded amount: the last few sessions of each lift, the sessions of the last seven
weeks for an early deload, a year of bodyweights at most.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..domain.blocks import SessionSets, group_history, week_of_block
from ..domain.bodyweight import Bodyweights, with_bodyweight
from ..domain.common import Equipment
from ..domain.deload import MAX_WEEKS_WITHOUT_DELOAD, lift_fatigue
from ..domain.journal import LoggedSet, Session
from ..domain.library import Exercise, Prescription, Program, WeekPlan
from ..domain.lift_state import fatigue_window, without_outliers
from ..domain.lift_weeks import LiftWeeks, lift_weeks
from ..domain.rpe import WORK_SET_TYPES, top_sets
from ..domain.settings import Settings
from ..domain.units import Unit
from ..store import Store
from .program_days import monday_of

# Main lifts: enough for the e1RM trend (4 sessions), the same week of the last block and the
# lift's own block weeks (about three months of twice-weekly training). Other exercises: the
# trend and two weeks of slow progression. Older sets say little about today.
HISTORY_SESSIONS = 24
ACCESSORY_SESSIONS = 8
BODYWEIGHT_LOOKBACK_DAYS = 31
BODYWEIGHT_YEARS = 1
# An early deload older than this no longer changes the deload decision (one is due by then).
DELOAD_LOOKBACK_DAYS = 7 * (MAX_WEEKS_WITHOUT_DELOAD + 1)


def deload_starts(store: Store, before: date) -> dict[date, date]:
    """For each week (its Monday) with a session planned as a deload in the last seven weeks
    before `before`, the first day of that deload."""
    oldest = before - timedelta(days=DELOAD_LOOKBACK_DAYS)
    starts: dict[date, date] = {}
    for session in store.iter_sessions(before=before):
        if session.date < oldest:
            break
        if session.deload:
            monday = monday_of(session.date)
            starts[monday] = min(session.date, starts.get(monday, session.date))
    return starts


def last_deload(store: Store, before: date) -> date | None:
    """The start of the newest deload in the last seven weeks before `before`, if any."""
    return max(deload_starts(store, before).values(), default=None)


def _annotated(
    sessions: Iterable[Session], cycle: Sequence[WeekPlan], start: date, deloads: dict[date, date]
) -> list[Session]:
    """Sessions as the rules should read them.

    Without a block week (command line, imports) a session gets the one its date fell in, so
    its targets are known; days before the program started stay without one. Once a deload
    began in a week, the rest of that week was planned as a deload, however the sessions
    were logged (`gymtui log` does not know the plan).
    """
    found = []
    for session in sessions:
        update: dict[str, object] = {}
        if session.block_week is None and session.date >= start:
            update["block_week"] = week_of_block(start, session.date, len(cycle))
        began = deloads.get(monday_of(session.date))
        if not session.deload and began is not None and session.date >= began:
            update["deload"] = True
        found.append(session.model_copy(update=update) if update else session)
    return found


def lift_history(
    store: Store, program: Program, rx: Prescription, start: date, cutoff: date, deloads: dict[date, date],
    today: date | None = None, equipment: Equipment = "barbell", unit: Unit = "kg",
) -> tuple[list[SessionSets], LiftWeeks | None]:
    """The history a lift is planned from: its recent sessions (newest first, as
    `SessionSets` with each session's sets of `rx.exercise`) and, for a lift that follows the
    block, the lift's own block weeks (`LiftWeeks`, else None).

    Each session takes the targets of its own block week (counted from `start`, the program's
    first Monday), and is a deload session when it fell in a deload week: the cycle's, one
    started early (`deloads`: Monday -> the date it began), or one the lift took because it
    was fatigued. Sessions from `cutoff` on are left out, and so is the session in progress
    `today` (the one being planned); `equipment` and `unit` read the top sets that measure
    fatigue. Reads the store; the planner, the workout's re-plan and a freestyle session's
    added exercise all plan from this."""
    count = HISTORY_SESSIONS if rx.follows_block else ACCESSORY_SESSIONS
    # The session in progress today is what is being planned; a session finished earlier
    # today (a morning logged from the command line) is history like any other.
    day = today or cutoff
    recent = [
        (session, sets) for session, sets in store.recent_sets(
            rx.exercise, sessions=count + 1, before=max(cutoff, day + timedelta(days=1)))
        if not (session.status == "in_progress" and session.date == day)
    ][:count]
    sessions = _annotated((s for s, _ in recent), program.cycle, start, deloads)
    sets: list[LoggedSet] = [logged for _, group in recent for logged in group]
    weeks = None
    if rx.follows_block:
        reps = {s.id: [x.reps or 0 for x in group if x.set_type in WORK_SET_TYPES] for s, group in recent}
        top = {s.id: max((x.load or 0.0 for x in group if x.set_type in WORK_SET_TYPES), default=0.0)
               for s, group in recent}
        walked = [(s.date, s.deload, reps.get(s.id, []), top.get(s.id, 0.0)) for s in sessions]
        clean = without_outliers(group_history(sessions, sets, rx.exercise), equipment, unit)

        tops = {id(s): top_sets(s.sets, unit) for s in clean}  # once, not once per week asked

        def fatigued(monday: date, skip: frozenset[date]) -> bool:
            window = (tops[id(s)] for s in fatigue_window(clean, monday, skip))
            return bool(lift_fatigue(rx.exercise, [t for t in window if t is not None]))

        weeks = lift_weeks(walked, program.cycle, start, today or cutoff, rx, fatigued)
        # Each session takes its lift week's targets; one in a week the lift was deloaded (the
        # cycle's, or an early one however it was logged) is a deload session.
        sessions = [
            s.model_copy(update={
                "block_week": weeks.by_date[s.date],
                "deload": s.deload or s.date >= weeks.deloads.get(monday_of(s.date), date.max),
            }) if s.date in weeks.by_date else s
            for s in sessions
        ]
    return group_history(sessions, sets, rx.exercise, program.cycle, rx), weeks


def bodyweights(
    store: Store, settings: Settings, lifts: Iterable[tuple[Exercise | None, list[SessionSets]]], today: date
) -> Bodyweights | None:
    """The dated bodyweights that lifts moving the body need, back to their oldest session
    read; None when none of `lifts` moves the body (nothing is read then)."""
    moving = [history for exercise, history in lifts if exercise is not None and exercise.bodyweight_share]
    if not moving:
        return None
    # Bounded: a lift last trained years ago must not read years of week files; sessions older
    # than that take the settings' (or the oldest known) bodyweight.
    oldest = max(min((s.date for history in moving for s in history), default=today),
                 today - timedelta(days=BODYWEIGHT_YEARS * 366))
    # A note from before the oldest session gives that session its bodyweight too.
    notes = store.recovery_between(oldest - timedelta(days=BODYWEIGHT_LOOKBACK_DAYS), today)
    return Bodyweights.from_notes(notes, settings.bodyweight_kg)


def history_with_bodyweight(
    exercise: Exercise | None, history: list[SessionSets], weights: Bodyweights | None, settings: Settings
) -> list[SessionSets]:
    """A lift's history as fatigue is judged: a lift moving the body counts it too."""
    if weights is None or exercise is None or not exercise.bodyweight_share:
        return history
    return with_bodyweight(history, exercise, weights, settings)

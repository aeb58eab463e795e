"""A small, fixed training history for the history screen's Pilot and snapshot tests."""

from __future__ import annotations

import pendulum

from app_factory import FROZEN_NOW
from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store

# (exercise, load or None, reps, rpe); load rises a little each session.
DAY_A = [("deadlift", 120.0, 5, 8.0), ("chest-supported-row", 50.0, 10, 8.0), ("face-pull", 20.0, 15, None)]
DAY_B = [("pull-up", None, 8, 9.0), ("romanian-deadlift", 90.0, 8, 7.5), ("bent-over-row", 70.0, 8, 8.5)]


def fill_history(store: Store, weeks: int = 8, per_week: int = 2) -> list[Session]:
    """`per_week` sessions in each of the `weeks` weeks before FROZEN_NOW (alternating days A
    and B, three sets per exercise), with checklist ticks and recovery notes. Bulk-written."""
    sessions: list[Session] = []
    sets: list[LoggedSet] = []
    checklist, recovery = [], []
    start = FROZEN_NOW.start_of("week").subtract(weeks=weeks).add(hours=18)
    n = 0
    for week in range(weeks):
        for slot in range(per_week):
            when: pendulum.DateTime = start.add(weeks=week, days=2 * slot)
            day = DAY_A if n % 2 == 0 else DAY_B
            session = Session(id=f"s{n:03d}", date=when.date(), started_at=when, finished_at=when.add(minutes=70),
                              status="done", name="Horizontal pull" if day is DAY_A else "Vertical pull")
            sessions.append(session)
            minute = 0
            for exercise, load, reps, rpe in day:
                for k in range(3):
                    sets.append(LoggedSet(
                        id=f"s{n:03d}-{minute}", session_id=session.id, exercise=exercise,
                        load=None if load is None else load + 2.5 * week, reps=reps - (k == 2), rpe=rpe,
                        tempo="3-1-1-0", logged_at=when.add(minutes=minute),
                    ))
                    minute += 3
            checklist.append(ChecklistEntry(date=when.date(), ticked=["wall-slides", "doorway-lat-stretch"],
                                            updated_at=when))
            recovery.append(RecoveryNote(date=when.date(), sleep_hours=7 + 0.5 * slot, soreness={"upper_back": 1},
                                         updated_at=when))
            n += 1
    store.add_many(sessions, sets)
    store.add_day_records(checklist, recovery)
    return sessions

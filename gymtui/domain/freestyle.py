"""Sessions the lifter shapes as they go: a freestyle session that starts empty, and any
exercise added at any place of a planned or freestyle session.

An added exercise is planned by the same rules as a planned one (`next_prescription`), from
its own history: the loads, reps and reasons read the same. Only the prescription (sets,
rep range, RPE, rest) has to come from somewhere else: the program in use when one of its
days holds the exercise, else a middle-of-the-road one said in the first reason.

Plain functions on the journal's `Session`: the workout controller calls them and saves
what they return.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime

from .blocks import SessionSets
from .bodyweight import Bodyweights
from .daily import RecoveryNote
from .journal import Session
from .library import Day, Exercise, Prescription, Program, WeekPlan
from .lift_state import LiftState
from .progression import Plan, next_prescription
from .readiness import Readiness
from .settings import Settings

FREESTYLE_DAY_ID = "freestyle"
FREESTYLE_NAME = "Freestyle"
# An exercise outside the program: three sets in the middle of the hypertrophy range, two
# reps in reserve; a timed one (a hold, a carry) three 30 s sets unless it says its own.
ADDED_SETS = 3
ADDED_REPS = (8, 12)
ADDED_RPE = 8.0
ADDED_HOLD_SECONDS = 30


def freestyle_day() -> Day:
    """The day a freestyle session plans: no exercise until the lifter adds one.

    A program day needs at least one exercise, so this one is built without validation; it
    never reaches a file (a freestyle session stores `freestyle=True`, no program day)."""
    return Day.model_construct(id=FREESTYLE_DAY_ID, name=FREESTYLE_NAME, focus="", prescriptions=[])


def is_timed_exercise(exercise: Exercise) -> bool:
    return exercise.timed or exercise.hold_seconds is not None or exercise.pattern == "carry"


def added_prescription(exercise: Exercise, program: Program | None, settings: Settings) -> tuple[Prescription, str]:
    """The prescription for `exercise` added to a session, and one sentence saying where it
    came from: the first day of `program` that holds it (its group label left behind: an
    added exercise is done on its own), else the default for an exercise outside the program."""
    if program is not None:
        for day in program.days:
            for rx in day.prescriptions:
                if rx.exercise == exercise.id:
                    said = (f"added today: {rx.sets} x {_range(rx)} @ {rx.target_rpe:g}, "
                            f"as {program.name} has it on {day.name}")
                    return rx.model_copy(update={"superset": None}), said
    if is_timed_exercise(exercise):
        hold = exercise.hold_seconds or ADDED_HOLD_SECONDS
        rx = Prescription(exercise=exercise.id, sets=ADDED_SETS, reps_min=1, reps_max=1, hold_seconds=hold,
                          target_rpe=ADDED_RPE, rest_seconds=settings.default_rest_seconds)
        said = f"added today, not in your program: {ADDED_SETS} x {hold} s @ {ADDED_RPE:g}"
        return rx, said
    low, high = ADDED_REPS
    rx = Prescription(exercise=exercise.id, sets=ADDED_SETS, reps_min=low, reps_max=high,
                      target_rpe=ADDED_RPE, rest_seconds=settings.default_rest_seconds)
    said = f"added today, not in your program: {ADDED_SETS} x {low}-{high} @ {ADDED_RPE:g}, two reps in reserve"
    return rx, said


def _range(rx: Prescription) -> str:
    if rx.hold_seconds and rx.reps_max <= 1:
        return f"{rx.hold_seconds} s"
    return f"{rx.reps_min}-{rx.reps_max}" if rx.reps_min != rx.reps_max else f"{rx.reps_min}"


def plan_added_exercise(
    history: Sequence[SessionSets],
    exercise: Exercise,
    settings: Settings,
    today: date,
    *,
    program: Program | None = None,
    week_plan: WeekPlan | None = None,
    readiness: Readiness | None = None,
    recent_notes: Sequence[RecoveryNote] = (),
    bodyweights: Bodyweights | None = None,
    state: LiftState | None = None,
) -> Plan:
    """The plan (sets, reps, load, tempo, rest and reasons) for `exercise` added to today's
    session, from its `history` (newest first) by the rules planned exercises follow.

    The prescription is `added_prescription`'s; the first reason says where it came from.
    `week_plan` is this week's of the block: it only changes an exercise the program runs on
    the block. `readiness` and `recent_notes` take load off for a poor day as for the rest.
    """
    rx, said = added_prescription(exercise, program, settings)
    plan = next_prescription(
        exercise, rx, week_plan if rx.follows_block else None, history, settings, readiness,
        recent_notes=recent_notes, today=today, bodyweights=bodyweights, state=state,
    )
    return dataclasses.replace(plan, reasons=[said, *plan.reasons])


# -- the session's list of exercises -----------------------------------------------------------


def start_freestyle(date_: date, started_at: datetime, name: str = FREESTYLE_NAME) -> Session:
    """A new freestyle session (in progress, empty, not stored yet): exercises come as the
    lifter adds them. It is no program day: the rotation of days goes on past it."""
    return Session(date=date_, name=name, started_at=started_at, freestyle=True, program_day=None)


def with_exercise_added(session: Session, exercise_id: str, at: int | None = None) -> Session:
    """`session` with `exercise_id` put at index `at` of its order (None or past the end: last).

    The position keeps pointing at the exercise the lifter was on (its index moves by one when
    the new one goes before it); the id is remembered in `added` so the exercise is not taken
    for a swap of a planned one. An exercise already in the session raises ValueError.
    """
    order = list(session.order)
    if exercise_id in order:
        raise ValueError(f"{exercise_id} is already in today's session: go to it instead")
    index = len(order) if at is None else max(0, min(at, len(order)))
    order.insert(index, exercise_id)
    card, slot = session.position
    if order[:-1] and index <= card:
        card += 1
    added = [*session.added, exercise_id] if exercise_id not in session.added else list(session.added)
    return Session.model_validate({**session.model_dump(), "order": order, "position": (card, slot), "added": added})


def with_exercise_removed(session: Session, exercise_id: str) -> Session:
    """`session` without an added exercise that has no logged set (the caller checks that),
    the position still on the exercise it was on (the next one when it was the removed one)."""
    order = list(session.order)
    if exercise_id not in order:
        return session
    index = order.index(exercise_id)
    order.remove(exercise_id)
    card, slot = session.position
    if index < card or (index == card and card >= len(order)):
        card, slot = max(0, card - 1), slot if index < card else 0
    elif index == card:
        slot = 0
    data = session.model_dump()
    data.update(order=order, position=(card, slot), added=[e for e in session.added if e != exercise_id],
                set_changes={k: v for k, v in session.set_changes.items() if k != exercise_id},
                skipped=[s for s in session.skipped if s[0] != exercise_id])
    return Session.model_validate(data)

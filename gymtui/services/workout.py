"""The store side of the workout screen: today's session read into a `Workout`, the plans of
exercises swapped in, the session finished.

The session model itself (cards, slots, the cursor and its rules) is `domain.session_model`;
the sentences are the UI's (`ui/screens/workout_text.py`). Every function here reads or
writes the store, so it is called from a worker thread only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pendulum

from ..domain.journal import LoggedSet, Session
from ..domain.library import Exercise, Prescription
from ..domain.progression import Plan, next_prescription
from ..domain.session_model import Card, Workout, build_slots
from ..domain.settings import Settings
from ..store import Store
from .daily import today_session
from .freestyle import add_exercise, freestyle_plan, plan_added, start_freestyle_session
from .library import Library
from .lift_history import bodyweights, deload_starts, lift_history
from .planning import RECOVERY_DAYS, PlannedExercise, SessionPlan
from .program_days import history_cutoff

SessionWorkout = Workout[SessionPlan]


def _planned_for(plan: SessionPlan, order: Sequence[str], library: Library,
                 added: Collection[str] = ()) -> list[tuple[str, PlannedExercise | None]]:
    """The session's exercises in its saved order, each with the day's plan.

    A swapped exercise is not in the day's plan: it takes the place of a planned exercise of
    the same pattern that the order no longer names (None when there is none). One the
    lifter added (`added`) takes no one's place: None.
    """
    planned = {item.exercise.id: item for item in plan.exercises}
    missing = [item for item in plan.exercises if item.exercise.id not in order]
    found: list[tuple[str, PlannedExercise | None]] = []
    for exercise_id in order:
        if exercise_id in planned:
            found.append((exercise_id, planned[exercise_id]))
            continue
        exercise = library.exercise(exercise_id)
        if exercise_id in added:
            exercise = None
        stand_in = next((m for m in missing if exercise is not None and m.exercise.pattern == exercise.pattern), None)
        if stand_in is not None:
            missing.remove(stand_in)
        found.append((exercise_id, stand_in))
    return found


def open_workout(store: Store, library: Library, plan: SessionPlan, now: pendulum.DateTime) -> SessionWorkout:
    """Today's session (the one the warm-up uses, created if needed) as a Workout.

    A session started by the warm-up has no order yet: it gets the plan's order and deload
    flag here. Every logged working set is put back in its slot and the cursor goes to the
    saved position, with the sets added and skipped as they were.
    """
    session = today_session(store, plan, now)
    if session.freestyle:
        # Today's session was started empty: its plan is the freestyle one, its exercises
        # only those the lifter added.
        return open_session(store, library, freestyle_plan(store, library, store.settings(), now.date()),
                            session, now)
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not session.order:
        session = store.save_session(
            session.model_copy(
                update={"order": [item.exercise.id for item in plan.exercises], "deload": session.deload or plan.deload}
            )
        )
    settings = store.settings()
    cards = _session_cards(store, library, plan, session, sets, settings, now.date())
    if not cards:
        raise ValueError("today's plan has no exercises")
    workout = Workout(session, plan, settings, cards, resumed=bool(sets))
    workout.at_saved_position()
    return workout


def open_session(store: Store, library: Library, plan: SessionPlan, session: Session,
                 now: pendulum.DateTime) -> SessionWorkout:
    """`session` as a Workout under `plan`, as it is stored (a freestyle one may have no
    exercise yet)."""
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    settings = store.settings()
    cards = _session_cards(store, library, plan, session, sets, settings, now.date())
    workout = Workout(session, plan, settings, cards, resumed=bool(sets))
    workout.at_saved_position()
    return workout


def open_freestyle(store: Store, library: Library, now: pendulum.DateTime) -> SessionWorkout:
    """Today's freestyle session (started now, empty, unless one is open) as a Workout.
    ValueError when today's planned session has working sets: exercises go into that one."""
    session = start_freestyle_session(store, now)
    return open_session(store, library, freestyle_plan(store, library, store.settings(), now.date()), session, now)


def add_card(store: Store, library: Library, workout: SessionWorkout, exercise: Exercise, at: int,
             today: date) -> tuple[Session, Card]:
    """`exercise` added to the session at index `at` and stored, with its card: its plan from
    its own history by the planned rules, with its reasons. ValueError when it is in the
    session already."""
    session, planned = add_exercise(store, library, workout.settings, workout.session_with_position(),
                                    workout.plan, exercise, at)
    return session, make_card(store, planned, [], today)


def _session_cards(store: Store, library: Library, plan: SessionPlan, session: Session,
                   sets: Sequence[LoggedSet], settings: Settings, today: date) -> list[Card]:
    """The session's cards in its order: logged working sets in their slots, sets added
    and skipped as they were, swapped exercises with a plan of their own. Read only."""
    cards: list[Card] = []
    order = list(session.order)
    # Exercises logged today that the order does not name (a swap lost to a kill) are shown too.
    order += sorted({s.exercise for s in sets} - set(order))
    for exercise_id, planned in _planned_for(plan, order, library, session.added):
        exercise = library.exercise(exercise_id)
        if exercise is None:
            continue
        if planned is None:
            item = plan_for_exercise(store, library, settings, plan, exercise, None)
        elif planned.exercise.id != exercise_id:
            item = plan_for_exercise(store, library, settings, plan, exercise, planned)
        else:
            item = planned
        logged = [s for s in sets if s.exercise == exercise_id]
        card = make_card(store, item, logged, today, set_change=session.set_changes.get(exercise_id, 0))
        for skipped_id, set_index in session.skipped:
            if skipped_id == exercise_id and set_index < card.sets:
                card.skip_again(set_index)
        cards.append(card)
    return cards


def session_in_progress(store: Store, library: Library, plan: SessionPlan, today: date) -> SessionWorkout | None:
    """Today's session in progress as the workout screen would open it, for Today to show
    what is done; None when there is none. Nothing is created or saved."""
    session = store.in_progress_session()
    if session is None or session.date != today:
        return None
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not session.order:  # started by the warm-up: the plan's order until the workout opens
        session = session.model_copy(update={"order": [item.exercise.id for item in plan.exercises]})
    settings = store.settings()
    cards = _session_cards(store, library, plan, session, sets, settings, today)
    if not cards:
        return None
    workout = Workout(session, plan, settings, cards, resumed=bool(sets))
    workout.at_saved_position()
    return workout


def make_card(store: Store, item: PlannedExercise, logged: Sequence[LoggedSet], today: date,
              *, set_change: int = 0) -> Card:
    """`set_change`: sets the lifter added (negative: dropped) to the plan, from the session."""
    recent = store.recent_sets(item.exercise.id, sessions=1, before=today)
    last = (recent[0][0].date, tuple(recent[0][1])) if recent else None
    sets = max(1, item.plan.sets + set_change)
    return Card(item.exercise, item.plan, build_slots(item.exercise, sets, logged), item.plan.tempo, last)


def plan_for_exercise(
    store: Store, library: Library, settings: Settings, plan: SessionPlan, exercise: Exercise,
    replaces: PlannedExercise | None,
) -> PlannedExercise:
    """A plan for an exercise swapped in: the replaced exercise's sets, reps, RPE and rest,
    the new exercise's own tempo and hold, and a load from its own history. One replacing
    nothing was added by the lifter: planned as added exercises are (services/freestyle.py)."""
    if replaces is None:
        return plan_added(store, library, settings, exercise, plan)
    rx = None
    if replaces is not None:
        rx = next((r for r in plan.day.prescriptions if r.exercise == replaces.exercise.id), None)
    if rx is None:
        rx = Prescription(exercise=exercise.id, sets=3, reps_min=8, reps_max=12,
                          rest_seconds=settings.default_rest_seconds)
    rx = rx.model_copy(update={"exercise": exercise.id, "tempo": None, "load": None, "unit": None,
                               "hold_seconds": None})
    today = plan.today
    cutoff = history_cutoff(store, today)
    start = plan.program_start or today
    history, _ = lift_history(store, plan.program, rx, start, cutoff, deload_starts(store, cutoff), today,
                              exercise.equipment, settings.unit)
    notes = store.recovery_between(today - timedelta(days=RECOVERY_DAYS), today)
    result = next_prescription(exercise, rx, plan.week_plan, history, settings, plan.readiness,
                               recent_notes=notes, today=today,
                               bodyweights=bodyweights(store, settings, [(exercise, history)], today))
    if replaces is not None:
        result = replace(result, reasons=[f"swapped in for {replaces.exercise.name}", *result.reasons])
    return PlannedExercise(exercise, result)


def swap_card(store: Store, library: Library, workout: SessionWorkout, index: int, exercise: Exercise,
              today: date) -> Card:
    """A new card for `exercise` in place of card `index` (which has no logged sets)."""
    old = workout.cards[index]
    original = next((i for i in workout.plan.exercises if i.exercise.id == old.exercise.id), None)
    if original is None:  # swapping a swapped exercise again: go back to what the day planned
        original = next((i for i in workout.plan.exercises
                         if i.exercise.pattern == exercise.pattern
                         and i.exercise.id not in {c.exercise.id for c in workout.cards}), None)
    if original is not None and original.exercise.id == exercise.id:
        item = original
    else:
        item = plan_for_exercise(store, library, workout.settings, workout.plan, exercise, original)
    return make_card(store, item, [], today)


def replanned(store: Store, library: Library, workout: SessionWorkout, plan: SessionPlan,
              settings: Settings) -> list[Plan]:
    """The plans of the workout's cards, in card order, after a change of settings (unit,
    bar, plates, steps): the loads still to do in the new unit and steps, with their reasons.
    Read-only, for a worker thread; `apply_plans` puts them on the cards. The number of sets
    stays as the session started, so the sets added or dropped keep their meaning."""
    order = [card.exercise.id for card in workout.cards]
    plans: list[Plan] = []
    added = workout.session.added
    for (exercise_id, planned), card in zip(_planned_for(plan, order, library, added), workout.cards, strict=True):
        if planned is None or planned.exercise.id != exercise_id:
            planned = plan_for_exercise(store, library, settings, plan, card.exercise, planned)
        plans.append(replace(planned.plan, sets=card.plan.sets))
    return plans


def finish_session(store: Store, session: Session, now: pendulum.DateTime) -> Session:
    return store.save_session(session.model_copy(update={"status": "done", "finished_at": now}))


@dataclass(frozen=True)
class ResumePoint:
    """Where today's unfinished session stands, for the hint at the start of the app."""

    session_name: str
    sets_logged: int
    exercise_name: str | None  # None when the saved position names no exercise
    set_number: int


def resume_point(store: Store, library: Library, today: date) -> ResumePoint | None:
    """Today's session when it has working sets logged; else None."""
    session = store.in_progress_session()
    if session is None or session.date != today:
        return None
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not sets:
        return None
    name, number = None, 1
    exercise, slot = session.position
    if 0 <= exercise < len(session.order):
        found = library.exercise(session.order[exercise])
        if found is not None:
            name, number = found.name, slot // (2 if found.unilateral else 1) + 1
    return ResumePoint(session.name, len(sets), name, number)

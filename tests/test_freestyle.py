"""Freestyle sessions and exercises added to a session: the session's list of exercises, and
loads for an added exercise from its own history by the rules planned exercises follow."""

from __future__ import annotations

from datetime import timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.domain.blocks import group_history
from gymtui.domain.entry import Entry
from gymtui.domain.freestyle import (
    added_prescription,
    plan_added_exercise,
    start_freestyle,
    with_exercise_added,
    with_exercise_removed,
)
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.progression import next_prescription
from gymtui.domain.settings import Settings
from gymtui.services.context import load_library
from gymtui.services.freestyle import add_exercise, freestyle_plan, plan_added, start_freestyle_session
from gymtui.services.history import session_page
from gymtui.services.planning import plan_session
from tests.lifter import START, Lifter, twice_a_week

NOW = pendulum.datetime(2026, 3, 2, 18, tz="UTC")


def _session(order: list[str], position: tuple[int, int] = (0, 0)) -> Session:
    return Session(date=NOW.date(), started_at=NOW, order=order, position=position)


# -- the session's list of exercises -----------------------------------------------------------


def test_a_freestyle_session_starts_empty_and_is_no_program_day():
    session = start_freestyle(NOW.date(), NOW)
    assert session.order == [] and session.freestyle and session.program_day is None
    first = with_exercise_added(session, "barbell-curl")
    assert first.order == ["barbell-curl"] and first.position == (0, 0) and first.added == ["barbell-curl"]


def test_an_exercise_added_before_the_current_one_keeps_the_cursor_on_it():
    session = _session(["face-pull", "deadlift", "farmer-carry"], position=(1, 2))
    added = with_exercise_added(session, "barbell-curl", at=1)
    assert added.order == ["face-pull", "barbell-curl", "deadlift", "farmer-carry"]
    assert added.order[added.position[0]] == "deadlift" and added.position[1] == 2
    after = with_exercise_added(session, "barbell-curl", at=2)
    assert after.position == (1, 2)


def test_an_exercise_already_in_the_session_is_not_added_twice():
    with pytest.raises(ValueError, match="already in today's session"):
        with_exercise_added(_session(["face-pull", "deadlift"]), "deadlift")


ids = st.sampled_from(["a", "b", "c", "d", "e", "f", "g"])


@given(st.lists(ids, unique=True, min_size=0, max_size=6), ids, st.integers(-2, 9), st.integers(0, 6))
def test_adding_anywhere_keeps_every_exercise_and_the_cursor(order, new, at, card):
    if new in order:
        return
    card = min(card, max(0, len(order) - 1))
    session = _session(order, position=(card, 1))
    added = with_exercise_added(session, new, at)
    assert sorted(added.order) == sorted([*order, new])
    assert [e for e in added.order if e != new] == order
    if order:
        assert added.order[added.position[0]] == order[card]
    removed = with_exercise_removed(added, new)
    assert removed.order == order and removed.added == []
    if order:
        assert removed.order[removed.position[0]] == order[card]


# -- the plan of an added exercise --------------------------------------------------------------


def _curl_history(library, loads_reps_rpe):
    curl = library.exercise("barbell-curl")
    sessions, sets = [], []
    for week, (load, reps, rpe) in enumerate(loads_reps_rpe):
        day = START + timedelta(weeks=week)
        session = Session(date=day, started_at=pendulum.datetime(day.year, day.month, day.day, 18, tz="UTC"),
                          status="done", source="cli")
        sessions.append(session)
        stamp = pendulum.datetime(day.year, day.month, day.day, 19, tz="UTC")
        sets += [LoggedSet(session_id=session.id, exercise=curl.id, load=load, reps=reps, rpe=rpe,
                           logged_at=stamp.add(minutes=i)) for i in range(3)]
    return curl, group_history(list(reversed(sessions)), sets, curl.id)


def test_an_added_exercise_outside_the_program_gets_a_default_prescription_said(tmp_path):
    lifter = Lifter(tmp_path / "data")
    with lifter.store() as store:
        library = load_library(store)
    curl = library.exercise("barbell-curl")
    plan = plan_added_exercise([], curl, Settings(), START)
    assert (plan.sets, plan.reps_min, plan.reps_max, plan.target_rpe, plan.load) == (3, 8, 12, 8.0, None)
    assert plan.reasons[0] == "added today, not in your program: 3 x 8-12 @ 8, two reps in reserve"
    assert "no history yet" in plan.reasons[1]


def test_an_added_exercise_is_planned_by_the_same_rules_and_reasons_as_a_planned_one(tmp_path):
    lifter = Lifter(tmp_path / "data")
    with lifter.store() as store:
        library = load_library(store)
    curl, history = _curl_history(library, [(30.0, 10, 8.0), (30.0, 11, 8.0), (30.0, 12, 7.5)])
    settings = Settings()
    today = START + timedelta(weeks=3)
    plan = plan_added_exercise(history, curl, settings, today)
    rx, _ = added_prescription(curl, None, settings)
    same = next_prescription(curl, rx, None, history, settings, today=today)
    assert plan.reasons[1:] == same.reasons and (plan.load, plan.reps, plan.sets) == (same.load, same.reps, same.sets)
    assert plan.load is not None and plan.load > 30.0  # top of the range at RPE 7.5: a load step up
    assert "top of the range" in " ".join(plan.reasons)


def test_an_added_exercise_the_program_holds_takes_the_programs_prescription(tmp_path):
    lifter = Lifter(tmp_path / "data")
    with lifter.store() as store:
        library = load_library(store)
        program = library.program(store.settings().program)
    face = library.exercise("face-pull")
    rx = next(r for d in program.days for r in d.prescriptions if r.exercise == "face-pull")
    plan = plan_added_exercise([], face, Settings(), START, program=program)
    assert (plan.sets, plan.reps_min, plan.reps_max) == (rx.sets, rx.reps_min, rx.reps_max)
    assert plan.reasons[0].startswith(f"added today: {rx.sets} x {rx.reps_min}-{rx.reps_max}")
    assert "Horizontal pull" in plan.reasons[0]


# -- with the store: freestyle days, from the app and from the command line --------------------


def test_a_freestyle_day_logged_from_the_command_line_is_history_and_plans_the_next_time(tmp_path):
    lifter = Lifter(tmp_path / "data")
    days = twice_a_week(3)
    for day in days:
        lifter.train(day)
    freestyle_day = days[-1] + timedelta(days=2)  # a Saturday of arms and bench, as typed
    lifter.log("barbell curl", [Entry(load=30.0, unit="kg", reps=12, rpe=7.5)] * 3, freestyle_day)
    lifter.log("bench press", [Entry(load=60.0, unit="kg", reps=8, rpe=8.0)] * 3, freestyle_day)
    before = lifter.plan(freestyle_day - timedelta(days=1))
    after_day = freestyle_day + timedelta(days=2)
    after = lifter.plan(after_day)
    # The rotation of program days is not moved by a day that trained none of its exercises.
    assert after.day.id == before.day.id
    with lifter.store() as store:
        library = load_library(store)
        row = session_page(store, library, "kg").rows[0]  # History's newest row
        assert row.day == freestyle_day and set(row.exercises) == {"Barbell Curl", "Bench Press"}
        curl = plan_added(store, library, store.settings(), library.exercise("barbell-curl"), after)
    text = " ".join(curl.plan.reasons)
    assert "last time" in text or "top of the range" in text
    assert curl.plan.load is not None and curl.plan.load >= 30.0


def test_a_freestyle_session_in_the_app_trains_lifts_without_taking_a_program_days_turn(tmp_path):
    lifter = Lifter(tmp_path / "data")
    days = twice_a_week(2)
    for day in days:
        lifter.train(day)
    day = days[-1] + timedelta(days=2)
    next_before = lifter.plan(day).day.id
    now = pendulum.datetime(day.year, day.month, day.day, 18, tz="UTC")
    lifter.now = now
    with lifter.store() as store:
        library = load_library(store)
        settings = store.settings()
        session = start_freestyle_session(store, now)
        plan = freestyle_plan(store, library, settings, day)
        assert plan.exercises == [] and plan.day.name == "Freestyle"
        session, dead = add_exercise(store, library, settings, session, plan, library.exercise("deadlift"))
        session, _curl = add_exercise(store, library, settings, session, plan, library.exercise("barbell-curl"), at=0)
        assert store.session(session.id).order == ["barbell-curl", "deadlift"]
        assert dead.plan.load is not None and "deadlift" not in dead.plan.reasons[0]
        assert dead.plan.reasons[0].startswith("added today:")
    lifter.log("deadlift", [Entry(load=dead.plan.load, unit="kg", reps=dead.plan.reps, rpe=8.0)] * dead.plan.sets, day)
    with lifter.store() as store:
        store.save_session(store.session(session.id).model_copy(update={"status": "done", "finished_at": now}))
    later = day + timedelta(days=2)
    after = lifter.plan(later)
    assert after.day.id == next_before  # the freestyle day took no program day's turn
    # ...and its deadlift sets are the deadlift's newest history.
    planned = next((i.plan for i in after.exercises if i.exercise.id == "deadlift"), None)
    if planned is None:
        with lifter.store() as store:
            library = load_library(store)
            planned = plan_added(store, library, store.settings(), library.exercise("deadlift"), after).plan
    assert f"from {dead.plan.load:g} kg x {dead.plan.reps} @ 8" in " ".join(planned.reasons)


def test_starting_freestyle_with_working_sets_under_way_is_refused(tmp_path):
    lifter = Lifter(tmp_path / "data")
    day = START
    lifter.now = pendulum.datetime(day.year, day.month, day.day, 18, tz="UTC")
    with lifter.store() as store:
        session = store.save_session(Session(date=day, started_at=lifter.now, name="Horizontal pull"))
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=100.0, reps=5,
                                logged_at=lifter.now))
        with pytest.raises(ValueError, match="under way"):
            start_freestyle_session(store, lifter.now)


def test_the_workout_opens_an_added_exercise_with_its_added_plan_not_as_a_swap(tmp_path):
    from gymtui.services.workout import open_workout

    lifter = Lifter(tmp_path / "data")
    days = twice_a_week(2)
    for day in days:
        lifter.train(day)
    day = days[-1] + timedelta(days=3)
    lifter.log("barbell curl", [Entry(load=30.0, unit="kg", reps=12, rpe=7.5)] * 3, days[-1])
    now = pendulum.datetime(day.year, day.month, day.day, 18, tz="UTC")
    lifter.now = now
    with lifter.store() as store:
        library = load_library(store)
        settings = store.settings()
        plan = plan_session(store, library, settings, day)
        workout = open_workout(store, library, plan, now)
        # The lifter drops a planned pull and adds another exercise of the same pattern and a curl.
        dropped = next(c.exercise for c in workout.cards if c.exercise.id == "chest-supported-row")
        session = store.save_session(with_exercise_removed(workout.session, dropped.id))
        other = next(e for e in library.substitutes(dropped.id) if e.id not in session.order)
        session, _ = add_exercise(store, library, settings, session, plan, other, at=1)
        session, _ = add_exercise(store, library, settings, session, plan, library.exercise("barbell-curl"))
        again = open_workout(store, library, plan, now)
    cards = {c.exercise.id: c for c in again.cards}
    assert cards[other.id].plan.reasons[0].startswith("added today")  # not "swapped in for ..."
    curl = cards["barbell-curl"].plan
    assert curl.reasons[0].startswith("added today") and curl.load is not None and curl.load > 30.0


def test_sets_logged_earlier_today_in_a_finished_session_plan_the_session_in_progress(tmp_path):
    # A morning of curls logged from the command line, then the evening's session opened in
    # the app: the curls are history for it, the session in progress is not.
    lifter = Lifter(tmp_path / "data")
    day = START
    lifter.log("barbell curl", [Entry(load=30.0, unit="kg", reps=12, rpe=7.5)] * 3, day)
    evening = pendulum.datetime(day.year, day.month, day.day, 19, tz="UTC")
    lifter.now = evening
    with lifter.store() as store:
        library = load_library(store)
        settings = store.settings()
        store.save_session(Session(date=day, started_at=evening, name="Evening"))
        plan = plan_session(store, library, settings, day)
        curl = plan_added(store, library, settings, library.exercise("barbell-curl"), plan).plan
    assert "no history yet" not in " ".join(curl.reasons) and curl.load is not None and curl.load > 30.0

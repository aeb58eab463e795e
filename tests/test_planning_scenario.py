"""Six weeks of training through the store and the planning service, as the app runs them.

The same story as tests/test_progression_scenario.py (which drives the rules alone), now with
every session created from the plan (session_from_plan), its sets stored, and the next plan
read back from disk: the deadlift climbs by double progression while the RPE stays on
target, the RPE then creeps up at the same load, and the deload comes early in week 6 with
its reasons. The deload is remembered: the rest of the week stays light, the next week
starts from the last full session, and fatigue so soon after it changes the plan rather than
calling another deload.
"""

import dataclasses
from datetime import date, timedelta

import pendulum
import pytest

from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Day, Prescription, Program, WeekPlan
from gymtui.services.library import Library
from gymtui.services.planning import plan_session, session_from_plan
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog

START = date(2026, 1, 5)  # a Monday
STRENGTH = WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8)
DELOAD = WeekPlan(emphasis="deload", reps_min=3, reps_max=5, target_rpe=6, set_factor=0.5, load_factor=0.85)
PROGRAM = Program(
    id="pull-scenario",
    name="Pull scenario",
    days=[Day(id="pull", name="Pull", prescriptions=[
        Prescription(exercise="deadlift", sets=3, reps_min=5, reps_max=8, target_rpe=8, load=120, unit="kg",
                     follows_block=True),
        Prescription(exercise="face-pull", sets=2, reps_min=15, reps_max=20, target_rpe=7, load=20, unit="kg"),
    ])],
    cycle=[STRENGTH] * 7 + [DELOAD],  # the cycle's own deload would be week 8
)
# The RPE of every deadlift set in sessions 1-11: on target, then creeping up.
REPORTED = [8, 8, 8, 8, 8, 8, 8, 8, 8, 8.5, 9.5]


def stamp(day: date) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, 18, tz="UTC")


def train(store, library, day, deadlift_rpe):
    """Plan the day, start a session from the plan, log every planned set, finish it."""
    plan = plan_session(store, library, store.settings(), day)
    session = store.save_session(session_from_plan(plan, stamp(day)))
    for item in plan.exercises:
        rpe = deadlift_rpe if item.exercise.id == "deadlift" else item.plan.target_rpe
        for index in range(item.plan.sets):
            store.add_set(LoggedSet(session_id=session.id, exercise=item.exercise.id, load=item.plan.load,
                                    reps=item.plan.reps, rpe=rpe, logged_at=stamp(day).add(minutes=index)))
    store.save_session(session.model_copy(update={"status": "done", "finished_at": stamp(day).add(hours=1)}))
    return plan


def deadlift(plan):
    return next(item.plan for item in plan.exercises if item.exercise.id == "deadlift")


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    catalog = load_catalog()
    library = Library(dataclasses.replace(catalog, programs={**catalog.programs, PROGRAM.id: PROGRAM}))
    folder = tmp_path_factory.mktemp("scenario")
    store = Store.open(folder, now=lambda: stamp(START))
    store.save_settings(store.settings().model_copy(update={"program": PROGRAM.id, "program_start": START}))
    days = [START + timedelta(days=7 * week + offset) for week in range(6) for offset in (0, 3)]
    plans = []
    try:
        for number, day in enumerate(days, start=1):
            # Session 12, the early deload, is trained as planned: every set at the target RPE.
            rpe = REPORTED[number - 1] if number <= len(REPORTED) else None
            plans.append(train(store, library, day, rpe or deadlift(plan_session(
                store, library, store.settings(), day)).target_rpe))
        saturday = days[-1] + timedelta(days=2)
        plans.append(plan_session(store, library, store.settings(), saturday))
        plans.append(plan_session(store, library, store.settings(), START + timedelta(days=42)))
        stored = [store.sessions_on(day)[0] for day in days]
    finally:
        store.close()
    return plans, stored


def test_on_target_sessions_progress_by_double_progression(story):
    plans, _ = story
    assert [(deadlift(p).load, deadlift(p).reps) for p in plans[:11]] == [
        (120, 3), (120, 4), (120, 5),
        (127.5, 3), (127.5, 4), (127.5, 5),
        (135, 3), (135, 4), (135, 5),
        (142.5, 3), (142.5, 3),
    ]
    assert deadlift(plans[3]).reasons[-1] == (
        "top of the range (120 kg x 5 @ 8, target @ 8): +6 % to 127.5 kg, back to 3 reps")
    assert deadlift(plans[10]).reasons[-1] == (
        "last time 142.5 kg x 3 @ 8.5, a little over target @ 8: same 142.5 kg x 3 again")
    for plan in plans[:11]:
        assert not plan.deload and plan.block_reasons[0].startswith("no deload due: week ")


def test_creeping_rpe_brings_an_early_deload_with_its_reasons(story):
    plans, stored = story
    plan = plans[11]  # Thursday of week 6
    assert (plan.today, plan.block_week) == (START + timedelta(days=38), 6)
    assert plan.deload and plan.early_deload and plan.week_plan.emphasis == "deload"
    assert plan.block_reasons == [
        "Deadlift: RPE up from 8.5 to 9.5 at 142.5 kg x 3 over 2 sessions",
        "Deadlift: e1RM down 6 % (166.5 kg -> 157.1 kg)",
        "fatigue shows (week 6 of the program): deload early",
    ]
    lift = deadlift(plan)
    assert (lift.sets, lift.reps, lift.load, lift.target_rpe) == (2, 3, 120, 6)
    assert lift.reasons == ["deload week: 2 x 3-5 @ 6", "deload from 142.5 kg x 3 @ 9.5: 2 x 3, -16 % to 120 kg"]
    # The session trained from it says so on disk; the ones before do not.
    assert stored[11].deload and not any(s.deload for s in stored[:11])
    assert [s.block_week for s in stored] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]


def test_the_rest_of_the_deload_week_stays_a_deload(story):
    plans, _ = story
    saturday = plans[12]
    assert saturday.deload and saturday.last_deload == START + timedelta(days=38)
    assert saturday.block_reasons == [f"this week is a deload (started {START + timedelta(days=38)})"]
    assert deadlift(saturday).load <= 120 and deadlift(saturday).target_rpe == 6


def test_the_week_after_starts_from_the_last_full_session(story):
    plans, _ = story
    monday = plans[13]  # week 7
    assert not monday.deload
    # Fatigue a week after a deload: change the plan, no second deload.
    assert monday.block_reasons[-1] == (
        "only 1 week since the last deload: change volume, load or exercise instead of another deload")
    lift = deadlift(monday)
    assert lift.reasons[1] == f"after the deload: from the last full session ({START + timedelta(days=35)})"
    assert lift.reasons[-1] == "last time 142.5 kg x 3 @ 9.5, target @ 8 (e1RM 157.1 kg by RTS): -5 % to 135 kg"
    assert (lift.sets, lift.reps, lift.load) == (3, 3, 135)
    # Face pulls were not lightened in the deload: their last session counts as it is.
    face = next(item.plan for item in monday.exercises if item.exercise.id == "face-pull")
    assert not any("after the deload" in r for r in face.reasons)

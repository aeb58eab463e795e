"""The planning service on a real store and the shipped program: which day comes next, which
history the rules see, early deloads remembered, readiness from today's note."""

from datetime import date, timedelta

import pendulum
import pytest

from gymtui.domain.blocks import group_history
from gymtui.domain.daily import RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.services.library import Library
from gymtui.services.lift_history import deload_starts, last_deload, lift_history
from gymtui.services.planning import plan_session, session_from_plan
from gymtui.services.program_days import history_cutoff, next_day, program_start
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog

START = date(2026, 9, 7)  # a Monday: week 1 (strength) of the shipped four-week cycle
WEEK2 = START + timedelta(days=7)  # hypertrophy
WEEK3 = START + timedelta(days=14)  # technique
NOW = pendulum.datetime(2026, 11, 16, 18, 0, tz="UTC")
PROGRAM = load_catalog().programs["upper-back-posterior-chain"]
HORIZONTAL, VERTICAL = PROGRAM.days


def stamp(day: date, hour: int = 18) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, tz="UTC")


@pytest.fixture
def store(data_dir):
    store = Store.open(data_dir, now=lambda: NOW)
    store.save_settings(store.settings().model_copy(update={"program_start": START}))
    yield store
    store.close()


@pytest.fixture(scope="module")
def library():
    return Library(load_catalog())


def train(store, day, lifts, *, program_day=None, block_week=None, deload=False, status="done", source="app"):
    """Store a session on `day`; `lifts` maps an exercise to (load, reps, rpe, sets)."""
    session = store.save_session(
        Session(date=day, started_at=stamp(day), program_day=program_day, block_week=block_week, deload=deload,
                status=status, source=source)
    )
    for exercise, (load, reps, rpe, count) in lifts.items():
        for index in range(count):
            store.add_set(LoggedSet(session_id=session.id, exercise=exercise, load=load, reps=reps, rpe=rpe,
                                    logged_at=stamp(day).add(minutes=index)))
    return session


def planned(plan, exercise):
    return next(item.plan for item in plan.exercises if item.exercise.id == exercise)


def plan_for(store, library, when, day=None):
    return plan_session(store, library, store.settings(), when, day)


# ---- which day ----------------------------------------------------------------------------

def test_first_day_then_rotation(store, library):
    program = library.program(store.settings().program)
    assert next_day(program, store, START).id == "horizontal-pull"
    train(store, START, {"bent-over-row": (80, 5, 8, 4)}, program_day="horizontal-pull", block_week=1)
    assert next_day(program, store, START + timedelta(days=3)).id == "vertical-pull"
    train(store, START + timedelta(days=3), {"pull-up": (None, 5, 8, 4)}, program_day="vertical-pull", block_week=1)
    assert next_day(program, store, WEEK2).id == "horizontal-pull"


def test_rotation_reads_the_day_from_the_sets_of_a_command_line_session(store, library):
    program = library.program(store.settings().program)
    # `gymtui log` stores no program day: Romanian deadlifts and pull-ups say vertical pull.
    train(store, START, {"romanian-deadlift": (100, 6, 8, 3), "pull-up": (None, 6, 8, 4)}, source="cli")
    assert next_day(program, store, START + timedelta(days=3)).id == "horizontal-pull"
    # A session of exercises outside the program says nothing: the one before it counts.
    train(store, START + timedelta(days=1), {"suitcase-carry": (24, 1, 7, 2), "goblet-squat": (20, 10, 7, 2)})
    assert next_day(program, store, START + timedelta(days=3)).id == "horizontal-pull"


def test_later_sessions_do_not_count_when_planning_an_earlier_date(store, library):
    program = library.program(store.settings().program)
    train(store, WEEK2, {"bent-over-row": (80, 8, 8, 4)}, program_day="horizontal-pull", block_week=2)
    assert next_day(program, store, START).id == "horizontal-pull"
    assert plan_for(store, library, START).exercises[2].plan.reasons[-1].startswith("no history yet")


def test_a_session_in_progress_keeps_its_day_and_its_plan(store, library):
    train(store, START, {"bent-over-row": (80, 5, 8, 4)}, program_day="horizontal-pull", block_week=1)
    thursday = START + timedelta(days=3)
    before = plan_for(store, library, thursday)
    assert before.day.id == "vertical-pull"
    session = store.save_session(session_from_plan(before, stamp(thursday)))
    store.add_set(LoggedSet(session_id=session.id, exercise="romanian-deadlift", load=100, reps=5, rpe=9.5,
                            logged_at=stamp(thursday)))
    during = plan_for(store, library, thursday)
    # Same day, same loads: the sets being logged do not move the plan under the lifter.
    assert during.day.id == "vertical-pull"
    assert [(i.exercise.id, i.plan.load, i.plan.sets, i.plan.reps) for i in during.exercises] == [
        (i.exercise.id, i.plan.load, i.plan.sets, i.plan.reps) for i in before.exercises
    ]
    # Finished: the next session is the other day, and Thursday's sets count.
    store.save_session(session.model_copy(update={"status": "done"}))
    after = plan_for(store, library, thursday)
    assert after.day.id == "horizontal-pull"
    rdl = planned(plan_for(store, library, thursday, day=during.day), "romanian-deadlift")
    assert "100 kg x 5 @ 9.5" in "; ".join(rdl.reasons)


# ---- history with block targets -----------------------------------------------------------

def test_history_carries_the_targets_of_its_block_week(store, library):
    # Logged from the command line: no block week stored; the date says week 1 (strength 3-5).
    train(store, START, {"bent-over-row": (80, 5, 8.5, 4)}, source="cli")
    row = planned(plan_for(store, library, WEEK2, HORIZONTAL), "bent-over-row")
    # Week 2 asks 8-12 @ 8: a new rep range, not "80 kg x 5 is under the range".
    assert row.reasons[0] == "hypertrophy week: 4 x 8-12 @ 8"
    assert row.reasons[1].startswith("new targets 8-12 @ 8: from 80 kg x 5 @ 8.5")
    assert row.reps == 8 and row.load is not None and row.load < 80


def test_lift_history_is_newest_first_with_each_weeks_targets_without_todays_session_in_progress(store):
    train(store, START, {"bent-over-row": (80, 5, 8, 4)}, source="cli")  # week 1: strength
    train(store, WEEK2, {"bent-over-row": (70, 10, 8, 3)}, source="cli")  # week 2: hypertrophy
    today = WEEK2 + timedelta(days=3)
    train(store, today, {"bent-over-row": (75, 8, 8, 1)}, status="in_progress")  # being planned
    rx = next(rx for rx in HORIZONTAL.prescriptions if rx.exercise == "bent-over-row")
    assert rx.follows_block
    cutoff = history_cutoff(store, today)
    sessions, weeks = lift_history(store, PROGRAM, rx, START, cutoff, deload_starts(store, cutoff), today)
    assert [(s.date, len(s.sets), s.reps_min, s.reps_max) for s in sessions] == [(WEEK2, 3, 8, 12), (START, 4, 3, 5)]
    assert weeks is not None and weeks.by_date[WEEK2] == 2 and weeks.by_date[START] == 1


def test_program_start_falls_back_to_the_oldest_logged_week(data_dir, library):
    with Store.open(data_dir, now=lambda: NOW) as store:
        today = WEEK3 + timedelta(days=2)
        assert store.settings().program_start is None
        assert program_start(store, store.settings(), today) == WEEK3  # nothing logged: this week
        train(store, START + timedelta(days=3), {"deadlift": (140, 3, 8, 3)})
        assert program_start(store, store.settings(), today) == START
        plan = plan_session(store, library, store.settings(), today)
        assert (plan.block_week, plan.week_plan.emphasis, plan.program_start) == (3, "technique", START)


# ---- deloads --------------------------------------------------------------------------------

def test_group_history_reads_a_flagged_session_as_a_deload(library):
    program = library.program("upper-back-posterior-chain")
    row = next(rx for rx in program.days[0].prescriptions if rx.exercise == "bent-over-row")
    face = next(rx for rx in program.days[0].prescriptions if rx.exercise == "face-pull")
    sessions = [Session(id="early", date=WEEK2, block_week=2, deload=True, started_at=stamp(WEEK2)),
                Session(id="full", date=START, block_week=1, started_at=stamp(START))]
    sets = [LoggedSet(session_id=s, exercise=e, load=60, reps=5, rpe=6, logged_at=stamp(START))
            for s in ("early", "full") for e in ("bent-over-row", "face-pull")]
    early, full = group_history(sessions, sets, "bent-over-row", program.cycle, row)
    # Planned with the deload week's targets (5-8 @ 6), not week 2's (8-12 @ 8).
    assert (early.deload, early.reps_min, early.reps_max, early.target_rpe) == (True, 5, 8, 6)
    assert (full.deload, full.reps_min, full.target_rpe) == (False, 3, 8.5)
    # Accessories are not lightened in a deload: their sessions stay full ones.
    assert not group_history(sessions, sets, "face-pull", program.cycle, face)[0].deload
    # Without a prescription the flag is all there is to go on.
    assert group_history(sessions, sets, "face-pull")[0].deload


def test_session_from_plan_remembers_day_week_deload_and_order(store, library):
    train(store, START, {"deadlift": (140, 3, 8, 3)}, program_day="horizontal-pull", block_week=1)
    store.save_session(Session(date=WEEK2, started_at=stamp(WEEK2), deload=True, status="done"))
    thursday = WEEK2 + timedelta(days=3)
    plan = plan_for(store, library, thursday)
    session = session_from_plan(plan, stamp(thursday))
    assert (session.date, session.program_day, session.block_week, session.name) == (
        thursday, "vertical-pull", 2, "Vertical pull")
    assert session.deload and session.status == "in_progress"
    assert session.order == [item.exercise.id for item in plan.exercises]
    assert session.order[:3] == ["scapular-pull-up", "incline-bench-pull", "pull-up"]
    assert not session_from_plan(plan_for(store, library, START + timedelta(days=28 + 7)), NOW).deload


def test_an_early_deload_lasts_the_week_and_is_remembered(store, library):
    # A flagged session on Monday of week 2 (hypertrophy), nothing else pointing at fatigue.
    train(store, START, {"bent-over-row": (80, 5, 8.5, 4)}, program_day="horizontal-pull", block_week=1)
    train(store, WEEK2, {"bent-over-row": (60, 5, 6, 2)}, program_day="horizontal-pull", block_week=2,
          deload=True)
    thursday = WEEK2 + timedelta(days=3)
    plan = plan_for(store, library, thursday)
    assert plan.deload and plan.early_deload and plan.week_plan.emphasis == "deload"
    assert plan.block_reasons == [f"this week is a deload (started {WEEK2.isoformat()})"]
    assert plan.last_deload == WEEK2 == last_deload(store, thursday)
    assert planned(plan, "pull-up").emphasis == "deload"

    # Next week: one deload, then a new block (week 1 again, not the cycle's week 3); the light
    # session is not the lifter's level, the last full one is.
    week3 = plan_for(store, library, WEEK3, HORIZONTAL)
    assert (week3.block_week, week3.deload) == (1, False)
    row = planned(week3, "bent-over-row")
    assert row.reasons[1] == f"after the deload: from the last full session ({START.isoformat()})"
    assert "(80 kg x 5 @ 8.5" in row.reasons[2]


def test_sessions_logged_after_an_early_deload_began_that_week_are_deloads(store, library):
    train(store, START, {"romanian-deadlift": (100, 5, 8.5, 3)}, program_day="vertical-pull", block_week=1)
    train(store, WEEK2, {"bent-over-row": (60, 5, 6, 2)}, program_day="horizontal-pull", block_week=2,
          deload=True)
    # Thursday's light Romanian deadlifts came through `gymtui log`: no flag, no program day.
    train(store, WEEK2 + timedelta(days=3), {"romanian-deadlift": (80, 5, 6, 2)}, source="cli")
    rdl = planned(plan_for(store, library, WEEK3 + timedelta(days=3), day=VERTICAL), "romanian-deadlift")
    assert rdl.reasons[1] == f"after the deload: from the last full session ({START.isoformat()})"


def test_fatigue_shown_by_a_main_lift_of_the_other_day_deloads_the_week(store, library):
    # Deadlift RPE creeping at the same load on the horizontal-pull day ...
    for offset, rpe in ((0, 8), (3, 8.5), (7, 9.5)):
        train(store, START + timedelta(days=offset), {"deadlift": (150, 3, rpe, 3)},
              program_day="horizontal-pull", block_week=1)
    # ... counts when planning the vertical-pull day of week 2 as well.
    plan = plan_for(store, library, WEEK2 + timedelta(days=1), day=VERTICAL)
    assert plan.deload and plan.early_deload
    assert plan.block_reasons[0] == "Deadlift: RPE up from 8 to 9.5 at 150 kg x 3 over 3 sessions"
    assert plan.block_reasons[-1] == "fatigue shows (week 2 of the program): deload early"


def test_deload_starts_look_back_seven_weeks_at_most(store):
    train(store, START, {"deadlift": (100, 5, 6, 2)}, deload=True)
    assert last_deload(store, START + timedelta(days=48)) == START
    assert last_deload(store, START + timedelta(days=50)) is None
    assert last_deload(store, START) is None  # a session on the day itself is not before it


# ---- readiness -------------------------------------------------------------------------------

def test_a_poor_note_today_takes_exactly_one_set_off(store, library):
    train(store, START, {"bent-over-row": (80, 5, 8.5, 4), "deadlift": (140, 3, 8.5, 3)},
          program_day="vertical-pull", block_week=1)
    monday = WEEK2
    store.save_recovery(RecoveryNote(date=monday - timedelta(days=2), sleep_hours=4, updated_at=stamp(monday)))
    plain = plan_for(store, library, monday)  # a note two days old says nothing about today
    assert plain.readiness.level == "good" and plain.readiness.parts == ["no recovery note today: nothing taken off"]
    store.save_recovery(RecoveryNote(date=monday, sleep_hours=4.5, sleep_quality=2, energy=2,
                                     stress=4, updated_at=stamp(monday, 7)))
    tired = plan_for(store, library, monday)
    assert tired.readiness.level == "poor" and tired.readiness.parts[0] == "slept 4.5 h: -30"
    for before, after in zip(plain.exercises, tired.exercises, strict=True):
        # Once: readiness applied twice would take two sets off (and 10 % of the load).
        assert after.plan.sets == max(1, before.plan.sets - 1), after.exercise.id
        assert sum("readiness poor" in r for r in after.plan.reasons) == 1
    row_before, row_after = planned(plain, "bent-over-row"), planned(tired, "bent-over-row")
    assert row_after.load < row_before.load
    assert row_after.target_rpe == row_before.target_rpe - 1


def test_poor_sleep_in_the_last_nights_counts_old_notes_do_not(store, library):
    monday = WEEK2
    for back in (1, 2, 3):
        store.save_recovery(RecoveryNote(date=monday - timedelta(days=back), sleep_hours=5.5,
                                         updated_at=stamp(monday)))
    # Three poor nights before today, today itself fine on the score: still one set fewer.
    store.save_recovery(RecoveryNote(date=monday, sleep_hours=5.5, updated_at=stamp(monday)))
    plan = plan_for(store, library, monday)
    assert plan.readiness.level == "good"
    row = planned(plan, "bent-over-row")
    assert row.sets == 3 and row.reasons[-1] == "poor sleep 4 nights: one set fewer"
    # Fifteen days on, the notes are out of the two-week window.
    later = plan_for(store, library, monday + timedelta(days=15))
    assert all("poor sleep" not in r for i in later.exercises for r in i.plan.reasons)


# ---- reasons ----------------------------------------------------------------------------------

def test_every_exercise_has_reasons_that_fit_a_line_of_text(store, library):
    train(store, START, {"face-pull": (20, 15, 7, 2), "chest-supported-row": (30, 12, 7.5, 3),
                         "bent-over-row": (80, 5, 9.5, 4), "deadlift": (140, 3, 8, 3),
                         "farmer-carry": (32, 1, 7.5, 3)}, program_day="horizontal-pull", block_week=1)
    train(store, START + timedelta(days=3), {"pull-up": (None, 6, 8, 4), "romanian-deadlift": (100, 6, 9, 3)},
          program_day="vertical-pull", block_week=1)
    for day in (START + timedelta(days=5), WEEK2, WEEK2 + timedelta(days=3)):
        for program_day in PROGRAM.days:
            plan = plan_for(store, library, day, day=program_day)
            for item in plan.exercises:
                assert item.plan.reasons, (day, item.exercise.id)
                assert all(0 < len(r) <= 100 for r in item.plan.reasons), item.plan.reasons
    row = planned(plan_for(store, library, START + timedelta(days=5), day=HORIZONTAL), "bent-over-row")
    assert row.reasons[-1] == "last time 80 kg x 5 @ 9.5, target @ 8.5 (e1RM 94.1 kg by RTS): -3 % to 77.5 kg"

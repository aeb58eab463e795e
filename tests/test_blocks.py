"""Block weeks, the week's prescription, fatigue signals and deloads."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.blocks import (
    DEFAULT_DELOAD,
    SessionSets,
    apply_week,
    deload_plan,
    program_week,
    week_of_block,
    week_plan_for,
)
from gymtui.domain.common import RPE_VALUES
from gymtui.domain.daily import RecoveryNote
from gymtui.domain.deload import fatigue_signals, should_deload
from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Exercise, Prescription, WeekPlan
from gymtui.domain.plates import round_to_loadable
from gymtui.domain.progression import next_prescription
from gymtui.domain.settings import Settings
from hypothesis_profiles import examples

T0 = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
MONDAY = date(2026, 1, 5)
STRENGTH = WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8.5)
HYPERTROPHY = WeekPlan(emphasis="hypertrophy", reps_min=8, reps_max=12, target_rpe=8, tempo="3-1-1-0")
TECHNIQUE = WeekPlan(emphasis="technique", reps_min=5, reps_max=8, target_rpe=7)
DELOAD = WeekPlan(emphasis="deload", reps_min=5, reps_max=8, target_rpe=6, set_factor=0.5, load_factor=0.85)
CYCLE = [STRENGTH, HYPERTROPHY, TECHNIQUE, DELOAD]


def main_lift(**extra):
    fields = {"exercise": "deadlift", "sets": 4, "reps_min": 3, "reps_max": 5, "target_rpe": 8.0, "follows_block": True}
    return Prescription(**{**fields, **extra})


def session(load, reps, rpe, day, n=3, deload=False):
    sets = [LoggedSet(session_id=str(day), exercise="deadlift", load=load, reps=reps, rpe=rpe, logged_at=T0)
            for _ in range(n)]
    return SessionSets(day, sets, deload=deload)


def note(day, **fields):
    return RecoveryNote(date=day, updated_at=T0, **fields)


@pytest.mark.parametrize(
    ("start", "today", "week", "in_block"),
    [
        (MONDAY, MONDAY, 1, 1),
        (MONDAY, MONDAY + timedelta(days=6), 1, 1),  # Sunday still belongs to week 1
        (MONDAY, MONDAY + timedelta(days=7), 2, 2),
        (MONDAY, MONDAY + timedelta(days=27), 4, 4),
        (MONDAY, MONDAY + timedelta(days=28), 5, 1),
        (MONDAY + timedelta(days=3), MONDAY + timedelta(days=4), 1, 1),  # a Thursday start
        (MONDAY + timedelta(days=3), MONDAY + timedelta(days=7), 2, 2),
        (MONDAY, MONDAY - timedelta(days=10), 1, 1),  # before the start
    ],
)
def test_weeks_start_on_monday(start, today, week, in_block):
    assert program_week(start, today) == week
    assert week_of_block(start, today) == in_block
    assert week_of_block(start, today, cycle_length=len(CYCLE)) == in_block


def test_week_plan_for_wraps_the_cycle():
    assert week_plan_for(CYCLE, MONDAY, MONDAY + timedelta(days=8)) == (2, HYPERTROPHY)
    assert week_plan_for(CYCLE, MONDAY, MONDAY + timedelta(days=35)) == (2, HYPERTROPHY)
    assert week_of_block(MONDAY, MONDAY + timedelta(days=35), cycle_length=6) == 6
    with pytest.raises(ValueError):
        week_of_block(MONDAY, MONDAY, cycle_length=0)


def test_apply_week_changes_main_lifts_only():
    accessory = Prescription(exercise="face-pull", sets=2, reps_min=15, reps_max=20, target_rpe=7)
    assert apply_week(accessory, HYPERTROPHY) is accessory
    week = apply_week(main_lift(tempo="2-0-1-0"), HYPERTROPHY)
    assert (week.sets, week.reps_min, week.reps_max, week.target_rpe, week.tempo) == (4, 8, 12, 8.0, "3-1-1-0")
    assert apply_week(main_lift(tempo="2-0-1-0"), STRENGTH).tempo == "2-0-1-0"


def test_apply_week_scales_sets_and_loads():
    heavy = WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8.5, set_factor=1.5, load_factor=1.1)
    week = apply_week(main_lift(load=100, unit="kg"), heavy)
    assert week.sets == 6 and week.load == pytest.approx(110)
    deload = apply_week(main_lift(load=100, unit="kg"), DELOAD)
    assert (deload.sets, deload.reps_min, deload.reps_max, deload.target_rpe) == (2, 3, 5, 6.0)
    assert deload.load == pytest.approx(85)
    assert apply_week(main_lift(sets=1), DELOAD).sets == 1


def test_deload_plan():
    assert deload_plan(CYCLE) is DELOAD
    assert deload_plan([STRENGTH, HYPERTROPHY]) is DEFAULT_DELOAD


@settings(max_examples=examples(150))
@given(
    st.integers(1, 10), st.integers(1, 15), st.integers(0, 10), st.sampled_from(RPE_VALUES),
    st.one_of(st.none(), st.floats(0, 500)),
    st.integers(1, 15), st.integers(0, 10), st.sampled_from(RPE_VALUES),
    st.floats(0.1, 2), st.floats(0.1, 1.2),
)
def test_a_deload_week_never_raises_volume_or_load(sets, lo, span, rpe, load, w_lo, w_span, w_rpe, set_f, load_f):
    base = main_lift(
        sets=sets, reps_min=lo, reps_max=lo + span, target_rpe=rpe, load=load, unit="kg" if load is not None else None
    )
    week = WeekPlan(emphasis="deload", reps_min=w_lo, reps_max=w_lo + w_span, target_rpe=w_rpe,
                    set_factor=set_f, load_factor=load_f)
    deload = apply_week(base, week)
    assert deload.sets <= base.sets
    assert deload.reps_min <= base.reps_min and deload.reps_max <= base.reps_max
    assert deload.sets * deload.reps_max <= base.sets * base.reps_max
    assert deload.target_rpe <= base.target_rpe
    if load is not None:
        assert deload.load <= load


@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(["barbell", "dumbbell", "machine", "bodyweight"]),
    st.floats(10, 250), st.integers(1, 15), st.integers(1, 6), st.one_of(st.none(), st.sampled_from(RPE_VALUES)),
    st.sampled_from([DELOAD, DEFAULT_DELOAD]),
)
def test_a_deload_plan_never_raises_volume_or_load_over_the_last_session(equipment, raw, reps, n, rpe, week):
    config = Settings()
    ex = Exercise(id="deadlift", name="Deadlift", pattern="hinge", equipment=equipment, cues=["brace"])
    load = None if equipment == "bodyweight" else round_to_loadable(raw, "kg", equipment, config)
    last = session(load, reps, rpe, MONDAY, n=n)
    plan = next_prescription(ex, main_lift(sets=4, reps_min=6, reps_max=10), week, [last], config)
    assert plan.sets * plan.reps <= n * reps
    assert plan.sets <= n or plan.sets == 1
    if load is not None:
        assert plan.load is not None and plan.load <= load
    assert any("deload" in reason for reason in plan.reasons)


def test_rpe_creep_at_the_same_load():
    history = [
        session(140, 5, 9.5, MONDAY + timedelta(days=7)),
        session(140, 5, 9, MONDAY + timedelta(days=3)),
        session(140, 5, 8.5, MONDAY),
        session(130, 5, 8, MONDAY - timedelta(days=4)),
    ]
    assert fatigue_signals({"Deadlift": history}) == ["Deadlift: RPE up from 8.5 to 9.5 at 140 kg x 5 over 3 sessions"]
    # More reps at the same load explain a higher RPE: no creep.
    more_reps = [session(140, 6, 9.5, MONDAY + timedelta(days=7)), session(140, 5, 8.5, MONDAY)]
    assert fatigue_signals({"Deadlift": more_reps}) == []
    # Half a point is noise.
    assert fatigue_signals({"Deadlift": history[1:3]}) == []


def test_e1rm_falling_and_deload_sessions_ignored():
    history = [
        session(130, 5, 9.5, MONDAY + timedelta(days=14)),
        session(100, 5, 6, MONDAY + timedelta(days=10), deload=True),
        session(135, 5, 8, MONDAY + timedelta(days=7)),
        session(130, 5, 8, MONDAY),
    ]
    signals = fatigue_signals({"Deadlift": history})
    assert signals == ["Deadlift: e1RM down 8 % (166.5 kg -> 152.9 kg)"]
    assert fatigue_signals({"Deadlift": history[1:]}) == []


def test_poor_recovery_and_persistent_soreness():
    days = [MONDAY + timedelta(days=i) for i in range(4)]
    poor = [note(d, sleep_hours=4.5, energy=1, stress=5) for d in days]
    assert fatigue_signals({}, poor, today=days[-1]) == [
        "poor recovery 4 days running (sleep, soreness, stress or energy)"
    ]
    assert fatigue_signals({}, poor[:2], today=days[1]) == []
    assert fatigue_signals({}, poor, today=days[-1] + timedelta(days=5)) == []  # nothing recent
    gap = [poor[0], poor[1], poor[3]]
    assert fatigue_signals({}, gap, today=days[-1]) == []
    # A sore region lightens the exercises that load it (readiness), never the whole program.
    sore = [note(d, soreness={"low_back": 3}) for d in days[:3]]
    assert fatigue_signals({}, sore, today=days[2]) == []


def test_should_deload_on_the_planned_week():
    assert should_deload(CYCLE, MONDAY, MONDAY + timedelta(days=22), {}) == (
        True, ["week 4 of the block is the planned deload"])


def test_should_deload_after_six_weeks_without_one():
    long_cycle = [STRENGTH] * 8
    assert should_deload(long_cycle, MONDAY, MONDAY + timedelta(days=36), {}) == (
        False, ["no deload due: week 6 of the program, no signs of fatigue"])
    assert should_deload(long_cycle, MONDAY, MONDAY + timedelta(days=43), {}) == (
        True, ["week 7 of the program and no deload yet: time for one (every 4-6 weeks)"])
    early = MONDAY + timedelta(days=14)
    assert should_deload(long_cycle, MONDAY, MONDAY + timedelta(days=43), {}, last_deload=early) == (
        False, ["no deload due: 4 weeks since the last deload, no signs of fatigue"])
    assert should_deload(long_cycle, MONDAY, early + timedelta(days=2), {}, last_deload=early) == (
        True, [f"this week is a deload (started {early.isoformat()})"])


def test_fatigue_brings_the_deload_forward_unless_one_was_just_taken():
    tired = [note(MONDAY + timedelta(days=20 + i), sleep_hours=4, energy=1, stress=5) for i in range(3)]
    today = MONDAY + timedelta(days=22)
    long_cycle = [STRENGTH] * 8
    due, reasons = should_deload(long_cycle, MONDAY, today, {}, tired)
    assert due and reasons == [
        "poor recovery 3 days running (sleep, soreness, stress or energy)",
        "fatigue shows (week 4 of the program): deload early",
    ]
    due, reasons = should_deload(long_cycle, MONDAY, today, {}, tired, last_deload=MONDAY + timedelta(days=7))
    assert (
        not due
        and reasons[-1]
        == "only 2 weeks since the last deload: change volume, load or exercise instead of another deload"
    )
    # The cycle's own deload counts as the last one.
    with_deload = [STRENGTH, DELOAD] + [STRENGTH] * 6
    assert should_deload(with_deload, MONDAY, today, {}, tired)[0] is False

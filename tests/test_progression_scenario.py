"""Six weeks of a deadlift, two sessions a week, driven only by the rules.

Weeks 1-5: the lifter logs every planned set at the target RPE and the bar climbs by double
progression. Then RPE creeps up at the same load, the e1RM falls, and the deload comes in
week 6: before the cycle's own deload (week 8) and before the six-week limit (week 7).
"""

from datetime import UTC, date, datetime, timedelta

from gymtui.domain.blocks import SessionSets, deload_plan, week_plan_for
from gymtui.domain.deload import should_deload
from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Exercise, Prescription, WeekPlan
from gymtui.domain.progression import next_prescription
from gymtui.domain.settings import Settings

START = date(2026, 1, 5)  # a Monday
T0 = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
STRENGTH = WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8)
DELOAD = WeekPlan(emphasis="deload", reps_min=3, reps_max=5, target_rpe=6, set_factor=0.5, load_factor=0.85)
CYCLE = [STRENGTH] * 7 + [DELOAD]
DEADLIFT = Exercise(id="deadlift", name="Deadlift", pattern="hinge", equipment="barbell", cues=["brace"])
BASE = Prescription(exercise="deadlift", sets=3, reps_min=5, reps_max=8, target_rpe=8, load=120, unit="kg",
                    follows_block=True)
# The RPE the lifter reports for sessions 1-11: on target, then creeping.
REPORTED = [8, 8, 8, 8, 8, 8, 8, 8, 8, 8.5, 9.5]


def session_days():
    for week in range(6):
        for offset in (0, 3):  # Monday and Thursday
            yield START + timedelta(days=7 * week + offset)


def run():
    settings = Settings(program_start=START)
    history: list[SessionSets] = []
    log = []
    for number, day in enumerate(session_days(), start=1):
        due, why = should_deload(CYCLE, START, day, {"Deadlift": history})
        week, plan_week = week_plan_for(CYCLE, START, day)
        plan = next_prescription(DEADLIFT, BASE, deload_plan(CYCLE) if due else plan_week, history, settings, today=day)
        log.append((day, week, due, why, plan))
        if number <= len(REPORTED):
            sets = [LoggedSet(session_id=f"s{number}", exercise="deadlift", load=plan.load, reps=plan.reps,
                              rpe=REPORTED[number - 1], logged_at=T0) for _ in range(plan.sets)]
            history.insert(0, SessionSets(day, sets, plan_week.reps_min, plan_week.reps_max, plan_week.target_rpe))
    return log, history


LOG, HISTORY = run()


def test_on_target_sessions_progress_by_double_progression():
    loads_and_reps = [(plan.load, plan.reps) for *_, plan in LOG[:11]]
    assert loads_and_reps == [
        (120, 3), (120, 4), (120, 5),
        (127.5, 3), (127.5, 4), (127.5, 5),
        (135, 3), (135, 4), (135, 5),
        (142.5, 3), (142.5, 3),
    ]
    assert LOG[0][4].reasons == ["strength week: 3 x 3-5 @ 8", "first time: the program's 120 kg"]
    assert LOG[1][4].reasons[-1] == "last time 120 kg x 3 @ 8, target @ 8: same 120 kg, aim for 4 reps"
    assert LOG[3][4].reasons[-1] == "top of the range (120 kg x 5 @ 8, target @ 8): +6 % to 127.5 kg, back to 3 reps"
    assert LOG[10][4].reasons[-1] == "last time 142.5 kg x 3 @ 8.5, a little over target @ 8: same 142.5 kg x 3 again"


def test_no_deload_while_training_goes_well():
    for day, _week, due, why, _ in LOG[:11]:
        assert not due, (day, why)
        assert why[0].startswith("no deload due: week ")
    assert LOG[10][3] == ["no deload due: week 6 of the program, no signs of fatigue"]


def test_creeping_rpe_brings_an_early_deload_with_its_reasons():
    day, week, due, why, plan = LOG[11]
    assert (day, week) == (START + timedelta(days=38), 6)
    assert due
    assert why == [
        "Deadlift: RPE up from 8.5 to 9.5 at 142.5 kg x 3 over 2 sessions",
        "Deadlift: e1RM down 6 % (166.5 kg -> 157.1 kg)",
        "fatigue shows (week 6 of the program): deload early",
    ]
    # The deload: half the sets, no more reps than last time, 15 % off the bar, easy RPE.
    assert (plan.sets, plan.reps, plan.load, plan.target_rpe, plan.emphasis) == (2, 3, 120, 6, "deload")
    assert plan.reasons == ["deload week: 2 x 3-5 @ 6", "deload from 142.5 kg x 3 @ 9.5: 2 x 3, -16 % to 120 kg"]
    last = LOG[10][4]
    assert plan.sets * plan.reps < last.sets * last.reps and plan.load < last.load


def test_without_the_deload_the_rules_would_lower_the_load():
    day = START + timedelta(days=38)
    plan = next_prescription(DEADLIFT, BASE, STRENGTH, HISTORY, Settings(), today=day)
    assert (plan.sets, plan.reps, plan.load) == (3, 3, 135)
    assert plan.reasons[-1] == "last time 142.5 kg x 3 @ 9.5, target @ 8 (e1RM 157.1 kg by RTS): -5 % to 135 kg"
    assert plan.e1rm is not None and round(plan.e1rm.value, 1) == 157.1

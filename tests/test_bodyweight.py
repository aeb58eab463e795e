"""Bodyweight: kept with dates, validated, and joined to the belt in weighted pull-ups."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.blocks import SessionSets
from gymtui.domain.bodyweight import BodyweightError, Bodyweights, check_bodyweight, with_bodyweight
from gymtui.domain.daily import RecoveryNote
from gymtui.domain.deload import fatigue_signals
from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Prescription, WeekPlan
from gymtui.domain.progression import next_prescription
from gymtui.domain.settings import Settings
from gymtui.domain.settings_text import SettingsTextError, field_text, with_text
from gymtui.services.bodyweight import parse_bodyweight
from gymtui.store.catalog_files import load_catalog
from hypothesis_profiles import examples

T0 = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
D0 = date(2026, 1, 5)
PULL_UP = load_catalog().exercises["pull-up"]
STRENGTH = WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8.5)
HYPERTROPHY = WeekPlan(emphasis="hypertrophy", reps_min=8, reps_max=12, target_rpe=8)
RX = Prescription(exercise="pull-up", sets=4, reps_min=5, reps_max=8, target_rpe=8, follows_block=True)
AT_80 = Bodyweights(((D0 - timedelta(days=30), 80.0),))


def session(belt, reps, rpe, day=D0, count=4, **extra):
    sets = [LoggedSet(session_id=f"s{day}", exercise="pull-up", load=belt, reps=reps, rpe=rpe, logged_at=T0)
            for _ in range(count)]
    return SessionSets(day, tuple(sets), **extra)


def test_bodyweight_on_a_day_is_the_newest_dated_one_before_it():
    weights = Bodyweights(((date(2026, 1, 1), 80.0), (date(2026, 2, 1), 82.0)), settings_kg=79.0)
    assert weights.on(date(2026, 1, 20)) == 80.0
    assert weights.on(date(2026, 2, 1)) == 82.0 and weights.on(None) == 82.0
    assert weights.on(date(2025, 12, 1)) == 79.0  # before any dated one: the one in settings
    assert Bodyweights(((date(2026, 1, 1), 80.0),)).on(date(2025, 12, 1)) == 80.0
    assert Bodyweights().on(D0) is None


def test_notes_in_pounds_are_read_in_kilograms():
    notes = [RecoveryNote(date=D0, bodyweight=180, bodyweight_unit="lb", updated_at=T0),
             RecoveryNote(date=D0 + timedelta(days=1), sleep_hours=8, updated_at=T0)]
    assert Bodyweights.from_notes(notes).on(D0 + timedelta(days=3)) == pytest.approx(81.65, abs=0.01)


@pytest.mark.parametrize("text, expected", [("81.5", (81.5, "kg")), ("81,5 kg", (81.5, "kg")),
                                            ("180lb", (180.0, "lb")), ("180 LBS", (180.0, "lb"))])
def test_typed_bodyweights(text, expected):
    assert parse_bodyweight(text, "kg") == expected


@pytest.mark.parametrize("text, message", [
    ("abc", "'abc' is not a bodyweight: write a number, e.g. 81.5 or 180lb"),
    ("8", "bodyweight 8 kg is out of range: use 25 to 300 kg"),
    ("815", "bodyweight 815 kg is out of range: use 25 to 300 kg"),
    ("40lb", "bodyweight 40 lb is out of range: use 55 to 661 lb"),
    ("-80", "'-80' is not a bodyweight"),
])
def test_unbelievable_bodyweights_are_refused_with_the_range(text, message):
    with pytest.raises(BodyweightError) as error:
        parse_bodyweight(text, "kg")
    assert str(error.value).startswith(message)
    with pytest.raises(BodyweightError):
        check_bodyweight(20, "kg")


def test_bodyweight_in_settings_may_be_empty_and_is_checked():
    start = Settings()
    assert field_text(start, "bodyweight_kg") == ""
    set_ = with_text(start, "bodyweight_kg", "81.5 kg")
    assert set_.bodyweight_kg == 81.5 and field_text(set_, "bodyweight_kg") == "81.5"
    assert with_text(set_, "bodyweight_kg", " ").bodyweight_kg is None
    with pytest.raises(SettingsTextError) as error:
        with_text(start, "bodyweight_kg", "8")
    assert str(error.value) == "Bodyweight: 8 is out of range: use 25 to 300"


def test_a_lighter_belt_for_one_more_rep_is_not_a_drop():
    history = [session(5, 6, 8, D0 + timedelta(days=3)), session(10, 5, 8)]
    # The belt alone says -48 %; with the lifter's 80 kg it is 90 x 5 against 85 x 6.
    assert fatigue_signals({"Pull Up": history}) == ["Pull Up: e1RM down 48 % (12.3 kg -> 6.4 kg)"]
    assert fatigue_signals({"Pull Up": with_bodyweight(history, PULL_UP, AT_80, Settings())}) == []
    plan = next_prescription(PULL_UP, RX, None, history, Settings(), bodyweights=AT_80)
    assert plan.e1rm is not None and round(plan.e1rm.value, 1) == 108.1  # 85 kg x 6 @ 8 is 78.6 %
    assert plan.reasons[0] == "your 80 kg bodyweight counts with the belt: the loads below are both together"
    assert plan.reasons[-1] == f"belt {plan.load:g} kg: {80 + plan.load:g} kg with your 80 kg bodyweight"


def test_strength_week_suggests_a_belt_when_bodyweight_reps_are_too_easy():
    easy = [session(None, 10, 7, planned := D0)]
    easy = [SessionSets(planned, easy[0].sets, reps_min=8, reps_max=12, target_rpe=8)]
    without = next_prescription(PULL_UP, RX, STRENGTH, easy, Settings(), today=D0 + timedelta(days=7))
    assert without.load is None  # before: bodyweight sets at RPE 8.5 for 3 reps, out of reach
    plan = next_prescription(PULL_UP, RX, STRENGTH, easy, Settings(), today=D0 + timedelta(days=7), bodyweights=AT_80)
    assert (plan.sets, plan.reps) == (4, 3) and plan.load == 27.5  # 107.5 kg on the chart for 3 @ 8.5
    assert plan.reasons[-1] == "belt 27.5 kg: 107.5 kg with your 80 kg bodyweight"


def test_a_plan_under_bodyweight_is_bodyweight_only():
    hard = [SessionSets(D0, session(None, 8, 10).sets, reps_min=8, reps_max=12, target_rpe=8)]
    plan = next_prescription(PULL_UP, RX, HYPERTROPHY, hard, Settings(), bodyweights=AT_80)
    assert plan.load is None
    assert plan.reasons[-1].startswith("bodyweight only: the plan's 75 kg is under your 80 kg bodyweight")


def test_without_a_bodyweight_the_plan_asks_for_it():
    plan = next_prescription(PULL_UP, RX, None, [session(10, 5, 8)], Settings(), bodyweights=Bodyweights())
    assert "your bodyweight is not known, so only the belt counts: set it in Settings or with gymtui" \
           " bodyweight 81.5" in plan.reasons


@settings(max_examples=examples(150), deadline=None)
@given(
    st.floats(50, 150).map(lambda kg: round(kg, 1)),
    st.integers(1, 16).map(lambda n: n * 2.5),
    st.integers(1, 11),
    st.sampled_from([7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0]),
)
def test_one_plate_off_the_belt_for_one_more_rep_never_reads_as_fatigue(bodyweight, belt, reps, rpe):
    history = [session(belt - 2.5 or None, reps + 1, rpe, D0 + timedelta(days=3)), session(belt, reps, rpe)]
    weights = Bodyweights(((D0, bodyweight),))
    assert fatigue_signals({"Pull Up": with_bodyweight(history, PULL_UP, weights, Settings())}) == []


def test_a_history_read_with_bodyweight_is_not_read_twice():
    history = [session(5, 6, 8, D0 + timedelta(days=3)), session(None, 5, 8)]
    once = with_bodyweight(history, PULL_UP, AT_80, Settings())
    assert [s.load for s in once[0].sets] == [85.0] * 4 and [s.load for s in once[1].sets] == [80.0] * 4
    assert with_bodyweight(once, PULL_UP, AT_80, Settings()) == once
    plan = next_prescription(PULL_UP, RX, None, once, Settings(), bodyweights=AT_80)
    assert plan == next_prescription(PULL_UP, RX, None, history, Settings(), bodyweights=AT_80)

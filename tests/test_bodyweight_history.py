"""History's e1RM of a weighted pull-up counts the lifter's bodyweight of that day, not the
belt alone; with no bodyweight known it gives none rather than a wrong one."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.domain.bodyweight import Bodyweights
from gymtui.domain.bodyweight_history import with_bodyweight_e1rm
from gymtui.domain.rpe import e1rm
from gymtui.domain.stats import summarise_week

SESSION = {"id": "s1", "date": "2026-11-09", "started_at": "2026-11-09T18:00:00+00:00", "name": "Pull"}


def _day(sets):
    records = [{"session_id": "s1", "exercise": "weighted-pull-up", "logged_at": f"2026-11-09T18:0{i}:00+00:00",
                "set_type": "working", **s} for i, s in enumerate(sets)]
    return summarise_week({"sessions": [SESSION], "sets": records})["exercises"]["weighted-pull-up"]


def test_a_belt_set_is_read_with_the_bodyweight_of_its_day():
    days = _day([{"load": 10, "unit": "kg", "reps": 5, "rpe": 8}])
    assert days[0]["best_e1rm_kg"] == pytest.approx(e1rm(10, 5, 8).value)  # the belt alone, as kept
    weights = Bodyweights(((date(2026, 11, 1), 80.0), (date(2026, 11, 20), 82.0)))
    [read] = with_bodyweight_e1rm(days, weights, 1.0)
    assert read.bodyweight_kg == 80.0  # the newest on or before the day, not the later one
    assert read.day["best_e1rm_kg"] == pytest.approx(e1rm(90, 5, 8).value)
    assert read.day["best_set"] == [10.0, 5, 8]  # the belt stays the belt


def test_bodyweight_sets_only_are_read_from_the_most_reps():
    days = _day([{"load": None, "unit": "kg", "reps": 8}, {"load": None, "unit": "kg", "reps": 10}])
    assert days[0]["best_e1rm_kg"] is None  # a week summary has no load to estimate from
    [read] = with_bodyweight_e1rm(days, Bodyweights(settings_kg=75.0), 1.0)
    assert read.bodyweight_kg == 75.0
    assert read.day["best_e1rm_kg"] == pytest.approx(e1rm(75, 10, None).value)
    assert read.day["best_set"] == [0.0, 10, None]


def test_no_bodyweight_known_gives_no_e1rm_rather_than_the_belts():
    days = _day([{"load": 10, "unit": "kg", "reps": 5, "rpe": 8}])
    [read] = with_bodyweight_e1rm(days, Bodyweights(), 1.0)
    assert read.bodyweight_kg is None and read.day["best_e1rm_kg"] is None and read.day["best_set"] is None


@given(body=st.floats(40, 200), belt=st.floats(0, 60), reps=st.integers(1, 12))
def test_bodyweight_only_ever_adds_to_the_belts_e1rm(body, belt, reps):
    days = _day([{"load": belt or None, "unit": "kg", "reps": reps, "rpe": 8}])
    [read] = with_bodyweight_e1rm(days, Bodyweights(settings_kg=body), 1.0)
    belt_only = days[0]["best_e1rm_kg"] or 0.0
    assert read.day["best_e1rm_kg"] is not None and read.day["best_e1rm_kg"] > belt_only


def test_the_best_set_read_with_bodyweight_need_not_be_the_best_by_belt():
    # By the belt alone 12.5 x 4 @8.5 beats 10 x 5 @8; with 80 kg of lifter the 10 x 5 does.
    days = _day([{"load": 12.5, "unit": "kg", "reps": 4, "rpe": 8.5}, {"load": 10, "unit": "kg", "reps": 5, "rpe": 8}])
    assert days[0]["best_set"] == [12.5, 4, 8.5]
    [read] = with_bodyweight_e1rm(days, Bodyweights(settings_kg=80.0), 1.0)
    both = {e1rm(92.5, 4, 8.5).value: [12.5, 4, 8.5], e1rm(90, 5, 8).value: [10.0, 5, 8]}
    assert read.day["best_e1rm_kg"] == pytest.approx(max(both))
    assert read.day["best_set"] == both[max(both)]


def test_a_summary_keeps_only_the_sets_no_other_beats():
    days = _day([{"load": 10, "unit": "kg", "reps": 5, "rpe": 8}, {"load": 10, "unit": "kg", "reps": 5, "rpe": 9},
                 {"load": 10, "unit": "kg", "reps": 3, "rpe": 8}, {"load": 15, "unit": "kg", "reps": 3, "rpe": 9}])
    assert days[0]["work_sets"] == [[10.0, 5, 8], [15.0, 3, 9]]

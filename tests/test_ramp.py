"""Ramp-up sets and the plate maths behind them: examples and properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.plates import plates_per_side, round_to_loadable
from gymtui.domain.ramp import plates_text, ramp_sets, working_load
from gymtui.domain.settings import RampStep, Settings
from hypothesis_profiles import examples

KG = Settings()
LB = Settings(unit="lb")


def loads(ramp):
    return [(r.load, r.reps) for r in ramp]


# -- examples -------------------------------------------------------------------------------


def test_default_barbell_ramp_to_100_kg():
    ramp = ramp_sets(100, "kg", "barbell", KG)
    assert loads(ramp) == [(20, 10), (40, 5), (60, 3), (80, 2)]
    assert [r.plates for r in ramp] == [(), (10,), (20,), (25, 5)]
    assert [r.label for r in ramp] == ["empty bar", "40 %", "60 %", "80 %"]
    assert all(r.exact and r.note == "" for r in ramp)


def test_inexact_percentages_show_the_nearest_loadable_and_say_so():
    ramp = ramp_sets(82.5, "kg", "barbell", KG)
    forty = ramp[1]
    assert forty.aim == pytest.approx(33.0)
    assert forty.load == 32.5 and forty.plates == (5, 1.25)
    assert not forty.exact
    assert "33 kg" in forty.note and "nearest loadable" in forty.note


def test_lb_gym_uses_the_45_lb_bar_and_lb_plates():
    ramp = ramp_sets(225, "lb", "barbell", LB)
    assert [r.load for r in ramp] == [45, 90, 135, 180]
    assert ramp[2].plates == (45,)
    for r in ramp:
        assert 45 + 2 * sum(r.plates) == pytest.approx(r.load)


def test_a_womens_bar_and_a_small_inventory():
    small = Settings(bar_kg=15, plates_kg=[20, 10, 5])
    ramp = ramp_sets(75, "kg", "barbell", small)
    assert ramp[0].load == 15
    for r in ramp:
        assert 15 + 2 * sum(r.plates) == pytest.approx(r.load)
        assert set(r.plates) <= {20, 10, 5}


def test_light_barbell_work_keeps_only_the_steps_that_differ():
    # 40, 60 and 80 % of 25 kg all round to the empty bar: one set there is enough.
    assert loads(ramp_sets(25, "kg", "barbell", KG)) == [(20, 10)]
    assert ramp_sets(20, "kg", "barbell", KG) == []


def test_a_step_that_rounds_onto_the_working_load_goes_lighter():
    # 80 % of 25 kg on the machine is 20, and 95 % is 23.75, which rounds to 25: it drops to 20,
    # the same as 80 %, so only one set remains there.
    scheme = [RampStep(percent=80, reps=2), RampStep(percent=95, reps=1)]
    assert loads(ramp_sets(25, "kg", "machine", KG, scheme)) == [(20, 2)]


def test_dumbbell_ramp_has_no_empty_bar_and_uses_the_dumbbell_step():
    ramp = ramp_sets(30, "kg", "dumbbell", KG)
    assert loads(ramp) == [(12, 5), (18, 3), (24, 2)]
    assert all(r.plates is None and r.load % 2 == 0 for r in ramp)


def test_very_light_dumbbells_get_a_short_ramp_or_none():
    assert loads(ramp_sets(4, "kg", "dumbbell", KG)) == [(2, 5)]
    assert ramp_sets(2, "kg", "dumbbell", KG) == []


def test_machine_and_cable_ramps_use_the_machine_step():
    assert loads(ramp_sets(50, "kg", "machine", KG)) == [(20, 5), (30, 3), (40, 2)]
    assert loads(ramp_sets(100, "lb", "cable", LB)) == [(40, 5), (60, 3), (80, 2)]


@pytest.mark.parametrize("equipment", ["bodyweight", "band", "other"])
def test_unloaded_equipment_has_no_ramp(equipment):
    assert ramp_sets(50, "kg", equipment, KG) == []


def test_no_working_load_no_ramp():
    assert ramp_sets(None, "kg", "barbell", KG) == []
    assert ramp_sets(0, "kg", "barbell", KG) == []


def test_an_unsorted_scheme_still_climbs():
    scheme = [RampStep(percent=80, reps=1), RampStep(percent=0, reps=10), RampStep(percent=50, reps=5)]
    assert loads(ramp_sets(100, "kg", "barbell", KG, scheme)) == [(20, 10), (50, 5), (80, 1)]


def test_the_settings_scheme_is_used_by_default():
    custom = Settings(ramp=[RampStep(percent=50, reps=5), RampStep(percent=75, reps=3)])
    assert loads(ramp_sets(100, "kg", "barbell", custom)) == [(50, 5), (75, 3)]


def test_working_load_that_cannot_be_loaded_is_named():
    worked = working_load(81, "kg", "barbell", KG)
    assert worked.load == 80 and not worked.exact
    assert worked.note == "81 kg cannot be loaded: 80 kg is the nearest"
    assert 20 + 2 * sum(worked.plates) == 80
    exact = working_load(102.5, "kg", "barbell", KG)
    assert exact.exact and exact.note == "" and exact.plates == (25, 15, 1.25)
    below = working_load(15, "kg", "barbell", KG)
    assert below.load == 20 and "15 kg cannot be loaded" in below.note


def test_working_load_for_dumbbells_has_no_plates():
    worked = working_load(23, "kg", "dumbbell", KG)
    assert worked.load == 22 and worked.plates is None and "22 kg" in worked.note


def test_plates_text():
    assert plates_text((25, 5, 1.25)) == "25 + 5 + 1.25"
    assert plates_text(()) == "empty bar"
    assert plates_text(None) == ""



def test_plates_text_keeps_every_plate_in_a_narrow_column():
    assert plates_text((10, 2.5, 1.25), room=15) == "10 + 2.5 + 1.25"
    assert plates_text((20, 10, 2.5, 1.25), room=15) == "20+10+2.5+1.25"
    assert plates_text((25, 25, 25, 5, 2.5, 1.25), room=15) == "3×25+5+2.5+1.25"


# -- properties -------------------------------------------------------------------------------

KG_PLATES = [25, 20, 15, 10, 5, 2.5, 1.25, 0.5]
LB_PLATES = [45, 35, 25, 10, 5, 2.5]


@st.composite
def gyms(draw):
    unit = draw(st.sampled_from(["kg", "lb"]))
    pool = KG_PLATES if unit == "kg" else LB_PLATES
    plates = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    bar = draw(st.sampled_from([15.0, 20.0]) if unit == "kg" else st.sampled_from([35.0, 45.0]))
    settings_ = Settings(unit=unit, **{f"plates_{unit}": plates, f"bar_{unit}": bar})
    return unit, settings_


schemes = st.lists(
    st.builds(RampStep, percent=st.integers(0, 99).map(float), reps=st.integers(1, 12)), min_size=1, max_size=6
)


def reachable_loads(unit, gym, limit):
    """Every load the inventory can make up to `limit`, by brute force over plate sums."""
    ticks = [round(p * 100) for p in gym.plates(unit)]
    bar = gym.bar(unit)
    top = round(((limit - bar) / 2) * 100) + max(ticks)
    sums = {0}
    frontier = [0]
    while frontier:
        nxt = []
        for s in frontier:
            for t in ticks:
                if s + t <= top and s + t not in sums:
                    sums.add(s + t)
                    nxt.append(s + t)
        frontier = nxt
    return sorted(bar + 2 * s / 100 for s in sums)


@settings(max_examples=examples(60), deadline=None)
@given(gym=gyms(), asked=st.floats(0, 300, allow_nan=False), scheme=schemes)
def test_barbell_ramp_sets_are_loadable_climbing_and_add_up(gym, asked, scheme):
    unit, gym_settings = gym
    worked = working_load(asked, unit, "barbell", gym_settings)
    bar = gym_settings.bar(unit)
    # The working load shown is made by its plates, exactly.
    assert bar + 2 * sum(worked.plates) == pytest.approx(worked.load, abs=1e-6)
    assert worked.exact == (abs(worked.load - asked) < 1e-3)
    if not worked.exact:
        assert "cannot be loaded" in worked.note
    ramp = ramp_sets(worked.load, unit, "barbell", gym_settings, scheme)
    previous = None
    for r in ramp:
        assert bar + 2 * sum(r.plates) == pytest.approx(r.load, abs=1e-6)
        assert round_to_loadable(r.load, unit, "barbell", gym_settings) == pytest.approx(r.load)
        assert bar - 1e-9 <= r.load < worked.load
        assert r.exact or "nearest loadable" in r.note
        assert all(p in gym_settings.plates(unit) for p in r.plates)
        if previous is not None:
            assert r.load > previous
        previous = r.load


@settings(max_examples=examples(60), deadline=None)
@given(gym=gyms(), load=st.floats(0, 260, allow_nan=False))
def test_plates_add_up_to_the_load_shown_or_the_nearest_is_shown(gym, load):
    unit, gym_settings = gym
    result = plates_per_side(load, unit, gym_settings)
    bar = gym_settings.bar(unit)
    assert bar + 2 * sum(result.plates) == pytest.approx(result.achieved, abs=1e-6)
    assert result.exact == (abs(result.achieved - load) < 1e-3)
    if not result.exact:
        # Nothing the inventory can make is nearer than what is shown.
        candidates = reachable_loads(unit, gym_settings, max(load, bar) + 1)
        best = min(abs(c - load) for c in candidates)
        assert abs(result.achieved - load) <= best + 1e-6
    assert result.below_bar == (load < bar - 1e-6)


@settings(max_examples=examples(60), deadline=None)
@given(
    unit=st.sampled_from(["kg", "lb"]),
    equipment=st.sampled_from(["dumbbell", "kettlebell", "machine", "cable"]),
    asked=st.floats(0.5, 200, allow_nan=False),
    scheme=schemes,
)
def test_stepped_ramps_are_multiples_of_the_step_and_climb(unit, equipment, asked, scheme):
    gym = Settings(unit=unit)
    step = gym.dumbbell_step(unit) if equipment in ("dumbbell", "kettlebell") else gym.machine_step(unit)
    worked = working_load(asked, unit, equipment, gym)
    ramp = ramp_sets(worked.load, unit, equipment, gym, scheme)
    loads_ = [r.load for r in ramp]
    assert loads_ == sorted(set(loads_))
    for r in ramp:
        assert r.plates is None and r.percent > 0
        assert (r.load / step) == pytest.approx(round(r.load / step))
        assert step - 1e-9 <= r.load < worked.load

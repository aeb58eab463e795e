"""Loadable rounding and plates per side."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.plates import next_loadable, plates_per_side, round_for_exercise, round_to_loadable, within_cap
from gymtui.domain.settings import Settings
from hypothesis_profiles import examples

KG = Settings()
ODD = Settings(plates_kg=[20, 15])


@pytest.mark.parametrize(
    ("load", "unit", "equipment", "direction", "expected"),
    [
        (80, "kg", "barbell", "nearest", 80),
        (81, "kg", "barbell", "nearest", 80),
        (81.25, "kg", "barbell", "nearest", 80),  # a tie goes to the lighter load
        (81.3, "kg", "barbell", "nearest", 82.5),
        (81, "kg", "barbell", "up", 82.5),
        (84, "kg", "barbell", "down", 82.5),
        (142.5, "kg", "barbell", "nearest", 142.5),
        (143, "kg", "barbell", "nearest", 142.5),
        (10, "kg", "barbell", "nearest", 20),
        (10, "kg", "barbell", "down", 20),  # nothing lighter than the bar
        (-5, "kg", "barbell", "nearest", 20),
        (200, "lb", "barbell", "nearest", 200),
        (201, "lb", "barbell", "nearest", 200),
        (203, "lb", "barbell", "nearest", 205),
        (11, "kg", "dumbbell", "nearest", 10),
        (11.1, "kg", "dumbbell", "nearest", 12),
        (11, "kg", "kettlebell", "up", 12),
        (0.5, "kg", "dumbbell", "nearest", 2),  # no 0 kg dumbbell
        (27, "lb", "dumbbell", "nearest", 25),
        (47, "kg", "machine", "nearest", 45),
        (48, "kg", "cable", "nearest", 50),
        (48, "kg", "cable", "down", 45),
        (12.3, "kg", "band", "nearest", 12.3),
        (12.3, "kg", "bodyweight", "up", 12.3),
    ],
)
def test_round_to_loadable(load, unit, equipment, direction, expected):
    assert round_to_loadable(load, unit, equipment, KG, direction) == pytest.approx(expected)


@pytest.mark.parametrize("equipment", ["barbell", "dumbbell", "machine", "cable", "band", "bodyweight"])
def test_no_load_stays_no_load(equipment):
    assert round_to_loadable(None, "kg", equipment, KG) is None


def test_odd_inventory_needs_more_than_greedy():
    # 30 kg a side is 15 + 15: greedy would take a 20 and be stuck.
    result = plates_per_side(80, "kg", ODD)
    assert result.plates == [15, 15] and result.exact and result.achieved == 80
    assert round_to_loadable(81, "kg", "barbell", ODD) == 80
    # Per side only 0, 15, 20, 30, 35, 40 ... can be made: 25 a side (70 kg) cannot.
    assert round_to_loadable(61, "kg", "barbell", ODD, "up") == 80
    assert round_to_loadable(70, "kg", "barbell", ODD) == 60  # 60 and 80 tie: the lighter
    assert not plates_per_side(70, "kg", ODD).exact


@pytest.mark.parametrize(
    ("load", "unit", "plates"),
    [
        (20, "kg", []),
        (142.5, "kg", [25, 25, 10, 1.25]),
        (60, "kg", [20]),
        (102.5, "kg", [25, 15, 1.25]),
        (225, "lb", [45, 45]),
        (135, "lb", [45]),
        (185, "lb", [45, 25]),
    ],
)
def test_fewest_plates_largest_first(load, unit, plates):
    result = plates_per_side(load, unit, KG)
    assert result.plates == plates
    assert result.exact and not result.below_bar and result.achieved == load


def test_below_the_bar_and_unloadable_loads_are_flagged():
    light = plates_per_side(12, "kg", KG)
    assert light.below_bar and not light.exact and light.plates == [] and light.achieved == 20
    near = plates_per_side(81, "kg", KG)
    assert not near.exact and not near.below_bar and near.achieved == 80 and near.plates == [25, 5]
    assert plates_per_side(40, "kg", Settings(bar_kg=15)).plates == [10, 2.5]


def test_a_fine_inventory_stays_quick():
    fine = Settings(plates_kg=[25, 20, 1.1, 0.3])
    result = plates_per_side(452.5, "kg", fine)
    assert abs(result.achieved - 452.5) <= 0.3 and result.achieved == pytest.approx(20 + 2 * sum(result.plates))


INVENTORIES = st.lists(st.sampled_from([25, 20, 15, 10, 5, 2.5, 1.25, 0.5]), min_size=1, max_size=5, unique=True)


def _reachable_sums(plates, limit):
    """Per-side sums, brute force in quarter-kilo units (every plate above is a multiple)."""
    units = [round(p * 4) for p in plates]
    seen = {0}
    frontier = [0]
    while frontier:
        total = frontier.pop()
        for u in units:
            if total + u <= limit * 4 and total + u not in seen:
                seen.add(total + u)
                frontier.append(total + u)
    return sorted(s / 4 for s in seen)


@settings(max_examples=examples(120), deadline=None)
@given(INVENTORIES, st.sampled_from([15.0, 20.0]), st.floats(-10, 260, allow_nan=False))
def test_plates_always_add_up_and_are_nearest(plates, bar, load):
    config = Settings(plates_kg=plates, bar_kg=bar)
    result = plates_per_side(load, "kg", config)
    assert result.achieved == pytest.approx(bar + 2 * sum(result.plates))
    assert all(p in plates for p in result.plates) and result.achieved >= bar > 0
    assert result.plates == sorted(result.plates, reverse=True)
    assert result.below_bar == (load < bar)
    assert result.exact == (abs(result.achieved - load) < 1e-3)
    if load >= bar:
        sums = _reachable_sums(plates, (load - bar) / 2 + max(plates))
        best = min(abs(bar + 2 * s - load) for s in sums)
        assert abs(result.achieved - load) == pytest.approx(best)


@settings(max_examples=examples(120), deadline=None)
@given(INVENTORIES, st.floats(0, 300, allow_nan=False), st.sampled_from(["kg", "lb"]))
def test_rounded_barbell_loads_are_loadable_and_bracket_the_load(plates, load, unit):
    config = Settings(plates_kg=plates, plates_lb=plates)
    down = round_to_loadable(load, unit, "barbell", config, "down")
    up = round_to_loadable(load, unit, "barbell", config, "up")
    nearest = round_to_loadable(load, unit, "barbell", config)
    bar = config.bar(unit)
    for value in (down, up, nearest):
        assert value is not None and value >= bar
        assert plates_per_side(value, unit, config).exact
    assert nearest in (down, up)
    assert up >= load - 1e-9
    assert down <= max(load, bar) + 1e-9


@settings(max_examples=examples(100))
@given(
    st.floats(-5, 200, allow_nan=False),
    st.sampled_from(["dumbbell", "kettlebell", "machine", "cable"]),
    st.sampled_from(["nearest", "down", "up"]),
)
def test_stepped_equipment_gives_whole_steps(load, equipment, direction):
    value = round_to_loadable(load, "kg", equipment, KG, direction)
    step = KG.dumbbell_step("kg") if equipment in ("dumbbell", "kettlebell") else KG.machine_step("kg")
    assert value is not None and value >= step
    assert value / step == pytest.approx(round(value / step))
    if direction == "up":
        assert value >= load - 1e-9
    if direction == "down" and load >= step:
        assert value <= load + 1e-9


def test_added_weight_on_bodyweight_work_goes_in_the_smallest_plate():
    assert round_for_exercise(11.1, "kg", "bodyweight", KG) == 11.25
    assert round_for_exercise(11.1, "kg", "other", KG, "down") == 10
    assert round_for_exercise(23, "lb", "band", KG) == 22.5
    assert round_for_exercise(81, "kg", "barbell", KG) == 80


@pytest.mark.parametrize(
    ("load", "equipment", "up", "expected"),
    [(80, "barbell", True, 82.5), (80, "barbell", False, 77.5), (81, "barbell", True, 82.5),
     (20, "barbell", False, 20), (10, "dumbbell", True, 12), (2, "dumbbell", False, 2), (45, "cable", False, 40)],
)
def test_next_loadable(load, equipment, up, expected):
    assert next_loadable(load, "kg", equipment, KG, up) == expected


@pytest.mark.parametrize(
    ("wanted", "around", "change", "equipment", "expected"),
    [
        (95, 80, 0.10, "barbell", (87.5, True)),
        (70, 80, 0.10, "barbell", (72.5, True)),
        (83, 80, 0.10, "barbell", (82.5, False)),
        # The next dumbbell is 20 % up: one step is always allowed, whatever the cap.
        (12, 10, 0.10, "dumbbell", (12, False)),
        (16, 10, 0.10, "dumbbell", (12, True)),
        (13, 11, 0.05, "dumbbell", (12, False)),  # nothing loadable within 5 % of 11: one step up
        (8, 11, 0.05, "dumbbell", (10, True)),  # one step down
    ],
)
def test_within_cap(wanted, around, change, equipment, expected):
    assert within_cap(wanted, around, change, "kg", equipment, KG) == expected


def test_a_dumbbell_off_the_settings_steps_gets_the_nearest_either_side():
    from gymtui.domain.plates import off_the_steps
    from gymtui.domain.settings import Settings

    settings = Settings(dumbbell_step_kg=2, dumbbell_step_lb=5)
    assert off_the_steps(23, "kg", "dumbbell", settings) == (22, 24)
    assert off_the_steps(1, "kg", "kettlebell", settings) == (2, 2)  # the lightest is one step
    assert off_the_steps(24, "kg", "dumbbell", settings) is None
    assert off_the_steps(52.5, "lb", "dumbbell", settings) == (50, 55)
    assert off_the_steps(23, "kg", "barbell", settings) is None  # plates are another question

"""Settings typed as text: plates lists, ramp schemes, durations, and the messages for bad values."""

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from gymtui.domain.settings import RampStep, Settings
from gymtui.domain.settings_text import (
    MAX_PLATE,
    TEXT_FIELDS,
    SettingsTextError,
    field_text,
    parse_duration,
    parse_number,
    parse_plates,
    parse_ramp,
    range_rule,
    show_duration,
    show_plates,
    show_ramp,
    with_text,
)
from hypothesis_profiles import examples

EXAMPLES = hsettings(max_examples=examples(60), deadline=None)

plate = st.floats(min_value=0.01, max_value=MAX_PLATE, allow_nan=False, allow_infinity=False)
ramp_step = st.builds(RampStep, percent=st.integers(0, 100).map(float) | st.floats(0, 100), reps=st.integers(1, 20))
ramp = st.lists(ramp_step, min_size=1, max_size=8, unique_by=lambda step: step.percent)


# -- plates ----------------------------------------------------------------------------------


def test_plates_read_with_commas_spaces_or_semicolons_heaviest_first():
    assert parse_plates("1.25, 2.5 5;10  20,25") == [25, 20, 10, 5, 2.5, 1.25]
    assert parse_plates("20, 20, 10") == [20, 10]


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("20, ten", "'ten' is not a plate weight"),
    ("20, 75", "a 75 plate is out of range"),
    ("20, 0", "a 0 plate is out of range"),
    ("20, nan", "'nan' is not a plate weight"),
])
def test_bad_plate_lists_name_the_plate(text, words):
    with pytest.raises(SettingsTextError) as caught:
        with_text(Settings(), "plates_kg", text)
    assert str(caught.value).startswith("Plates kg: ") and words in str(caught.value)


@EXAMPLES
@given(st.lists(plate, min_size=1, max_size=12))
def test_plates_shown_read_back_to_the_same_list(plates):
    assert parse_plates(show_plates(plates)) == sorted(set(plates), reverse=True)


def test_heaviest_plate_rule_matches_the_model():
    assert Settings(plates_kg=[MAX_PLATE]).plates_kg == [MAX_PLATE]
    with pytest.raises(ValueError):
        Settings(plates_kg=[MAX_PLATE + 0.5])


# -- ramp scheme -------------------------------------------------------------------------------


def test_ramp_scheme_reads_percent_x_reps_with_bar_and_percent_signs():
    steps = parse_ramp("bar x 10, 60% x3; 40x5 ,80*2")
    assert [(s.percent, s.reps) for s in steps] == [(0, 10), (40, 5), (60, 3), (80, 2)]


@pytest.mark.parametrize("text, words", [
    ("", "no ramp sets"),
    ("0x10, 40-5", "set 2 '40-5' is not PERCENTxREPS"),
    ("0x10, 120x2", "above the working load"),
    ("0x10, 40x0", "0 reps"),
    ("0x10, 40x25", "25 reps"),
    ("40x5, 40x3", "two ramp sets at 40 %"),
    (", ".join(f"{p}x2" for p in range(0, 90, 10)), "9 ramp sets: at most 8"),
])
def test_bad_ramp_schemes_say_which_set(text, words):
    with pytest.raises(SettingsTextError) as caught:
        with_text(Settings(), "ramp", text)
    assert str(caught.value).startswith("Ramp sets: ") and words in str(caught.value)


@EXAMPLES
@given(ramp)
def test_ramp_shown_reads_back_lightest_first(steps):
    assert parse_ramp(show_ramp(steps)) == sorted(steps, key=lambda s: s.percent)


@EXAMPLES
@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_with_a_message(text):
    for key in ("ramp", "plates_kg", "bar_kg", "default_rest_seconds", "max_change", "bell", "unit"):
        try:
            result = with_text(Settings(), key, text)
        except SettingsTextError as error:
            assert str(error).startswith(TEXT_FIELDS[key].label + ": ")
        else:
            assert isinstance(result, Settings)


# -- numbers and durations ---------------------------------------------------------------------


def test_numbers_take_a_decimal_comma_and_the_fields_unit():
    assert parse_number("22,5") == 22.5
    assert with_text(Settings(), "bar_kg", "15 kg").bar_kg == 15
    assert with_text(Settings(), "max_change", "7.5%").max_change == pytest.approx(0.075)
    for bad in ("1e3", "inf", "20 lb", "--2"):
        with pytest.raises(SettingsTextError):
            with_text(Settings(), "bar_kg", bad)


def test_durations_as_minutes_seconds_or_seconds():
    assert parse_duration("2:30") == 150
    assert parse_duration("90") == parse_duration("90s") == 90
    assert show_duration(150) == "2:30"
    with pytest.raises(ValueError):
        parse_duration("2:75")


@EXAMPLES
@given(st.integers(0, 900))
def test_durations_shown_read_back(seconds):
    assert parse_duration(show_duration(seconds)) == seconds


def test_out_of_range_values_give_the_range_in_the_lifters_units():
    cases = {
        ("bar_kg", "0"): "Bar kg: 0 is out of range: use more than 0 and at most 50",
        ("max_change", "60"): "Max change: 60 is out of range: use more than 0 % and at most 50 %",
        ("default_rest_seconds", "16:00"): "Default rest: 16:00 is out of range: use 0:00 to 15:00",
        ("lead_in_seconds", "11"): "Tempo lead-in: 11 is out of range: use 0 to 10",
    }
    for (key, text), message in cases.items():
        with pytest.raises(SettingsTextError) as caught:
            with_text(Settings(), key, text)
        assert str(caught.value) == message
    assert range_rule("x_cue_seconds") == "0.2 to 3"


def test_whole_numbers_where_the_model_wants_them():
    with pytest.raises(SettingsTextError, match=r"Tempo lead-in: 2\.5 is not a whole number"):
        with_text(Settings(), "lead_in_seconds", "2.5")
    assert with_text(Settings(), "backups_kept", "14").backups_kept == 14


def test_switches_and_units():
    assert with_text(Settings(), "bell", "off").bell is False
    assert with_text(Settings(), "unit", "lbs").unit == "lb"
    with pytest.raises(SettingsTextError, match="Units: unknown unit"):
        with_text(Settings(), "unit", "stone")


# -- every field shows a text that reads back to the same settings -----------------------------

any_settings = st.builds(
    Settings,
    unit=st.sampled_from(["kg", "lb"]),
    bar_kg=st.floats(0.5, 50),
    plates_lb=st.lists(plate, min_size=1, max_size=8),
    dumbbell_step_kg=st.floats(0.1, 10),
    max_change=st.floats(0.001, 0.5),
    # The screen stores ramp sets lightest first (as parse_ramp returns them).
    ramp=ramp.map(lambda steps: sorted(steps, key=lambda s: s.percent)),
    default_rest_seconds=st.integers(0, 900),
    bell=st.booleans(),
    lead_in_seconds=st.integers(0, 10),
    x_cue_seconds=st.floats(0.2, 3),
    backups_kept=st.integers(1, 60),
)


@EXAMPLES
@given(any_settings)
def test_every_field_text_reads_back_to_the_same_settings(settings):
    for key in TEXT_FIELDS:
        assert with_text(settings, key, field_text(settings, key)) == settings, key

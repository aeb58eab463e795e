"""Cell readers: numbers, reps, RPE, durations, clock times, distances, dates."""

from datetime import datetime

import pytest

from gymtui.importers import values
from gymtui.importers.values import RowError


@pytest.mark.parametrize(("text", "seconds"), [("31m", 1860), ("1h", 3600), ("2h 18m", 8280), ("264h 1m", 950460),
                                               ("45s", 45), ("1h 2m 3s", 3723), ("3600", 3600), ("", None)])
def test_strong_durations(text, seconds):
    assert values.duration_seconds(text) == seconds


@pytest.mark.parametrize("text", ["soon", "1x", "m", "1h and 5m"])
def test_bad_durations(text):
    with pytest.raises(RowError):
        values.duration_seconds(text)


@pytest.mark.parametrize(("text", "seconds"), [("0:25:30", 1530), ("1:30", 90), ("45", 45), ("", None)])
def test_clock_times(text, seconds):
    assert values.clock_seconds(text) == seconds


def test_numbers_reps_and_rpe():
    assert values.number("82,5", "weight") == 82.5
    assert values.whole("5.0", "reps") == 5
    assert values.rpe("6.5") == 6.5 and values.rpe("") is None and values.rpe("0") is None
    for bad in ("nan", "inf", "-2", "x"):
        with pytest.raises(RowError):
            values.number(bad, "weight")
    with pytest.raises(RowError, match="not a whole number"):
        values.whole("5.5", "reps")
    with pytest.raises(RowError, match="not on the scale"):
        values.rpe("7.3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 18:30:00", datetime(2024, 3, 5, 18, 30)),
        ("2024-03-05T18:30", datetime(2024, 3, 5, 18, 30)),
        ("2024-03-05 6:30:00\u202fPM", datetime(2024, 3, 5, 18, 30)),
        ("5 Dec 2025, 11:37", datetime(2025, 12, 5, 11, 37)),
        ("02 Jul 2025, 08:05", datetime(2025, 7, 2, 8, 5)),
        ("14 September 2025, 07:00", datetime(2025, 9, 14, 7, 0)),
        ("2024-02-01", datetime(2024, 2, 1)),
    ],
)
def test_dates(text, expected):
    assert values.local_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "31 Feb 2025, 10:00", "5 Foo 2025, 11:37", "2024-13-01 10:00:00", "yesterday"])
def test_bad_dates(text):
    with pytest.raises(RowError):
        values.local_datetime(text)


def test_units_and_distances():
    assert values.weight_unit("kgs") == "kg" and values.weight_unit("LBS") == "lb" and values.weight_unit(" ") is None
    assert values.metres_per("mi") == 1609.344 and values.metres_per("meters") == 1.0
    with pytest.raises(RowError):
        values.weight_unit("stone")
    with pytest.raises(RowError):
        values.metres_per("furlong")

"""FitNotes' CSV: dates without times, 'kgs'/'lbs', H:MM:SS times."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from gymtui.domain.library import Exercise
from gymtui.importers import import_file, import_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def test_days_become_sessions_at_noon_named_after_the_categories():
    result = import_file(FIXTURES / "fitnotes.csv", exercises=library(), tz="Asia/Tokyo")
    assert result.ok and result.source == "import:fitnotes"
    first, second = result.sessions
    assert (first.date, second.date) == (date(2024, 2, 1), date(2024, 2, 3))
    assert (first.started_at.hour, first.started_at.utcoffset()) == (12, timedelta(hours=9))
    assert first.name == "Back, Chest, Cardio" and second.name == "Back"
    assert first.finished_at is None


def test_units_times_distances_and_comments():
    result = import_file(FIXTURES / "fitnotes.csv", exercises=library(), tz="UTC")
    sets = result.sets
    assert [(s.load, s.unit) for s in sets[:3]] == [(140.0, "kg"), (140.0, "kg"), (185.0, "lb")]
    assert sets[1].note == "Grip slipping, use straps"
    run = sets[3]
    assert (run.reps, run.seconds) == (None, 25 * 60 + 30) and run.distance_m == pytest.approx(5000.0)
    pull_up = sets[4]
    assert (pull_up.exercise, pull_up.load, pull_up.reps) == ("pull-up", None, 10)
    assert {s.set_type for s in sets} == {"working"} and all(s.rpe is None for s in sets)


def test_blank_unit_with_a_load_needs_the_unit_passed():
    text = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        "2024-02-01,Row,Back,50,,8,,,,\n"
    )
    without = import_text(text, exercises=[], tz="UTC")
    assert not without.sets and "Weight Unit" in without.problems[0].reason and without.problems[0].line == 2
    with_unit = import_text(text, unit="lb", exercises=[], tz="UTC")
    assert with_unit.sets[0].unit == "lb"

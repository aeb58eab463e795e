"""Hevy's CSV, kg and lbs accounts."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from gymtui.domain.library import Exercise
from gymtui.importers import import_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def load(name: str, **options):
    return import_file(FIXTURES / name, exercises=library(), tz=options.pop("tz", "Europe/Berlin"), **options)


def test_kg_file_sessions_and_set_types():
    result = load("hevy_kg.csv")
    assert result.ok and result.source == "import:hevy" and result.format_label == "Hevy (kg)"
    assert [s.name for s in result.sessions] == ['Back, "heavy" 💪', "Push"]
    deadlifts = [s for s in result.sets if s.exercise == "deadlift"]
    assert [s.set_type for s in deadlifts] == ["warmup", "working", "drop", "failure"]
    assert [s.rpe for s in deadlifts] == [None, 8.5, None, 10.0]
    assert {s.unit for s in result.sets} == {"kg"}


def test_dates_with_and_without_a_leading_zero_and_end_times():
    result = load("hevy_kg.csv")
    back, push = result.sessions
    assert (back.started_at.day, back.started_at.month, back.started_at.hour, back.started_at.minute) == (2, 7, 8, 5)
    assert back.started_at.utcoffset() == timedelta(hours=2)  # Berlin, summer
    assert back.finished_at - back.started_at == timedelta(hours=1, minutes=5)
    assert (push.started_at.day, push.started_at.month, push.started_at.hour) == (5, 12, 11)
    assert push.started_at.utcoffset() == timedelta(hours=1)  # Berlin, winter
    assert back.notes == "Morning session"


def test_blank_weight_is_bodyweight_and_timed_rows_have_no_reps():
    result = load("hevy_kg.csv")
    pull_up = next(s for s in result.sets if s.exercise == "pull-up")
    assert (pull_up.load, pull_up.reps) == (None, 10)
    plank = next(s for s in result.sets if s.exercise == "plank")
    assert (plank.reps, plank.seconds) == (None, 45.0)
    rowing = next(s for s in result.sets if s.exercise == "rowing-machine")
    assert rowing.reps is None and rowing.distance_m == pytest.approx(2000.0) and rowing.seconds == 480


def test_exercise_note_is_kept_once():
    result = load("hevy_kg.csv")
    notes = [s.note for s in result.sets if s.exercise == "deadlift"]
    assert notes == ["Hook grip", "", "", ""]


def test_bad_weight_is_reported_with_its_line_and_the_workout_still_imports():
    result = load("hevy_kg.csv")
    assert [(p.line, p.reason, p.kept) for p in result.problems] == [(8, "weight 'heavy' is not a number", False)]
    assert len(result.sets) == 10
    rows = [s for s in result.sets if s.exercise == "barbell-row"]
    assert len(rows) == 1 and rows[0].rpe == 7.5


def test_supersets_are_kept_on_their_sets():
    result = load("hevy_kg.csv")
    grouped = {(s.exercise, s.superset) for s in result.sets if s.superset is not None}
    assert grouped == {("pull-up", "A"), ("barbell-row", "A")}
    assert not any("superset" in notice for notice in result.notices)


def test_lbs_file_keeps_pounds_and_reads_miles():
    result = load("hevy_lbs.csv")
    assert result.format_label == "Hevy (lbs)"
    deadlift, run = result.sets
    assert (deadlift.load, deadlift.unit, deadlift.reps, deadlift.rpe) == (315.0, "lb", 5, 8.0)
    assert run.distance_m == pytest.approx(1.5 * 1609.344) and run.seconds == 720 and run.reps is None


def test_unknown_set_type_is_kept_as_working_with_a_problem():
    header = (FIXTURES / "hevy_kg.csv").read_text().splitlines()[0]
    text = header + '\n"A","1 Jan 2025, 10:00","","","Curl",,"",0,"giant",10,10,,,\n'
    from gymtui.importers import import_text

    result = import_text(text, exercises=[], tz="UTC")
    assert result.sets[0].set_type == "working"
    assert result.problems[0].kept and "giant" in result.problems[0].reason

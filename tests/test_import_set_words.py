"""Set types written as words, unknown set-type labels, and missed attempts (a load, 0 reps)."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Exercise
from gymtui.importers import export_json, export_strong_csv, import_file, import_json, import_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n'
)


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def load(name: str, **options):
    return import_file(FIXTURES / name, tz="Europe/London", exercises=library(), **options)


def test_quoted_export_set_type_words_are_read():
    result = load("strong_quoted_set_words.csv")
    assert result.ok
    deadlifts = [s for s in result.sets if s.exercise == "deadlift"]
    assert [(s.set_type, s.load, s.reps) for s in deadlifts] == [
        ("warmup", 60.0, 5), ("working", 140.0, 5), ("working", 140.0, 5), ("failure", 150.0, 0)]
    rows = [s for s in result.sets if s.exercise == "barbell-row"]
    assert [s.set_type for s in rows] == ["drop", "warmup", "working", "working"]
    assert result.skipped == {"Rest Timer rows (rest times, not sets)": 1}


def test_an_unknown_set_type_label_is_kept_as_a_working_set_with_the_label_in_its_note():
    result = load("strong_quoted_set_words.csv")
    superset, blank = [s for s in result.sets if s.exercise == "barbell-row"][2:]
    assert (superset.set_type, superset.load, superset.reps) == ("working", 80.0, 8)
    assert superset.note == "grip (set type: SUPERSET)"
    assert blank.note == "set type: blank"
    reported = {p.line: p for p in result.problems}
    assert reported[9].kept and "'SUPERSET' is unknown" in reported[9].reason
    assert reported[10].kept


def test_hevy_set_type_spellings_and_unknown_labels():
    text = HEVY_HEADER + (
        '"A","1 Jan 2025, 10:00","","","Curl",,"",0,"warm_up",10,10,,,\n'
        '"A","1 Jan 2025, 10:00","","","Curl",,"",1,"Drop Set",8,10,,,\n'
        '"A","1 Jan 2025, 10:00","","","Curl",,"",2,"giant",10,10,,,\n'
    )
    result = import_text(text, exercises=[], tz="UTC")
    assert [s.set_type for s in result.sets] == ["warmup", "drop", "working"]
    assert result.sets[2].note == "set type: giant"


def test_a_failed_attempt_is_kept_as_a_missed_lift():
    result = load("strong_comma_missed.csv", unit="kg")
    deadlifts = [s for s in result.sets if s.exercise == "deadlift"]
    assert [(s.set_type, s.load, s.reps, s.missed) for s in deadlifts] == [
        ("working", 140.0, 3, False), ("failure", 150.0, 0, True), ("working", 150.0, 0, True)]
    assert deadlifts[1].note == "lost grip"
    pull_ups = [s for s in result.sets if s.exercise == "pull-up"]
    # A bodyweight set marked a failure is a missed attempt; a row with nothing at all is not.
    assert [(s.set_type, s.load, s.reps, s.missed) for s in pull_ups] == [("failure", None, 0, True)]
    assert result.skipped == {"rows with no reps, time or distance": 1}
    assert "3 missed attempts (a load taken for 0 reps), kept in the history." in result.summary()


def test_hevy_and_fitnotes_failed_attempts_are_kept():
    text = HEVY_HEADER + '"A","1 Jan 2025, 10:00","","","Curl",,"",0,"failure",20,0,,,\n'
    (hevy,) = import_text(text, exercises=[], tz="UTC").sets
    assert (hevy.load, hevy.reps, hevy.missed) == (20.0, 0, True)
    fitnotes = ("Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
                "2024-02-01,Deadlift,Back,180.0,kgs,0,,,,\n")
    (lift,) = import_text(fitnotes, exercises=[], tz="UTC").sets
    assert (lift.load, lift.reps, lift.missed) == (180.0, 0, True)


def test_missed_attempts_survive_the_json_bundle_and_the_strong_csv():
    first = load("strong_comma_missed.csv", unit="kg")
    back = import_json(export_json({"sessions": first.sessions, "sets": first.sets}))
    assert back.problems == [] and back.sets == first.sets
    known = library() + first.new_exercises
    again = import_text(export_strong_csv(first.sessions, first.sets, known, unit="kg"),
                        unit="kg", exercises=known, tz="Europe/London")
    assert not again.problems
    assert [(s.exercise, s.load, s.reps, s.missed) for s in again.sets] == [
        (s.exercise, s.load, s.reps, s.missed) for s in first.sets]


def test_a_missed_attempt_has_zero_reps():
    when = datetime(2024, 5, 6, 18, tzinfo=timezone(timedelta(hours=2)))
    LoggedSet(session_id="s", exercise="deadlift", load=150, reps=0, missed=True, logged_at=when)
    with pytest.raises(ValueError, match="missed attempt has 0 reps"):
        LoggedSet(session_id="s", exercise="deadlift", load=150, reps=3, missed=True, logged_at=when)


def test_history_says_a_set_was_a_missed_attempt():
    from gymtui.ui.screens.session_sets import amount_text

    when = datetime(2024, 5, 6, 18, tzinfo=timezone(timedelta(hours=2)))
    missed = LoggedSet(session_id="s", exercise="deadlift", load=150, reps=0, missed=True, logged_at=when)
    assert amount_text(missed) == "0 missed"

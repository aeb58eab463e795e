"""Strong's CSV variants: comma (12, 11 and 10 columns), semicolon with a unit column, quoted."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from gymtui.domain.library import Exercise
from gymtui.importers import NO_UNIT_MESSAGE, import_file, import_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def load(name: str, **options):
    options.setdefault("tz", "Europe/London")
    options.setdefault("exercises", library())
    return import_file(FIXTURES / name, **options)


def names(result) -> dict[str, str]:
    """exercise id -> name, over the library and the new exercises."""
    return {e.id: e.name for e in library() + result.new_exercises}


def test_full_comma_file_counts_sets_by_type_and_skips():
    result = load("strong_comma_full.csv", unit="kg")
    assert result.ok and result.source == "import:strong"
    assert len(result.sessions) == 2
    assert len(result.sets) == 15
    assert result.sets_by_type() == {"working": 12, "warmup": 1, "drop": 1, "failure": 1}
    assert result.skipped == {
        "Rest Timer rows (rest times, not sets)": 1,
        "rows with no reps, time or distance": 1,
        "malformed rows (see the problems)": 2,
    }
    assert result.rows_skipped() == 4
    assert all(s.source == "import:strong" for s in result.sets)
    assert all(s.status == "done" and s.source == "import:strong" for s in result.sessions)


def test_set_order_letters_become_set_types_in_file_order():
    result = load("strong_comma_full.csv", unit="kg")
    deadlifts = [s for s in result.sets if s.exercise == "deadlift"]
    assert [s.set_type for s in deadlifts] == ["warmup", "working", "working", "failure"]
    assert [s.reps for s in deadlifts] == [5, 5, 5, 3]  # written 5.0 in the file
    assert [s.rpe for s in deadlifts] == [None, 8.0, 8.5, 10.0]
    rows = [s for s in result.sets if s.exercise == "barbell-row"]
    assert [(s.set_type, s.load, s.rpe) for s in rows] == [("working", 80.0, 6.5), ("drop", 60.0, None)]


def test_loads_keep_the_unit_given_and_zero_weight_is_bodyweight():
    result = load("strong_comma_full.csv", unit="lb")
    assert {s.unit for s in result.sets} == {"lb"}
    pull_up = next(s for s in result.sets if s.exercise == "pull-up")
    assert pull_up.load is None and pull_up.reps == 12


def test_timed_and_cardio_rows_have_seconds_and_distance_but_no_reps():
    result = load("strong_comma_full.csv", unit="kg")
    by_name = names(result)
    plank = next(s for s in result.sets if by_name[s.exercise] == "Plank")
    assert (plank.reps, plank.seconds, plank.distance_m, plank.load) == (None, 60.0, None, None)
    run = next(s for s in result.sets if by_name[s.exercise] == "Running (Treadmill)")
    assert run.reps is None and run.seconds == 900.0
    assert run.distance_m == pytest.approx(2500.0)  # km, paired with --unit kg
    assert any("distance" in notice for notice in result.notices)


def test_names_with_commas_quotes_emoji_and_other_scripts_survive():
    result = load("strong_comma_full.csv", unit="kg")
    new_names = {e.name for e in result.new_exercises}
    assert {'Curl, "Spider" 🕷️', "Тяга штанги в наклоне", "デッドリフト"} <= new_names
    assert {s.name for s in result.sessions} == {"Pull day, heavy", "Утренняя тренировка"}
    first = result.sessions[0]
    assert first.notes == 'Felt "strong" today'
    russian_row = next(s for s in result.sets if names(result)[s.exercise] == "Тяга штанги в наклоне")
    assert russian_row.note == "Первая строка\nвторая строка"
    assert russian_row.rpe == 9.0
    for exercise in result.new_exercises:
        assert exercise.custom and 1 <= len(exercise.cues) <= 3


def test_malformed_rows_are_reported_by_physical_line_and_the_rest_imports():
    result = load("strong_comma_full.csv", unit="kg")
    failed = [(p.line, p.reason) for p in result.problems if not p.kept]
    # Line 16-17 hold one row with a two-line note, so the bad date is on line 20.
    assert failed == [
        (14, "reps 'abc' is not a number"),
        (20, "date '2024-13-45 07:05:00' is not like 2024-05-01 18:30:00"),
    ]
    kept = [p for p in result.problems if p.kept]
    assert [p.line for p in kept] == [21] and "RPE 11" in kept[0].reason
    face_pull = next(s for s in result.sets if s.exercise == "face-pull")
    assert face_pull.rpe is None and face_pull.reps == 15


def test_times_are_read_in_the_given_zone_and_stored_aware():
    london = load("strong_comma_full.csv", unit="kg")
    new_york = load("strong_comma_full.csv", unit="kg", tz="America/New_York")
    a, b = london.sessions[0], new_york.sessions[0]
    assert a.started_at.utcoffset() == timedelta(0)
    assert b.started_at.utcoffset() == timedelta(hours=-5)
    assert (a.started_at.hour, a.started_at.minute) == (b.started_at.hour, b.started_at.minute) == (18, 30)
    assert a.finished_at - a.started_at == timedelta(hours=1, minutes=5)
    assert all(s.logged_at.utcoffset() is not None for s in london.sets)


def test_comma_file_without_a_unit_is_an_error_and_returns_nothing():
    result = load("strong_comma_full.csv", unit=None)
    assert result.error == NO_UNIT_MESSAGE == "Strong's comma file has no unit: pass --unit kg or --unit lb"
    assert not result.sessions and not result.sets and not result.new_exercises
    assert result.summary().startswith("Nothing imported")


def test_2019_file_without_duration():
    result = load("strong_comma_2019.csv", unit="lb")
    assert result.format_label == "Strong (comma, with RPE)"
    assert [(s.load, s.unit, s.reps, s.rpe) for s in result.sets] == [(225.0, "lb", 5, 8.0), (245.0, "lb", 3, 9.5)]
    assert result.sessions[0].finished_at is None


def test_2017_file_without_duration_or_rpe():
    result = load("strong_comma_2017.csv", unit="kg")
    assert result.format_label == "Strong (comma, without Duration or RPE)"
    assert [s.exercise for s in result.sets] == ["pull-up", "pull-up", "barbell-row"]
    assert all(s.rpe is None for s in result.sets)


def test_semicolon_file_with_a_unit_per_row():
    result = load("strong_semicolon_unit.csv", unit=None)
    assert result.ok, result.error
    squats = [s for s in result.sets if names(result)[s.exercise] == "Squat (Barbell)"]
    assert [(s.set_type, s.load, s.unit, s.rpe) for s in squats] == [
        ("warmup", 20.0, "kg", None), ("working", 100.0, "kg", 8.0), ("working", 225.0, "lb", 8.5)
    ]
    # A blank Weight Unit takes the last unit the file named (lbs, one row above).
    leg_press = next(s for s in result.sets if names(result)[s.exercise] == "Leg Press")
    assert (leg_press.load, leg_press.unit) == (180.0, "lb")
    cycling = next(s for s in result.sets if names(result)[s.exercise] == "Cycling")
    assert cycling.distance_m == pytest.approx(5200.0) and cycling.seconds == 1200 and cycling.reps is None
    session = result.sessions[0]
    assert session.notes == "Knees fine"
    assert session.finished_at - session.started_at == timedelta(hours=1, minutes=2)


def test_semicolon_blank_unit_uses_the_unit_passed():
    result = load("strong_semicolon_unit.csv", unit="kg")
    leg_press = next(s for s in result.sets if names(result)[s.exercise] == "Leg Press")
    assert leg_press.unit == "kg"


def test_quoted_semicolon_file_takes_the_unit_from_the_header():
    result = load("strong_semicolon_quoted.csv", unit=None)
    assert result.format_label == "Strong (semicolon, unit in the header)"
    bench = [s for s in result.sets if s.exercise == "bench-press"]
    assert [(s.load, s.unit, s.reps, s.rpe) for s in bench] == [
        (65.181223569, "kg", 5, 8.0),
        (65.181223569, "kg", 5, None),
    ]
    carry = next(s for s in result.sets if s.exercise == "farmer-carry")
    assert (carry.load, carry.reps, carry.distance_m) == (32.0, None, 40.0)
    upper = result.sessions[0]
    assert upper.finished_at - upper.started_at == timedelta(hours=1)
    assert result.skipped == {"Rest Timer rows (rest times, not sets)": 1}


HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"


def test_a_workout_left_open_for_days_keeps_no_end_time():
    text = HEADER + '2025-06-03 20:23:00,"Evening",264h 1m,"Chest Fly",1,60.0,11.0,0,0.0,,,\n'
    result = import_text(text, unit="kg", exercises=[], tz="UTC")
    assert result.sessions[0].finished_at is None
    assert any("over 24 h" in notice for notice in result.notices)


def test_a_time_in_a_daylight_saving_gap_still_imports():
    text = HEADER + '2025-03-30 02:30:00,"Night",31m,"Chest Fly",1,60.0,11.0,0,0.0,,,\n'
    result = import_text(text, unit="kg", exercises=[], tz="Europe/Paris")
    started = result.sessions[0].started_at
    assert started.utcoffset() is not None and started.date().isoformat() == "2025-03-30"


def test_unknown_set_order_keeps_the_set_and_reports_it():
    text = HEADER + '2025-06-03 20:23:00,"E",31m,"Chest Fly",X,60.0,11.0,0,0.0,,,\n'
    result = import_text(text, unit="kg", exercises=[], tz="UTC")
    assert [(s.set_type, s.load, s.reps, s.note) for s in result.sets] == [("working", 60.0, 11, "set type: X")]
    assert result.problems[0].line == 2 and result.problems[0].kept and "'X' is unknown" in result.problems[0].reason


def test_summary_names_workouts_sets_by_type_and_skips():
    summary = load("strong_comma_full.csv", unit="kg").summary()
    assert "2 workouts, 15 sets (12 working, 1 warm-up, 1 drop, 1 failure)" in summary
    assert "Rest Timer rows (rest times, not sets): 1" in summary
    assert "line 14: reps 'abc' is not a number" in summary
    assert "Bent Over Row (Barbell) -> Barbell row (barbell-row, synonym)" in summary

"""Idempotence: the same file gives the same keys and ids every time, and keys are unique."""

import json
from pathlib import Path

import pytest

from gymtui.domain.library import Exercise
from gymtui.importers import import_file, import_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FILES = [
    "strong_comma_full.csv", "strong_comma_2019.csv", "strong_comma_2017.csv", "strong_semicolon_unit.csv",
    "strong_semicolon_quoted.csv", "hevy_kg.csv", "hevy_lbs.csv", "fitnotes.csv",
]


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def keys(result) -> list[tuple[str, str]]:
    return [(s.id, s.source_key) for s in result.sessions] + [(s.id, s.source_key) for s in result.sets]


@pytest.mark.parametrize("name", FILES)
def test_same_file_twice_gives_the_same_keys_and_ids(name):
    first = import_file(FIXTURES / name, unit="kg", exercises=library(), tz="UTC")
    second = import_file(FIXTURES / name, unit="kg", exercises=library(), tz="UTC")
    assert keys(first) == keys(second)
    assert first.sets == second.sets and first.sessions == second.sessions


@pytest.mark.parametrize("name", FILES)
def test_keys_and_ids_are_unique_and_sets_point_at_their_session(name):
    result = import_file(FIXTURES / name, unit="kg", exercises=library(), tz="UTC")
    all_keys = [key for _, key in keys(result)]
    all_ids = [identifier for identifier, _ in keys(result)]
    assert len(set(all_keys)) == len(all_keys) and None not in all_keys
    assert len(set(all_ids)) == len(all_ids)
    assert all(len(k) <= 200 for k in all_keys) and all(len(i) <= 64 for i in all_ids)
    session_ids = {s.id for s in result.sessions}
    assert {s.session_id for s in result.sets} <= session_ids


def test_keys_do_not_depend_on_the_zone_or_the_unit():
    a = import_file(FIXTURES / "strong_comma_full.csv", unit="kg", exercises=[], tz="UTC")
    b = import_file(FIXTURES / "strong_comma_full.csv", unit="lb", exercises=[], tz="Asia/Kolkata")
    assert keys(a) == keys(b)


def test_an_export_with_one_more_workout_keeps_the_old_keys():
    text = (FIXTURES / "strong_comma_full.csv").read_text()
    later = text + '2024-03-09 10:00:00,"Saturday",45m,"Pull Up",1,0,10.0,0,0.0,,,\n'
    old = import_text(text, unit="kg", exercises=[], tz="UTC")
    new = import_text(later, unit="kg", exercises=[], tz="UTC")
    assert set(keys(old)) < set(keys(new))
    assert len(keys(new)) - len(keys(old)) == 2  # one session, one set


def test_row_order_shuffled_between_workouts_keeps_keys():
    lines = (FIXTURES / "hevy_lbs.csv").read_text().splitlines(keepends=True)
    other = '"Legs","15 Mar 2025, 18:00","15 Mar 2025, 19:00","","Squat (Barbell)",,"",0,"normal",225,5,,,\n'
    a = import_text("".join([*lines, other]), exercises=[], tz="UTC")
    b = import_text("".join([lines[0], other, *lines[1:]]), exercises=[], tz="UTC")
    assert sorted(keys(a)) == sorted(keys(b))


def test_repeated_sets_of_one_exercise_get_distinct_keys():
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    row = "2024-01-01 10:00:00,A,Pull Up,1,0,8,0,0,,,\n"
    result = import_text(header + row * 3, unit="kg", exercises=[], tz="UTC")
    assert len({s.source_key for s in result.sets}) == 3
    assert [s.logged_at for s in result.sets] == sorted(s.logged_at for s in result.sets)

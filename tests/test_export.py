"""Strong CSV and gymtui JSON exports, and the round trips back through the importers."""

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import ChecklistItem, Day, Drill, Exercise, Prescription, Program, Routine, WeekPlan
from gymtui.domain.settings import Settings
from gymtui.importers import export_json, export_strong_csv, import_file, import_json, import_text
from gymtui.importers.export import STRONG_HEADER, format_duration
from hypothesis_profiles import examples

FIXTURES = Path(__file__).parent / "fixtures" / "import"
START = datetime(2024, 5, 6, 18, 0, tzinfo=timezone(timedelta(hours=2)))


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def essentials(result_sessions, result_sets):
    """What a round trip must keep: load, unit, reps, RPE, type, exercise, date, time, distance."""
    day = {s.id: s.started_at.date() for s in result_sessions}
    return [
        (s.exercise, day[s.session_id], s.set_type, s.load, s.unit, s.reps, s.rpe, s.seconds,
         None if s.distance_m is None else round(s.distance_m, 3))
        for s in result_sets
    ]


def a_session(**changes) -> Session:
    values = dict(id="s1", date=START.date(), name="Pull, heavy", status="done", started_at=START,
                  finished_at=START + timedelta(minutes=65), notes='Felt "fine"')
    return Session(**(values | changes))


def a_set(n: int, **changes) -> LoggedSet:
    values = dict(id=f"x{n}", session_id="s1", exercise="deadlift", load=100.0, unit="kg", reps=5,
                  logged_at=START + timedelta(minutes=n))
    return LoggedSet(**(values | changes))


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_strong_csv_header_set_orders_and_duration():
    sets = [
        a_set(0, set_type="warmup", load=60.0),
        a_set(1, rpe=8.0),
        a_set(2, rpe=8.5, note="belt\non"),
        a_set(3, set_type="failure"),
        a_set(4, set_type="drop", load=80.0),
        a_set(5, exercise="pull-up", load=None, reps=10),
        a_set(6, exercise="pull-up", load=None, reps=8),
    ]
    rows = rows_of(export_strong_csv([a_session()], sets, library(), unit="kg"))
    assert rows[0] == STRONG_HEADER
    assert [r[4] for r in rows[1:]] == ["W", "1", "2", "F", "D", "1", "2"]
    assert {r[0] for r in rows[1:]} == {"2024-05-06 18:00:00"}
    assert {r[2] for r in rows[1:]} == {"1h 5m"}
    assert rows[1][3] == "Deadlift" and rows[6][3] == "Pull-up"
    assert [r[5] for r in rows[1:3]] == ["60.0", "100.0"] and rows[6][5] == "0.0"
    assert [r[11] for r in rows[1:4]] == ["", "8", "8.5"]
    assert rows[3][9] == "belt\non" and rows[1][10] == 'Felt "fine"'


def test_strong_csv_converts_every_load_to_the_chosen_unit():
    sets = [a_set(0, load=225.0, unit="lb"), a_set(1, load=100.0, unit="kg")]
    kg_rows = rows_of(export_strong_csv([a_session()], sets, library(), unit="kg"))
    assert [r[5] for r in kg_rows[1:]] == ["102.0583", "100.0"]
    lb_rows = rows_of(export_strong_csv([a_session()], sets, library(), unit="lb"))
    assert lb_rows[1][5] == "225.0" and float(lb_rows[2][5]) == pytest.approx(220.4623, abs=1e-4)


def test_strong_csv_writes_times_in_the_zone_asked():
    rows = rows_of(export_strong_csv([a_session()], [a_set(0)], library(), tz="UTC"))
    assert rows[1][0] == "2024-05-06 16:00:00"


def test_sets_of_sessions_not_given_are_left_out():
    rows = rows_of(export_strong_csv([a_session()], [a_set(0), a_set(1, session_id="other")], library()))
    assert len(rows) == 2


@pytest.mark.parametrize(("seconds", "text"), [(31 * 60, "31m"), (3600, "1h"), (2 * 3600 + 18 * 60, "2h 18m"),
                                               (20, "0m"), (264 * 3600 + 60, "264h 1m")])
def test_duration_text(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("strong_comma_full.csv", "kg"),
        ("strong_semicolon_quoted.csv", "kg"),
        ("hevy_kg.csv", "kg"),
        ("hevy_lbs.csv", "lb"),
        ("strong_comma_2019.csv", "lb"),
    ],
)
def test_strong_csv_round_trip_keeps_every_set(name, unit):
    first = import_file(FIXTURES / name, unit=unit, exercises=library(), tz="Europe/Madrid")
    known = library() + first.new_exercises
    text = export_strong_csv(first.sessions, first.sets, known, unit=unit)
    again = import_text(text, unit=unit, exercises=known, tz="Europe/Madrid")
    assert again.ok and not again.new_exercises and not again.problems
    assert essentials(again.sessions, again.sets) == essentials(first.sessions, first.sets)
    assert [s.note for s in again.sets] == [s.note for s in first.sets]
    assert [s.started_at for s in again.sessions] == [s.started_at for s in first.sessions]


loads = st.integers(0, 800).map(lambda n: n * 0.5)


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["deadlift", "pull-up", "face-pull"]), loads, st.integers(1, 30),
                          st.sampled_from([None, 6.0, 7.5, 9.0, 10.0]),
                          st.sampled_from(["warmup", "working", "drop", "failure"])),
                min_size=1, max_size=15),
       st.sampled_from(["kg", "lb"]))
def test_any_sets_survive_a_strong_csv_round_trip(specs, unit):
    sets = [a_set(i, exercise=ex, load=load or None, unit=unit, reps=reps, rpe=rpe, set_type=kind)
            for i, (ex, load, reps, rpe, kind) in enumerate(specs)]
    text = export_strong_csv([a_session()], sets, library(), unit=unit)
    again = import_text(text, unit=unit, exercises=library(), tz="Europe/Berlin")
    assert essentials(again.sessions, again.sets) == essentials([a_session()], sets)


# ---- gymtui JSON ------------------------------------------------------------------------


def everything() -> dict:
    imported = import_file(FIXTURES / "strong_comma_full.csv", unit="kg", exercises=library(), tz="Europe/Paris")
    tempo_set = a_set(99, session_id=imported.sessions[0].id, tempo="3-1-X-0", side="left", rpe=9.5,
                      started_at=START, note="slow down")
    program = Program(
        id="p", name="P", days=[Day(id="d", name="D", prescriptions=[Prescription(exercise="deadlift", sets=3,
                                                                               reps_min=5, reps_max=8)])],
        cycle=[WeekPlan(emphasis="strength", reps_min=3, reps_max=5, target_rpe=8.0)],
    )
    return {
        "sessions": [
            *imported.sessions,
            a_session(
                id="manual", status="in_progress", order=["deadlift"], position=(1, 2), block_week=2, program_day="d"
            ),
        ],
        "sets": [*imported.sets, tempo_set],
        "checklist": [ChecklistEntry(date=date(2024, 5, 6), ticked=["thoracic-extension"], updated_at=START)],
        "recovery": [
            RecoveryNote(
                date=date(2024, 5, 6),
                sleep_hours=7.5,
                sleep_quality=4,
                soreness={"upper_back": 2, "hips": 1},
                grip=52.5,
                text="ok",
                updated_at=START,
            )
        ],
        "settings": Settings(unit="lb", bell=False, plates_kg=[20, 10, 5, 1.25]),
        "exercises": library() + imported.new_exercises,
        "routines": [Routine(id="r", name="R", items=[Drill(id="d1", name="Hang", kind="hold", seconds=30)])],
        "programs": [program],
        "checklist_items": [ChecklistItem(id="dead-hang", text="Dead hang 30 s")],
    }


def test_json_round_trip_is_lossless():
    data = everything()
    text = export_json(data)
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("gymtui", 1)
    assert list(document) == ["format", "version", "sessions", "sets", "checklist", "recovery", "mobility", "exercises",
                              "routines", "programs", "checklist_items", "settings"]
    back = import_json(text)
    assert back.error is None and back.problems == []
    for section in ("sessions", "sets", "checklist", "recovery", "exercises", "routines", "programs",
                    "checklist_items"):
        assert getattr(back, section) == data[section], section
    assert back.settings == data["settings"]
    assert export_json(back.as_dict()) == text
    tempo = back.sets[-1]
    assert (tempo.tempo, tempo.side, tempo.rpe, tempo.note) == ("3-1-X-0", "left", 9.5, "slow down")
    assert back.sets[0].logged_at.utcoffset() is not None


def test_json_accepts_plain_dicts_and_missing_sections():
    text = export_json({"sets": [a_set(0).model_dump(mode="json")], "settings": None})
    back = import_json(text)
    assert back.sets == [a_set(0)] and back.sessions == [] and back.settings is None


def test_json_export_refuses_unknown_sections_and_objects():
    with pytest.raises(ValueError, match="unknown sections: set"):
        export_json({"set": []})
    with pytest.raises(TypeError):
        export_json({"sets": [object()]})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a gymtui export"),
        ('{"format": "strong", "version": 1}', "not a gymtui export"),
        ('{"format": "gymtui", "version": 2}', "newer than this gymtui reads"),
        ('{"format": "gymtui", "version": "1"}', "is not a gymtui export version"),
    ],
)
def test_json_files_that_cannot_be_read(text, message):
    result = import_json(text)
    assert message in result.error and result.sets == []


def test_json_bad_items_are_reported_and_the_rest_kept():
    document = json.loads(export_json({"sets": [a_set(0), a_set(1)], "settings": Settings()}))
    document["sets"][0]["rpe"] = 11
    document["settings"]["bell"] = "loud"
    document["extra"] = []
    back = import_json(json.dumps(document))
    assert back.error is None
    assert back.sets == [a_set(1)]
    assert back.settings is None
    assert [p.split(":")[0] for p in back.problems] == ["extra", "sets[0]", "settings"]
    assert "RPE 11 is not on the scale" in back.problems[1]


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1 rep in reserve", "-5 kg next time", "@home gym",
            "=1+1"]


def test_strong_csv_text_that_a_spreadsheet_would_run_is_written_as_text_and_read_back():
    exercises = [*library(), Exercise(id="formula-row", name="=cmd|' /C calc'!A0", pattern="other",
                                      equipment="other", cues=["x"])]
    session = a_session(name=FORMULAS[0], notes=FORMULAS[4])
    sets = [
        a_set(i, note=note, exercise="formula-row" if i == 0 else "deadlift") for i, note in enumerate(FORMULAS[1:4])
    ]
    text = export_strong_csv([session], sets, exercises, unit="kg")
    for row in rows_of(text)[1:]:
        for column in ("Workout Name", "Exercise Name", "Notes", "Workout Notes"):
            cell = row[STRONG_HEADER.index(column)]
            assert not cell.startswith(("=", "+", "-", "@")), (column, cell)
    assert rows_of(text)[1][STRONG_HEADER.index("Exercise Name")] == "'=cmd|' /C calc'!A0"
    back = import_text(text, fmt="strong", unit="kg", exercises=exercises, tz="Europe/Paris")
    assert [s.note for s in back.sets] == FORMULAS[1:4]
    assert [s.exercise for s in back.sets] == ["formula-row", "deadlift", "deadlift"]
    assert (back.sessions[0].name, back.sessions[0].notes) == (FORMULAS[0], FORMULAS[4])


def test_an_apostrophe_that_does_not_guard_a_formula_is_kept():
    sets = [a_set(0, note="'tis heavy"), a_set(1, note="'")]
    back = import_text(export_strong_csv([a_session()], sets, library(), unit="kg"), fmt="strong", unit="kg",
                       exercises=library(), tz="Europe/Paris")
    assert [s.note for s in back.sets] == ["'tis heavy", "'"]

"""`gymtui import`: every export variant through the store, idempotence, fatal errors storing
nothing, and round trips through gymtui's own JSON and Strong CSV exports."""

import json
from pathlib import Path

import pendulum
import pytest

from gymtui.cli import main
from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.library import ChecklistItem, Drill, Exercise, Routine
from gymtui.domain.settings import Settings
from gymtui.services.transfer import import_path
from gymtui.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "import"
NOW = pendulum.datetime(2026, 11, 16, 18, 0, tz="Europe/Paris")
VARIANTS = [
    # file, extra arguments, workouts, sets
    ("strong_comma_full.csv", ["--unit", "kg"]),
    ("strong_comma_2019.csv", ["--unit", "lb"]),
    ("strong_comma_2017.csv", ["--unit", "kg"]),
    ("strong_semicolon_unit.csv", []),
    ("strong_semicolon_quoted.csv", []),
    ("hevy_kg.csv", []),
    ("hevy_lbs.csv", []),
    ("fitnotes.csv", []),
]


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


def stored(data_dir) -> dict[str, list[dict]]:
    with Store.open(data_dir) as store:
        return store.export_records()


def journal_files(data_dir) -> list[str]:
    folder = data_dir / "journal"
    return sorted(p.name for p in folder.glob("*.json")) if folder.exists() else []


@pytest.mark.parametrize(("name", "extra"), VARIANTS)
def test_every_variant_imports_once_and_only_once(data_dir, capsys, name, extra):
    assert run(data_dir, "import", str(FIXTURES / name), *extra) == 0
    out = capsys.readouterr().out
    assert "workout" in out and "Stored:" in out and "Rows skipped" in out
    first = stored(data_dir)
    assert first["sets"] and first["sessions"]
    assert f"Stored: {len(first['sessions'])} new workout" in out
    with Store.open(data_dir) as store:
        exercises = {e.id for e in store.custom_exercises()}
    assert run(data_dir, "import", str(FIXTURES / name), *extra) == 0
    again = capsys.readouterr().out
    assert "Stored: 0 new workouts, 0 new sets." in again
    assert f"Already there (not added again): {len(first['sessions'])} workout" in again
    assert stored(data_dir) == first
    with Store.open(data_dir) as store:
        assert {e.id for e in store.custom_exercises()} == exercises


def test_rest_timer_rows_are_reported_not_stored(data_dir, capsys):
    assert run(data_dir, "import", str(FIXTURES / "strong_comma_full.csv"), "--unit", "kg") == 0
    out = capsys.readouterr().out
    assert "Rest Timer rows" in out
    assert all(s["reps"] or s["seconds"] or s["distance_m"] for s in stored(data_dir)["sets"])


def test_format_flag_overrides_detection(data_dir, capsys):
    assert run(data_dir, "import", str(FIXTURES / "hevy_kg.csv"), "--format", "fitnotes") == 1
    assert "nothing stored" in capsys.readouterr().err
    assert journal_files(data_dir) == []
    assert run(data_dir, "import", str(FIXTURES / "hevy_kg.csv"), "--format", "hevy") == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ([str(FIXTURES / "unknown_format.csv")], "not a Strong, Hevy or FitNotes export"),
        ([str(FIXTURES / "strong_comma_full.csv")], "--unit kg or --unit lb"),
        (["no-such-file.csv"], "no such file"),
        ([str(FIXTURES)], "is a folder"),
    ],
)
def test_fatal_errors_are_one_line_and_store_nothing(data_dir, capsys, args, fragment):
    assert run(data_dir, "import", *args) == 1
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and "(nothing stored)" in err
    assert journal_files(data_dir) == []
    with Store.open(data_dir) as store:
        assert store.custom_exercises() == []


def test_bad_rows_are_listed_and_good_rows_stored(data_dir, tmp_path, capsys):
    text = (FIXTURES / "strong_comma_full.csv").read_text().splitlines()
    text.insert(3, '2024-03-05 18:30:00,"Pull day, heavy",1h 5m,"Deadlift (Barbell)",1,heavy,5.0,0,0.0,"","",')
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(text) + "\n")
    assert run(data_dir, "import", str(broken), "--unit", "kg") == 0
    out = capsys.readouterr().out
    assert "line 4:" in out and "Problems:" in out
    assert stored(data_dir)["sets"]


def a_full_store(data_dir: Path) -> None:
    """Imported sets, logged sets, day records, settings, a custom exercise and a routine."""
    assert main(["--data-dir", str(data_dir), "import", str(FIXTURES / "hevy_lbs.csv")]) == 0
    assert main(["--data-dir", str(data_dir), "log", "barbell row", "80x8@8.5", "82.5x6@9", "--tempo", "31X0"]) == 0
    with Store.open(data_dir) as store:
        day = store._now().date()
        store.save_checklist(ChecklistEntry(date=day, ticked=["wall-slides"], updated_at=NOW))
        store.save_recovery(RecoveryNote(date=day, sleep_hours=7.5, soreness={"neck": 1}, updated_at=NOW))
        store.save_settings(Settings(unit="lb", bell=False))
        store.save_exercises([Exercise(id="my-row", name="My Row", pattern="horizontal_pull", equipment="cable",
                                       cues=["elbows back"], custom=True)])
        store.save_routine(Routine(id="my-flow", name="My flow", custom=True,
                                   items=[Drill(id="cat-cow", name="Cat-cow", kind="reps", reps=8)]))
        store.save_checklist_items([ChecklistItem(id="wall-slides", text="Wall slides, 2 x 10"),
                                    ChecklistItem(id="dead-hang", text="Dead hang 30 s")])


def without_doc_order(records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {name: sorted(items, key=lambda d: json.dumps(d, sort_keys=True)) for name, items in records.items()}


def test_json_round_trip_restores_everything_once(tmp_path, capsys):
    source, target = tmp_path / "a", tmp_path / "b"
    a_full_store(source)
    export = tmp_path / "everything.json"
    assert run(source, "export", "--format", "json", "-o", str(export)) == 0
    capsys.readouterr()
    assert run(target, "import", str(export)) == 0
    out = capsys.readouterr().out
    assert "gymtui export (JSON)" in out and "Settings: restored from the file." in out
    assert without_doc_order(stored(target)) == without_doc_order(stored(source))
    with Store.open(source) as a, Store.open(target) as b:
        assert b.settings() == a.settings() and b.settings().unit == "lb"
        assert b.custom_exercises() == a.custom_exercises()
        assert b.routines() == a.routines()
        assert b.checklist_items() == a.checklist_items() and len(b.checklist_items()) == 2
    assert "Checklist items: your list of 2 restored" in out
    # The same file again adds nothing: ids and day records are already there.
    assert run(target, "import", str(export)) == 0
    again = capsys.readouterr().out
    assert "Stored: 0 new workouts, 0 new sets." in again and "0 of 1 checklist days" in again
    assert without_doc_order(stored(target)) == without_doc_order(stored(source))


def test_json_restore_keeps_changed_settings_and_reports_bad_items(tmp_path, data_dir):
    source = tmp_path / "a"
    a_full_store(source)
    with Store.open(source) as store:
        from gymtui.services.transfer import export_text

        document = json.loads(export_text(store, "json"))
    document["sets"].append({"id": "bad", "session_id": document["sessions"][0]["id"], "exercise": "Not A Slug"})
    document["sets"].append(dict(document["sets"][0], id="orphan", session_id="nowhere", source_key=None))
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document))
    with Store.open(data_dir) as store:
        store.save_settings(Settings(unit="kg", bar_kg=15))
        outcome = import_path(store, path, tz="Europe/Paris")
        assert outcome.ok
        assert store.settings().bar_kg == 15
        text = outcome.summary()
        assert "Settings: yours were kept" in text
        assert "Checklist items: yours were kept" not in text  # none edited here: the file's list is used
        assert [i.id for i in store.checklist_items()] == ["wall-slides", "dead-hang"]
        assert "sets[" in text and "orphan" in text
        assert len(store.export_records()["sets"]) == len(document["sets"]) - 2


def essentials(records):
    day = {s["id"]: s["date"] for s in records["sessions"]}
    return sorted(
        (s["exercise"], day[s["session_id"]], s["set_type"], round(s["load"] or 0, 3), s["reps"], s["rpe"],
         s["seconds"] or 0)
        for s in records["sets"]
    )


def test_strong_csv_round_trip_gives_back_the_same_sets(tmp_path, capsys):
    source, target = tmp_path / "a", tmp_path / "b"
    assert run(source, "import", str(FIXTURES / "strong_comma_full.csv"), "--unit", "kg") == 0
    assert run(source, "log", "deadlift", "140x5@8", "150x3@9") == 0
    export = tmp_path / "strong.csv"
    assert run(source, "export", "--format", "strong-csv", "--unit", "kg", "-o", str(export)) == 0
    capsys.readouterr()
    assert run(target, "import", str(export), "--unit", "kg") == 0
    out = capsys.readouterr().out
    assert "Exercises:" in out
    assert essentials(stored(target)) == essentials(stored(source))
    assert run(target, "import", str(export), "--unit", "kg") == 0
    assert "Stored: 0 new workouts, 0 new sets." in capsys.readouterr().out


def test_help_lists_import(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "--format" in out and "fitnotes" in out and "--unit" in out


def test_importing_again_adds_no_exercise_even_when_names_became_ambiguous(data_dir, tmp_path, capsys):
    # After 'Zottman Curl (Barbell)' exists, the importer no longer matches 'Zottman curl' to the
    # custom exercise of that name and proposes a new one: no new set uses it, so it is not stored.
    first = tmp_path / "first.csv"
    first.write_text("Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n"
                     '2024-01-02 18:00:00,"Arms","Zottman curl",1,20,10,0,0,"",""\n')
    second = tmp_path / "second.csv"
    second.write_text("Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n"
                      '2024-01-03 18:00:00,"Arms","Zottman Curl (Barbell)",1,30,8,0,0,"",""\n')
    for path in (first, second, first):
        assert run(data_dir, "import", str(path), "--unit", "kg") == 0
    assert capsys.readouterr().out.split("Stored: ")[-1].startswith("0 new workouts, 0 new sets.")
    with Store.open(data_dir) as store:
        names = sorted(e.name for e in store.custom_exercises())
    assert names == ["Zottman Curl (Barbell)", "Zottman curl"]


def test_the_outcome_comes_before_the_long_lists(data_dir, capsys):
    # 36 exercise names give a screenful of mapping lines in an 80x24 terminal: what was
    # stored must not scroll away under them.
    assert run(data_dir, "import", str(FIXTURES / "strong_many_exercises.csv"), "--unit", "kg") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Stored: 3 new workouts, 36 new sets."
    assert lines[1].startswith("Strong (comma, with Duration and RPE): 3 workouts, 36 sets")
    names = lines.index("Exercise names:")
    assert names > lines.index("Rows skipped: none.") and len(lines) >= 24


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('"sets": ' + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('"sets": [{"reps": ' + "9" * 5000 + "}]", "holds a number thousands of digits long"),
    ],
    ids=["nested-deep", "long-number"],
)
def test_a_hostile_json_bundle_is_named_in_one_line(data_dir, tmp_path, capsys, body, fragment):
    path = tmp_path / "bundle.json"
    path.write_text('{"format": "gymtui", "version": 1, ' + body + "}")
    assert run(data_dir, "import", str(path)) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"gymtui: bundle.json: {fragment}") and captured.err.count("\n") == 1
    assert stored(data_dir)["sets"] == []

"""`gymtui exercise add|list|edit|retire`, unknown names in `gymtui log`, and planning a
lifter's own exercise."""

import functools
import json
import operator

import pendulum
import pytest

from gymtui.cli import main
from gymtui.store import Store


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture(autouse=True)
def _frozen_today(monkeypatch):
    monkeypatch.setattr(pendulum, "now", lambda tz=None: pendulum.datetime(2026, 11, 18, 9, tz="UTC"))


def mine(data_dir):
    with Store.open(data_dir) as store:
        return {e.id: e for e in store.custom_exercises()}


ZERCHER = ["exercise", "add", "Zercher Squat", "--pattern", "squat", "--equipment", "barbell"]


def test_add_keeps_every_field_in_the_profile(data_dir, capsys):
    assert run(data_dir, "exercise", "add", "Cossack Squat", "--pattern", "squat", "--equipment", "dumbbell",
               "--unilateral", "--tempo", "31X0", "--alias", "Side Lunge Squat", "--alias", "Cossack",
               "--cue", "Sit into one hip", "--cue", "Other leg straight, toes up") == 0
    out = capsys.readouterr().out
    assert out.startswith("Added Cossack Squat (id cossack-squat), a squat exercise:")
    assert "gymtui log 'Cossack Squat' 20x10@8" in out
    exercise = mine(data_dir)["cossack-squat"]
    assert (exercise.pattern, exercise.equipment, exercise.unilateral) == ("squat", "dumbbell", True)
    assert exercise.default_tempo == "3-1-X-0"
    assert exercise.aliases == ["Side Lunge Squat", "Cossack"]
    assert exercise.cues == ["Sit into one hip", "Other leg straight, toes up"]
    assert exercise.custom and not exercise.timed and not exercise.retired


@pytest.mark.parametrize(
    ("kind", "equipment", "share", "timed"),
    [
        ("weighted-bodyweight", "bodyweight", 1.0, False),
        ("bodyweight", "bodyweight", 0.0, False),
        ("carry", "other", 0.0, True),
        ("band", "band", 0.0, False),
    ],
)
def test_equipment_kinds(data_dir, capsys, kind, equipment, share, timed):
    pattern = "carry" if kind == "carry" else "press"
    assert run(data_dir, "exercise", "add", "Thing", "--pattern", pattern, "--equipment", kind) == 0
    exercise = mine(data_dir)["thing"]
    assert (exercise.equipment, exercise.bodyweight_share, exercise.timed) == (equipment, share, timed)
    capsys.readouterr()
    assert run(data_dir, "exercise", "list", "--mine") == 0
    assert kind in capsys.readouterr().out


def test_machine_step_and_timed_hold(data_dir):
    assert run(data_dir, "exercise", "add", "Pendulum Squat", "--pattern", "squat", "--equipment", "machine",
               "--step", "5lb") == 0
    assert mine(data_dir)["pendulum-squat"].step_kg == pytest.approx(2.268, abs=1e-3)
    assert run(data_dir, "exercise", "add", "L-Sit", "--pattern", "core", "--equipment", "bodyweight",
               "--timed", "--seconds", "20") == 0
    hold = mine(data_dir)["l-sit"]
    assert hold.timed and hold.hold_seconds == 20


@pytest.mark.parametrize(
    ("extra", "fragments"),
    [
        (
            ["--pattern", "legs", "--equipment", "barbell"],
            ["pattern 'legs' is not one we know: use one of horizontal_pull", "squat"],
        ),
        (
            ["--pattern", "squat", "--equipment", "smith"],
            ["equipment 'smith' is not one we know", "weighted-bodyweight", "carry"],
        ),
        (["--pattern", "squat", "--equipment", "barbell", "--tempo", "3-a-1"], ["tempo:"]),
        (
            ["--pattern", "squat", "--equipment", "barbell", "--step", "2.5"],
            ["step: only machine and cable exercises take a load step, not barbell"],
        ),
        (["--pattern", "squat", "--equipment", "cable", "--step", "heavy"], ["step 'heavy' is not a weight"]),
        (["--pattern", "squat", "--equipment", "cable", "--step", "0"], ["more than 0"]),
        (["--equipment", "barbell"], ["--pattern is needed", "patterns: horizontal_pull"]),
        (["--pattern", "squat", "--equipment", "barbell", "--seconds", "0"], ["seconds:"]),
        (
            [
                "--pattern",
                "squat",
                "--equipment",
                "barbell",
                *functools.reduce(operator.iadd, (["--cue", "x"] for _ in range(4)), []),
            ],
            ["cue: at most 3 cues"],
        ),
        (
            ["--pattern", "squat", "--equipment", "barbell", "--alias", "RDL"],
            ["name 'RDL' already means the library's exercise 'Romanian Deadlift'"],
        ),
    ],
)
def test_bad_values_are_refused_naming_the_field_and_nothing_is_saved(data_dir, capsys, extra, fragments):
    assert run(data_dir, "exercise", "add", "Zercher Squat", *extra) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err
    assert "(nothing saved)" in err
    assert mine(data_dir) == {}


def test_a_library_name_cannot_be_added_again(data_dir, capsys):
    assert run(data_dir, "exercise", "add", "bulgarian split squat", "--pattern", "squat",
               "--equipment", "dumbbell") == 2
    assert "already means the library's exercise 'Bulgarian Split Squat'" in capsys.readouterr().err
    assert run(data_dir, *ZERCHER) == 0
    assert run(data_dir, "exercise", "add", "zercher squat", "--pattern", "squat", "--equipment", "barbell") == 2
    assert "already means your exercise 'Zercher Squat'" in capsys.readouterr().err
    assert list(mine(data_dir)) == ["zercher-squat"]


def test_list_shows_the_library_and_yours(data_dir, capsys):
    assert run(data_dir, "exercise", "list", "--mine") == 0
    assert "No exercises of your own yet" in capsys.readouterr().out
    assert run(data_dir, *ZERCHER) == 0
    capsys.readouterr()
    assert run(data_dir, "exercise", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 100
    squats = lines.index("Squat")
    assert lines[squats + 1].startswith("  Back Squat")
    assert any(line.startswith("  Bulgarian Split Squat") and "one-sided" in line for line in lines)
    assert any(line.startswith("  Zercher Squat") and "barbell, yours" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_edit_changes_fields_and_the_history_stays(data_dir, capsys):
    assert run(data_dir, *ZERCHER) == 0
    assert run(data_dir, "log", "Zercher Squat", "60x8@8", "--date", "2026-11-16") == 0
    assert run(data_dir, "exercise", "edit", "zercher squat", "--name", "Zercher Box Squat",
               "--tempo", "3-1-1-0", "--cue", "Bar in the crook of the elbows") == 0
    assert "Changed Zercher Box Squat; its logged sets stay with it." in capsys.readouterr().out
    exercise = mine(data_dir)["zercher-squat"]
    assert (exercise.name, exercise.default_tempo, exercise.cues) == (
        "Zercher Box Squat", "3-1-1-0", ["Bar in the crook of the elbows"])
    assert exercise.pattern == "squat"  # what was not given stays
    assert run(data_dir, "exercise", "edit", "Zercher Box Squat", "--concentric-first", "--unilateral") == 0
    changed = mine(data_dir)["zercher-squat"]
    assert changed.starts_concentric and changed.unilateral
    assert run(data_dir, "exercise", "edit", "Zercher Box Squat", "--lowering-first", "--bilateral") == 0
    changed = mine(data_dir)["zercher-squat"]
    assert not changed.starts_concentric and not changed.unilateral
    assert run(data_dir, "log", "Zercher Box Squat", "62.5x8@8") == 0
    with Store.open(data_dir) as store:
        assert len(store.recent_sets("zercher-squat", sessions=5)) == 2


def test_edit_refuses_bad_values_and_library_exercises(data_dir, capsys):
    assert run(data_dir, *ZERCHER) == 0
    before = mine(data_dir)
    assert run(data_dir, "exercise", "edit", "Zercher Squat", "--pattern", "knees") == 2
    assert "pattern 'knees' is not one we know" in capsys.readouterr().err
    assert run(data_dir, "exercise", "edit", "Back Squat", "--tempo", "2-0-1-0") == 2
    assert "part of gymtui's library" in capsys.readouterr().err
    assert run(data_dir, "exercise", "edit", "Zerchr Squat", "--tempo", "2-0-1-0") == 2
    assert "no exercise called 'Zerchr Squat'; did you mean: Zercher Squat" in capsys.readouterr().err
    assert mine(data_dir) == before


def test_retire_keeps_history_readable_and_exported(data_dir, tmp_path, capsys):
    assert run(data_dir, *ZERCHER) == 0
    assert run(data_dir, "log", "Zercher Squat", "60x8@8") == 0
    assert run(data_dir, "exercise", "retire", "Zercher Squat") == 0
    assert "Retired Zercher Squat: not offered for new plans" in capsys.readouterr().out
    assert mine(data_dir)["zercher-squat"].retired
    assert run(data_dir, "exercise", "list") == 0
    out = capsys.readouterr().out
    assert "Zercher Squat" not in out and "(1 retired, not listed" in out
    assert run(data_dir, "exercise", "list", "--mine") == 0
    assert "retired" in capsys.readouterr().out
    with Store.open(data_dir) as store:
        assert len(store.recent_sets("zercher-squat", sessions=5)) == 1
    bundle = tmp_path / "all.json"
    assert run(data_dir, "export", "--format", "json", "-o", str(bundle)) == 0
    fresh = tmp_path / "fresh"
    assert run(fresh, "import", str(bundle)) == 0
    assert mine(fresh) == mine(data_dir)
    with Store.open(fresh) as store:
        assert len(store.recent_sets("zercher-squat", sessions=5)) == 1
    assert run(data_dir, "exercise", "retire", "Zercher Squat", "--undo") == 0
    assert not mine(data_dir)["zercher-squat"].retired


def test_an_unknown_name_in_log_offers_the_closest_and_how_to_add_it(data_dir, capsys):
    assert run(data_dir, "log", "Zercher squat", "60x8@8") == 2
    err = capsys.readouterr().err
    assert "unknown exercise 'Zercher squat'" in err and "did you mean:" in err and "Squat" in err
    assert ("? To add it as your own: gymtui exercise add 'Zercher squat' --pattern squat --equipment other"
            in err)
    assert len(err.strip().splitlines()) == 1
    assert run(data_dir, "log", "bulgarain split sqaut", "20x10@8") == 2
    assert "did you mean: Bulgarian Split Squat" in capsys.readouterr().err
    with Store.open(data_dir) as store:
        assert store.recent_sets("zercher-squat", sessions=5) == []


def test_the_issues_example_logs_now(data_dir, capsys):
    assert run(data_dir, "log", "Bulgarian split squat", "20x10@8", "--side", "left") == 0
    assert "Stored 1 working set of Bulgarian Split Squat" in capsys.readouterr().out


def test_next_plans_an_own_exercise_from_its_history(data_dir, tmp_path, capsys):
    assert run(data_dir, *ZERCHER) == 0
    assert run(data_dir, "log", "Zercher Squat", "60x8@7", "60x8@7", "60x8@7.5", "--date", "2026-11-16") == 0
    program = {
        "id": "legs-and-back", "name": "Legs and back",
        "days": [{"id": "legs", "name": "Legs", "prescriptions": [
            {"exercise": "zercher-squat", "sets": 3, "reps_min": 6, "reps_max": 8, "target_rpe": 8}]}],
        "cycle": [{"emphasis": "strength", "reps_min": 5, "reps_max": 8, "target_rpe": 8}],
    }
    path = tmp_path / "legs.json"
    path.write_text(json.dumps(program))
    assert run(data_dir, "program", "import", str(path)) == 0
    assert run(data_dir, "program", "use", "legs-and-back") == 0
    capsys.readouterr()
    assert run(data_dir, "next", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    row = next(r for r in rows if r["exercise"] in ("zercher-squat", "Zercher Squat"))
    assert row["load"] is not None and row["load"] > 60
    assert any("60" in reason for reason in row["reasons"])


def test_a_timed_exercise_is_logged_in_seconds(data_dir, capsys):
    assert run(data_dir, "exercise", "add", "L-Sit", "--pattern", "core", "--equipment", "bodyweight",
               "--timed", "--seconds", "20") == 0
    capsys.readouterr()
    assert run(data_dir, "log", "L-Sit", "bw x20s", "bw", "x25s@9") == 0
    out = capsys.readouterr().out
    assert "bodyweight x 20 s" in out and "bodyweight x 25 s @ 9" in out
    with Store.open(data_dir) as store:
        sets = store.recent_sets("l-sit", sessions=1)[0][1]
    assert [(s.reps, s.seconds, s.timed) for s in sets] == [(None, 20.0, True), (None, 25.0, True)]
    assert run(data_dir, "log", "L-Sit", "bw x0s") == 2
    assert "a timed set lasts 1 to 3600 seconds" in capsys.readouterr().err


def test_a_retired_exercise_still_takes_imported_sets(data_dir, tmp_path, capsys):
    assert run(data_dir, *ZERCHER, "--alias", "Zercher Squat (Barbell)") == 0
    assert run(data_dir, "exercise", "retire", "Zercher Squat") == 0
    export = tmp_path / "strong.csv"
    export.write_text("Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n"
                      '2026-11-10 18:00:00,"Legs","Zercher Squat (Barbell)",1,70,6,0,0,"",""\n')
    assert run(data_dir, "import", str(export), "--unit", "kg") == 0
    assert "Zercher Squat (Barbell) -> Zercher Squat (zercher-squat" in capsys.readouterr().out
    with Store.open(data_dir) as store:
        assert [s.load for _, sets in store.recent_sets("zercher-squat", sessions=5) for s in sets] == [70.0]
    assert list(mine(data_dir)) == ["zercher-squat"]  # no second exercise made for the name

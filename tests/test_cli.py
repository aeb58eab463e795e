import json
import subprocess
import sys

import pytest

from gymtui import __version__
from gymtui.cli import main
from gymtui.store import Store


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("log", "export", "doctor", "restore"):
        assert command in out


def test_log_stores_sets_and_prints_them(data_dir, capsys):
    assert run(data_dir, "log", "barbell row", "80x8@8.5", "82.5x6@9", "--tempo", "31X0") == 0
    out = capsys.readouterr().out
    assert "Stored 2 working sets of Bent Over Row" in out and "82.5 kg x 6 @ 9" in out
    assert run(data_dir, "log", "pull-up", "bw", "x12", "--type", "warmup") == 0
    with Store.open(data_dir) as store:
        session = store.sessions_on(store._now().date())[0]
        sets = store.session_sets(session.id)
    assert [(s.exercise, s.load, s.reps, s.rpe, s.set_type) for s in sets] == [
        ("bent-over-row", 80.0, 8, 8.5, "working"),
        ("bent-over-row", 82.5, 6, 9.0, "working"),
        ("pull-up", None, 12, None, "warmup"),
    ]
    assert sets[0].tempo == "3-1-X-0"


def test_log_unit_suffix_and_settings_unit(data_dir):
    assert run(data_dir, "log", "deadlift", "175lbx5") == 0
    with Store.open(data_dir) as store:
        session = store.sessions_on(store._now().date())[0]
        assert store.session_sets(session.id)[0].unit == "lb"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["barbel rwo", "80x8"], "did you mean: Bent Over Row"),
        (["barbell row", "80x8@11"], "RPE 11"),
        (["barbell row", "80x8", "80x"], "entry 2 '80x': reps missing"),
        (["barbell row", "8ox8"], "load '8o'"),
        (["barbell row", "80x8", "--tempo", "3-a-1"], "--tempo"),
        (["barbell row", "80x8", "--date", "2099-01-01"], "in the future"),
        (["barbell row", "80x8", "--date", "yesterdayish"], "--date"),
    ],
)
def test_bad_log_stores_nothing_and_says_why(data_dir, capsys, args, fragment):
    assert run(data_dir, "log", *args) != 0
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with Store.open(data_dir) as store:
        assert list(store.iter_sessions()) == []


def test_log_while_the_app_holds_the_folder(data_dir, capsys):
    with Store.open(data_dir):
        assert run(data_dir, "log", "barbell row", "80x8") == 1
    assert "another gymtui" in capsys.readouterr().err


def test_log_on_an_earlier_date(data_dir):
    assert run(data_dir, "log", "deadlift", "140x3@8", "--date", "2026-01-05") == 0
    with Store.open(data_dir) as store:
        sessions = list(store.iter_sessions())
    assert [str(s.date) for s in sessions] == ["2026-01-05"]


def test_export_json_and_strong_csv(data_dir, tmp_path, capsys):
    run(data_dir, "log", "barbell row", "80x8@8.5")
    target = tmp_path / "out.json"
    assert run(data_dir, "export", "--format", "json", "-o", str(target)) == 0
    document = json.loads(target.read_text())
    assert document["format"] == "gymtui" and document["sets"][0]["rpe"] == 8.5
    capsys.readouterr()
    assert run(data_dir, "export", "--format", "strong-csv") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps")
    assert "Bent Over Row" in lines[1] and lines[1].endswith(",8.5")


def test_doctor_names_a_damaged_file(data_dir, capsys):
    run(data_dir, "log", "barbell row", "80x8@8.5")
    assert run(data_dir, "doctor") == 0
    week = next((data_dir / "journal").glob("*.json"))
    week.write_text(week.read_text().replace('"rpe":8.5', '"rpe":12'))
    capsys.readouterr()
    assert run(data_dir, "doctor") == 1
    out = capsys.readouterr().out
    assert week.name in out and "RPE 12" in out


def test_restore_lists_and_restores(data_dir, capsys):
    run(data_dir, "log", "barbell row", "80x8@8.5")  # the first log of the day makes a backup
    capsys.readouterr()
    assert run(data_dir, "restore") == 0
    name = capsys.readouterr().out.split()[0]
    week = next((data_dir / "journal").glob("*.json"))
    week.write_text("garbage")
    assert run(data_dir, "restore", name) == 0
    assert run(data_dir, "doctor") == 0


def test_console_script_runs_without_traceback(data_dir):
    done = subprocess.run([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), "log", "nope", "1x1"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "unknown exercise" in done.stderr and "Traceback" not in done.stderr


def test_log_says_when_a_dumbbell_is_not_on_the_settings_steps(data_dir, capsys):
    # Any weight was taken in silence: 23 kg with 2 kg steps is kept (a gym may have odd
    # bells), but said, with the nearest ones the settings know.
    assert run(data_dir, "log", "single arm dumbbell row", "23x10@8", "24x8@8.5") == 0
    captured = capsys.readouterr()
    assert "Stored 2 working sets of Single Arm Dumbbell Row" in captured.out
    err = captured.err.strip().splitlines()
    assert err == ["gymtui: warning: 23 kg is not a dumbbell your settings know (steps of 2 kg: the nearest "
                   "are 22 kg and 24 kg); stored as typed. If your dumbbells go in other steps, change "
                   "Dumbbell step in Settings."]
    with Store.open(data_dir) as store:
        session = store.sessions_on(store._now().date())[0]
        assert [s.load for s in store.session_sets(session.id)] == [23.0, 24.0]
    assert run(data_dir, "log", "single arm dumbbell row", "22x10", "50lbx8") == 0
    assert capsys.readouterr().err == ""  # on the steps, in either unit (5 lb steps)

"""`gymtui program list/use/export/import/copy` and `gymtui block start`."""

import json
from datetime import date
from pathlib import Path

import pendulum
import pytest

from gymtui.cli import main
from gymtui.store import Store

SHIPPED_ID = "upper-back-posterior-chain"


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture(autouse=True)
def _frozen_today(monkeypatch):
    monkeypatch.setattr(pendulum, "now", lambda tz=None: pendulum.datetime(2026, 11, 18, 9, tz="UTC"))


def settings(data_dir):
    with Store.open(data_dir) as store:
        return store.settings()


def test_list_marks_the_program_in_use_and_whose_each_is(data_dir, capsys):
    assert run(data_dir, "program", "copy", SHIPPED_ID, "my-back") == 0
    capsys.readouterr()
    assert run(data_dir, "program", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"* {SHIPPED_ID}") and "shipped" in line for line in lines)
    assert any(line.startswith("  my-back") and "yours" in line for line in lines)
    assert lines[-1].startswith("In use: Upper Back & Posterior Chain, week ")


def test_use_keeps_the_choice_and_every_logged_set(data_dir, capsys):
    assert run(data_dir, "log", "deadlift", "140x5@8", "--date", "2026-11-16") == 0
    assert run(data_dir, "program", "copy", SHIPPED_ID, "my-back") == 0
    assert run(data_dir, "program", "use", "my-back") == 0
    out = capsys.readouterr().out
    assert "Now training Upper Back & Posterior Chain (copy) (my-back). Every logged set is kept" in out
    assert settings(data_dir).program == "my-back"
    with Store.open(data_dir) as store:
        assert len(store.recent_sets("deadlift", sessions=5)) == 1
    assert run(data_dir, "next") == 0
    assert "Program: Upper Back & Posterior Chain (copy)" in capsys.readouterr().out


def test_use_refuses_an_unknown_id_and_changes_nothing(data_dir, capsys):
    assert run(data_dir, "program", "use", "nope") == 2
    err = capsys.readouterr().err
    assert "no program 'nope'; there are: full-body-three-day, " in err and SHIPPED_ID in err
    assert settings(data_dir).program == SHIPPED_ID


def test_export_then_import_round_trips_and_never_overwrites_the_shipped_one(data_dir, tmp_path, capsys):
    target = tmp_path / "out.json"
    assert run(data_dir, "program", "export", SHIPPED_ID, "-o", str(target)) == 0
    assert run(data_dir, "program", "import", str(target)) == 0
    out = capsys.readouterr().out
    assert f"The id '{SHIPPED_ID}' is a shipped program's, which is never overwritten: imported as" \
           f" '{SHIPPED_ID}-2'." in out
    again = tmp_path / "again.json"
    assert run(data_dir, "program", "export", f"{SHIPPED_ID}-2", "-o", str(again)) == 0
    first, second = json.loads(target.read_text()), json.loads(again.read_text())
    assert second == first | {"id": f"{SHIPPED_ID}-2"}


def test_import_refuses_a_bad_program_naming_the_field(data_dir, tmp_path, capsys):
    assert run(data_dir, "program", "export", SHIPPED_ID, "-o", str(tmp_path / "p.json")) == 0
    data = json.loads((tmp_path / "p.json").read_text())
    data["id"] = "mine"
    data["days"][1]["prescriptions"][2]["target_rpe"] = 12
    (tmp_path / "p.json").write_text(json.dumps(data))
    assert run(data_dir, "program", "import", str(tmp_path / "p.json")) == 1
    err = capsys.readouterr().err
    assert "days.1.prescriptions.2.target_rpe: RPE 12 is not on the scale" in err
    assert "(nothing stored)" in err
    assert not (data_dir / "programs" / "mine.json").exists()


def test_copy_refuses_a_bad_or_taken_id(data_dir, capsys):
    assert run(data_dir, "program", "copy", SHIPPED_ID, "Bad Id") == 2
    assert "NEW_ID 'Bad Id': use lower-case letters" in capsys.readouterr().err
    assert run(data_dir, "program", "copy", SHIPPED_ID, SHIPPED_ID) == 2
    assert "is already a program's" in capsys.readouterr().err


def test_a_broken_program_file_is_named_once_and_skipped(data_dir, capsys):
    (data_dir / "programs").mkdir()
    (data_dir / "programs" / "broken.json").write_text("{", encoding="utf-8")
    assert run(data_dir, "program", "list") == 0
    captured = capsys.readouterr()
    assert captured.err.count("programs/broken.json") == 1
    assert "1 program file was skipped: programs/broken.json: not valid JSON" in captured.err
    assert run(data_dir, "next") == 0
    assert run(data_dir, "doctor") == 1
    assert "error: programs/broken.json: not valid JSON" in capsys.readouterr().out


def test_block_start_sets_week_one_to_this_week(data_dir, capsys):
    assert run(data_dir, "log", "deadlift", "140x5@8", "--date", "2026-09-01") == 0
    assert run(data_dir, "block", "start") == 0
    out = capsys.readouterr().out
    assert "starts on Monday 2026-11-16: today is week 1 of 4 (strength)" in out
    assert settings(data_dir).program_start == date(2026, 11, 16)
    assert run(data_dir, "block", "start", "--date", "2026-11-02") == 0
    assert "today is week 3 of 4 (technique)" in capsys.readouterr().out
    assert run(data_dir, "next") == 0
    assert "Block: week 3 of 4" in capsys.readouterr().out


def test_a_block_started_here_is_not_moved_by_history_imported_later(data_dir, capsys):
    assert run(data_dir, "block", "start") == 0
    fixture = Path(__file__).parent / "fixtures" / "import" / "strong_comma_2019.csv"
    assert run(data_dir, "import", str(fixture), "--unit", "kg") == 0
    assert settings(data_dir).program_start == date(2026, 11, 16)
    capsys.readouterr()
    assert run(data_dir, "program", "list") == 0
    assert "week 1 of 4 (strength), counted from Monday 2026-11-16" in capsys.readouterr().out

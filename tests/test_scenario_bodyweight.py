"""Weighted pull-ups through the command line: sets logged with `gymtui log`, bodyweight
with `gymtui bodyweight`, and the next session read back with `gymtui next` as a lifter
(or a script) would."""

import json
from datetime import date

import pendulum
import pytest

from gymtui.cli import main
from gymtui.domain.daily import RecoveryNote
from gymtui.store import Store


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


def log(data_dir, *args):
    assert run(data_dir, "log", *args) == 0


def pull_up(data_dir, capsys, when):
    capsys.readouterr()
    assert run(data_dir, "next", "--json", "--date", when, "--day", "vertical-pull") == 0
    rows = json.loads(capsys.readouterr().out)
    return next(r for r in rows if r["exercise"] == "pull-up")


@pytest.fixture
def lighter_belt(data_dir, capsys):
    """Weighted pull-ups: 10 kg x 5 @ 8, then 5 kg for one more rep at the same RPE."""
    log(data_dir, "bent over row", "80x5@8", "80x5@8", "80x5@8", "80x5@8", "--date", "2026-10-05")
    log(data_dir, "pull-up", "10x5@8", "10x5@8", "10x5@8", "10x5@8", "--date", "2026-10-08")
    log(data_dir, "bent over row", "80x5@8", "80x5@8", "80x5@8", "80x5@8", "--date", "2026-10-09")
    log(data_dir, "pull-up", "5x6@8", "5x6@8", "5x6@8", "5x6@8", "--date", "2026-10-10")
    capsys.readouterr()
    return data_dir


def test_a_lighter_belt_for_one_more_rep_deloads_nothing_once_bodyweight_is_known(lighter_belt, capsys):
    before = pull_up(lighter_belt, capsys, "2026-10-15")
    assert before["deload"] is True and "Pull Up: e1RM down 48 % (12.3 kg -> 6.4 kg)" in before["deload_reasons"]
    assert any("your bodyweight is not known" in r for r in before["reasons"])
    assert run(lighter_belt, "bodyweight", "80", "--date", "2026-10-05") == 0
    row = pull_up(lighter_belt, capsys, "2026-10-15")
    assert row["deload"] is False, row["deload_reasons"]
    assert row["deload_reasons"] == ["no deload due: week 2 of the program, no signs of fatigue"]
    assert row["e1rm"] == {"value": 108.1, "unit": "kg", "method": "rts"}  # 85 kg x 6 @ 8
    # Hypertrophy week, 8-12 @ 8, from the e1RM of the last sessions (90 x 5 and 85 x 6 @ 8,
    # 109.6 kg): the chart's 81 kg for 8 reps is bodyweight and the smallest plate.
    assert (row["sets"], row["reps"], row["load"]) == (4, 8, 1.25)
    assert row["reasons"][1] == "your 80 kg bodyweight counts with the belt: the loads below are both together"


def test_a_strength_week_after_easy_bodyweight_sets_suggests_a_belt(data_dir, capsys):
    log(data_dir, "bent over row", "80x5@8", "80x5@8", "80x5@8", "80x5@8", "--date", "2026-10-05")
    # The pull-up's own block moves on with the weeks it is trained: weeks 2, 3 and 4 (the
    # deload, whose light sets count for nothing), so 2 November is its week 1, strength.
    log(data_dir, "pull-up", "bwx10@7", "bwx10@7", "bwx10@7", "bwx10@7", "--date", "2026-10-15")
    log(data_dir, "pull-up", "bwx10@7", "bwx10@7", "bwx10@7", "bwx10@7", "--date", "2026-10-22")
    log(data_dir, "pull-up", "bwx5@6", "bwx5@6", "--date", "2026-10-29")
    before = pull_up(data_dir, capsys, "2026-11-02")  # week 1 of the next block: strength, 3-5 @ 8.5
    assert before["load"] is None
    assert run(data_dir, "bodyweight", "80kg", "--date", "2026-10-15") == 0
    row = pull_up(data_dir, capsys, "2026-11-02")
    assert (row["block_week"], row["sets"], row["reps"], row["load"]) == (1, 4, 3, 27.5)
    assert row["reasons"][-1] == "belt 27.5 kg: 107.5 kg with your 80 kg bodyweight"
    assert row["e1rm"]["value"] == 122.5  # 80 kg x 10 @ 7 is 65.3 %


def test_the_bodyweight_of_each_day_counts(lighter_belt, capsys):
    # 70 kg when the 10 kg belt was used, 80 kg by the 5 kg one: 80 x 5 against 85 x 6 is a
    # stronger lifter, and the plan is made with today's 80 kg.
    assert run(lighter_belt, "bodyweight", "70", "--date", "2026-10-05") == 0
    assert run(lighter_belt, "bodyweight", "80", "--date", "2026-10-09") == 0
    row = pull_up(lighter_belt, capsys, "2026-10-15")
    assert row["deload"] is False and row["e1rm"]["value"] == 108.1


def test_gymtui_bodyweight_keeps_it_in_the_days_note_and_in_settings(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_recovery(
            RecoveryNote(date=date(2026, 11, 2), sleep_hours=7, updated_at=pendulum.datetime(2026, 11, 2, 7))
        )
    assert run(data_dir, "bodyweight", "81.5", "--date", "2026-11-02") == 0
    assert capsys.readouterr().out == "Bodyweight 81.5 kg on 2026-11-02\n"
    assert run(data_dir, "bodyweight", "80", "--date", "2026-10-01") == 0  # an older one: settings keep 81.5
    with Store.open(data_dir) as store:
        note = store.recovery(date(2026, 11, 2))
        assert (note.sleep_hours, note.bodyweight, note.bodyweight_unit) == (7, 81.5, "kg")
        assert store.recovery(date(2026, 10, 1)).bodyweight == 80
        assert store.settings().bodyweight_kg == 81.5
    capsys.readouterr()
    assert run(data_dir, "bodyweight") == 0
    assert capsys.readouterr().out == "2026-11-02  81.5 kg\n2026-10-01  80 kg\nin settings: 81.5 kg\n"


@pytest.mark.parametrize("args, message", [
    (["900"], "gymtui: bodyweight 900 kg is out of range: use 25 to 300 kg (nothing stored)\n"),
    (["eighty"], "gymtui: 'eighty' is not a bodyweight: write a number, e.g. 81.5 or 180lb (nothing stored)\n"),
    (["80", "--date", "2099-01-01"], "gymtui: --date 2099-01-01: that is in the future\n"),
])
def test_a_bad_bodyweight_is_one_line_and_stores_nothing(data_dir, capsys, args, message):
    assert run(data_dir, "bodyweight", *args) == 2
    captured = capsys.readouterr()
    assert captured.err == message and captured.out == ""
    with Store.open(data_dir) as store:
        assert store.settings().bodyweight_kg is None and store.parts() == []

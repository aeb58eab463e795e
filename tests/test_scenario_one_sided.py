"""One-sided lifts through the command line: sides logged with `gymtui log --side`, the next
session read back with `gymtui next --json` as a script would."""

import json

from gymtui.cli import main


def run(data_dir, *args):
    assert main(["--data-dir", str(data_dir), *args]) == 0


def next_rows(data_dir, capsys, date, day):
    capsys.readouterr()
    run(data_dir, "next", "--json", "--date", date, "--day", day)
    return {row["exercise"]: row for row in json.loads(capsys.readouterr().out)}


def test_the_weaker_side_sets_the_load_and_the_imbalance_is_said(data_dir, capsys):
    run(data_dir, "log", "single arm dumbbell row", "30x12@6.5", "30x12@6.5", "--side", "left", "--date", "2026-10-05")
    run(data_dir, "log", "single arm dumbbell row", "30x10@9", "30x10@9", "--side", "right", "--date", "2026-10-05")
    row = next_rows(data_dir, capsys, "2026-10-12", "horizontal-pull")["single-arm-dumbbell-row"]
    # The left side had reps to spare; the right was over the RPE 8 target: lighter, for the right.
    assert (row["sets"], row["reps"], row["load"]) == (2, 10, 28.0)
    assert row["reasons"][0] == ("right side 17 % weaker than the left (e1RM 42.4 kg vs 51.2 kg): planned from the"
                                 " right; a left and a right make one set")
    assert row["e1rm"]["value"] == 42.4


def test_two_pairs_stay_two_sets(data_dir, capsys):
    for side in ("left", "right"):
        run(data_dir, "log", "cable external rotation", "5x15@7", "5x15@7", "--side", side, "--date", "2026-10-08")
    row = next_rows(data_dir, capsys, "2026-10-12", "vertical-pull")["cable-external-rotation"]
    # Top of the range on both sides: one stack step up (always allowed, whatever the cap),
    # and the two pairs are still two sets.
    assert row["sets"] == 2 and row["load"] == 10.0
    assert row["reasons"][0].startswith("left and right even")

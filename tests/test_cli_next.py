"""`gymtui next`: the next session as text and as JSON, from sets logged with `gymtui log`."""

import json

import pytest

from gymtui.cli import main
from gymtui.services.next_report import JSON_FIELDS
from gymtui.store import Store

MONDAY = "2026-09-07"  # week 1 (strength) of the program, when the first set is logged
THURSDAY = "2026-09-10"
NEXT_MONDAY = "2026-09-14"  # week 2: hypertrophy


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def history(data_dir, capsys):
    """A horizontal-pull Monday and a vertical-pull Thursday, logged from the command line."""
    for args in (
        ["bent over row", "80x5@8", "80x5@8", "80x5@8.5", "80x5@8.5", "--date", MONDAY],
        ["deadlift", "140x3@8", "140x3@8", "140x3@8", "--date", MONDAY],
        ["face pull", "20x15@7", "20x15@7", "--date", MONDAY],
        ["pull-up", "bwx6@8", "bwx6@8", "bwx5@8.5", "bwx5@9", "--date", THURSDAY],
        ["romanian deadlift", "100x5@9.5", "100x5@9.5", "100x5@9.5", "--date", THURSDAY],
    ):
        assert run(data_dir, "log", *args) == 0
    capsys.readouterr()
    return data_dir


def test_text_names_day_block_deload_readiness_and_each_reason(history, capsys):
    assert run(history, "next", "--date", NEXT_MONDAY) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Next session: Horizontal pull (horizontal-pull), Mon 2026-09-14"
    assert lines[1] == "Program: Upper Back & Posterior Chain, block weeks from Mon 2026-09-07"
    assert lines[2] == "Block: week 2 of 4, hypertrophy"
    assert "Deload: no\n  - no deload due: week 2 of the program, no signs of fatigue\n" in out
    assert "Readiness: 100/100, good\n  - no recovery note today: nothing taken off\n" in out
    row = lines.index(next(line for line in lines if line.startswith("Bent Over Row")))
    assert lines[row].split() == ["Bent", "Over", "Row", "4", "x", "8", "(8-12)", "72.5", "kg", "3-0-1-1", "@8"]
    assert lines[row + 1] == "  - hypertrophy week: 4 x 8-12 @ 8"
    assert lines[row + 2].startswith("  - new targets 8-12 @ 8: from 80 kg x 5 @ 8, 8, 8.5, 8.5")
    face = next(line for line in lines if line.startswith("Face Pull"))
    assert face.split()[2:] == ["2", "x", "16", "(15-20)", "20", "kg", "2-0-1-2", "@7"]
    assert "  - last time 20 kg x 15 @ 7, target @ 7: same 20 kg, aim for 16 reps" in lines
    assert "Single Arm Dumbbell Row" in out and "choose" in out  # never logged: the lifter picks
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]


def test_json_rows_have_the_fields_in_order(history, capsys):
    assert run(history, "next", "--json", "--date", NEXT_MONDAY) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and len(rows) == 6
    for row in rows:
        assert tuple(row)[: len(JSON_FIELDS)] == JSON_FIELDS
        assert row["reason"] == "; ".join(row["reasons"]) and row["reason"]
        assert isinstance(row["sets"], int) and isinstance(row["reps"], int)
        assert row["unit"] == "kg" and isinstance(row["target_rpe"], float)
    deadlift = next(r for r in rows if r["exercise"] == "deadlift")
    assert {k: deadlift[k] for k in JSON_FIELDS[:7]} == {
        "exercise": "deadlift", "sets": 3, "reps": 8, "load": 120.0, "unit": "kg", "tempo": "2-1-X-0",
        "target_rpe": 8.0,
    }
    assert deadlift["reason"].startswith("hypertrophy week: 3 x 8-12 @ 8; new targets 8-12 @ 8: from 140 kg x 3 @ 8")
    carry = next(r for r in rows if r["exercise"] == "farmer-carry")
    assert carry["load"] is None and carry["hold_seconds"] == 40 and carry["name"] == "Farmer Carry"


def test_the_day_after_the_last_one_trained_or_the_one_asked_for(history, capsys):
    assert run(history, "next", "--json", "--date", "2026-09-11") == 0
    first = [r["exercise"] for r in json.loads(capsys.readouterr().out)]
    assert first[0] == "face-pull"  # Thursday was the vertical-pull day
    assert run(history, "next", "--day", "vertical-pull", "--date", NEXT_MONDAY) == 0
    out = capsys.readouterr().out
    assert out.startswith("Next session: Vertical pull (vertical-pull)")
    # Romanian deadlifts at 9.5 last time, target 8: lighter, and why.
    assert "  - new targets 8-12 @ 8: from 100 kg x 5 @ 9.5" in out


def test_a_poor_recovery_note_shows_in_readiness_and_takes_a_set_off(history, capsys):
    import pendulum

    from gymtui.domain.daily import RecoveryNote

    with Store.open(history) as store:
        store.save_recovery(RecoveryNote(date=pendulum.date(2026, 9, 14), sleep_hours=4, sleep_quality=1,
                                         stress=5, updated_at=pendulum.datetime(2026, 9, 14, 7)))
    assert run(history, "next", "--json", "--date", NEXT_MONDAY) == 0
    rows = json.loads(capsys.readouterr().out)
    row = next(r for r in rows if r["exercise"] == "bent-over-row")
    assert row["sets"] == 3 and row["target_rpe"] == 7.0
    assert "readiness poor (40/100): one set fewer, target @ 7" in row["reasons"]
    assert run(history, "next", "--date", NEXT_MONDAY) == 0
    out = capsys.readouterr().out
    assert "Readiness: 40/100, poor\n  - slept 4 h: -30\n  - sleep quality 1/5: -15\n  - stress 5/5: -15\n" in out


def test_nothing_logged_yet_still_plans_the_first_day(data_dir, capsys):
    assert run(data_dir, "next", "--date", MONDAY) == 0
    out = capsys.readouterr().out
    assert out.startswith("Next session: Horizontal pull (horizontal-pull), Mon 2026-09-07\n")
    assert "Block: week 1 of 4, strength" in out and "no history yet" in out


def test_a_future_date_plans_ahead(history, capsys):
    assert run(history, "next", "--date", "2099-01-05") == 0
    assert "Mon 2099-01-05" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, fragment",
    [
        (
            ["--day", "leg-day"],
            "unknown day 'leg-day': Upper Back & Posterior Chain has horizontal-pull, vertical-pull",
        ),
        (["--date", "2026-13-45"], "--date '2026-13-45': write YYYY-MM-DD"),
        (["--date", "someday"], "--date 'someday'"),
    ],
)
def test_bad_arguments_are_one_line_errors(history, capsys, args, fragment):
    assert run(history, "next", *args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("gymtui: ") and fragment in captured.err
    assert captured.err.count("\n") == 1


def test_help_lists_next(capsys):
    with pytest.raises(SystemExit):
        main(["next", "--help"])
    out = capsys.readouterr().out
    assert "--json" in out and "--day" in out and "--date" in out


def test_wrapped_reasons_keep_loads_with_their_units():
    from gymtui.services.next_report import wrap_reasons

    reason = "deload week: 2 x 3-5 @ 6; deload from 82.5 kg x 3 @ 6: 2 x 3, -15 % to 70 kg"
    assert wrap_reasons([reason], 80) == ["  - " + reason]
    lines = wrap_reasons([reason], 76)
    assert lines == ["  - deload week: 2 x 3-5 @ 6; deload from 82.5 kg x 3 @ 6: 2 x 3, -15 % to",
                     "    70 kg"]
    assert wrap_reasons(["a" * 20 + " 12.5 kg x 8 @ 9.5"], 30) == ["  - " + "a" * 20, "    12.5 kg x 8 @ 9.5"]


def test_json_rows_carry_block_week_deload_readiness_and_e1rm(history, capsys):
    import pendulum

    from gymtui.domain.daily import RecoveryNote

    with Store.open(history) as store:
        store.save_recovery(RecoveryNote(date=pendulum.date(2026, 9, 14), sleep_hours=4, sleep_quality=1,
                                         updated_at=pendulum.datetime(2026, 9, 14, 7)))
    assert run(history, "next", "--json", "--date", NEXT_MONDAY) == 0
    rows = json.loads(capsys.readouterr().out)
    for row in rows:
        assert row["block_week"] == 2 and row["block_weeks"] == 4 and row["block_emphasis"] == "hypertrophy"
        assert row["deload"] is False and row["deload_early"] is False
        assert row["deload_reasons"] == ["no deload due: week 2 of the program, no signs of fatigue"]
        assert row["readiness"] == {"score": 55, "level": "ok",
                                    "parts": ["slept 4 h: -30", "sleep quality 1/5: -15", "readiness 55/100: ok"]}
        assert row["date"] == NEXT_MONDAY and row["day"] == "horizontal-pull"
    deadlift = next(r for r in rows if r["exercise"] == "deadlift")
    # 140 kg x 3 @ 8 is 86.3 % on the chart.
    assert deadlift["e1rm"] == {"value": 162.2, "unit": "kg", "method": "rts"}
    assert next(r for r in rows if r["exercise"] == "single-arm-dumbbell-row")["e1rm"] is None


def test_json_deload_says_why(history, capsys):
    # Each main lift's block moves on with the weeks it is trained: weeks 2 and 3 are logged.
    for day in ("2026-09-14", "2026-09-21"):
        assert run(history, "log", "bent over row", "80x6@8", "80x6@8", "--date", day) == 0
        assert run(history, "log", "deadlift", "140x5@8", "140x5@8", "--date", day) == 0
    capsys.readouterr()
    assert run(history, "next", "--json", "--date", "2026-09-28", "--day", "horizontal-pull") == 0  # week 4: deload
    row = json.loads(capsys.readouterr().out)[0]
    assert row["block_week"] == 4 and row["deload"] is True and row["deload_early"] is False
    assert row["deload_reasons"] == ["week 4 of the block is the planned deload"]

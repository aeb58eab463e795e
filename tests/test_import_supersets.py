"""Supersets through import and export: Hevy's groups are kept on the sets, the Strong CSV
writes them as plain sets, the JSON bundle carries them (sets, sessions and program days)."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum

from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise, Program
from gymtui.importers import export_json, export_strong_csv, import_json, import_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n'
)
ROWS = [
    ("Deadlift (Barbell)", "", 0, 140, 5),
    ("Bent Over Row (Barbell)", "0", 0, 80, 8),
    ("Face Pull", "0", 0, 20, 15),
    ("Bent Over Row (Barbell)", "0", 1, 80, 8),
    ("Face Pull", "0", 1, 20, 15),
    ("Lat Pulldown (Cable)", "1", 0, 60, 10),
    ("Deadlift (Barbell)", "27", 1, 140, 5),
    ("Lat Pulldown (Cable)", "x", 1, 60, 10),
]


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


def hevy_text() -> str:
    lines = [
        f'"Pull","02 Jul 2025, 08:05","02 Jul 2025, 09:10","","{name}",{group},"",{index},"normal",{load},{reps},,,\n'
        for name, group, index, load, reps in ROWS
    ]
    return HEADER + "".join(lines)


def imported():
    result = import_text(hevy_text(), exercises=library(), tz="Europe/Berlin")
    assert result.ok
    return result


def test_hevys_superset_ids_are_kept_on_the_sets_as_group_labels():
    result = imported()
    groups = [(s.exercise, s.superset) for s in result.sets]
    assert groups[:6] == [("deadlift", None), ("barbell-row", "A"), ("face-pull", "A"), ("barbell-row", "A"),
                          ("face-pull", "A"), ("lat-pulldown-cable", "B")]
    assert groups[6] == ("deadlift", "B1")  # Hevy's 27: past Z, the second lap of letters


def test_a_superset_id_that_is_not_a_number_keeps_the_set_outside_any_group_and_says_so():
    result = imported()
    odd = result.sets[7]
    assert (odd.exercise, odd.load, odd.reps, odd.superset) == ("lat-pulldown-cable", 60.0, 10, None)
    said = " ".join(str(p) for p in result.problems)
    assert "superset_id 'x' is not a small whole number: the set was kept outside any superset" in said
    assert not any("superset groups were not kept" in n for n in result.notices)


def test_the_strong_csv_writes_grouped_sets_as_plain_sets():
    result = imported()
    plain = [s.model_copy(update={"superset": None}) for s in result.sets]
    grouped = export_strong_csv(result.sessions, result.sets, library())
    assert grouped == export_strong_csv(result.sessions, plain, library())
    assert "superset" not in grouped.lower()


def test_the_json_bundle_carries_the_groups_of_sets_sessions_and_program_days():
    now = pendulum.datetime(2026, 3, 2, 18, tz="UTC")
    session = Session(date=now.date(), started_at=now, order=["a", "b"], groups={"a": "C", "b": "C"})
    logged = LoggedSet(session_id=session.id, exercise="a", load=20.0, reps=10, logged_at=now, superset="C")
    program = Program.model_validate({
        "id": "p", "name": "P",
        "days": [{"id": "d", "name": "D", "superset_rests": {"A": {"between_seconds": 5, "round_seconds": 100}},
                  "prescriptions": [{"exercise": "a", "sets": 3, "reps_min": 8, "reps_max": 12, "superset": "A"},
                                    {"exercise": "b", "sets": 3, "reps_min": 8, "reps_max": 12, "superset": "A"}]}],
        "cycle": [{"emphasis": "hypertrophy", "reps_min": 8, "reps_max": 12, "target_rpe": 8}],
    })
    back = import_json(export_json({"sessions": [session], "sets": [logged], "programs": [program]}))
    assert back.problems == []
    assert back.sets == [logged] and back.sessions == [session] and back.programs == [program]

"""The program editor's draft: edits, undo, reading typed values, and the block as a line."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.domain.program_draft import Draft, new_program
from gymtui.domain.program_text import (
    STANDARD_CYCLE,
    DraftError,
    cycle_text,
    is_standard,
    read_cycle,
    read_reps,
    read_rest,
    read_rpe,
    read_superset,
    read_tempo,
)
from gymtui.domain.programs import ProgramError
from gymtui.store.catalog_files import load_catalog

CATALOG = load_catalog()
IDS = set(CATALOG.exercises)


def built() -> Draft:
    draft = Draft(new_program("mine", "Mine"))
    draft.add_exercise(0, exercise="bulgarian-split-squat")
    draft.add_exercise(0, exercise="back-extension")
    draft.add_day()
    draft.add_exercise(1, exercise="chest-supported-row")
    return draft


def test_a_built_draft_validates_and_undo_walks_back_every_edit():
    draft = built()
    program = draft.check(IDS)
    assert [len(day.prescriptions) for day in program.days] == [2, 1]
    assert [day.id for day in program.days] == ["day-1", "day-2"]
    for _ in range(4):
        assert draft.undo()
    assert draft.data == new_program("mine", "Mine")
    assert not draft.undo()


def test_copy_move_and_remove_days_and_exercises():
    draft = built()
    assert draft.copy_day(0) == 1
    assert [d["id"] for d in draft.days] == ["day-1", "day-1-2", "day-2"]
    assert draft.move_day(1, 1) == 2
    assert [d["id"] for d in draft.days] == ["day-1", "day-2", "day-1-2"]
    assert draft.move_exercise(0, 1, 1) == (1, 0)  # past the day's last: the next day's first
    assert [rx["exercise"] for rx in draft.days[1]["prescriptions"]] == ["back-extension", "chest-supported-row"]
    assert draft.copy_exercise(1, 0) == 1
    draft.remove_exercise(1, 1)
    draft.remove_day(2)
    assert [d["id"] for d in draft.days] == ["day-1", "day-2"]
    draft.check(IDS)


def test_set_without_a_change_leaves_nothing_to_undo():
    draft = built()
    depth = len(draft.undo_stack)
    assert not draft.set((0, 0), {"sets": 3})
    assert draft.set((0, 0), {"sets": 4, "tempo": "3-1-1-0"})
    assert len(draft.undo_stack) == depth + 1
    assert draft.set((0, 0), {"tempo": None})
    assert "tempo" not in draft.days[0]["prescriptions"][0]


def test_a_superset_of_one_and_an_unknown_exercise_are_refused_with_the_field():
    draft = built()
    draft.set((0, 0), {"superset": "A"})
    with pytest.raises(ProgramError, match="superset A has one exercise"):
        draft.check(IDS)
    draft.set((0, 1), {"superset": "A"})
    draft.add_exercise(1)
    with pytest.raises(ProgramError, match=r"days\.1\.prescriptions\.1\.exercise: no exercise chosen yet"):
        draft.check(IDS)


@pytest.mark.parametrize(("text", "reps"), [("8-12", (8, 12)), ("10", (10, 10)), (" 5 to 8 ", (5, 8))])
def test_read_reps(text, reps):
    assert read_reps(text) == reps


@pytest.mark.parametrize("text", ["", "12-8", "x", "0", "8-", "1-2-3"])
def test_read_reps_refuses(text):
    with pytest.raises(DraftError, match=r"^reps: "):
        read_reps(text)


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("90s", 90), ("2:30", 150), ("2m", 120), ("0", 0)])
def test_read_rest(text, seconds):
    assert read_rest(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "16:00", "2:75"])
def test_read_rest_refuses(text):
    with pytest.raises(DraftError, match=r"^rest: "):
        read_rest(text)


def test_read_rpe_tempo_and_superset():
    assert read_rpe("@8.5") == 8.5
    with pytest.raises(DraftError, match=r"^rpe: 11 is not on the scale"):
        read_rpe("11")
    assert read_tempo("31X0") == "3-1-X-0"
    assert read_tempo("") is None
    with pytest.raises(DraftError, match=r"^tempo: "):
        read_tempo("3-x")
    assert read_superset("a") == "A"
    assert read_superset(" ") is None
    with pytest.raises(DraftError, match=r"^superset: "):
        read_superset("AB")


def test_the_standard_block_reads_back_and_a_custom_one_of_any_length():
    standard = [w.model_dump(mode="json") for w in STANDARD_CYCLE]
    assert read_cycle(cycle_text(standard), standard) == standard
    assert is_standard(standard)
    custom = read_cycle("strength, strength 2-4@9, hypertrophy 10-15@8, deload", standard)
    assert [(w["emphasis"], w["reps_min"], w["reps_max"], w["target_rpe"]) for w in custom] == [
        ("strength", 3, 5, 8.5), ("strength", 2, 4, 9.0), ("hypertrophy", 10, 15, 8.0), ("deload", 5, 8, 6.0)]
    assert custom[3]["set_factor"] == 0.5
    assert not is_standard(custom)
    with pytest.raises(DraftError, match=r"^weeks: week 2 'power'"):
        read_cycle("strength, power", standard)


@given(st.lists(st.sampled_from(["strength", "hypertrophy 10-15@8", "technique 5-8@7", "deload 6-8@6.5"]),
                min_size=1, max_size=12))
def test_any_block_typed_reads_back_the_same_line(weeks):
    cycle = read_cycle(", ".join(weeks), [])
    assert read_cycle(cycle_text(cycle), cycle) == cycle


def test_every_shipped_program_round_trips_through_a_draft():
    for program in CATALOG.programs.values():
        assert Draft.of(program, shipped=True).check(IDS) == program


def test_the_readme_block_example_reads():
    import re
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Making a program in the app"):]
    line = re.search(r"e\.g\. `(strength[^`]*)`", section.replace("\n   ", " ")).group(1)
    weeks = read_cycle(line, [])
    assert [w["emphasis"] for w in weeks] == ["strength", "strength", "hypertrophy", "deload"]


def test_superset_rests_read_back_and_go_with_the_group():
    from gymtui.domain.program_text import group_rests_text, read_group_rests

    rests = read_group_rests("a 15/90, B 10")
    assert rests == {"A": {"between_seconds": 15, "round_seconds": 90}, "B": {"between_seconds": 10}}
    assert read_group_rests(group_rests_text(rests)) == rests
    with pytest.raises(DraftError, match=r"^rests: 'A fast'"):
        read_group_rests("A fast")
    draft = built()
    draft.set((0, 0), {"superset": "A"})
    draft.set((0, 1), {"superset": "A"})
    draft.set((0,), {"superset_rests": {"A": {"between_seconds": 10, "round_seconds": 60}}})
    assert draft.check(IDS).days[0].superset_rests["A"].round_seconds == 60
    draft.remove_exercise(0, 1)
    draft.set((0, 0), {"superset": None})
    assert draft.days[0]["superset_rests"] == {}  # the group is gone, its rests with it
    draft.check(IDS)

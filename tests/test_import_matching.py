"""Matching imported names to the library; guessing what a new exercise is."""

import json
from pathlib import Path

import pytest

from gymtui.domain.library import Exercise
from gymtui.importers import import_text
from gymtui.importers.matching import (
    Matcher,
    clean_name,
    guess_equipment,
    guess_pattern,
    name_key,
    new_exercise,
    slugify,
    split_equipment,
)

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def library() -> list[Exercise]:
    return [Exercise.model_validate(item) for item in json.loads((FIXTURES / "library.json").read_text())]


@pytest.mark.parametrize(
    ("imported", "expected"),
    [
        ("Bent Over Row (Barbell)", "barbell-row"),
        ("Barbell Row", "barbell-row"),
        ("bent-over row", "barbell-row"),
        ("Pull Up", "pull-up"),
        ("PULL-UP!", "pull-up"),
        ("pullup", "pull-up"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Conventional Deadlift", "deadlift"),
        ("RDL", "romanian-deadlift"),
        ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
        ("Face Pull (Cable)", "face-pull"),
        ("Farmer's Walk", "farmer-carry"),
        ("Seal Row", "chest-supported-row"),
        ("chest supported row", "chest-supported-row"),
    ],
)
def test_names_that_clearly_mean_a_library_exercise(imported, expected):
    match = Matcher(library()).match(imported)
    assert match is not None and match.exercise_id == expected


@pytest.mark.parametrize(
    "imported",
    [
        "Bench Press (Dumbbell)",  # the library's bench press is a barbell lift
        "Bent Over Row (Dumbbell)",
        "Pull Up (Assisted)",  # the load means assistance: not the same exercise
        "Deadlift (Trap Bar)",
        "Row",
        "Curl",
    ],
)
def test_names_that_are_not_matched(imported):
    assert Matcher(library()).match(imported) is None


def test_two_library_exercises_with_one_name_are_not_guessed_between():
    twins = [
        Exercise(id="row-a", name="Row", pattern="horizontal_pull", equipment="cable", cues=["a"]),
        Exercise(id="row-b", name="Row", pattern="horizontal_pull", equipment="dumbbell", cues=["b"]),
    ]
    matcher = Matcher(twins)
    assert matcher.match("Row") is None
    assert matcher.match("Row (Dumbbell)").exercise_id == "row-b"


def test_match_reports_how():
    matcher = Matcher(library())
    assert matcher.match("Bent Over Row (Barbell)").how == "synonym"
    assert matcher.match("Deadlift (Barbell)").how == "same name without (barbell)"
    assert matcher.match("RDL").how == "alias"
    assert matcher.match("deadlift").how == "same name"


def test_equipment_in_parentheses():
    assert split_equipment("Deadlift (Barbell)") == ("Deadlift", "barbell")
    assert split_equipment("Pull Up (Assisted)") == ("Pull Up (Assisted)", None)
    assert split_equipment("(Cable)") == ("(Cable)", None)


@pytest.mark.parametrize(
    ("name", "pattern", "equipment"),
    [
        ("Bent Over Row (Barbell)", "horizontal_pull", "barbell"),
        ("Lat Pulldown (Cable)", "vertical_pull", "cable"),
        ("Chin Up", "vertical_pull", "bodyweight"),
        ("Romanian Deadlift (Dumbbell)", "hinge", "dumbbell"),
        ("Stiff Leg Deadlift", "hinge", "other"),
        ("Suitcase Carry (Kettlebell)", "carry", "kettlebell"),
        ("Face Pull (Cable)", "scapular", "cable"),
        ("External Rotation (Band)", "rotator_cuff", "band"),
        ("Incline Bench Press (Smith Machine)", "press", "machine"),
        ("Leg Press", "squat", "other"),
        ("Upright Row (Barbell)", "other", "barbell"),
        ("Plank", "core", "bodyweight"),
        ("Lateral Raise (Dumbbell)", "other", "dumbbell"),
        ("Pull Up (Assisted)", "vertical_pull", "other"),
        ("Жим лёжа", "other", "other"),
    ],
)
def test_pattern_and_equipment_guesses(name, pattern, equipment):
    assert (guess_pattern(name), guess_equipment(name)) == (pattern, equipment)


def test_new_exercise_is_custom_with_a_slug_and_flags():
    taken: set[str] = set()
    row = new_exercise("Single Arm Row (Dumbbell)", "Strong", taken)
    assert (row.id, row.custom, row.unilateral, row.pattern, row.equipment) == (
        "single-arm-row-dumbbell", True, True, "horizontal_pull", "dumbbell"
    )
    assert row.cues == ["Imported from Strong: add your own technique cues."]
    assert new_exercise("Bicep Curl (Barbell)", "Strong", taken).starts_concentric
    assert not new_exercise("Romanian Deadlift (Kettlebell)", "Strong", taken).starts_concentric
    assert taken == {"single-arm-row-dumbbell", "bicep-curl-barbell", "romanian-deadlift-kettlebell"}


def test_slug_clashes_get_a_stable_suffix():
    first = new_exercise("Curl!", "Hevy", {"curl"})
    again = new_exercise("Curl!", "Hevy", {"curl"})
    assert first.id == again.id and first.id.startswith("curl-") and first.id != "curl"


def test_slugs_for_other_scripts_are_stable_and_valid():
    assert slugify("Жим лёжа") == slugify("Жим лёжа") != slugify("Тяга")
    assert slugify("Жим лёжа").startswith("exercise-")
    assert slugify("Crème brûlée row") == "creme-brulee-row"
    assert len(slugify("x" * 300)) <= 80


def test_clean_name_and_keys():
    assert clean_name("  Pull   Up \n") == "Pull Up"
    assert len(clean_name("a" * 500)) == 120
    assert name_key("Pull-Up") == name_key("pull up") == name_key("PULLUP")


def test_names_differing_only_in_punctuation_become_one_new_exercise():
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        "2024-01-01 10:00:00,A,Curl (Cable),1,10,10,0,0,,,\n"
        "2024-01-01 10:00:00,A,curl - cable,1,10,10,0,0,,,\n"
    )
    result = import_text(text, unit="kg", exercises=[], tz="UTC")
    assert [e.name for e in result.new_exercises] == ["Curl (Cable)"]
    assert {s.exercise for s in result.sets} == {"curl-cable"}
    assert result.matches == []


def test_a_second_import_matches_the_custom_exercises_of_the_first():
    text = (FIXTURES / "strong_comma_full.csv").read_text()
    first = import_text(text, unit="kg", exercises=library(), tz="UTC")
    second = import_text(text, unit="kg", exercises=library() + first.new_exercises, tz="UTC")
    assert second.new_exercises == []
    assert [s.exercise for s in second.sets] == [s.exercise for s in first.sets]


def test_the_shipped_catalog_matches_common_strong_and_hevy_names():
    from gymtui.store.catalog_files import load_catalog

    matcher = Matcher(list(load_catalog().exercises.values()))
    for name, expected in [
        ("Bent Over Row (Barbell)", "bent-over-row"),
        ("Pull Up", "pull-up"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Lat Pulldown (Cable)", "lat-pulldown"),
    ]:
        assert matcher.match(name).exercise_id == expected


def test_a_whole_name_beats_the_same_name_without_equipment():
    from gymtui.domain.library import Exercise
    from gymtui.importers.matching import Matcher

    def custom(id_, name):
        return Exercise(id=id_, name=name, pattern="other", equipment="other", cues=["imported"], custom=True)

    matcher = Matcher([custom("spider-curl-barbell", "Spider Curl (Barbell)"), custom("spider-curl", "Spider curl")])
    assert matcher.match("Spider curl").exercise_id == "spider-curl"
    assert matcher.match("Spider Curl (Barbell)").exercise_id == "spider-curl-barbell"

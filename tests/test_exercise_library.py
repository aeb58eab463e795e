"""The shipped exercise library covers a whole week of training, and imported names map onto it."""

import pytest

from gymtui.importers.matching import Matcher
from gymtui.store.catalog_files import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def matcher(catalog):
    return Matcher(list(catalog.exercises.values()))


def test_the_library_covers_a_lifters_week(catalog):
    assert len(catalog.exercises) >= 110
    names = {e.name for e in catalog.exercises.values()}
    wanted = {
        "Back Squat", "Front Squat", "Bench Press", "Incline Bench Press", "Overhead Press",
        "Bulgarian Split Squat", "Lunge", "Dip", "Push Up", "Barbell Curl", "Triceps Pushdown",
        "Lateral Raise", "Leg Press", "Plank",
    }
    assert wanted <= names
    patterns = {e.pattern for e in catalog.exercises.values()}
    assert {"squat", "press", "hinge", "horizontal_pull", "vertical_pull", "carry", "core"} <= patterns


def test_one_sided_and_timed_exercises_are_marked(catalog):
    exercises = catalog.exercises
    assert exercises["bulgarian-split-squat"].unilateral
    assert not exercises["back-squat"].unilateral
    for timed in ("plank", "farmer-carry", "dead-hang", "side-plank"):
        assert exercises[timed].timed and exercises[timed].hold_seconds, timed
    assert not exercises["bench-press"].timed
    assert exercises["dip"].bodyweight_share == 1.0  # a weighted dip logs the belt


# Names as Strong, Hevy and FitNotes write them, taken from the real export fixtures.
@pytest.mark.parametrize(
    ("imported", "expected"),
    [
        ("Squat (Barbell)", "back-squat"),
        ("Bench Press (Barbell)", "bench-press"),
        ("Flat Barbell Bench Press", "bench-press"),
        ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
        ("Bench Press (Smith Machine)", "smith-machine-bench-press"),
        ("Incline Bench Press (Dumbbell)", "incline-dumbbell-press"),
        ("Incline Bench Press (Smith Machine)", "smith-machine-incline-press"),
        ("Incline Bench Press (Barbell)", "incline-bench-press"),
        ("Overhead Press (Dumbbell)", "dumbbell-shoulder-press"),
        ("Shoulder Press (Dumbbell)", "dumbbell-shoulder-press"),
        ("Seated Overhead Press (Barbell)", "seated-overhead-press"),
        ("Seated Shoulder Press (Machine)", "machine-shoulder-press"),
        ("Chest Press (Machine)", "machine-chest-press"),
        ("Lunge (Dumbbell)", "lunge"),
        ("Lunge (Barbell)", "barbell-lunge"),
        ("Hack Squat", "hack-squat"),
        ("Goblet Squat", "goblet-squat"),
        ("Leg Press", "leg-press"),
        ("Leg Press Horizontal (Machine)", "leg-press"),
        ("Leg Extension (Machine)", "leg-extension"),
        ("Chest Dip", "dip"),
        ("Bicep Curl (Barbell)", "barbell-curl"),
        ("Bicep Curl (Dumbbell)", "dumbbell-curl"),
        ("Bicep Curl (Cable)", "cable-curl"),
        ("Bicep Curl (Machine)", "machine-curl"),
        ("Hammer Curl (Dumbbell)", "hammer-curl"),
        ("Preacher Curl (Barbell)", "preacher-curl"),
        ("Preacher Curl (Machine)", "machine-preacher-curl"),
        ("Reverse Curl (Barbell)", "reverse-curl"),
        ("Spider curl", "spider-curl"),
        ("Triceps Pushdown", "triceps-pushdown"),
        ("Triceps Pushdown (Cable - Straight Bar)", "triceps-pushdown"),
        ("Triceps Extension (Barbell)", "skull-crusher"),
        ("Triceps Extension (Machine)", "machine-triceps-extension"),
        ("Overhead Triceps Extension (Cable)", "overhead-cable-triceps-extension"),
        ("JM Press (Barbell)", "jm-press"),
        ("Lateral Raise (Cable)", "cable-lateral-raise"),
        ("Single Arm Lateral Raise (Cable)", "cable-lateral-raise"),
        ("Lateral Raise (Dumbbell)", "lateral-raise"),
        ("Front Raise (Dumbbell)", "front-raise"),
        ("Upright Row (Barbell)", "upright-row"),
        ("Butterfly (Pec Deck)", "pec-deck"),
        ("Chest Fly", "dumbbell-fly"),
        ("Lower Chest Fly", "cable-fly"),
        ("Crunch (Machine)", "machine-crunch"),
        ("Crunch (Weighted)", "crunch"),
        ("Plank", "plank"),
        ("Seated Palms Up Wrist Curl", "wrist-curl"),
        ("Seated Wrist Extension (Barbell)", "reverse-wrist-curl"),
        ("Sumo Deadlift", "sumo-deadlift"),
        ("Deficit Deadlift", "deficit-deadlift"),
        ("Snatch Grip Deadlift", "snatch-grip-deadlift"),
        ("Rack Pull", "rack-pull"),
        ("Glute Ham Raise", "glute-ham-raise"),
        ("Reverse Hyper", "reverse-hyperextension"),
        ("Nordic Curl", "nordic-curl"),
        ("Kroc Row", "kroc-row"),
    ],
)
def test_real_imported_names_map_onto_the_library(matcher, imported, expected):
    match = matcher.match(imported)
    assert match is not None and match.exercise_id == expected


@pytest.mark.parametrize(
    "imported",
    [
        "Spider Curl (Barbell)",  # the library's spider curl is done with dumbbells
        "Running (Treadmill)",
        "Spider Hammer",
    ],
)
def test_names_the_library_does_not_have_stay_apart(matcher, imported):
    assert matcher.match(imported) is None


def test_every_name_and_alias_leads_back_to_its_exercise(catalog, matcher):
    # The importer folds names its own way (accents, width); no two exercises may meet there.
    wrong = [
        (text, exercise.id)
        for exercise in catalog.exercises.values()
        for text in (exercise.name, *exercise.aliases)
        if (match := matcher.match(text)) is None or match.exercise_id != exercise.id
    ]
    assert wrong == []

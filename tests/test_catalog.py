"""The shipped library loads, is internally consistent, and broken files are reported clearly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gymtui
from gymtui.domain.catalog import (
    Catalog,
    CatalogError,
    find_exercise,
    substitutes,
    suggest,
)
from gymtui.domain.tempo import parse_tempo
from gymtui.store.catalog_files import load_catalog, shipped_dir
from hypothesis_profiles import examples

SHIPPED = shipped_dir("data")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data, named "data" so messages read data/..."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target)
    return target


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


# --- the shipped data -------------------------------------------------------------------


def test_shipped_dir_is_the_repository_data_folder_in_a_checkout():
    assert Path(gymtui.__file__).resolve().parent.parent / "data" == SHIPPED
    assert (SHIPPED / "exercises.json").is_file()


def test_shipped_dir_prefers_the_wheel_copy(tmp_path, monkeypatch):
    package = tmp_path / "gymtui"
    (package / "_shipped" / "data").mkdir(parents=True)
    monkeypatch.setattr(gymtui, "__file__", str(package / "__init__.py"))
    assert shipped_dir("data") == package.resolve() / "_shipped" / "data"
    # themes was not shipped in this fake wheel: fall back to the checkout layout
    assert shipped_dir("themes") == tmp_path.resolve() / "themes"


def test_load_is_cached_per_folder(catalog, data_copy):
    assert load_catalog() is catalog
    assert load_catalog(SHIPPED) is catalog
    other = load_catalog(data_copy)
    assert other is not catalog
    assert load_catalog(str(data_copy)) is other
    assert set(other.exercises) == set(catalog.exercises)


def test_catalog_is_read_only(catalog):
    with pytest.raises(TypeError):
        catalog.exercises["x"] = catalog.exercises["deadlift"]  # type: ignore[index]


def test_library_has_enough_exercises_with_unique_ids(catalog):
    assert len(catalog.exercises) >= 30
    assert all(key == ex.id for key, ex in catalog.exercises.items())


@pytest.mark.parametrize(
    "exercise_id",
    [
        "chest-supported-row", "incline-bench-pull", "face-pull", "band-pull-apart",
        "bent-over-row", "pull-up", "deadlift", "romanian-deadlift", "single-arm-dumbbell-row",
        "weighted-hyperextension", "cable-external-rotation", "cable-row", "farmer-carry",
        "suitcase-carry", "scapular-retraction", "plyometric-push-up", "eccentric-pull-up",
        "chin-up", "lat-pulldown", "pendlay-row", "trap-bar-deadlift", "hip-thrust",
    ],
)
def test_exercises_the_articles_name_are_there(catalog, exercise_id):
    assert exercise_id in catalog.exercises


def test_every_tempo_parses_and_every_cue_fits_the_screen(catalog):
    for exercise in catalog.exercises.values():
        parse_tempo(exercise.default_tempo)
        assert 1 <= len(exercise.cues) <= 3, exercise.id
        for cue in exercise.cues:
            assert len(cue) <= 60, f"{exercise.id}: {cue!r}"
    for program in catalog.programs.values():
        for day in program.days:
            for p in day.prescriptions:
                if p.tempo:
                    parse_tempo(p.tempo)
        for week in program.cycle:
            if week.tempo:
                parse_tempo(week.tempo)
    for routine in (*catalog.warmups, *catalog.mobility):
        for drill in routine.items:
            assert drill.cue and len(drill.cue) <= 60, f"{routine.id}/{drill.id}"


def test_start_of_rep_follows_one_rule(catalog):
    # From the floor or a dead hang the rep starts with the lift; set up at the top, it
    # starts with the lowering.
    ex = catalog.exercises
    for lift in ("deadlift", "pendlay-row", "pull-up", "bent-over-row", "trap-bar-deadlift"):
        assert ex[lift].starts_concentric, lift
    for lift in ("romanian-deadlift", "good-morning", "eccentric-pull-up", "plyometric-push-up"):
        assert not ex[lift].starts_concentric, lift


def test_isometric_exercises_carry_a_hold(catalog):
    holds = {ex.id: ex.hold_seconds for ex in catalog.exercises.values() if ex.hold_seconds}
    assert holds["chest-supported-row-hold"] == 20
    assert {"farmer-carry", "suitcase-carry"} <= set(holds)


def test_program_has_a_horizontal_and_a_vertical_day_each_with_hinge_and_carry(catalog):
    program = catalog.programs["upper-back-posterior-chain"]
    days = {day.id: day for day in program.days}
    assert set(days) == {"horizontal-pull", "vertical-pull"}
    pulls = {"horizontal-pull": "horizontal_pull", "vertical-pull": "vertical_pull"}
    for day_id, pull in pulls.items():
        day = days[day_id]
        assert 5 <= len(day.prescriptions) <= 7
        patterns = [catalog.exercises[p.exercise].pattern for p in day.prescriptions]
        assert pull in patterns and "hinge" in patterns and "carry" in patterns
        assert any(p.follows_block for p in day.prescriptions)
        # Scapular/foundation work opens the day; the heavy hinge comes after the pulls.
        first = catalog.exercises[day.prescriptions[0].exercise]
        assert first.pattern == "scapular"
        hinge_at = patterns.index("hinge")
        hinges = [p for p in day.prescriptions if catalog.exercises[p.exercise].pattern == "hinge"]
        assert all(p.follows_block for p in hinges)
        assert patterns.index(pull) < hinge_at
        for p in day.prescriptions:
            assert p.load is None and p.unit is None
            assert p.rest_seconds > 0


def test_cycle_is_four_weeks_with_a_real_deload(catalog):
    cycle = catalog.programs["upper-back-posterior-chain"].cycle
    assert [week.emphasis for week in cycle] == ["strength", "hypertrophy", "technique", "deload"]
    deload = cycle[3]
    assert deload.set_factor == 0.5
    assert 0.85 <= deload.load_factor <= 0.9
    assert deload.target_rpe < min(week.target_rpe for week in cycle[:3])
    strength, hypertrophy = cycle[0], cycle[1]
    assert strength.reps_max < hypertrophy.reps_min


def test_warmups_mobility_and_checklist(catalog):
    assert {"thoracic-extension", "shoulder-flexion", "lat-lengthening", "breathing"} <= {
        r.id for r in catalog.mobility
    }
    for routine in catalog.mobility:
        assert 3 <= len(routine.items) <= 6, routine.id
    assert catalog.warmups and catalog.routine("banded-scapular") is not None
    assert catalog.routine("breathing") is not None and catalog.routine("nope") is None
    assert 5 <= len(catalog.checklist) <= 7
    assert all(len(item.text) <= 40 for item in catalog.checklist)


# --- lookups ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pull Up", "pull-up"),
        ("pull-up", "pull-up"),
        ("PULLUP", "pull-up"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Seated Cable Row", "cable-row"),
        ("Seated Cable Row - V Grip (Cable)", "cable-row"),
        ("Face Pull (Cable)", "face-pull"),
        ("Lat Pulldown (Cable)", "lat-pulldown"),
        ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
        ("Dumbbell Row", "single-arm-dumbbell-row"),
        ("Bent Over Row (Barbell)", "bent-over-row"),
        ("barbell row", "bent-over-row"),
        ("Farmer's Walk", "farmer-carry"),
        ("Lat pulldown (V-grip)", "neutral-grip-pulldown"),
        ("Pull Up (Assisted)", "assisted-pull-up"),
    ],
)
def test_find_exercise_matches_names_aliases_and_ids(catalog, text, expected):
    found = find_exercise(catalog, text)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("text", ["Spider Hammer", "Deadlift (Smith Machine)", "", "   "])
def test_find_exercise_returns_none_for_unknown_names(catalog, text):
    assert find_exercise(catalog, text) is None


def test_suggest_offers_the_nearest_names(catalog):
    assert suggest(catalog, "romanian dedlift")[0] == "Romanian Deadlift"
    assert suggest(catalog, "facepul")[0] == "Face Pull"
    names = suggest(catalog, "lat pull down cable", n=2)
    assert len(names) == 2 and names[0] == "Lat Pulldown"
    assert suggest(catalog, "zzzzzz") == []
    assert suggest(catalog, "row", n=0) == []


def test_substitutes_share_the_pattern(catalog):
    subs = substitutes(catalog, "romanian-deadlift")
    assert subs and all(s.pattern == "hinge" for s in subs)
    assert "romanian-deadlift" not in {s.id for s in subs}
    assert subs[0].equipment == "barbell"  # same equipment ranks first
    assert substitutes(catalog, "not-an-exercise") == []


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_find_exercise_ignores_case_and_punctuation(catalog, data):
    exercise = data.draw(st.sampled_from(sorted(catalog.exercises.values(), key=lambda e: e.id)))
    text = data.draw(st.sampled_from([exercise.id, exercise.name, *exercise.aliases]))
    cases = st.sampled_from(["upper", "lower"])
    gaps = st.sampled_from(["", "", " ", "-", "."])
    mangled = "".join(getattr(ch, data.draw(cases))() + data.draw(gaps) for ch in text)
    found = find_exercise(catalog, mangled)
    assert found is not None and found.id == exercise.id


# --- broken files -----------------------------------------------------------------------


def load_error(folder: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    return str(caught.value)


def test_bad_json_names_file_line_and_column(data_copy):
    path = data_copy / "exercises.json"
    broken = '[\n  {"id": "row",\n   "name": "Row"\n   "pattern": "hinge"}\n]\n'
    path.write_text(broken, encoding="utf-8")
    message = load_error(data_copy)
    assert message.startswith("data/exercises.json: line 4, column 4")
    assert "JSON" in message


def test_missing_field_names_the_entry_and_field(data_copy):
    edit_json(data_copy / "exercises.json", lambda data: data[3].pop("equipment"))
    message = load_error(data_copy)
    assert message.startswith("data/exercises.json: exercise 3 (")
    assert "equipment: Field required" in message


def test_wrong_pattern_names_the_entry_and_field(data_copy):
    def break_pattern(data):
        index = next(i for i, e in enumerate(data) if e["id"] == "face-pull")
        data[index]["pattern"] = "pulling"

    edit_json(data_copy / "exercises.json", break_pattern)
    message = load_error(data_copy)
    assert "data/exercises.json: exercise" in message
    assert "(face-pull): pattern: Input should be" in message


def test_unknown_exercise_in_a_program_is_named(data_copy):
    path = data_copy / "programs" / "upper-back-posterior-chain.json"
    edit_json(path, lambda data: data["days"][1]["prescriptions"][2].update(exercise="pul-up"))
    message = load_error(data_copy)
    assert message.startswith("data/programs/upper-back-posterior-chain.json: ")
    assert "day vertical-pull, prescription 2: exercise: unknown exercise 'pul-up'" in message
    assert "did you mean 'pull-up'" in message


def test_bad_prescription_field_names_its_location(data_copy):
    path = data_copy / "programs" / "upper-back-posterior-chain.json"
    edit_json(path, lambda data: data["days"][0]["prescriptions"][1].update(tempo="3-1-Y-0"))
    message = load_error(data_copy)
    assert "upper-back-posterior-chain.json: program (upper-back-posterior-chain):" in message
    assert "days.0.prescriptions.1.tempo:" in message


def test_duplicate_ids_and_clashing_aliases_are_refused(data_copy):
    path = data_copy / "exercises.json"
    original = path.read_text(encoding="utf-8")
    edit_json(path, lambda data: data.append(dict(data[0])))
    assert "exercise id 'chest-supported-row' is used twice" in load_error(data_copy)

    path.write_text(original, encoding="utf-8")
    edit_json(path, lambda data: data[1]["aliases"].append("Pull-Up"))
    message = load_error(data_copy)
    assert "(pull-up): name 'pull-up' also matches 'incline-bench-pull'" in message


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "warmups.json",
            lambda d: d[0]["items"][0].pop("reps"),
            "data/warmups.json: warm-up 0 (banded-scapular): items.0",
        ),
        (
            "mobility.json",
            lambda d: d[1].update(id=d[0]["id"]),
            "data/mobility.json: routine id 'thoracic-extension' is used twice",
        ),
        (
            "checklist.json",
            lambda d: d[0].update(text=""),
            "data/checklist.json: checklist item 0 (thoracic-roller): text:",
        ),
    ],
)
def test_other_files_report_entry_and_field(data_copy, file, change, expected):
    edit_json(data_copy / file, change)
    assert load_error(data_copy).startswith(expected)


def test_missing_file_and_wrong_top_level_shape(data_copy):
    (data_copy / "checklist.json").unlink()
    assert load_error(data_copy) == "data/checklist.json: file is missing"
    (data_copy / "checklist.json").write_text('{"id": "x"}', encoding="utf-8")
    assert "expected a list of checklist items, found dict" in load_error(data_copy)

"""The lifter's own exercises: the model's checks, the equipment kinds, and the JSON bundle
carrying them exactly."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gymtui.domain.library import Exercise
from gymtui.services.exercises import (
    KINDS,
    PATTERNS,
    Changes,
    ExerciseError,
    add_exercise,
    kind_of,
    parse_step,
)
from gymtui.services.json_restore import restore_json
from gymtui.services.library import Library
from gymtui.services.transfer import export_text
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from hypothesis_profiles import examples


def test_a_step_belongs_to_a_weight_stack():
    Exercise(id="a", name="A", pattern="other", equipment="cable", cues=["x"], step_kg=2.5)
    with pytest.raises(ValueError, match="step_kg: only machine and cable exercises take a load step"):
        Exercise(id="a", name="A", pattern="other", equipment="dumbbell", cues=["x"], step_kg=2.5)


def test_old_profiles_without_the_new_fields_still_read():
    old = {"id": "a", "name": "A", "pattern": "other", "equipment": "cable", "cues": ["x"], "custom": True}
    exercise = Exercise.model_validate(old)
    assert (exercise.timed, exercise.step_kg, exercise.retired) == (False, None, False)


@pytest.mark.parametrize(("text", "kg"), [("2.5", 2.5), ("2.5kg", 2.5), ("5 lb", 2.268), ("10lbs", 4.5359)])
def test_parse_step(text, kg):
    assert parse_step(text) == pytest.approx(kg, abs=1e-3)


@pytest.mark.parametrize("text", ["", "kg", "-1", "0", "60", "nan"])
def test_parse_step_refuses(text):
    with pytest.raises(ExerciseError, match="step"):
        parse_step(text)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_reads_back_as_chosen(tmp_path, kind):
    pattern = "carry" if kind == "carry" else "press"
    with Store.open(tmp_path / "d") as store:
        library = Library.from_store(load_catalog(), store)
        exercise = add_exercise(store, library, Changes(name="Thing", pattern=pattern, equipment=kind))
    assert kind_of(exercise) == kind


names = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=40).filter(
    lambda s: s.strip())
exercises = st.builds(
    lambda index, name, pattern, kind, unilateral, tempo, aliases, timed, step, cues, seconds, retired, concentric:
    Exercise.model_validate({
        "id": f"own-{index}", "name": name, "pattern": pattern, "equipment": KINDS[kind][0], **KINDS[kind][1],
        "unilateral": unilateral, "default_tempo": tempo, "aliases": aliases, "timed": timed or KINDS[kind][1].get(
            "timed", False),
        "step_kg": step if KINDS[kind][0] in ("machine", "cable") else None, "cues": cues,
        "hold_seconds": seconds, "retired": retired, "starts_concentric": concentric, "custom": True,
    }),
    st.integers(0, 10_000), names, st.sampled_from(PATTERNS), st.sampled_from(list(KINDS)), st.booleans(),
    st.sampled_from(["2-0-1-0", "3-1-X-0", "4-0-1-2", "1-0-1-0"]), st.lists(names, max_size=3), st.booleans(),
    st.none() | st.floats(0.25, 50, allow_nan=False).map(lambda v: round(v, 4)),
    st.lists(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()), min_size=1, max_size=3),
    st.none() | st.integers(1, 600), st.booleans(), st.booleans(),
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(own=st.lists(exercises, max_size=5, unique_by=lambda e: e.id))
def test_the_json_bundle_carries_own_exercises_exactly(tmp_path_factory, own):
    source = tmp_path_factory.mktemp("source")
    target = tmp_path_factory.mktemp("target")
    with Store.open(source) as store:
        for exercise in own:
            store.save_exercise(exercise)
        text = export_text(store, "json")
    with Store.open(target) as store:
        outcome = restore_json(store, text, Library.from_store(load_catalog(), store))
        assert outcome.error is None
        back = {e.id: e for e in store.custom_exercises()}
    assert back == {e.id: e for e in own}

"""The workout screen's plain parts: set slots, the cursor, the set form, text, block letters."""

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app_factory import FROZEN_NOW
from gymtui.domain.entry import SetFields, parse_load, parse_rpe, parse_set_fields
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.session_model import Card, Workout, build_slots
from gymtui.domain.session_set import prefill, set_schedule
from gymtui.domain.settings import Settings
from gymtui.domain.tempo import TempoError
from gymtui.services.workout import open_workout
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.screens import workout_text as text
from gymtui.ui.screens.workout_text import last_time_text, short_set
from gymtui.ui.widgets.big_text import HEIGHT, pixel_rows, render_rows
from hypothesis_profiles import examples

NOW = FROZEN_NOW
CATALOG = load_catalog()


def logged(exercise="face-pull", side=None, load=20.0, reps=15, rpe=8.0, **extra):
    return LoggedSet(session_id="s1", exercise=exercise, side=side, load=load, reps=reps, rpe=rpe,
                     logged_at=NOW, **extra)


@pytest.fixture
def plan_and_store(gym_app):
    return gym_app, gym_app.make_plan()


# -- slots and the cursor ----------------------------------------------------------------------


def test_one_sided_sets_fill_left_and_right_slots():
    row = CATALOG.exercises["single-arm-dumbbell-row"]
    slots = build_slots(row, 2, [logged(row.id, "left"), logged(row.id, "right"), logged(row.id, "left")])
    assert [s.side for s in slots] == ["left", "right", "left", "right"]
    assert [s.done for s in slots] == [True, True, True, False]


def test_more_sets_logged_than_planned_are_all_kept():
    face = CATALOG.exercises["face-pull"]
    slots = build_slots(face, 2, [logged(), logged(), logged()])
    assert len(slots) == 3 and all(s.done for s in slots)


def test_open_workout_gives_the_plan_order_and_saves_it(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    assert [c.exercise.id for c in workout.cards] == [i.exercise.id for i in plan.exercises]
    stored = app.store.session(workout.session.id)
    assert stored.order == [c.exercise.id for c in workout.cards]
    assert workout.position == (0, 0) and not workout.resumed


def test_open_workout_resumes_position_and_sets(plan_and_store):
    app, plan = plan_and_store
    first = open_workout(app.store, app.library, plan, NOW)
    app.store.add_set(logged().model_copy(update={"session_id": first.session.id}))
    first.reorder(1)  # face pull after the chest-supported row
    first.go_to(1, 1)
    app.store.save_session(first.session_with_position())
    again = open_workout(app.store, app.library, app.make_plan(), NOW)
    assert again.session.id == first.session.id and again.resumed
    assert [c.exercise.id for c in again.cards][:2] == ["chest-supported-row", "face-pull"]
    assert again.position == (1, 1)
    assert again.cards[1].slots[0].done


def test_advance_goes_to_the_next_set_then_the_next_exercise(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    card = workout.card
    card.place(0, logged())
    assert workout.advance() is False and workout.slot == 1
    card.place(1, logged())
    assert workout.advance() is True and workout.exercise == 1 and workout.slot == 0


def test_skip_and_add_sets(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    card = workout.card
    assert card.toggle_skip(0) is True and card.first_todo() == 1
    assert card.toggle_skip(0) is False and card.first_todo() == 0
    assert card.add_set() == 2 and card.sets == 3


def test_reorder_stops_at_the_ends(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    assert workout.reorder(-1) is False
    assert workout.reorder(1) is True and workout.exercise == 1
    assert workout.cards[1].exercise.id == "face-pull"


# -- the set form ------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, value", [("8", 8.0), ("8.5", 8.5), ("8,5", 8.5), ("10", 10.0), ("", None)])
def test_rpe_spellings(typed, value):
    assert parse_rpe(typed) == value


@pytest.mark.parametrize("typed, meant", [("85", "8.5"), ("65", "6.5"), ("95", "9.5")])
def test_rpe_without_its_point_is_asked_about_not_guessed(typed, meant):
    # Two figures are as often a slip for 8 or 5 as a missing point: the form asks.
    with pytest.raises(ValueError, match=f"did you mean {meant}"):
        parse_rpe(typed)


@pytest.mark.parametrize("typed", ["11", "5", "8.3", "eight", "105"])
def test_rpe_off_the_scale_is_refused(typed):
    with pytest.raises(ValueError, match="RPE"):
        parse_rpe(typed)


@pytest.mark.parametrize("typed, value", [("80", (80.0, "kg")), ("82,5 kg", (82.5, "kg")), ("175lb", (175.0, "lb")),
                                          ("bw", (None, "kg"))])
def test_load_spellings(typed, value):
    assert parse_load(typed, "kg", bodyweight_ok=False) == value


@pytest.mark.parametrize("typed", ["8o", "-5", "80 stone", "2500"])
def test_bad_loads_are_refused(typed):
    with pytest.raises(ValueError, match="load"):
        parse_load(typed, "kg", bodyweight_ok=False)


def test_form_names_every_bad_field_and_returns_nothing():
    fields = SetFields(rpe="11", reps="-1", load="8o", tempo="3-1", set_type="working")
    values, errors = parse_set_fields(fields, "kg", bodyweight_ok=False, hold=False)
    assert values is None
    assert set(errors.by_field) == {"rpe", "reps", "load", "tempo"}
    assert "RPE 11" in errors.by_field["rpe"] and "'-1'" in errors.by_field["reps"]
    assert "'8o'" in errors.by_field["load"] and "tempo" in errors.by_field["tempo"]


def test_form_done_as_prescribed():
    values, errors = parse_set_fields(SetFields(rpe="8", reps="15", load="20 kg", tempo="2-0-1-2"), "kg",
                                      bodyweight_ok=False, hold=False)
    assert not errors and values is not None
    assert (values.rpe, values.reps, values.load, values.unit, values.tempo) == (8.0, 15, 20.0, "kg", "2-0-1-2")


def test_a_hold_needs_seconds_not_reps():
    values, errors = parse_set_fields(SetFields(seconds="40", load="24"), "kg", bodyweight_ok=False, hold=True)
    assert not errors and values.seconds == 40 and values.reps == 1


@settings(max_examples=examples(60), deadline=None)
@given(rpe=st.text(max_size=4), reps=st.text(max_size=4), load=st.text(max_size=6))
def test_the_form_either_reads_or_explains(rpe, reps, load):
    values, errors = parse_set_fields(SetFields(rpe=rpe, reps=reps, load=load), "kg", bodyweight_ok=True, hold=False)
    assert (values is None) == bool(errors)
    if values is not None:
        assert values.rpe is None or 6 <= values.rpe <= 10
        assert values.reps is None or values.reps >= 0
        assert values.load is None or 0 <= values.load <= 2000


def test_prefill_takes_the_load_of_the_last_set_today(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    card = workout.card
    assert prefill(card, 0).load == ""  # no history: the lifter types it
    card.place(0, logged(load=22.5))
    fields = prefill(card, 1, reps=12)
    assert fields.load == "22.5 kg" and fields.reps == "12" and fields.tempo == "2-0-1-2"


# -- schedules and text -------------------------------------------------------------------------


def _card(exercise_id: str, plan_workout: Workout) -> Card:
    return next(c for c in plan_workout.cards if c.exercise.id == exercise_id)


def test_set_schedule_follows_the_exercise(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    face = _card("face-pull", workout)
    schedule = set_schedule(face, Settings(lead_in_seconds=3))
    # Face pulls start with the pull: lift 1, hold 2, lower 2; 15 reps after a 3 s lead-in.
    assert [p.name for p in schedule.phases[:4]] == ["lead-in", "concentric", "top", "eccentric"]
    assert schedule.total == 3 + 15 * 5
    carry = _card("farmer-carry", workout)
    assert carry.is_hold and set_schedule(carry, Settings(lead_in_seconds=0)).total == 40
    face.tempo = "3-1"
    with pytest.raises(TempoError):
        set_schedule(face, Settings())


def test_tempo_text_reads_in_the_order_the_rep_is_done(plan_and_store):
    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    assert text.tempo_text(_card("deadlift", workout)) == "2-1-X-0 ▲X ▼2 ■1"
    bad = _card("face-pull", workout)
    bad.tempo = "3-a-1-0"
    assert "figure 2" in text.tempo_text(bad)


def test_last_time_and_short_sets():
    day = NOW.date().subtract(days=7)
    sets = [logged(load=77.5, reps=r, rpe=p) for r, p in [(5, 8), (5, 8), (4, 9)]]
    assert last_time_text(day, sets) == "Mon 9 Nov: 77.5 kg × 5, 5, 4 @8, 8, 9"
    assert short_set(logged(side="left", load=20, reps=10, rpe=None)) == "L 20×10"
    assert short_set(logged(load=24, reps=1, rpe=7.5, seconds=40)) == "24×40 s @7.5"


def test_block_letters_are_five_rows_and_square():
    rows = render_rows("LOWER")
    assert len(rows) == HEIGHT and len({len(r) for r in rows}) == 1
    assert pixel_rows("1") == [".#.", "##.", ".#.", ".#.", "###"]
    assert len(render_rows("12")[0]) == (3 + 1 + 3) * 2  # two cells per pixel, one-pixel gap


def test_a_new_session_day_and_deload_are_remembered(plan_and_store):
    app, plan = plan_and_store
    warm = app.store.save_session(Session(date=NOW.date(), started_at=NOW, name=plan.day.name,
                                           program_day=plan.day.id))
    workout = open_workout(app.store, app.library, plan, pendulum.instance(NOW))
    assert workout.session.id == warm.id  # the warm-up's session is the workout's
    assert app.store.session(warm.id).order


def test_a_swapped_in_top_hold_is_timed_in_every_rep(plan_and_store):
    from gymtui.services.workout import swap_card

    app, plan = plan_and_store
    workout = open_workout(app.store, app.library, plan, NOW)
    index = next(i for i, c in enumerate(workout.cards) if c.exercise.id == "chest-supported-row")
    hold = CATALOG.exercises["chest-supported-row-hold"]
    card = swap_card(app.store, app.library, workout, index, hold, NOW.date())
    assert not card.is_hold and card.plan.hold_seconds == 20 and card.plan.sets == 3
    schedule = set_schedule(card, Settings(lead_in_seconds=0))
    first_rep = [(p.name, p.duration) for p in schedule.phases if p.rep == 1]
    # Starts with the pull, then the 20 s squeeze at the top in place of the top pause, then lowers.
    assert first_rep == [("concentric", 1.0), ("hold", 20.0), ("eccentric", 2.0)]

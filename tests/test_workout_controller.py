"""The workout screen's parts that need no app: what a key does to the session (the
controller), which keys act in which state, and the write queue's order and errors."""

import threading

import pytest

from gymtui.domain.entry import SetFields, parse_set_fields
from gymtui.domain.session_set import prefill
from gymtui.services.workout import open_workout
from gymtui.store import StoreError
from gymtui.ui.screens.workout_controller import NewSet, WorkoutController
from gymtui.ui.screens.workout_states import action_allowed
from gymtui.ui.screens.workout_writes import Write, WriteQueue
from test_ui_workout_service import NOW, plan_and_store  # noqa: F401  (the fixture)


@pytest.fixture
def controller(plan_and_store):  # noqa: F811
    app, plan = plan_and_store
    control = WorkoutController()
    state, moved = control.opened(open_workout(app.store, app.library, plan, NOW))
    assert (state, moved) == ("ready", False)
    return control


def _values(card, slot, rpe="8"):
    fields = prefill(card, slot)
    values, errors = parse_set_fields(SetFields(**{**fields.__dict__, "rpe": rpe}), card.plan.unit,
                                      bodyweight_ok=True, hold=card.is_hold)
    assert not errors, errors.text()
    return values


def test_a_set_typed_is_a_draft_and_the_cursor_moves_on(controller):
    workout = controller.workout
    card = workout.card
    controller.open_form()
    new = controller.submit(_values(card, 0), NOW, None)
    assert isinstance(new, NewSet) and new.card is card and new.slot == 0 and new.rest
    assert card.slots[0].pending and workout.slot == 1  # shown as saving; the next set is next
    controller.saved(card, 0, new.logged)
    assert card.slots[0].done and not card.slots[0].pending


def test_a_set_not_saved_goes_back_to_do(controller):
    card = controller.workout.card
    controller.open_form()
    new = controller.submit(_values(card, 0), NOW, None)
    controller.not_saved(card, new.slot)
    assert card.slots[0].open


def test_the_last_set_of_an_exercise_moves_to_the_next_exercise(controller):
    workout = controller.workout
    first = workout.card
    for slot in range(len(first.slots)):
        controller.open_form()
        new = controller.submit(_values(first, slot), NOW, None)
        controller.saved(first, slot, new.logged)
    assert new.next_exercise == workout.cards[1].exercise.name and workout.exercise == 1


def test_a_value_the_set_model_refuses_leaves_the_form_open(controller):
    card = controller.workout.card
    controller.open_form(edit=None)
    values = _values(card, 0)
    bad = values.__class__(**{**values.__dict__, "note": "x" * 3000})
    with pytest.raises(ValueError):
        controller.submit(bad, NOW, None)
    assert controller.log_slot == (card, 0) and card.slots[0].open


def test_keys_act_only_in_their_state():
    assert action_allowed("start_set", "ready", resting=False)
    assert not action_allowed("start_set", "timer", resting=False)
    assert action_allowed("pause", "timer", resting=False) and not action_allowed("pause", "ready", resting=False)
    assert not action_allowed("rest_skip", "ready", resting=False)
    assert action_allowed("rest_skip", "ready", resting=True)
    assert action_allowed("new_session", "finished", resting=False)
    assert not action_allowed("new_session", "ready", resting=False)
    assert action_allowed("retry", "problem", resting=False)
    assert action_allowed("cancel_log", "log", resting=False)
    assert not action_allowed("cancel_log", "timer", resting=False)


def test_an_exercise_asked_for_before_the_session_is_read_is_gone_to_once_it_is(plan_and_store):  # noqa: F811
    app, plan = plan_and_store
    control = WorkoutController()
    third = plan.exercises[2].exercise.id
    assert control.go_to_exercise(third) is False  # remembered
    _state, moved = control.opened(open_workout(app.store, app.library, plan, NOW))
    assert moved and control.workout.card.exercise.id == third


# -- the write queue ------------------------------------------------------------------------------


def _inline_queue(errors):
    """A queue whose worker and UI thread are the caller (a test has no app)."""
    return WriteQueue(lambda drain: drain(), lambda fn, *args: fn(*args), errors.append)


def test_writes_run_in_order_and_hand_back_what_they_returned():
    seen, errors = [], []
    queue = _inline_queue(errors)
    queue.put(Write(lambda: "added", seen.append))
    queue.put(Write(lambda: "edited", seen.append))
    assert seen == ["added", "edited"] and errors == []


def test_a_failed_write_is_put_back_then_reported_once_and_the_next_still_runs():
    seen, errors = [], []
    queue = _inline_queue(errors)

    def fails():
        raise StoreError("disk full")

    queue.put(Write(fails, seen.append, lambda: seen.append("put back")))
    queue.put(Write(lambda: "next", seen.append))
    assert seen == ["put back", "next"]
    assert [str(e) for e in errors] == ["disk full"]


def test_only_the_newest_position_is_written_when_older_ones_wait():
    written, errors = [], []
    started = []
    queue = WriteQueue(started.append, lambda fn, *args: fn(*args), errors.append)
    for position in ("first", "second", "third"):
        queue.save_position(written.append, position)
    thread = threading.Thread(target=started[0])  # the worker runs once the three are queued
    thread.start()
    thread.join()
    assert written == ["third"]

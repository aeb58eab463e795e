"""Sessions shaped as they go, at 80x24: an empty session started from Today (f), and an
exercise added after the current one on the workout screen (i), searched by name or alias,
planned from its own history with its reasons, and stored in the session."""

from app_factory import FROZEN_NOW, settle, type_keys
from gymtui.domain.journal import LoggedSet, Session
from gymtui.ui.dialogs.add_exercise import AddExerciseDialog
from gymtui.ui.screens.workout import WorkoutScreen
from test_ui_workout import open_workout, seed_history, shown

SIZE = (80, 24)


def seed_split_squats(store) -> None:
    """Last week's Bulgarian split squats, 16 kg a hand, so an added one has a load and a reason."""
    last_week = FROZEN_NOW.subtract(days=7)
    session = store.save_session(Session(date=last_week.date(), started_at=last_week, status="done"))
    for side in ("left", "right") * 3:
        store.add_set(LoggedSet(session_id=session.id, exercise="bulgarian-split-squat", load=16, reps=10,
                                rpe=7, side=side, logged_at=last_week))


async def _open_search(pilot, app) -> AddExerciseDialog:
    """i on the workout screen: the add-exercise search, open."""
    await pilot.press("i")
    await settle(pilot, app)
    assert isinstance(app.screen, AddExerciseDialog), app.screen
    return app.screen


async def _type(pilot, app, typed: str, *, key_by_key: bool = False) -> None:
    assert isinstance(app.screen, AddExerciseDialog), app.screen
    if key_by_key:
        await pilot.press(*typed)
        await settle(pilot, app)
    else:
        await type_keys(pilot, *typed)


async def _choose(pilot, app, typed: str) -> None:
    await _type(pilot, app, typed)
    await pilot.press("enter")
    await settle(pilot, app)


async def test_f_on_today_starts_an_empty_session_and_asks_for_its_first_exercise(gym_app):
    app = gym_app
    seed_split_squats(app.store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        assert isinstance(app.screen, AddExerciseDialog)  # asked at once
        await _choose(pilot, app, "bulgarian")
        screen = app.screen
        assert isinstance(screen, WorkoutScreen) and screen.state == "ready"
        card = screen.workout.card
        assert card.exercise.id == "bulgarian-split-squat"
        assert card.plan.load is not None and card.plan.reasons[0].startswith("added today")
        assert "Bulgarian Split Squat" in shown(screen, "#wo-heading")
        stored = app.store.in_progress_session()
        assert stored.freestyle and stored.order == ["bulgarian-split-squat"]
        assert stored.added == ["bulgarian-split-squat"] and stored.program_day is None
        await pilot.press("l", "8", "enter")  # the first set, logged as planned
        await settle(pilot, app)
        logged = [s for s in app.store.session_sets(stored.id) if s.exercise == "bulgarian-split-squat"]
        assert len(logged) == 1 and logged[0].load == card.plan.load


async def test_an_empty_session_waits_for_its_first_exercise_when_the_search_is_left(gym_app):
    app = gym_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen) and screen.state == "empty"
        assert "i" in shown(screen, "#wo-message") and "no exercise yet" in shown(screen, "#wo-heading")
        await pilot.press("l", "enter")  # nothing to log or start: no key acts but i
        await settle(pilot, app)
        assert screen.state == "empty"
        await pilot.press("i")
        await settle(pilot, app)
        await _choose(pilot, app, "face pull")
        assert screen.state == "ready" and [c.exercise.id for c in screen.workout.cards] == ["face-pull"]


async def test_i_adds_an_exercise_after_the_current_one_with_its_loads_from_history(gym_app):
    app = gym_app
    seed_history(app.store)
    seed_split_squats(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        first = screen.workout.card.exercise.id
        dialog = await _open_search(pilot, app)
        assert first not in {e.id for e in dialog.exercises}  # already in the session
        assert [e.id for e in dialog.found("rfess")] == ["bulgarian-split-squat"]  # by an alias
        await _choose(pilot, app, "bulgarian")
        order = [c.exercise.id for c in screen.workout.cards]
        assert order[:2] == [first, "bulgarian-split-squat"] and screen.workout.exercise == 1
        card = screen.workout.card
        assert card.plan.load is not None and card.plan.reasons[0].startswith("added today")
        stored = app.store.in_progress_session()
        assert stored.order[:2] == [first, "bulgarian-split-squat"] and "bulgarian-split-squat" in stored.added
        assert stored.position == (1, 0)


def seed_rows(store) -> None:
    """Last week's chest supported rows, so the row has a load to log as planned."""
    last_week = FROZEN_NOW.subtract(days=7)
    session = store.save_session(Session(date=last_week.date(), started_at=last_week, status="done"))
    for _ in range(3):
        store.add_set(LoggedSet(session_id=session.id, exercise="chest-supported-row", load=30, reps=10, rpe=7,
                                logged_at=last_week))


async def test_g_makes_a_superset_done_a1_a2_a1_with_the_rest_after_the_round(gym_app):
    app = gym_app
    seed_history(app.store)
    seed_rows(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        ids = [c.exercise.id for c in screen.workout.cards]
        assert ids[:2] == ["face-pull", "chest-supported-row"]
        await pilot.press("g")
        await settle(pilot, app)
        heading = shown(screen, "#wo-heading")
        assert "A1 · Face Pull" in heading and "then A2 · Chest Supported Row" in heading
        assert app.store.in_progress_session().groups == {"face-pull": "A", "chest-supported-row": "A"}
        await pilot.press("l", "7", "enter")  # A1, set 1
        await settle(pilot, app)
        assert screen.workout.card.exercise.id == "chest-supported-row" and screen.workout.slot == 0
        assert app.rest.timer.planned == 15  # between the members of a superset
        assert "A2 · Chest Supported Row" in shown(screen, "#wo-heading")
        await pilot.press("l", "7", "enter")  # A2, set 1: the round is done
        await settle(pilot, app)
        assert screen.workout.card.exercise.id == "face-pull" and screen.workout.slot == 1
        rests = {c.exercise.id: c.plan.rest_seconds for c in screen.workout.cards[:2]}
        assert app.rest.timer.planned == max(rests.values())  # the group's rest, after the round
        session = app.store.in_progress_session()
        logged = [s.exercise for s in app.store.session_sets(session.id)]
        assert logged == ["face-pull", "chest-supported-row"]
        assert session.position == (0, 1)


async def test_a_superset_of_the_program_day_is_shown_and_done_in_rounds(gym_app):
    app = gym_app
    app.store.save_settings(app.store.settings().model_copy(update={"program": "minimal-two-day"}))
    last_week = FROZEN_NOW.subtract(days=7)
    old = app.store.save_session(Session(date=last_week.date(), started_at=last_week, status="done"))
    for exercise in ("dumbbell-romanian-deadlift", "chest-supported-row"):  # each day's A1 has a load
        app.store.add_set(LoggedSet(session_id=old.id, exercise=exercise, load=24, reps=10, rpe=7,
                                    logged_at=last_week))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        cards = screen.workout.cards
        # Either day of the program: its exercises 3 and 4 are its superset A.
        assert [rx.superset for rx in screen.workout.plan.day.prescriptions][2:4] == ["A", "A"]
        first, second = cards[2].exercise, cards[3].exercise
        await pilot.press("right", "right")
        await settle(pilot, app)
        heading = shown(screen, "#wo-heading")
        assert f"A1 · {first.name}" in heading and f"then A2 · {second.name}" in heading
        await pilot.press("l", "7", "enter")
        await settle(pilot, app)
        assert screen.workout.card.exercise.id == second.id and screen.workout.slot == 0
        assert app.rest.timer.planned == 15  # between the members; the round's rest after A2
        assert [s.exercise for s in app.store.session_sets(app.store.in_progress_session().id)] == [first.id]


async def test_enter_on_a_name_the_library_lacks_opens_the_form_with_it(gym_app):
    # Enter took the first match, and "+ Add a new one" needed the arrows: a name the library
    # does not know now opens the add-exercise form with it filled in, and the line under the
    # list says so before Enter.
    from textual.widgets import Input, Static

    from gymtui.ui.screens.exercise_form import ExerciseForm

    app = gym_app
    async with app.run_test(size=SIZE) as pilot:
        await open_workout(pilot, app)
        dialog = await _open_search(pilot, app)
        await _type(pilot, app, "zercher carry")
        said = str(dialog.query_one("#add-enter", Static).render())
        assert said == "Nothing in the library is called zercher carry: Enter adds it as a new exercise"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ExerciseForm)
        assert app.screen.query_one("#xf-name", Input).value == "zercher carry"


async def test_enter_on_a_match_adds_the_highlighted_one_and_says_which(gym_app):
    from textual.widgets import Static

    app = gym_app
    async with app.run_test(size=SIZE) as pilot:
        await open_workout(pilot, app)
        dialog = await _open_search(pilot, app)
        await _type(pilot, app, "plank")
        said = dialog.query_one("#add-enter", Static)
        first = str(said.render())
        assert first.startswith("Enter adds ") and "Plank" in first
        await pilot.press("down", "down")  # into the list, and on to the next match
        await settle(pilot, app)
        second = str(said.render())
        assert second.startswith("Enter adds ") and second != first
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.workout.card.exercise.name == second.removeprefix("Enter adds ")


async def test_a_name_already_in_the_session_is_said_so(gym_app):
    from textual.widgets import Static

    app = gym_app
    async with app.run_test(size=SIZE) as pilot:
        await open_workout(pilot, app)
        await _open_search(pilot, app)
        await _type(pilot, app, "face pull")
        said = str(app.screen.query_one("#add-enter", Static).render())
        assert said.startswith("Face Pull is in this session already.")


async def test_shift_g_takes_the_exercise_out_of_its_superset_and_the_session_keeps_it(gym_app):
    from gymtui.domain.supersets import session_groups
    from screen_text import on_screen

    app = gym_app
    seed_history(app.store)
    seed_rows(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("g")
        await settle(pilot, app)
        assert "A1 · Face Pull" in shown(screen, "#wo-heading")
        await pilot.press("G")
        await settle(pilot, app)
        heading = shown(screen, "#wo-heading")
        assert "A1" not in heading and "exercise 1/" in heading
        assert screen.controller.groups() == {}  # a group of one is no group
        await pilot.press("l", "7", "enter")  # on its own: its next set, not the row
        await settle(pilot, app)
        assert screen.workout.card.exercise.id == "face-pull" and screen.workout.slot == 1
        await pilot.press("question_mark")
        await settle(pilot, app)
        assert on_screen(app, "Out of the superset")
        # Kept in the saved session: read back from the store, the two are not grouped.
        stored = app.store.in_progress_session()
        assert stored.groups == {"face-pull": "", "chest-supported-row": "A"}
        assert session_groups(stored, screen.workout.plan.day) == {}


async def test_the_search_box_is_centred_across_and_its_field_stays_put_as_the_list_changes(gym_app):
    from textual.widgets import Input

    app = gym_app
    async with app.run_test(size=SIZE) as pilot:
        await open_workout(pilot, app)
        dialog = await _open_search(pilot, app)
        box = dialog.query_one("#add-exercise")
        left = box.region.x
        right = SIZE[0] - (box.region.x + box.outer_size.width)
        assert abs(left - right) <= 1  # centred across, like every other dialog
        field_at = dialog.query_one(Input).region.y
        await _type(pilot, app, "zercher", key_by_key=True)  # the list shrinks to nothing as the name is typed
        assert dialog.query_one(Input).region.y == field_at

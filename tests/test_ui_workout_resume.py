"""Sets added with `a` and skipped with `k` survive a kill: the session keeps them
(Session.set_changes and Session.skipped), saved by the same worker write as the position."""

import pendulum
import pytest
from pydantic import ValidationError

from app_factory import settle
from gymtui.domain.clock import FakeClock
from gymtui.domain.journal import Session
from gymtui.ui.dialogs.workout import ResumeDialog
from gymtui.ui.screens.workout import WorkoutScreen
from test_ui_workout import open_workout, seed_history, shown, today_sets

SIZE = (80, 24)


async def test_added_and_skipped_sets_are_there_after_a_kill(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        card = screen.workout.card
        assert card.exercise.id == "face-pull" and card.sets == 2
        await pilot.press("a")  # a third set
        await pilot.press("l", "8", "enter")  # set 1 logged: the cursor goes to set 2
        await settle(pilot, app)
        await pilot.press("k")  # set 2 skipped: the cursor goes to set 3
        await settle(pilot, app)
        assert card.sets == 3 and card.slots[1].skipped and screen.workout.position == (0, 2)
        saved = app.store.in_progress_session()
        assert saved.set_changes == {"face-pull": 1} and saved.skipped == [("face-pull", 1)]
        assert saved.position == (0, 2)
    # Closing the app without finishing is the kill.

    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        assert isinstance(app.screen, ResumeDialog)
        assert "Face Pull, set 3 of 3" in str(app.screen.query("Static")[1].render())
        await pilot.press("enter")  # resume
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        card = screen.workout.card
        assert card.exercise.id == "face-pull" and card.sets == 3
        assert [(s.done, s.skipped) for s in card.slots] == [(True, False), (False, True), (False, False)]
        assert screen.workout.position == (0, 2)
        strip = shown(screen, "#wo-sets")
        assert "✓1 20×16 @8" in strip and "–2 skipped" in strip and "·3" in strip
        assert len(today_sets(app.store)) == 1

        # Bringing the set back is saved too: the next start has no skip left.
        await pilot.press("up", "k")
        await settle(pilot, app)
        assert not card.slots[1].skipped
        assert app.store.in_progress_session().skipped == []


async def test_a_one_sided_skip_and_an_added_set_on_another_exercise(new_app):
    """Skipping a one-sided set skips both sides, and comes back as both sides; sets added
    on an exercise further down the session come back on that exercise."""
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        for _ in range(4):
            await pilot.press("right")
        card = screen.workout.card
        assert card.exercise.unilateral and card.sets == 2
        await pilot.press("a", "a")  # four sets, eight slots
        await pilot.press("down", "down")  # set 2, left
        await pilot.press("k")
        await settle(pilot, app)
        assert [s.skipped for s in card.slots[2:4]] == [True, True]
        exercise = card.exercise.id

    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)  # no set logged: no resume question
        assert screen.workout.position[0] == 4
        card = screen.workout.card
        assert card.exercise.id == exercise and card.sets == 4
        assert [s.skipped for s in card.slots] == [False, False, True, True, False, False, False, False]
        assert all(c.sets == c.plan.sets for c in screen.workout.cards if c is not card)


def test_the_session_fields_are_checked_and_old_files_still_read():
    now = pendulum.datetime(2026, 11, 16, 18, 30, tz="UTC")
    old = Session(date=now.date(), started_at=now).model_dump(mode="json")
    del old["set_changes"], old["skipped"]  # a session saved before the fields existed
    assert Session.model_validate(old).set_changes == {} and Session.model_validate(old).skipped == []
    session = Session(date=now.date(), started_at=now, set_changes={"face-pull": 2, "row": 0},
                      skipped=[("row", 2), ("face-pull", 0), ("row", 2)])
    assert session.set_changes == {"face-pull": 2}  # no entry for an exercise back at its plan
    assert session.skipped == [("face-pull", 0), ("row", 2)]
    assert Session.model_validate(session.model_dump(mode="json")) == session
    for bad in ({"set_changes": {"Face Pull": 1}}, {"set_changes": {"face-pull": 51}},
                {"skipped": [("face-pull", -1)]}, {"skipped": [("face-pull", 100)]},
                {"skipped": [("face-pull",)]}):
        with pytest.raises(ValidationError):
            Session(date=now.date(), started_at=now, **bad)


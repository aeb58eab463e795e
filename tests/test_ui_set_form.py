"""The set form on the gym floor: where the cursor starts, where it goes after a failed save
(and saying so), and one question before a working set is saved without its RPE."""

from textual.widgets import Input

from app_factory import settle
from gymtui.domain.clock import FakeClock
from test_ui_workout import open_workout, seed_history, shown, today_sets

SIZE = (80, 24)


async def test_the_form_opens_on_load_when_the_load_is_unknown(new_app):
    app = new_app(clock=FakeClock())  # no history: Face Pull has no load to offer
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        assert screen.workout.card.plan.load is None
        await pilot.press("l")
        assert app.focused is screen.query_one("#se-load", Input)
        assert "Load" in shown(screen, "#se-help")
        # Load, Enter: the cursor goes on to the RPE (not saved yet), then RPE, Enter.
        await pilot.press("2", "0", "enter")
        await settle(pilot, app)
        assert today_sets(app.store) == [] and app.focused is screen.query_one("#se-rpe", Input)
        await pilot.press("8", "enter")
        await settle(pilot, app)
        [logged] = today_sets(app.store)
        assert (logged.load, logged.reps, logged.rpe) == (20, 15, 8)


async def test_the_form_opens_on_rpe_when_the_load_is_known(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l")
        assert app.focused is screen.query_one("#se-rpe", Input)


async def test_a_failed_save_says_where_the_cursor_went(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "8")
        screen.query_one("#se-reps", Input).value = "1x5"
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.focused is screen.query_one("#se-reps", Input)
        error = shown(screen, "#se-error")
        assert "reps '1x5'" in error and "cursor is on Reps" in error
        assert today_sets(app.store) == []


async def test_enter_without_rpe_asks_once_for_a_working_set(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "enter")
        await settle(pilot, app)
        assert screen.state == "log" and today_sets(app.store) == []
        assert "No RPE" in shown(screen, "#se-error")
        assert app.focused is screen.query_one("#se-rpe", Input)
        await pilot.press("enter")  # asked once: the second Enter saves without it
        await settle(pilot, app)
        [logged] = today_sets(app.store)
        assert logged.rpe is None and screen.state == "ready"
        # A warm-up set is not asked about.
        await pilot.press("l")
        screen.query_one("#se-set_type").value = "warmup"
        screen.query_one("#se-rpe", Input).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.state == "ready"

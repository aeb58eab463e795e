"""kg to lb while a session is open: the loads still to do are re-planned in pounds at once,
the sets already logged keep the kilograms they were lifted in, and a set under way is never
changed under the lifter's hands."""

from textual.widgets import Input, Select

from app_factory import settle
from gymtui.domain.clock import FakeClock
from gymtui.ui.screens.settings import SettingsScreen
from test_ui_workout import open_workout, seed_history, shown

SIZE = (80, 24)


async def _pick_pounds(pilot, app) -> None:
    app.action_open_section("s")
    await settle(pilot, app)
    assert isinstance(app.screen, SettingsScreen)
    app.screen.query_one("#set-unit", Select).focus()
    await pilot.press("enter", "down", "enter")
    await settle(pilot, app)
    assert app.store.settings().unit == "lb"


async def test_kg_to_lb_replans_the_open_session_and_keeps_logged_sets_in_kg(new_app):
    app = new_app(clock=FakeClock(1000.0))
    seed_history(app.store)  # face pulls at 20 kg last week
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        assert screen.workout.card.plan.unit == "kg" and "20 kg" in shown(screen, "#wo-card")
        await pilot.press("l", "8", "enter")
        await settle(pilot, app)
        await _pick_pounds(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        assert app.screen is screen and screen.state == "ready"
        plan = screen.workout.card.plan
        # 20 kg is 44.1 lb; the cable stack moves in 10 lb steps by default.
        assert plan.unit == "lb" and plan.load in (40, 50)
        card = shown(screen, "#wo-card")
        assert f"{plan.load:g} lb" in card and "20 kg" not in card.split("\n")[0]
        assert "20kg×16" in shown(screen, "#wo-sets")  # the set logged before the change
        # The next set's form offers the load in pounds, not the kilograms of the last set.
        await pilot.press("l")
        await settle(pilot, app)
        assert screen.query_one("#se-load", Input).value == f"{plan.load:g} lb"


async def test_a_unit_change_waits_until_the_set_under_way_is_logged(new_app):
    clock = FakeClock(1000.0)
    app = new_app(clock=clock)
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l")  # the set form is open, pre-filled in kg
        await settle(pilot, app)
        assert screen.state == "log"
        pounds = app.store.settings().model_copy(update={"unit": "lb"})
        screen.settings_changed(pounds)
        await settle(pilot, app)
        assert screen.workout.card.plan.unit == "kg"  # the form is not changed under the lifter
        await pilot.press("8", "enter")
        await settle(pilot, app)  # the set is written, then the re-planning starts
        await settle(pilot, app)
        assert screen.state == "ready" and screen.workout.card.plan.unit == "lb"
        assert [s.unit for s in screen.workout.card.logged_sets()] == ["kg"]


async def test_a_re_plan_is_kept_when_the_same_settings_are_read_again_meanwhile(new_app):
    # Back on the workout screen it reads the settings again (a new object, equal in value)
    # while the re-plan started by the settings screen is still running: that re-plan counts.
    app = new_app(clock=FakeClock(1000.0))
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        pounds = app.store.settings().model_copy(update={"unit": "lb"})
        screen.settings_changed(pounds)  # starts the re-plan worker
        screen._settings_loaded(pounds.model_copy())  # what on_screen_resume's reload gives
        await settle(pilot, app)
        assert screen.workout.card.plan.unit == "lb"


async def test_with_no_planned_load_the_form_offers_the_last_load_with_its_unit(new_app):
    # A first session: nothing planned, the lifter typed 20 (kg) for set 1, then chose lb.
    # Set 2's form offers "20 kg" as lifted, not an empty load.
    app = new_app(clock=FakeClock(1000.0))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        assert screen.workout.card.plan.load is None
        await pilot.press("l", *"20", "enter", "8", "enter")  # the form opens on Load: none planned
        await settle(pilot, app)
        assert [s.load for s in screen.workout.card.logged_sets()] == [20]
        screen.settings_changed(app.store.settings().model_copy(update={"unit": "lb"}))
        await settle(pilot, app)
        assert screen.workout.card.plan.unit == "lb"
        await pilot.press("l")
        await settle(pilot, app)
        assert screen.query_one("#se-load", Input).value == "20 kg"

"""The working load typed in the warm-up is the session's load for that exercise: the workout
card, Today and the warm-up itself (after any screen change) all use it."""

from textual.widgets import DataTable, Static

from app_factory import open_warmup_with_load, settle
from gymtui.domain.clock import FakeClock
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.screens.warmup import WarmupScreen
from gymtui.ui.screens.workout import WorkoutScreen

SIZE = (80, 24)


def today_row(app, exercise_id: str) -> list[str]:
    table = app.screen.query_one("#plan-table", DataTable)
    return [str(cell) for cell in table.get_row(exercise_id)]


async def test_the_warmup_load_is_the_sessions_load_everywhere(new_app):
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert "choose" in today_row(app, "bent-over-row")
        warmup = await open_warmup_with_load(pilot, app, "60")
        assert warmup.exercise.exercise.id == "bent-over-row" and warmup.working.load == 60
        await settle(pilot, app)

        # Today: the row's load is the one typed, with the reason.
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        assert "60 kg" in today_row(app, "bent-over-row")

        # The warm-up opened again ramps to it without asking.
        await pilot.press("u")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WarmupScreen) and screen is not warmup
        assert screen.working is not None and screen.working.load == 60
        assert "Bent Over Row 60 kg" in str(screen.query_one("#wu-working", Static).render())

        # The workout card of the exercise shows it and the set form is filled with it.
        await pilot.press("w")
        await settle(pilot, app)
        workout = app.screen
        assert isinstance(workout, WorkoutScreen) and workout.state == "ready"
        index = next(i for i, c in enumerate(workout.workout.cards) if c.exercise.id == "bent-over-row")
        card = workout.workout.cards[index]
        assert card.plan.load == 60
        workout.workout.go_to(index)
        workout.redraw()
        assert "pick a load" not in str(workout.query_one("#wo-card", Static).render())
        assert "60 kg" in str(workout.query_one("#wo-card", Static).render())


async def test_a_load_typed_after_the_workout_opened_reaches_its_card(new_app):
    """The workout screen is kept alive: a load typed in the warm-up later still reaches it,
    and the workout's own session writes do not lose it."""
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        workout = app.screen
        assert isinstance(workout, WorkoutScreen)
        card = next(c for c in workout.workout.cards if c.exercise.id == "bent-over-row")
        assert card.plan.load is None
        await open_warmup_with_load(pilot, app, "70")
        await pilot.press("w")
        await settle(pilot, app)
        assert app.screen is workout and card.plan.load == 70
        await pilot.press("right")  # a position write of the workout's session
        await settle(pilot, app)
        assert app.store.in_progress_session().chosen_loads["bent-over-row"] == (70, "kg")


def test_a_chosen_load_replaces_the_planned_one_in_the_plans_unit():
    from gymtui.domain.progression import Plan
    from gymtui.domain.settings import Settings
    from gymtui.services.chosen_loads import chosen_plan

    plan = Plan(exercise="bent-over-row", pattern="horizontal_pull", equipment="barbell", sets=4, reps=3,
                reps_min=3, reps_max=5, load=80.0, unit="kg", tempo="3-0-1-1", target_rpe=8.5,
                rest_seconds=150, reasons=["last time 80 kg x 3 @8"])
    chosen = chosen_plan(plan, 85, "kg", Settings())
    assert chosen.load == 85
    assert chosen.reasons == ["85 kg chosen in the warm-up for today", "planned 80 kg", "last time 80 kg x 3 @8"]
    assert chosen_plan(plan, 80, "kg", Settings()) is plan
    # Typed in lb (the unit was changed since): converted and rounded to what loads in kg.
    assert chosen_plan(plan, 185, "lb", Settings()).load == 85

"""The exercise library screen: search by name or alias, add (the form), edit and retire the
lifter's own; retiring keeps the exercise and its history, only pickers leave it out."""

from textual.widgets import DataTable, Static

from app_factory import settle
from gymtui.services import app_data
from gymtui.services.exercises import Changes
from gymtui.ui.screens.exercise_form import ExerciseForm
from gymtui.ui.screens.library import LibraryScreen
from own_training_keys import choose, fill, palette


def shown_ids(screen: LibraryScreen) -> list[str]:
    return [e.id for e in screen.shown]


async def test_search_retire_restore_and_edit_from_the_library(gym_app, data_dir):
    app = gym_app
    _, app.library = app_data.add_exercise(app, Changes(name="Zercher Carry Walk", pattern="carry", equipment="carry",
                                                        aliases=["Zercher Walk"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await palette(pilot, app, "Exercise library")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert len(screen.shown) == len(app.library.exercises())
        await pilot.press("slash", *"zercher walk", "enter")
        await settle(pilot, app)
        assert shown_ids(screen) == ["zercher-carry-walk"]
        await pilot.press("r")
        await settle(pilot, app)
        [kept] = app.store.custom_exercises()
        assert kept.retired  # kept, not deleted
        assert "zercher-carry-walk" not in {e.id for e in app.library.offered()}
        assert shown_ids(screen) == ["zercher-carry-walk"]  # the library still lists it
        assert "retired" in str(screen.query_one("#lib-table", DataTable).get_row_at(0)[-1])
        await pilot.press("r")
        await settle(pilot, app)
        assert not app.store.custom_exercises()[0].retired
        assert "zercher-carry-walk" in {e.id for e in app.library.offered()}
        await pilot.press("e")
        await settle(pilot, app)
        assert isinstance(app.screen, ExerciseForm)
        await fill(pilot, "xf-seconds", "45")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        assert app.store.custom_exercises()[0].hold_seconds == 45


async def test_a_shipped_exercise_stays_as_shipped_and_a_adds_one(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("slash", *"rear foot elevated", "enter")  # an alias
        await settle(pilot, app)
        assert shown_ids(screen) == ["bulgarian-split-squat"]
        await pilot.press("r")
        await settle(pilot, app)
        assert "stays as shipped" in str(screen.query_one("#lib-status", Static).render())
        assert app.store.custom_exercises() == []
        await pilot.press("a")
        await settle(pilot, app)
        assert isinstance(app.screen, ExerciseForm)
        await fill(pilot, "xf-name", "Viking Press")
        await choose(pilot, "xf-pattern", "press")
        await choose(pilot, "xf-equipment", "barb")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        assert [e.name for e in app.store.custom_exercises()] == ["Viking Press"]
        assert screen.current().id == "viking-press"  # the cursor on the one just added


async def test_a_place_key_closes_the_library_so_today_shows_today(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await palette(pilot, app, "Exercise library")  # opened over Today
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("h")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "HistoryScreen"
        await pilot.press("t")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "TodayScreen"

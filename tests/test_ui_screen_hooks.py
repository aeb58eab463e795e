"""What the app tells the screen underneath, or reads off it: after an import from the
palette the screen shows what was stored; a dialog that is no section names itself in the
palette and Help."""

from textual.widgets import DataTable, Static

from app_factory import seed_session, settle
from gymtui.ui.dialogs.import_file import ImportDialog
from gymtui.ui.screens.exercise_form import ExerciseForm
from gymtui.ui.screens.help import screen_commands
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.screens.today import TodayScreen

SET = ("deadlift", 120.0, 5, 8.0)


async def _import_stores_a_session(pilot, app) -> None:
    """The palette's import over the screen shown; the dialog closes having stored a session."""
    app.action_import_file()
    await settle(pilot, app)
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    seed_session(app.store, [SET], status="done")
    dialog.dismiss(True)
    await settle(pilot, app)


async def test_an_import_over_today_shows_in_todays_last_session(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert "First session" in str(today.query_one("#last-session", Static).render())
        await _import_stores_a_session(pilot, app)
        assert app.screen is today
        assert "Last session" in str(today.query_one("#last-session", Static).render())


async def test_an_import_over_history_shows_in_its_sessions(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert history.query_one("#history-sessions", DataTable).row_count == 0
        await _import_stores_a_session(pilot, app)
        assert app.screen is history
        assert history.query_one("#history-sessions", DataTable).row_count == 1


async def test_the_palette_over_the_exercise_form_names_its_keys_by_it(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.push_screen(ExerciseForm())
        await settle(pilot, app)
        assert "Exercise form: Save" in {c.title for c in screen_commands(app.screen)}

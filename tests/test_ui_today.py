"""Today with a session under way: the session's own list (swaps, sets added and skipped)
with the sets done, and enter on a row opens the workout at that exercise."""

from textual.widgets import DataTable, Static

from app_factory import FROZEN_NOW, seed_session, settle
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.screens.workout import WorkoutScreen

ORDER = ["face-pull", "chest-supported-row", "seal-row", "deadlift", "single-arm-dumbbell-row", "farmer-carry"]


def seed_session_under_way(store) -> None:
    """Today's Horizontal pull: face pulls done with a set added, one row set logged and one
    skipped, the bent-over row swapped for the seal row."""
    seed_session(
        store, [("face-pull", 20, 12, 7.5)] * 3 + [("chest-supported-row", 20, 12, 7.5)], when=FROZEN_NOW,
        program_day="horizontal-pull", name="Horizontal pull", block_week=1, order=ORDER, position=(1, 1),
        set_changes={"face-pull": 1}, skipped=[("chest-supported-row", 2)],
    )


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one("#plan-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_today_shows_the_session_under_way_and_enter_opens_the_workout_there(new_app):
    app = new_app()
    seed_session_under_way(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        today = app.screen
        assert isinstance(today, TodayScreen)
        rows = table_rows(today)
        assert [row[0] for row in rows] == ["Face Pull", "Chest Supported Row", "Seal Row", "Deadlift",
                                            "Single Arm Dumbbell Row", "Farmer Carry"]
        assert [row[-1] for row in rows] == ["✓ 3/3", "1/3", "0/4", "0/3", "0/2", "0/3"]
        assert rows[0][1] == "3 x 15"  # the set added counts
        # No history before today, so nothing was planned: the load lifted today shows, not "choose".
        assert [row[2] for row in rows[:3]] == ["20 kg", "20 kg", "choose"]
        assert "Session in progress: 4 of 18 sets done" in str(today.query_one("#last-session", Static).render())
        # The cursor starts where the workout is; the line under the table says it in words.
        why = str(today.query_one("#why", Static).render())
        assert "1 of 3 sets done, 1 skipped" in why
        await pilot.press("down")
        await pilot.pause()
        why = str(today.query_one("#why", Static).render())
        assert "Swapped in for Bent Over Row, 0 of 4 sets done" in why

        await pilot.press("down", "enter")  # Deadlift
        await settle(pilot, app)
        workout = app.screen  # the row chosen is the answer: no resume question
        assert isinstance(workout, WorkoutScreen), workout
        assert workout.workout.card.exercise.id == "deadlift" and workout.workout.slot == 0
        assert app.store.in_progress_session().position == (3, 0)


async def test_today_without_a_session_under_way_has_no_done_column(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        rows = table_rows(app.screen)
        assert rows[2][0] == "Bent Over Row" and len(rows[0]) == 6
        await pilot.press("enter")  # the first row: the workout opens on Face Pull
        await settle(pilot, app)
        assert isinstance(app.screen, WorkoutScreen) and app.screen.workout.card.exercise.id == "face-pull"

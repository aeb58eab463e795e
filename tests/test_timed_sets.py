"""Timed holds and carries are not described in reps; a one-session chart; Import everywhere."""

import pendulum
from textual.widgets import DataTable

from app_factory import settle
from gymtui.domain.journal import LoggedSet
from gymtui.domain.rpe import work_sets
from gymtui.domain.stats import summarise_week
from gymtui.ui.dialogs.import_file import ImportDialog
from gymtui.ui.screens.session_sets import set_e1rm
from gymtui.ui.widgets.progress_chart import ProgressChart
from history_data import fill_history

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")


def carry(**changes) -> LoggedSet:
    values = dict(session_id="s1", exercise="farmer-carry", load=32.0, reps=1, seconds=40.0, rpe=7.5, logged_at=NOW)
    return LoggedSet(**(values | changes))


def test_a_carry_has_no_e1rm_and_no_rep_figures():
    assert carry().timed and set_e1rm(carry()) == "" and work_sets([carry()]) == []
    session = {"id": "s1", "date": "2026-11-16", "started_at": NOW.isoformat(), "name": "Pull", "status": "done"}
    summary = summarise_week({"sessions": [session], "sets": [carry().model_dump(mode="json")]})
    (day,) = summary["exercises"]["farmer-carry"]
    assert day["best_e1rm_kg"] is None and day["heaviest_kg"] is None and day["sets"] == 1
    # Five reps of a hold each are still reps.
    assert not carry(reps=5, seconds=None).timed


async def test_today_gives_a_carry_no_rep_tempo(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one("#plan-table", DataTable)
        tempos = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert tempos["Farmer Carry"] == "hold" and tempos["Face Pull"] == "2-0-1-2"


async def test_a_chart_of_one_session_says_so_instead_of_a_date_axis(new_app):
    app = new_app()
    fill_history(app.store, weeks=1, per_week=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        screen = app.screen
        screen.show_exercise("deadlift")
        await settle(pilot, app)
        rendered = screen.query_one("#history-chart", ProgressChart).render().plain
        assert "One session so far" in rendered and "The chart starts with the second." in rendered
        assert "best set 120 kg" in rendered and "/" not in rendered.replace("e1RM", "")


async def test_import_is_in_the_palette_on_every_screen(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        for key in ("", "c", "h"):
            if key:
                await pilot.press(key)
                await settle(pilot, app)
            commands = [c for c in app.get_system_commands(app.screen) if c.title == "Import"]
            assert len(commands) == 1, app.screen
        await pilot.press("t")
        await settle(pilot, app)
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Import"]
        command.callback()
        await settle(pilot, app)
        assert isinstance(app.screen, ImportDialog)

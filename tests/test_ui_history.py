"""Pilot tests of the history screen: list, paging, drill-down, filter, chart, weeks, import."""

from pathlib import Path

from textual.widgets import Button, DataTable, Input, OptionList, Select, Static, TabbedContent

from app_factory import FROZEN_NOW, settle
from gymtui.domain.journal import LoggedSet, Session
from gymtui.ui.dialogs.import_file import ImportDialog
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.screens.session_sets import SessionSetsScreen
from gymtui.ui.widgets.progress_chart import ProgressChart
from history_data import fill_history

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


async def open_history(pilot, app) -> HistoryScreen:
    await settle(pilot, app)
    await pilot.press("h")
    await settle(pilot, app)
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_sessions_newest_first_and_every_set_of_one(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        table = screen.query_one("#history-sessions", DataTable)
        dates = column(table, 0)
        assert table.row_count == 16 and dates == sorted(dates, reverse=True)
        assert dates[0] == "2026-11-11" and column(table, 2)[0] == "Vertical pull"
        assert "All 16 sessions" in text(screen, "#history-sessions-status")
        # The whole history was not read to open the list: no week summaries were needed yet.
        assert screen.weeks is None
        await pilot.press("enter")
        await settle(pilot, app)
        detail = app.screen
        assert isinstance(detail, SessionSetsScreen)
        sets = detail.query_one("#session-table", DataTable)
        assert sets.row_count == 9
        assert str(sets.get_row_at(0)[0]) == "Pull Up" and str(sets.get_row_at(0)[2]) == "bw"
        assert str(sets.get_row_at(3)[2]) == "107.5 kg" and str(sets.get_row_at(3)[6]).endswith("kg")
        assert "Vertical pull" in text(detail, "#session-title") and "1 h 10 min" in text(detail, "#session-title")
        await pilot.press("down", "down", "down")
        await pilot.pause()
        note = text(detail, "#session-set-note")
        assert note.startswith("Romanian Deadlift") and "e1RM 148.7 kg by RTS" in note
        # 'e' on a set opens that exercise's chart on the history screen.
        await pilot.press("e")
        await settle(pilot, app)
        assert app.screen is screen and screen.query_one(TabbedContent).active == "exercise"
        chart = screen.query_one("#history-chart", ProgressChart)
        assert chart.progress is not None and chart.progress.exercise == "romanian-deadlift"
        assert len(chart.progress.points) == 8


async def test_older_weeks_are_read_as_the_cursor_nears_the_end(new_app):
    app = new_app()
    fill_history(app.store, weeks=40, per_week=3)  # 120 sessions in 40 week files
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        table = screen.query_one("#history-sessions", DataTable)
        first = table.row_count
        assert 40 <= first < 120 and screen.more
        assert "scroll for older ones" in text(screen, "#history-sessions-status")
        await pilot.press("ctrl+end")
        await settle(pilot, app)
        await pilot.press("ctrl+end")
        await settle(pilot, app)
        assert table.row_count == 120 and not screen.more
        dates = column(table, 0)
        assert dates == sorted(dates, reverse=True) and len(set(screen.session_ids)) == 120
        assert "All 120 sessions" in text(screen, "#history-sessions-status")


async def test_filter_by_exercise_and_clear(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("f")
        await pilot.press(*"deadlift", "enter")
        await settle(pilot, app)
        table = screen.query_one("#history-sessions", DataTable)
        assert screen.exercise == "deadlift" and table.row_count == 8
        assert all("Deadlift" in name for name in column(table, 3))
        assert "with Deadlift" in text(screen, "#history-sessions-status")
        field = screen.query_one("#history-exercise", Input)
        await pilot.press("f")
        assert field.has_focus
        field.value = "no such lift"
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.exercise == "deadlift"  # an unknown name leaves the filter as it was
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")  # clears the filter
        await settle(pilot, app)
        assert screen.exercise is None and table.row_count == 16 and field.value == ""


async def test_exercise_tab_chart_records_and_choice(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        options = screen.query_one("#history-exercises", OptionList)
        assert options.option_count == 6
        chart = screen.query_one("#history-chart", ProgressChart)
        first = chart.progress.exercise
        records = text(screen, "#history-records")
        assert "Heaviest" in records and "Best e1RM" in records and "Recent (8 sessions in all)" in records
        await pilot.press("down")
        await settle(pilot, app)
        assert chart.progress.exercise != first
        # Deadlift: loads rose 2.5 kg a week from 120 kg, so the heaviest is 137.5 kg x 5 in the last week.
        screen.show_exercise("deadlift")
        await settle(pilot, app)
        assert chart.progress.records.heaviest.load == 137.5 and chart.progress.records.heaviest.reps == 5
        assert "137.5 kg x 5  2026-11-09" in text(screen, "#history-records")
        rendered = chart.render().plain
        assert "e1RM kg" in rendered and "best set kg" in rendered


async def test_weeks_tab_shows_patterns_adherence_and_recovery(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("3")
        await settle(pilot, app)
        table = screen.query_one("#history-weeks", DataTable)
        assert table.row_count == 8 and str(table.get_row_at(0)[0]) == "2026-W46"
        row = [str(cell) for cell in table.get_row_at(0)]
        # 18 sets: 6 horizontal pull, 3 vertical pull, 6 hinge, 3 face pulls (scapular) in 'other'.
        assert row[1:7] == ["18", "10,018", "6", "3", "6", "3"]
        assert row[8] == "2" and row[9] == "7.2" and row[10] == "1.0"
        detail = text(screen, "#history-week-detail")
        assert "horizontal pull 6" in detail and "mobility 2/7 days" in detail and "sleep 7.2 h" in detail


async def test_import_from_the_history_screen(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        assert "No sessions" in text(screen, "#history-sessions-status")
        await pilot.press("i")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path", Input).value = str(FIXTURES / "strong_comma_full.csv")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "choose kg or lb under Unit" in text(dialog, "#import-summary")
        assert app.store.parts() == []
        dialog.query_one("#import-unit", Select).value = "kg"
        await pilot.click("#import-run")
        await settle(pilot, app)
        summary = text(dialog, "#import-summary")
        # The outcome is the first line, seen at 80x24 before any list of names.
        assert summary.startswith("Stored: 2 new workouts, 15 new sets") and "Strong" in summary
        for _ in range(100):  # the button is enabled again once the first run's summary is in
            if not dialog.query_one("#import-run").disabled:
                break
            await settle(pilot, app)
        # The second run by pressing the button itself: a click lands on whatever is drawn
        # at the button's place, and a notification from the first run can be there.
        dialog.query_one("#import-run", Button).press()
        # The second run's worker may start a message later than the click: wait for its summary.
        for _ in range(100):
            await settle(pilot, app)
            if "Stored: 0 new workouts" in text(dialog, "#import-summary"):
                break
        assert "Stored: 0 new workouts, 0 new sets." in text(dialog, "#import-summary")
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
        assert screen.query_one("#history-sessions", DataTable).row_count == 2
        assert any(e.custom for e in app.library.exercises())  # new exercises are known at once


async def test_a_missing_file_is_reported_in_the_dialog(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, app)
        await pilot.press("i")
        await settle(pilot, app)
        dialog = app.screen
        dialog.query_one("#import-path", Input).value = "/no/such/export.csv"
        await pilot.press("enter")
        await settle(pilot, app)
        summary = dialog.query_one("#import-summary", Static)
        assert "no such file" in str(summary.render()) and summary.has_class("-error")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)


async def test_a_session_logged_today_shows_after_reopening(new_app):
    app = new_app()
    fill_history(app.store, weeks=2)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("3")
        await settle(pilot, app)
        assert screen.query_one("#history-weeks", DataTable).row_count == 2
        session = app.store.save_session(Session(date=FROZEN_NOW.date(), started_at=FROZEN_NOW, name="Today"))
        app.store.add_set(LoggedSet(session_id=session.id, exercise="face-pull", load=20, reps=15,
                                    logged_at=FROZEN_NOW))
        await pilot.press("t", "h")
        await settle(pilot, app)
        screen = app.screen
        assert column(screen.query_one("#history-sessions", DataTable), 2)[0] == "Today"
        await pilot.press("3")
        await settle(pilot, app)
        assert str(screen.query_one("#history-weeks", DataTable).get_row_at(0)[0]) == "2026-W47"


async def test_a_wide_terminal_shows_whole_exercise_lists(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=(120, 33)) as pilot:
        screen = await open_history(pilot, app)
        table = screen.query_one("#history-sessions", DataTable)
        assert column(table, 3)[1] == "Deadlift, Chest Supported Row, Face Pull"
        # Narrowed to 80 columns, the same list is cut to fit, and wider again it is whole.
        await pilot.resize_terminal(80, 24)
        await settle(pilot, app)
        assert column(table, 3)[1] == "Deadlift, Chest Support…"
        assert table.row_count == 16
        await pilot.resize_terminal(120, 33)
        await settle(pilot, app)
        assert column(table, 3)[1] == "Deadlift, Chest Supported Row, Face Pull"


async def test_a_weighted_pull_ups_e1rm_counts_the_bodyweight_of_its_day(new_app):
    # 10 kg on the belt x 5 @8 was shown as an e1RM of about 12 kg; on an 80 kg lifter it is
    # 90 kg x 5 @8. A day with no bodyweight known says so instead of a number.
    from gymtui.domain.daily import RecoveryNote
    from gymtui.domain.rpe import e1rm

    app = new_app()
    for weeks_ago, rpe in ((1, 8), (2, 8)):
        when = FROZEN_NOW.subtract(weeks=weeks_ago)
        session = app.store.save_session(Session(date=when.date(), started_at=when, status="done"))
        app.store.add_set(LoggedSet(session_id=session.id, exercise="pull-up", load=10, reps=5, rpe=rpe,
                                    logged_at=when))
    app.store.save_recovery(RecoveryNote(date=FROZEN_NOW.subtract(weeks=1).date(), bodyweight=80,
                                         updated_at=FROZEN_NOW.subtract(weeks=1)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        screen.show_exercise("pull-up")
        await settle(pilot, app)
        records = text(screen, "#history-records")
        expected = e1rm(90, 5, 8).value
        assert f"e1RM {expected:.1f}".removesuffix(".0") + " (bw 80)" in records
        assert f"Best e1RM {expected:.1f}".removesuffix(".0") in records and "(bw 80 + 10x5 @ 8" in records
        assert records.count("(bw 80)") == 2  # two weeks ago: no note yet, the oldest known is used


def test_a_weighted_pull_up_with_no_bodyweight_known_says_so():
    from datetime import date

    from gymtui.domain.exercise_progress import PersonalRecords
    from gymtui.services.history import ExerciseProgress, RecentSession
    from gymtui.ui.screens.history_text import records_text

    progress = ExerciseProgress("pull-up", "Pull Up", "kg", [], PersonalRecords(sessions=1),
                                [RecentSession(date(2026, 11, 9), 3, 10.0, 5, None, None)], moves_body=True)
    shown = records_text(progress)
    assert "e1RM ? (no bodyweight)" in shown and "no bodyweight known for some days (Settings or Recovery)" in shown

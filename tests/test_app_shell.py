from textual.widgets import DataTable, Static

from app_factory import FROZEN_NOW, settle
from gymtui.domain.journal import LoggedSet, Session
from gymtui.ui.dialogs.damaged_file import DamagedFileDialog
from gymtui.ui.screens.today import TodayScreen


async def test_today_shows_the_program_day_with_block_week(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        table = app.screen.query_one("#plan-table", DataTable)
        names = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert "Face Pull" in names and "Deadlift" in names
        title = str(app.screen.query_one("#plan-title", Static).render())
        assert "Horizontal pull" in title and "week 1/4" in title and "STRENGTH" in title
        why = str(app.screen.query_one("#why", Static).render())
        assert "no history yet" in why
        # Moving the cursor explains the highlighted exercise.
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Cue:" in str(app.screen.query_one("#why", Static).render())
        await pilot.press("q")
    assert app.return_code == 0


async def test_today_shows_a_load_from_logged_history(new_app):
    app = new_app()
    store = app.store
    last_week = FROZEN_NOW.subtract(days=7)
    session = store.save_session(
        Session(date=last_week.date(), started_at=last_week, status="done", program_day="vertical-pull", block_week=1)
    )
    for _ in range(4):
        store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=5, rpe=7.5,
                                logged_at=last_week))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one("#plan-table", DataTable)
        row = table.get_row("bent-over-row")
        assert row[2].endswith("kg") and row[2] != "choose"
        # The last session was the vertical-pull day, so today is the horizontal-pull day.
        assert "Horizontal pull" in str(app.screen.query_one("#plan-title", Static).render())
        assert "1 week ago" in str(app.screen.query_one("#last-session", Static).render())


def _damage_this_week(data_dir):
    """This week's file cut off mid-record, as a failing card can leave it."""
    week_file = data_dir / "journal" / "2026-W47.json"
    week_file.parent.mkdir(parents=True, exist_ok=True)
    week_file.write_text('{"sets": {"1": {"oops"')
    return week_file


async def _wait_for_the_damaged_file_box(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, DamagedFileDialog)


async def test_damaged_week_file_is_named_and_backup_offered(data_dir, new_app):
    app = new_app()
    store = app.store
    session = store.save_session(Session(date=FROZEN_NOW.date(), started_at=FROZEN_NOW))
    store.add_set(LoggedSet(session_id=session.id, exercise="face-pull", load=20, reps=15, logged_at=FROZEN_NOW))
    store.backup_if_due()
    store.close()
    week_file = _damage_this_week(data_dir)
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_the_damaged_file_box(pilot)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert "2026-W47.json" in message and "not valid JSON" in message
        assert week_file.read_text() == '{"sets": {"1": {"oops"'  # never overwritten
        await pilot.press("r")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        assert len(app.store.session_sets(session.id)) == 1


async def test_command_palette_reaches_today(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Today" in titles and "Quit" in " ".join(titles)


def test_ago_reads_like_a_person():
    from datetime import date

    from gymtui.ui.format import ago

    today = date(2026, 11, 16)
    assert [ago(date(2026, 11, d), today) for d in (16, 15, 13, 2)] == [
        "today",
        "yesterday",
        "3 days ago",
        "2 weeks ago",
    ]


async def test_closing_the_damaged_file_box_leaves_today_saying_why_there_is_no_plan(data_dir, new_app):
    app = new_app()
    app.store.close()
    week_file = _damage_this_week(data_dir)
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_the_damaged_file_box(pilot)
        await pilot.press("q")  # close the box, keep the file
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        title = str(app.screen.query_one("#plan-title", Static).render())
        assert "Loading" not in title and "could not be read" in title
        assert week_file.read_text() == '{"sets": {"1": {"oops"'

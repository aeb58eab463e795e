"""Pilot tests of the warm-up: drills ticked, ramp sets logged as warm-up sets, plates drawn."""

from textual.widgets import DataTable, Static

from app_factory import FROZEN_NOW, settle
from gymtui.domain.journal import LoggedSet, Session
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.screens.warmup import LoadDialog, WarmupScreen
from gymtui.ui.widgets.plate_bar import PlateBar, draw_bar

TODAY = FROZEN_NOW.date()


def text(app, selector):
    return str(app.screen.query_one(selector, Static).render())


def warmup_sets(store):
    sessions = store.sessions_on(TODAY)
    return sessions, [s for session in sessions for s in store.session_sets(session.id) if s.set_type == "warmup"]


async def open_warmup(pilot, app):
    await settle(pilot, app)
    await pilot.press("u")
    await settle(pilot, app)
    assert isinstance(app.screen, WarmupScreen)
    return app.screen


async def test_full_warmup_drills_then_ramp_sets_logged(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        # Horizontal-pull day with a deadlift: scapular work and hinge activation.
        assert len(screen.drills) == 10
        assert screen.exercise.exercise.id == "bent-over-row"  # the first barbell lift
        assert "no working load planned yet" in text(app, "#wu-working")
        # No history: the lifter types the working load.
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)
        await pilot.press(*"100", "enter")
        await settle(pilot, app)
        assert [r.load for r in screen.ramp] == [20, 40, 60, 80]
        assert "Bent Over Row 100 kg" in text(app, "#wu-working") and "25 + 15" in text(app, "#wu-working")
        # One key per drill, then one key per ramp set (the heading row is stepped over).
        for _ in range(10):
            await pilot.press("space")
        assert "drills 10/10" in text(app, "#wu-title")
        for _ in range(4):
            await pilot.press("space")
        await settle(pilot, app)
        assert "ramp 4/4 logged" in text(app, "#wu-title")
        sessions, sets = warmup_sets(app.store)
        assert len(sessions) == 1
        session = sessions[0]
        assert (session.program_day, session.block_week, session.name, session.status) == (
            "horizontal-pull", 1, "Horizontal pull", "in_progress"
        )
        assert [(s.exercise, s.load, s.reps, s.unit) for s in sets] == [
            ("bent-over-row", 20, 10, "kg"),
            ("bent-over-row", 40, 5, "kg"),
            ("bent-over-row", 60, 3, "kg"),
            ("bent-over-row", 80, 2, "kg"),
        ]
        # A second press on a logged set does not log it twice.
        await pilot.press("space")
        await settle(pilot, app)
        assert len(warmup_sets(app.store)[1]) == 4
        # Away and back: drills stay ticked, ramp sets are read back from the journal.
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        screen = await open_warmup(pilot, app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+u", *"100", "enter")
        await settle(pilot, app)
        assert "drills 10/10" in text(app, "#wu-title") and "ramp 4/4 logged" in text(app, "#wu-title")


async def test_ramp_uses_todays_session_in_progress_and_undo_removes_a_set(new_app):
    app = new_app()
    store = app.store
    started = store.save_session(
        Session(date=TODAY, started_at=FROZEN_NOW, program_day="horizontal-pull", block_week=1, name="Horizontal pull")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"60", "enter")
        await settle(pilot, app)
        table = screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index("r:0"))
        await pilot.press("space", "space")
        await settle(pilot, app)
        sessions, sets = warmup_sets(store)
        assert [s.id for s in sessions] == [started.id]
        assert len(sets) == 2 and all(s.session_id == started.id for s in sets)
        table.move_cursor(row=table.get_row_index("r:1"))
        await pilot.press("x")
        await settle(pilot, app)
        assert [s.load for s in warmup_sets(store)[1]] == [20]
        assert "ramp 1/" in text(app, "#wu-title")


async def test_planned_load_from_history_is_ramped_with_plates_drawn(new_app):
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
        screen = await open_warmup(pilot, app)
        planned = screen.exercise.plan.load
        assert screen.exercise.exercise.id == "bent-over-row" and planned is not None
        assert screen.working.load == planned and screen.ramp
        table = screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index("r:2"))
        await pilot.pause()
        drawn = str(screen.query_one("#wu-plates", PlateBar).render())
        ramp_set = screen.ramp[2]
        assert "20 kg bar" in drawn
        for plate in ramp_set.plates:
            assert drawn.count(f"{plate:g}") >= 2  # both sides of the bar
        # e moves the ramp to the next loaded exercise of the day.
        await pilot.press("e")
        await settle(pilot, app)
        assert screen.exercise.exercise.id != "bent-over-row"


async def test_load_dialog_refuses_nonsense(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)
        assert "above 0" in str(app.screen.query_one("#wu-load-error", Static).render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen and screen.working is None


def test_draw_bar_puts_plates_on_both_sides_and_falls_back_when_wide():
    lines = draw_bar([25, 10, 1.25], 20, "kg", heaviest=25)
    assert len(lines) == 3
    middle = lines[1]
    assert middle.count(" 25 ") == 2 and middle.count(" 1.25 ") == 2 and "20 kg bar" in middle
    # The heaviest plate is drawn full height, the 1.25 kg not at all above the bar.
    assert "█" in lines[0] and "▄" in lines[0]
    empty = draw_bar([], 20, "kg", heaviest=25)
    assert "no plates" in empty[1]
    wide = draw_bar([25] * 12, 20, "kg", heaviest=25, width=60)
    assert "per side" in wide[1] and wide[1].count("25") == 12


def drawn_lines(widget) -> list[str]:
    """The widget's rows as drawn on screen (cut where the screen cuts them)."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_every_plate_of_a_ramp_set_shows_at_80_columns(new_app):
    from app_factory import open_warmup_with_load

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup_with_load(pilot, app, "77.5")
        assert screen.ramp[2].plates == (10, 2.5, 1.25)  # 60 %: 47.5 kg on a 20 kg bar
        table = screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index("r:2"))
        await pilot.pause()
        row = next(line for line in drawn_lines(table) if "60 %" in line)
        assert "10 + 2.5 + 1.25" in row


async def test_a_resize_while_the_screen_is_taken_down_does_not_crash(new_app):
    # A quick section key closes the warm-up while a resize is still queued for it: the
    # table is gone by the time the resize arrives. It used to raise NoMatches and end the app.
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        await screen.query_one("#wu-table", DataTable).remove()
        await pilot.resize_terminal(40, 30)
        await settle(pilot, app)
        assert app.is_running and app.return_code is None


async def test_ticking_a_drill_reads_the_theme_colours_without_working_them_out(new_app, monkeypatch):
    """Each row's tick has the theme's colour: the colours the app holds, not the whole
    theme's colours worked out again for every row at every key."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        worked_out = []
        work_out = type(app).get_css_variables
        monkeypatch.setattr(type(app), "get_css_variables", lambda self: worked_out.append(1) or work_out(self))
        for _ in range(3):
            await pilot.press("space")
        await settle(pilot, app)
        assert "drills 3/10" in text(app, "#wu-title")
        table = screen.query_one("#wu-table", DataTable)
        assert table.get_cell_at((0, 0)).style == app.theme_variables["success"]
        assert worked_out == []


async def test_moving_the_cursor_redraws_the_plate_bar_without_laying_out_the_screen(new_app, monkeypatch):
    """The bar's size is fixed: new plates only redraw it, the same plates (the working
    load's, over the drills) leave it alone."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        await pilot.press(*"100", "enter")
        await settle(pilot, app)
        bar = screen.query_one(PlateBar)
        asked = []
        refresh = PlateBar.refresh

        def counting(self, *args, **kwargs):
            asked.append(kwargs.get("layout", False))
            return refresh(self, *args, **kwargs)

        monkeypatch.setattr(PlateBar, "refresh", counting)
        await pilot.press("down", "down")  # drills: the working load's plates, as shown
        await settle(pilot, app)
        assert asked == []
        table = screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=12)  # the ramp's second set, 40 kg: 10 kg a side
        await settle(pilot, app)
        assert str(table.get_row_at(12)[3]) == "40 kg"
        assert "10" in str(bar.render()) and asked and not any(asked)

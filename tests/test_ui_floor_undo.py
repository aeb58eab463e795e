"""Keys that undid or deleted the wrong thing: mobility `d`, warm-up `x`, the History filter."""

from textual.widgets import DataTable, Input

from app_factory import open_warmup_with_load, settle
from gymtui.ui.dialogs.confirm import ConfirmDialog
from test_ui_history import fill_history, open_history
from test_ui_mobility import open_mobility, select
from test_ui_warmup import warmup_sets

SIZE = (80, 24)


async def test_mobility_d_asks_before_deleting_a_routine(new_app):
    from gymtui.domain.library import Drill, Routine

    app = new_app()
    app.store.save_routine(Routine(id="evening-reset", name="Evening reset", focus="Wind down", custom=True,
                                   items=[Drill(id="dead-hang", name="Dead hang", kind="hold", seconds=30)]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mobility(pilot, app)
        select(screen, "evening-reset")
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and "Evening reset" in app.screen.message
        await pilot.press("n")
        await settle(pilot, app)
        assert app.screen is screen and [r.id for r in app.store.routines()] == ["evening-reset"]
        await pilot.press("d", "y")
        await settle(pilot, app)
        assert app.store.routines() == []


async def test_warmup_x_undoes_the_last_tick_not_the_row_under_the_cursor(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_warmup_with_load(pilot, app, "60")
        table = screen.query_one("#wu-table", DataTable)
        first_drill = screen.drills[0][0]
        await pilot.press("space")  # the first drill ticked; the cursor moves on
        assert first_drill in screen.ticks
        await pilot.press("x")
        assert first_drill not in screen.ticks
        # Ramp sets: two logged, the cursor on the next one; x takes back the second.
        table.move_cursor(row=table.get_row_index("r:0"))
        await pilot.press("space", "space")
        await settle(pilot, app)
        first, second = screen.ramp[0].load, screen.ramp[1].load
        assert [s.load for s in warmup_sets(app.store)[1]] == [first, second]
        await pilot.press("x")
        await settle(pilot, app)
        assert [s.load for s in warmup_sets(app.store)[1]] == [first]
        assert table.cursor_row == table.get_row_index("r:1")  # shown where it was undone
        # Ticks from before a screen change are undone too, newest first.
        await pilot.press("t")
        await settle(pilot, app)
        await pilot.press("u")
        await settle(pilot, app)
        await pilot.press("x")
        await settle(pilot, app)
        assert warmup_sets(app.store)[1] == []


async def test_history_filter_applies_the_name_it_completed(new_app):
    app = new_app()
    fill_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("f", *"deadl")
        await settle(pilot, app)
        assert screen.query_one("#history-exercise", Input)._suggestion == "Deadlift"
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.exercise == "deadlift"
        assert screen.query_one("#history-exercise", Input).value == "Deadlift"

"""Under 80 columns the screens drop or merge table columns and the footer's keys wrap; a
terminal resized across 80 or 60 columns redraws in the new shape, and back."""

from textual.widgets import DataTable

from app_factory import settle
from gymtui.ui.shape import table_shape
from gymtui.ui.widgets.footer import Footer
from history_data import fill_history


def test_table_shapes():
    assert [table_shape(w) for w in (40, 59, 60, 79, 80, 200)] == [
        "narrow", "narrow", "medium", "medium", "wide", "wide"]


def _columns(app, table_id: str) -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(column.label) for column in table.columns.values()]


async def test_today_and_warmup_follow_the_width(gym_app):
    fill_history(gym_app.store)
    async with gym_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _columns(gym_app, "#plan-table") == ["Exercise", "Sets x reps", "Load", "Tempo", "RPE", "Rest"]
        assert gym_app.screen.has_class("-wide")
        await pilot.resize_terminal(66, 20)
        await settle(pilot)
        assert _columns(gym_app, "#plan-table") == ["Exercise", "Sets x reps", "Load"]
        assert gym_app.screen.has_class("-medium")
        await pilot.resize_terminal(40, 30)
        await settle(pilot)
        table = gym_app.screen.query_one("#plan-table", DataTable)
        assert _columns(gym_app, "#plan-table") == ["Exercise: sets x reps, load"]
        name_and_sets = str(table.get_row_at(0)[0])
        assert name_and_sets.startswith("Face Pull\n") and "2 x 15" in name_and_sets and "30 kg" in name_and_sets
        footer = gym_app.screen.query_one(Footer)
        assert footer.styles.layout.name == "grid" and footer.styles.grid_size_columns == 2
        assert footer.outer_size.height >= 3  # seven keys, two a row
        await pilot.press("u")
        await settle(pilot)
        assert _columns(gym_app, "#wu-table") == ["", "Warm-up"]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert _columns(gym_app, "#wu-table") == ["", "Warm-up", "Do", "Load", "Per side"]
        assert gym_app.screen.query_one(Footer).outer_size.height == 1


async def test_history_sessions_follow_the_width(gym_app):
    fill_history(gym_app.store)
    async with gym_app.run_test(size=(40, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert _columns(gym_app, "#history-sessions") == ["Session"]
        await pilot.resize_terminal(66, 20)
        await settle(pilot)
        assert _columns(gym_app, "#history-sessions") == ["Date", "Day", "Name", "Sets", "Tonnage"]
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert "Exercises" in _columns(gym_app, "#history-sessions")


async def test_every_section_wraps_its_footer_keys_at_40_columns(gym_app):
    # Textual's own footer runs its keys off a 40-column phone ("Delet", "Lea"); every section
    # shows the wrapping one, two keys a row.
    from textual.widgets import Footer as TextualFooter

    async with gym_app.run_test(size=(40, 30)) as pilot:
        await settle(pilot)
        for key in "wumcrhs":
            await pilot.press(key)
            await settle(pilot)
            footers = list(gym_app.screen.query(TextualFooter))
            assert footers and all(isinstance(f, Footer) for f in footers), (key, gym_app.screen)
            assert footers[0].styles.grid_size_columns == 2, key
            await pilot.press("escape")
            await pilot.press("t")
            await settle(pilot)


async def test_every_recovery_field_is_on_screen_at_40_columns(gym_app):
    # At 40 columns the first row ran off the edge after "Stre": stress and energy could not be
    # seen or tapped. Under 60 columns the fields wrap, two to a line.
    from textual.widgets import Input

    async with gym_app.run_test(size=(40, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        fields = list(gym_app.screen.query(Input))
        assert len(fields) >= 10
        for field in fields:
            region = field.region
            assert region.width >= 2 and region.right <= 40, (field.id, region)

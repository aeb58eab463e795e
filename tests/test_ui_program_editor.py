"""The program editor by key: a program that does not validate is refused with the field and
the reason and nothing is saved; a shipped program is copied before it changes; copy,
move, remove and ctrl+z undo before saving."""

from textual.widgets import Static

from app_factory import settle
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.screens.program_editor import ProgramEditorScreen
from own_training_keys import fill


def message(editor) -> str:
    return str(editor.query_one("#pe-message", Static).render())


def exercises(editor) -> list[list[str]]:
    return [[rx["exercise"] for rx in day["prescriptions"]] for day in editor.draft.days]


async def open_editor(pilot, app, program_id=None) -> ProgramEditorScreen:
    await settle(pilot, app)
    app.push_screen(ProgramEditorScreen(program_id))
    await settle(pilot, app)
    return app.screen


async def test_a_superset_of_one_is_refused_with_where_and_why_and_nothing_is_saved(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("o")
        await settle(pilot, app)
        await pilot.press("enter")  # a new program
        await settle(pilot, app)
        await pilot.press("a")
        await settle(pilot, app)
        await pilot.press(*"Bench Press", "enter")
        await fill(pilot, "pe-rx-superset", "B")
        await pilot.press("enter", "escape")
        await settle(pilot, app)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert message(editor) == ("Not saved: Day 1: days.0: superset B has one exercise:"
                                   " a superset needs two or more")
        assert not (data_dir / "programs").exists()
        assert editor.path == (0,)  # the cursor on the day at fault
        # A bad value typed is refused at once, with its field.
        await pilot.press("down", "enter")
        await settle(pilot, app)
        await fill(pilot, "pe-rx-reps", "12-8")
        await pilot.press("enter")
        await settle(pilot, app)
        assert message(editor) == "Not changed: reps: 12-8: the top is below the bottom"
        assert editor.query_one("#pe-rx-reps").has_class("-invalid")
        assert editor.draft.days[0]["prescriptions"][0]["reps_max"] == 12


async def test_a_shipped_program_is_copied_first_then_copy_move_remove_and_undo(gym_app, data_dir):
    app = gym_app
    shipped = load_catalog().programs["minimal-two-day"]
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app, "minimal-two-day")
        before = exercises(editor)
        await pilot.press("down", "down")  # the first day's first exercise
        await pilot.press("c")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot, app)
        assert editor.draft.data["id"] == "my-minimal-two-day" and not editor.draft.shipped
        first = before[0][0]
        assert exercises(editor)[0][:2] == [first, first]  # copied under itself
        await pilot.press("right_square_bracket")  # the copy moves down
        await settle(pilot, app)
        assert exercises(editor)[0][:3] == [first, before[0][1], first]
        assert editor.path == (0, 2)
        await pilot.press("x")
        await settle(pilot, app)
        assert exercises(editor) == before
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot, app)
        assert exercises(editor)[0][:2] == [first, first]
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        saved = (data_dir / "programs" / "my-minimal-two-day.json").read_text()
        assert saved.count(f'"exercise": "{first}"') == 2
        assert load_catalog().programs["minimal-two-day"] == shipped  # the template as shipped
        assert "my-minimal-two-day" in app.library.programs()


async def test_settings_p_opens_the_editor_on_the_program_in_use(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        await pilot.press("escape", "p")  # out of the form's fields, then p
        await settle(pilot, app)
        editor = app.screen
        assert isinstance(editor, ProgramEditorScreen)
        assert editor.draft.data["id"] == app.store.settings().program
        assert editor.draft.shipped  # a template until copied


async def test_a_section_key_asks_before_it_leaves_changes_unsaved(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("o")
        await settle(pilot, app)
        await pilot.press("enter")  # a new program: not saved yet
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # stay
        await settle(pilot, app)
        assert app.screen is editor
        await pilot.press("h", "y")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_enter_takes_the_exercise_name_shown_completed(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("o")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("a")
        await settle(pilot, app)
        await pilot.press(*"lying leg", "enter")
        await settle(pilot, app)
        assert exercises(editor) == [["lying-leg-curl"]]


async def test_a_days_superset_rests_are_typed_on_the_day(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app, "minimal-two-day")
        await pilot.press("down", "enter")  # Minimal A: a template, copied first
        await settle(pilot, app)
        await pilot.press("y")
        await settle(pilot, app)
        await fill(pilot, "pe-day-rests", "A 20/75")
        await pilot.press("enter")  # the day's last field: back to the list
        await settle(pilot, app)
        assert app.focused.id == "pe-tree"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert message(editor).startswith("Saved"), message(editor)
        rests = editor.draft.days[0]["superset_rests"]
        assert rests == {"A": {"between_seconds": 20, "round_seconds": 75}}
        assert '"round_seconds": 75' in (data_dir / "programs" / "my-minimal-two-day.json").read_text()


async def test_help_and_the_palette_name_the_editor(gym_app):
    from gymtui.ui.screens.help import screen_commands

    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, app)
        names = [command.title for command in screen_commands(editor)]
        assert "Program editor: Save" in names

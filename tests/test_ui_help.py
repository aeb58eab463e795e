"""The help screen (? or F1) lists every key of the screen underneath; the palette has each action."""

from textual.command import CommandPalette
from textual.widgets import Input

from app_factory import settle
from gymtui.ui.screens.help import HelpScreen, key_groups, screen_commands
from gymtui.ui.screens.settings import SettingsScreen
from gymtui.ui.screens.today import TodayScreen


def _group(screen: HelpScreen, title_start: str) -> dict[str, str]:
    group = next(g for g in screen.groups if g.title.startswith(title_start))
    return {what: keys for keys, what in group.rows}


async def test_question_mark_lists_todays_keys_grouped_and_escape_closes(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.title_text == "Keys: Today"
        titles = [g.title for g in help_screen.groups]
        assert titles[:3] == ["Today keys", "Sections: open from any screen", "General"]
        assert _group(help_screen, "Today keys") == {"Refresh": "f5 t", "Freestyle session": "f"}
        sections = _group(help_screen, "Sections")
        assert {"Warm-up": "u", "History": "h", "Settings": "s"}.items() <= sections.items()
        general = _group(help_screen, "General")
        assert general["Quit"] == "^q q" and general["Help"] == "? f1"
        # The focused plan table's own keys, movement keys gathered on a few lines.
        table = _group(help_screen, "In the table")
        assert table["Move the cursor"] == "↑ ↓ ← →" and table["Choose the row"] == "enter"
        assert table["A page up, down, left or right"] == "pgup pgdn ^pgup ^pgdn"
        # App keys do not reach through help: t does not leave, escape closes.
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_help_names_the_keys_of_the_section_and_its_focused_field(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        checklist_keys = _group(app.screen, "Checklist keys")
        # One line for the nine tick keys, not nine lines.
        assert checklist_keys == {"Tick": "1-9", "Edit list": "e"}
        await pilot.press("escape", "s")
        await settle(pilot, app)
        assert isinstance(app.screen, SettingsScreen)
        field = app.screen.query_one("#set-bar_kg", Input)
        field.focus()
        await pilot.pause()
        # ? is a character in a field; F1 opens help from anywhere.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen) and field.value.endswith("?")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        own = _group(app.screen, "Settings keys")
        assert own["Leave form"] == "esc" and own["Undo typing"] == "^r"
        assert "Edit" not in own  # only offered when no field has the focus
        field_keys = _group(app.screen, "In the field")
        assert field_keys["Enter the value"] == "enter" and field_keys["Delete a character"] == "backspace del ^d"
        assert not any("shift+" in keys for keys in field_keys.values())
        # Letters are typing here: the sections are listed with the way out of the field.
        sections = next(g for g in app.screen.groups if g.title.startswith("Sections"))
        assert sections.title == "Sections: esc leaves the field, then" and ("s", "Settings") in sections.rows


async def test_each_screen_action_is_in_the_command_palette(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        for key, expected in [("c", {"Checklist: Tick", "Checklist: Tick 2", "Checklist: Edit list"}),
                              ("h", {"History: Filter", "History: Import", "History: Sessions"}),
                              ("m", {"Mobility: New", "Mobility: Edit"})]:
            await pilot.press(key)
            await settle(pilot, app)
            titles = {command.title for command in app.get_system_commands(app.screen)}
            assert expected <= titles, key
            assert {"Help", "Settings", "Today"} <= titles
        # A command found by name runs the screen's action: Settings: Edit focuses the form.
        await pilot.press("s")
        await settle(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is None
        assert "Settings: Edit" in {c.title for c in screen_commands(app.screen)}
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Settings: Edit")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SettingsScreen)
        assert app.focused is app.screen.query_one("#set-unit")


async def test_key_groups_follow_what_the_screen_allows_now(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        groups = {g.title: dict((what, keys) for keys, what in g.rows) for g in key_groups(app.screen)}
        # Nothing focused: Edit (e or Enter into the fields) is offered, Leave form is not.
        assert groups["Settings keys"] == {"Edit": "e enter", "Block starts today": "b", "Edit programs": "p"}


async def test_help_draws_its_tables_once_as_it_opens_and_again_for_a_new_width(new_app, monkeypatch):
    """The first resize comes as help opens, at the width its tables were just drawn for:
    drawing them again was a layout of the screen per table for nothing."""
    import gymtui.ui.screens.help as help_module

    drawn = []
    render_group = help_module.render_group

    def counting(group, width):
        drawn.append(width)
        return render_group(group, width)

    monkeypatch.setattr(help_module, "render_group", counting)
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await settle(pilot, app)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = len(help_screen.groups)
        assert drawn == [76] * groups
        await pilot.resize_terminal(60, 24)
        await settle(pilot, app)
        assert drawn == [76] * groups + [56] * groups

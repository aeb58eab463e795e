import asyncio
import json

import pytest

from app_factory import settle
from gymtui.paths import user_config_dir
from gymtui.store import Store
from gymtui.ui.themes import DEFAULT_THEME, load_all_themes, load_theme_dir


def test_shipped_themes_load():
    themes, problems = load_all_themes()
    names = {t.name for t in themes}
    assert {"gym-floor", "night", "daylight"} <= names and not problems
    floor = next(t for t in themes if t.name == "gym-floor")
    assert floor.background == "#000000" and "tempo-eccentric" in floor.variables


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"name": "x", "primary": "red"}), "not a colour"),
        (json.dumps({"name": "x", "primary": "#FF0000", "sparkle": True}), "sparkle"),
        (json.dumps({"primary": "#FF0000"}), "name"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"name": "x", "primary": "#FF0000", "dark": ' + "9" * 5000 + "}", "holds a number thousands of digits long"),
    ],
    ids=["not-json", "colour", "unknown-key", "no-name", "nested-deep", "long-number"],
)
def test_broken_theme_files_are_reported(tmp_path, content, fragment):
    (tmp_path / "mine.json").write_text(content)
    themes, problems = load_theme_dir(tmp_path)
    assert themes == [] and len(problems) == 1
    assert "mine.json" in str(problems[0]) and fragment in str(problems[0])


async def test_broken_user_theme_gets_one_notification_and_default_theme(new_app):
    folder = user_config_dir() / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{oops")
    (folder / "ugly.json").write_text(json.dumps({"name": "ugly", "primary": "pink"}))
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == DEFAULT_THEME
        notes = [n for n in app._notifications if "Theme file" in (n.title or "")]
        assert len(notes) == 1
        assert "broken.json" in notes[0].message and "ugly.json" in notes[0].message


async def test_chosen_theme_persists(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.theme = "daylight"
        await settle(pilot, app)
    assert app.store.settings().theme == "daylight"
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == "daylight"


@pytest.mark.parametrize("damage", ["deleted", "invalid"])
def test_a_saved_theme_that_is_gone_falls_back_to_the_default(data_dir, damage, new_app):
    """The app is built outside any event loop, as `gymtui` builds it: falling back must not
    start a save there (it died with 'no running event loop')."""
    folder = user_config_dir() / "themes"
    folder.mkdir(parents=True)
    if damage == "invalid":
        (folder / "mine.json").write_text(json.dumps({"name": "mine", "primary": "pink"}))
    with Store.open(data_dir) as store:
        store.save_settings(store.settings().model_copy(update={"theme": "mine"}))
    app = new_app()

    async def run() -> list:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            assert app.theme == DEFAULT_THEME
            return [n for n in app._notifications if "Theme" in (n.title or "")]

    notes = asyncio.run(run())
    assert len(notes) == 1
    if damage == "invalid":
        assert notes[0].title == "Theme file skipped" and "mine.json" in notes[0].message
    assert "mine" in notes[0].message and DEFAULT_THEME in notes[0].message
    # The choice is kept: once the file is back, so is the theme.
    assert app.store.settings().theme == "mine"


@pytest.mark.parametrize(
    "variables, named",
    [
        ({"block-cursor-foreground": "zzz"}, "block-cursor-foreground"),
        ({"rest": "red; }"}, "rest"),
        ({"tempo-hold": "$primary"}, "tempo-hold"),
        ({"block-cursor-text-style": "sparkle"}, "block-cursor-text-style"),
        ({"bad key!": "#FF0000"}, "bad key!"),
    ],
    ids=["not-a-colour", "css-syntax", "another-variable", "not-a-style", "bad-name"],
)
async def test_a_chosen_theme_with_invalid_variables_is_skipped_and_the_app_starts(data_dir, variables, named, new_app):
    folder = user_config_dir() / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(json.dumps({"name": "mine", "primary": "#FF0000", "variables": variables}))
    with Store.open(data_dir) as store:
        store.save_settings(store.settings().model_copy(update={"theme": "mine"}))
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == DEFAULT_THEME and app.is_running
        notes = [n for n in app._notifications if n.title == "Theme file skipped"]
        assert len(notes) == 1 and "mine.json" in notes[0].message and repr(named) in notes[0].message


def test_valid_variables_still_load(tmp_path):
    (tmp_path / "mine.json").write_text(json.dumps({"name": "mine", "primary": "#FF0000", "variables": {
        "tempo-hold": "#123456", "block-cursor-foreground": "auto 87%", "link-style-hover": "bold not underline",
        "block-cursor-text-style": "b reverse", "rest": "pink"}}))
    themes, problems = load_theme_dir(tmp_path)
    assert problems == [] and themes[0].variables["tempo-hold"] == "#123456"

import json

import pytest

from gymtui.paths import user_config_dir
from gymtui.ui.themes import DEFAULT_THEME, load_all_themes, load_theme_dir

from app_factory import make_app, settle


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
    ],
)
def test_broken_theme_files_are_reported(tmp_path, content, fragment):
    (tmp_path / "mine.json").write_text(content)
    themes, problems = load_theme_dir(tmp_path)
    assert themes == [] and len(problems) == 1
    assert "mine.json" in str(problems[0]) and fragment in str(problems[0])


async def test_broken_user_theme_gets_one_notification_and_default_theme(data_dir):
    folder = user_config_dir() / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{oops")
    (folder / "ugly.json").write_text(json.dumps({"name": "ugly", "primary": "pink"}))
    app = make_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            assert app.theme == DEFAULT_THEME
            notes = [n for n in app._notifications if "Theme file" in (n.title or "")]
            assert len(notes) == 1
            assert "broken.json" in notes[0].message and "ugly.json" in notes[0].message
    finally:
        app.store.close()


async def test_chosen_theme_persists(data_dir):
    app = make_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            app.theme = "daylight"
            await settle(pilot, app)
        assert app.store.settings().theme == "daylight"
    finally:
        app.store.close()
    app = make_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            assert app.theme == "daylight"
    finally:
        app.store.close()

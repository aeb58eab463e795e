"""Screens reach the data folder through services (services/app_data.py), never the app's
store: one way in for every read and write, and one way out for its errors. The app shell
holds the store, and the workout screen's parts hand theirs to the write queue; nothing
else in the UI names `.store`."""

import ast
from pathlib import Path

import gymtui

UI = Path(gymtui.__file__).parent / "ui"
# The app holds the store (app.py and the parts of it that open it, run it and save its theme,
# and store_problems.py that puts back a damaged file from a backup); the workout's parts
# queue their writes in order (workout_writes.py).
MAY_NAME_THE_STORE = {"app.py", "app_theme.py", "opening.py", "run.py", "store_problems.py", "workout.py",
                      "workout_open.py", "workout_sets.py", "workout_edits.py"}


def store_uses(source: str) -> list[int]:
    """The lines of `source` that read an attribute called `store` (imports are not that)."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Attribute) and node.attr == "store")


def test_no_screen_dialog_or_widget_reaches_the_store_itself():
    found = {
        str(path.relative_to(UI)): lines
        for path in sorted(UI.rglob("*.py"))
        if path.name not in MAY_NAME_THE_STORE and (lines := store_uses(path.read_text(encoding="utf-8")))
    }
    assert found == {}, f"use services/app_data.py instead of app.store here: {found}"


def test_the_check_sees_a_store_call_and_not_an_import():
    source = "from ...store import StoreError\n\ndef save(app):\n    app.store.save_settings(None)\n"
    assert store_uses(source) == [4]

"""The lifter's own exercises are offered as substitutes and in the swap picker, by the same
pattern and equipment rules as the library's; retired ones are not."""

from __future__ import annotations

from app_factory import FROZEN_NOW, settle
from gymtui.domain.catalog import substitutes
from gymtui.domain.library import Exercise
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.dialogs.workout import SwapDialog
from test_ui_workout import SIZE, open_workout

MINE = Exercise(id="anchored-chest-row", name="Anchored Chest Row", pattern="horizontal_pull",
                equipment="machine", cues=["chest on the pad"], custom=True)
OLD = Exercise(id="old-machine-row", name="Aardvark Machine Row", pattern="horizontal_pull",
               equipment="machine", cues=["x"], custom=True, retired=True)


def test_own_exercises_are_substitutes_ranked_by_the_same_rules():
    catalog = load_catalog()
    found = substitutes(catalog, "chest-supported-row", [MINE, OLD])
    ids = [e.id for e in found]
    assert "anchored-chest-row" in ids and "old-machine-row" not in ids
    # Same equipment and sidedness first, then by name: a machine row named 'Anchored' leads.
    assert ids[0] == "anchored-chest-row"
    assert all(e.pattern == "horizontal_pull" for e in found)


def test_an_own_exercise_has_the_librarys_exercises_as_substitutes():
    found = substitutes(load_catalog(), "anchored-chest-row", [MINE])
    assert found and found[0].equipment == "machine" and "chest-supported-row" in [e.id for e in found]


async def test_the_swap_picker_offers_the_lifters_own_exercise(data_dir, new_app):
    with Store.open(data_dir, now=lambda: FROZEN_NOW) as store:
        store.save_exercises([MINE, OLD])
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        index = next(i for i, c in enumerate(screen.workout.cards) if c.exercise.id == "chest-supported-row")
        screen.workout.go_to(index)
        await pilot.press("x")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, SwapDialog)
        offered = [e.id for e in dialog.options]
        assert "anchored-chest-row" in offered and "old-machine-row" not in offered
        dialog.dismiss(MINE)
        await settle(pilot, app)
        assert any(c.exercise.id == "anchored-chest-row" for c in screen.workout.cards)

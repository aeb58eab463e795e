"""The add-exercise form: reached from History and the palette, saved through the same rules
as `gymtui exercise add`, refusing a bad value with its field and saving nothing then."""

from textual.widgets import Select, Static

from app_factory import settle
from gymtui.services import app_data
from gymtui.services.exercises import Changes
from gymtui.ui.screens.exercise_form import ExerciseForm
from gymtui.ui.screens.history import HistoryScreen
from own_training_keys import choose, fill, palette


async def fill_bulgarian_split_squat(pilot, tempo: str = "3-1-1-0", *, key_by_key: bool = False) -> None:
    # The library ships the Bulgarian split squat itself: this is the lifter's variation.
    await fill(pilot, "xf-name", "Deficit Bulgarian Split Squat", key_by_key=key_by_key)
    await fill(pilot, "xf-alias", "Deficit BSS, front foot on a plate split squat", key_by_key=key_by_key)
    await choose(pilot, "xf-pattern", "squat")
    await choose(pilot, "xf-equipment", "dumb")
    await choose(pilot, "xf-unilateral", "yes")
    await fill(pilot, "xf-tempo", tempo)
    await fill(pilot, "xf-cue", "Back foot on the bench; Front shin upright")


async def test_history_a_adds_an_exercise_through_the_form_and_it_is_saved(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("a")
        await settle(pilot, app)
        assert isinstance(app.screen, ExerciseForm)
        await fill_bulgarian_split_squat(pilot, key_by_key=True)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)  # the form closed once saved
        saved = app.store.custom_exercises()
        assert len(saved) == 1
        bss = saved[0]
        assert (bss.id, bss.name, bss.pattern, bss.equipment) == (
            "deficit-bulgarian-split-squat", "Deficit Bulgarian Split Squat", "squat", "dumbbell")
        assert bss.aliases == ["Deficit BSS", "front foot on a plate split squat"]
        assert (bss.unilateral, bss.default_tempo, bss.starts_concentric, bss.timed) == (
            True, "3-1-1-0", False, False)
        assert bss.cues == ["Back foot on the bench", "Front shin upright"]
        # Known at once by the app's library: pickers and the program editor offer it.
        assert app.library.find("deficit bss").id == "deficit-bulgarian-split-squat"


async def test_a_bad_tempo_is_refused_with_its_field_and_nothing_is_saved(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await palette(pilot, app, "Add exercise")
        assert isinstance(app.screen, ExerciseForm)
        await fill_bulgarian_split_squat(pilot, tempo="3-x")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        form = app.screen
        assert isinstance(form, ExerciseForm)  # still open, the typing kept
        error = str(form.query_one("#xf-error", Static).render())
        assert error.startswith("Not saved. tempo")
        assert form.query_one("#xf-tempo").has_class("-invalid")
        assert app.store.custom_exercises() == []
        # Fixed, it saves.
        await fill(pilot, "xf-tempo", "31X0")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert [e.default_tempo for e in app.store.custom_exercises()] == ["3-1-X-0"]


async def test_a_pattern_must_be_chosen(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.push_screen(ExerciseForm())
        await settle(pilot, app)
        await fill(pilot, "xf-name", "Sissy Squat")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "Pattern: pattern: choose" not in str(app.screen.query_one("#xf-error", Static).render())
        assert "choose the movement pattern" in str(app.screen.query_one("#xf-error", Static).render())
        assert app.screen.query_one("#xf-pattern", Select).has_class("-invalid")
        assert app.store.custom_exercises() == []


async def test_the_same_form_edits_an_exercise_and_returns_its_id(gym_app, data_dir):
    app = gym_app
    added, app.library = app_data.add_exercise(app, Changes(name="Gym Cable Crossover", pattern="press",
                                                            equipment="cable", aliases=["Crossover X"]))
    returned = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.push_screen(ExerciseForm(app.library.exercise(added.id)), returned.append)
        await settle(pilot, app)
        await fill(pilot, "xf-name", "Low Cable Crossover")
        await fill(pilot, "xf-alias", "")
        await fill(pilot, "xf-step", "5lb")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert returned == ["gym-cable-crossover"]
        [changed] = app.store.custom_exercises()
        assert (changed.id, changed.name, changed.aliases) == ("gym-cable-crossover", "Low Cable Crossover", [])
        assert changed.step_kg == 2.268

"""Recovery notes: filled, refused when out of range, edited, browsed, and fed to readiness."""

from textual.widgets import Input, Static

from app_factory import FROZEN_NOW, settle
from gymtui.domain.daily import RecoveryNote
from gymtui.ui.screens.recovery import RecoveryScreen
from gymtui.ui.screens.recovery_fields import GRIP, QUALITY, SLEEP, SORENESS, check_value
from gymtui.ui.screens.today import TodayScreen

TODAY = FROZEN_NOW.date()


def text(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def open_recovery(pilot, app):
    await settle(pilot, app)
    # Today binds r to refresh; the section is opened as the palette or another screen would.
    app.action_open_section("r")
    await settle(pilot, app)
    assert isinstance(app.screen, RecoveryScreen)
    return app.screen


def field(app, name):
    return app.screen.query_one(f"#rc-{name}", Input)


async def test_note_saved_refused_when_out_of_range_edited_and_in_readiness(new_app):
    app = new_app()
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        assert "Readiness 100/100" in text(app, "#rc-readiness")
        # Sleep, quality, stress, energy (out of range), then upper back soreness.
        await pilot.press(*"5.5", "tab", "2", "tab", "4", "tab", "7", "tab", "3")
        await pilot.pause()
        assert "Energy: 7 is out of range, use 1 to 5" in text(app, "#rc-errors")
        assert field(app, "energy").has_class("-out-of-range")
        await pilot.press("enter")
        await settle(pilot, app)
        assert store.recovery(TODAY) is None
        assert "Not saved" in text(app, "#rc-status")
        field(app, "energy").value = "2"
        field(app, "text").value = "Slept badly, stiff upper back"
        await pilot.pause()
        assert text(app, "#rc-errors") == ""
        await pilot.press("enter")
        await settle(pilot, app)
        note = store.recovery(TODAY)
        assert (note.sleep_hours, note.sleep_quality, note.stress, note.energy) == (5.5, 2, 4, 2)
        assert note.soreness == {"upper_back": 3} and note.text == "Slept badly, stiff upper back"
        assert note.grip is None and note.grip_unit == "kg"
        shown = text(app, "#rc-readiness")
        # 100 - 20 (5.5 h) - 8 (quality 2) - 20 (upper back 3/3, trained today) - 8 (stress 4) - 8 (energy 2)
        assert "Readiness 36/100 poor" in shown and "slept 5.5 h: -20" in shown
        assert "upper back very sore (3/3): -20" in shown and "Horizontal pull" in shown
        assert "Saved" in text(app, "#rc-status")
        # The planner reads the same note: today's plan is lighter for it.
        plan = app.make_plan()
        assert plan.readiness.score == 36 and plan.readiness.level == "poor"

        # Edited afterwards: a better night, grip added.
        field(app, SLEEP.name).value = "8"
        field(app, QUALITY.name).value = "4"
        field(app, SORENESS[0].name).value = ""
        field(app, GRIP.name).value = "52.5"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        note = store.recovery(TODAY)
        assert (note.sleep_hours, note.sleep_quality, note.soreness, note.grip) == (8, 4, {}, 52.5)
        assert "Readiness 84/100 good" in text(app, "#rc-readiness")
        assert app.make_plan().readiness.score == 84
        # Out of the form, the app's keys work: Today shows the new readiness.
        await pilot.press("escape", "t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        assert "readiness 84 good" in str(app.screen.query_one("#readiness", Static).render())


async def test_earlier_days_are_browsable_and_editable(new_app):
    app = new_app()
    store = app.store
    yesterday = TODAY.subtract(days=1)
    store.save_recovery(RecoveryNote(date=yesterday, sleep_hours=6.5, energy=3, updated_at=FROZEN_NOW.subtract(days=1)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_recovery(pilot, app)
        await pilot.press("pagedown")  # no later day than today
        await settle(pilot, app)
        assert screen.day == TODAY
        await pilot.press("pageup")
        await settle(pilot, app)
        assert screen.day == yesterday and "(yesterday)" in text(app, "#rc-title")
        assert field(app, SLEEP.name).value == "6.5" and field(app, "energy").value == "3"
        # No session that day: soreness would count for every region.
        assert "Soreness counts for every region (no session that day)." in text(app, "#rc-readiness")
        field(app, "stress").value = "5"
        await pilot.press("enter")
        await settle(pilot, app)
        assert store.recovery(yesterday).stress == 5
        assert store.recovery(TODAY) is None
        await pilot.press("pageup")
        await settle(pilot, app)
        assert field(app, SLEEP.name).value == "" and "No note for this day" in text(app, "#rc-status")
        await pilot.press("pagedown", "pagedown")
        await settle(pilot, app)
        assert screen.day == TODAY and "(today)" in text(app, "#rc-title")


def test_check_value_ranges():
    assert check_value(SLEEP, "7.5") == (7.5, None)
    assert check_value(SLEEP, "7,5") == (7.5, None)
    assert check_value(SLEEP, "") == (None, None)
    assert "out of range" in check_value(SLEEP, "25")[1]
    assert "whole number" in check_value(QUALITY, "2.5")[1]
    assert "out of range" in check_value(QUALITY, "0")[1]
    assert "out of range" in check_value(SORENESS[0], "4")[1]
    assert check_value(SORENESS[0], "0") == (0, None)
    assert "more than 0" in check_value(GRIP, "0")[1]
    assert "not a number" in check_value(GRIP, "5.5.5")[1]


async def test_tab_goes_from_grip_to_the_note_and_a_unit_typed_after_the_grip_is_kept(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        # Sleep has focus; ten tabs reach Grip (quality, stress, energy, six soreness, Grip).
        await pilot.press(*["tab"] * 10)
        assert app.focused is field(app, GRIP.name)
        await pilot.press(*"50", "tab")
        assert app.focused is field(app, "text")
        await pilot.press(*"Slept well", "enter")
        await settle(pilot, app)
        note = app.store.recovery(TODAY)
        assert note.text == "Slept well" and note.grip == 50 and note.grip_unit == "kg"

        field(app, GRIP.name).value = "110 lb"
        await pilot.pause()
        assert text(app, "#rc-errors") == ""
        assert str(app.screen.query_one("#rc-grip_unit").render()) == "lb"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        note = app.store.recovery(TODAY)
        assert note.grip == 110 and note.grip_unit == "lb"


async def test_saving_a_note_keeps_the_bodyweight_recorded_that_day(new_app):
    app = new_app()
    store = app.store
    store.save_recovery(RecoveryNote(date=TODAY, bodyweight=180, bodyweight_unit="lb", updated_at=FROZEN_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        await pilot.press(*"7.5", "enter")
        await settle(pilot, app)
        note = store.recovery(TODAY)
        assert note.sleep_hours == 7.5
        assert (note.bodyweight, note.bodyweight_unit) == (180, "lb")


async def test_bodyweight_typed_with_the_note_is_checked_and_kept_with_its_date(new_app):
    app = new_app()
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        body = field(app, "bodyweight")
        body.focus()
        await pilot.press(*"900")
        await pilot.pause()
        assert "Bodyweight: 900 is out of range, use 25 to 300" in text(app, "#rc-errors")
        await pilot.press("enter")
        await settle(pilot, app)
        assert store.recovery(TODAY) is None
        body.value = ""
        await pilot.press(*"81.5", "enter")
        await settle(pilot, app)
        note = store.recovery(TODAY)
        assert (note.bodyweight, note.bodyweight_unit) == (81.5, "kg")


async def test_a_bodyweight_saved_here_is_the_one_settings_shows(new_app):
    # Typed with the recovery note it stayed in the note: Settings (and the planner's days
    # with no note of their own) kept an older bodyweight. The newest weighing goes there too,
    # as `gymtui bodyweight` does; an earlier day's does not overwrite a newer one.
    from gymtui.ui.screens.settings import SettingsScreen

    app = new_app()
    store = app.store
    store.save_settings(store.settings().model_copy(update={"bodyweight_kg": 78.0}))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        body = field(app, "bodyweight")
        body.focus()
        await pilot.press(*"81.5", "enter")
        await settle(pilot, app)
        assert store.settings().bodyweight_kg == 81.5
        await pilot.press("escape", "s")
        await settle(pilot, app)
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#set-bodyweight_kg", Input).value == "81.5"
    # A note for last week, typed later, leaves the newer one in Settings.
    from gymtui.services.bodyweight import save_note

    earlier = RecoveryNote(date=TODAY.subtract(days=7), bodyweight=79, updated_at=FROZEN_NOW)
    save_note(store, earlier, TODAY)
    assert store.settings().bodyweight_kg == 81.5


async def test_typing_good_values_leaves_the_error_line_alone(new_app, monkeypatch):
    """With nothing wrong typed, the line of errors is not put back at every key: each time
    was a layout of the whole screen for the same empty line."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        updated = []
        update = Static.update

        def counting(self, *args, **kwargs):
            if self.id == "rc-errors":
                updated.append(args)
            return update(self, *args, **kwargs)

        monkeypatch.setattr(Static, "update", counting)
        await pilot.press(*"7.5", "tab", "4", "tab", "2")
        await settle(pilot, app)
        assert (field(app, "sleep_hours").value, field(app, "stress").value) == ("7.5", "2")
        assert updated == []
        await pilot.press("tab", "9")  # energy out of range: said at once
        await settle(pilot, app)
        assert "Energy: 9 is out of range" in text(app, "#rc-errors") and len(updated) == 1

"""The settings screen: changes saved and applied at once, bad values refused with the field named."""

from textual.widgets import DataTable, Input, Select, Static

from app_factory import FROZEN_NOW, settle, type_keys
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.units import convert
from gymtui.ui.screens.settings import SettingsScreen
from gymtui.ui.screens.today import TodayScreen


def _log_rows_in_kg(store):
    last_week = FROZEN_NOW.subtract(days=7)
    session = store.save_session(
        Session(date=last_week.date(), started_at=last_week, status="done", program_day="vertical-pull", block_week=1)
    )
    for _ in range(4):
        store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, unit="kg", reps=5,
                                rpe=7.5, logged_at=last_week))


def _row_load(screen) -> str:
    return screen.query_one("#plan-table", DataTable).get_row("bent-over-row")[2]


async def _open_settings(pilot, app) -> SettingsScreen:
    await settle(pilot, app)
    await pilot.press("s")
    await settle(pilot, app)
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def _type_into(pilot, app, key: str, text: str, then: str = "enter") -> None:
    field = app.screen.query_one(f"#set-{key}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await type_keys(pilot, *text)
    await pilot.press(then)
    await settle(pilot, app)


def _errors(app) -> str:
    return str(app.screen.query_one("#set-errors", Static).render())


async def test_kg_to_lb_converts_a_load_logged_in_kg_on_today(new_app):
    app = new_app()
    _log_rows_in_kg(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        kg_text = _row_load(app.screen)
        assert kg_text.endswith(" kg")
        kg = float(kg_text.split()[0])
        screen = await _open_settings(pilot, app)
        # No field has the focus on arrival; Enter goes into the first, the units: open it, pick lb.
        assert app.focused is None
        await pilot.press("enter")
        assert app.focused is screen.query_one("#set-unit", Select)
        await pilot.press("enter", "down", "enter")
        await settle(pilot, app)
        assert app.store.settings().unit == "lb"
        # Today, underneath, reloaded its plan as soon as the change was saved.
        today = app.get_screen_stack("today")[0]
        assert isinstance(today, TodayScreen)
        assert _row_load(today).endswith(" lb")
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        lb_text = _row_load(app.screen)
        lb = float(lb_text.split()[0])
        # The same bar, shown in pounds: within the rounding to loadable plates.
        assert lb_text.endswith(" lb") and abs(lb - convert(kg, "kg", "lb")) <= 10


async def test_bad_values_are_refused_naming_the_field_and_nothing_is_saved(data_dir, new_app):
    app = new_app()
    profile = data_dir / "profile.json"
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        before = profile.read_bytes()
        cases = [
            ("bar_kg", "0", "Bar kg: 0 is out of range: use more than 0 and at most 50"),
            ("plates_kg", "20, 10, ten", "Plates kg: 'ten' is not a plate weight"),
            ("ramp", "0x10, 40x0", "Ramp sets: set 2 '40x0': 0 reps"),
            ("default_rest_seconds", "2:75", "Default rest: '2:75' is not a time"),
            ("lead_in_seconds", "2.5", "Tempo lead-in: 2.5 is not a whole number"),
        ]
        for key, text, message in cases:
            await _type_into(pilot, app, key, text)
            assert message in _errors(app), key
            assert screen.query_one(f"#set-{key}", Input).has_class("-invalid")
            assert "Not saved" in str(screen.query_one("#set-status", Static).render())
        # Leaving a bad field does not save it either.
        await pilot.press("tab")
        await settle(pilot, app)
        assert profile.read_bytes() == before
        settings = app.store.settings()
        assert settings.bar_kg == 20 and settings.ramp[1].reps == 5 and settings.lead_in_seconds == 3
        # Fixing one field saves that field (the others stay refused) and clears its message.
        await _type_into(pilot, app, "bar_kg", "15")
        assert app.store.settings().bar_kg == 15
        assert "Bar kg" not in _errors(app) and "Plates kg" in _errors(app)
        assert not screen.query_one("#set-bar_kg", Input).has_class("-invalid")
        # ctrl+r puts the saved value back in a refused field.
        screen.query_one("#set-plates_kg", Input).focus()
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert screen.query_one("#set-plates_kg", Input).value == "25, 20, 15, 10, 5, 2.5, 1.25"
        assert "Plates kg" not in _errors(app)


async def test_text_fields_are_saved_tidy_and_used(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        await _type_into(pilot, app, "plates_kg", "1.25 2.5 5 10 20 20", then="tab")
        await _type_into(pilot, app, "ramp", "bar x 8, 75x2, 50x5")
        await _type_into(pilot, app, "max_change", "7.5")
        await _type_into(pilot, app, "default_rest_seconds", "150")
        settings = app.store.settings()
        assert settings.plates_kg == [20, 10, 5, 2.5, 1.25]
        assert [(s.percent, s.reps) for s in settings.ramp] == [(0, 8), (50, 5), (75, 2)]
        assert settings.max_change == 0.075 and settings.default_rest_seconds == 150
        # The form shows each value the way it reads back.
        assert screen.query_one("#set-plates_kg", Input).value == "20, 10, 5, 2.5, 1.25"
        assert screen.query_one("#set-ramp", Input).value == "0x8, 50x5, 75x2"
        assert screen.query_one("#set-default_rest_seconds", Input).value == "2:30"
        assert "Saved" in str(screen.query_one("#set-status", Static).render())


async def test_theme_change_applies_at_once_and_persists(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        assert app.theme == "gym-floor"
        select = screen.query_one("#set-theme", Select)
        select.value = "night"
        await settle(pilot, app)
        assert app.theme == "night"
        assert app.store.settings().theme == "night"
        # A theme chosen from the palette shows in the form without a second save.
        app.theme = "daylight"
        await settle(pilot, app)
        assert select.value == "daylight" and app.store.settings().theme == "daylight"
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == "daylight"


async def test_bell_and_lead_in_saved_and_escape_gives_the_section_keys_back(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        screen.query_one("#set-bell", Select).value = "off"
        await _type_into(pilot, app, "lead_in_seconds", "5", then="escape")
        assert app.focused is None
        settings = app.store.settings()
        assert settings.bell is False and settings.lead_in_seconds == 5
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)
        # Opening settings again shows what was saved.
        screen = await _open_settings(pilot, app)
        assert screen.query_one("#set-bell", Select).value == "off"
        assert screen.query_one("#set-lead_in_seconds", Input).value == "5"


async def test_bodyweight_is_typed_once_in_settings_and_checked(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(pilot, app)
        await _type_into(pilot, app, "bodyweight_kg", "8")
        assert "Bodyweight: 8 is out of range: use 25 to 300" in _errors(app)
        assert app.store.settings().bodyweight_kg is None
        await _type_into(pilot, app, "bodyweight_kg", "81.5")
        assert app.store.settings().bodyweight_kg == 81.5


async def test_program_and_block_start_are_chosen_in_settings(new_app):
    app = new_app()
    app.store.save_settings(
        app.store.settings().model_copy(update={"program_start": FROZEN_NOW.date().subtract(weeks=2)})
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        select = screen.query_one("#set-program", Select)
        assert select.value == "upper-back-posterior-chain"
        assert screen.query_one("#set-program_start", Input).value == "2026-11-02"
        select.value = "minimal-two-day"
        await settle(pilot, app)
        assert app.store.settings().program == "minimal-two-day"
        await pilot.press("escape", "b")  # out of the form, then: the block starts this week
        await settle(pilot, app)
        assert app.store.settings().program_start.isoformat() == "2026-11-16"
        assert screen.query_one("#set-program_start", Input).value == "2026-11-16"
        await _type_into(pilot, app, "program_start", "2026-11-11")  # a Wednesday: its Monday is kept
        assert app.store.settings().program_start.isoformat() == "2026-11-09"
        await _type_into(pilot, app, "program_start", "11/11/2026")
        assert "Block start: '11/11/2026': write a day as YYYY-MM-DD" in _errors(app)
        await pilot.press("escape", "t")
        await settle(pilot, app)
        assert "Minimal A" in str(app.screen.query_one("#plan-title").render())


async def test_place_keys_work_on_arrival_and_a_field_is_entered_on_purpose(new_app):
    # The units field had the cursor on arrival: p (the program editor) typed at once went
    # nowhere until Esc. Now no field has it; e, Enter or Tab goes into the fields.
    from gymtui.ui.screens.program_editor import ProgramEditorScreen

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_settings(pilot, app)
        assert app.focused is None
        await pilot.press("p")
        await settle(pilot, app)
        assert isinstance(app.screen, ProgramEditorScreen)
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SettingsScreen) and app.focused is None
        await pilot.press("tab")
        assert app.focused is screen.query_one("#set-unit", Select)
        await pilot.press("escape")
        await pilot.press("e")
        assert app.focused is screen.query_one("#set-unit", Select)
        await pilot.press("escape", "t")
        await settle(pilot, app)
        assert not isinstance(app.screen, SettingsScreen)

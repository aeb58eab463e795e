"""Getting around: every place has its key, Today is the hub, the workout is kept."""

from __future__ import annotations

from textual.widgets import Input

from app_factory import settle
from gymtui.ui.screens.help import HelpScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.sections import SECTIONS


async def test_every_section_key_shows_its_place_and_t_goes_back_to_the_same_today(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        today = app.screen
        assert isinstance(today, TodayScreen) and app.current_mode == "today"
        for section in SECTIONS:
            await pilot.press(section.key)
            await settle(pilot, app)
            assert app.current_mode == section.mode
            assert app.screen_stack == [app.screen]  # the section's own screen, nothing over it
            if isinstance(app.focused, Input):
                await pilot.press("escape")  # a field takes letters as typing: leave it first
            await pilot.press("t")
            await settle(pilot, app)
            assert app.screen is today


async def test_a_section_opens_afresh_but_the_workout_is_kept(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        history = app.screen
        await pilot.press("w")
        await settle(pilot, app)
        workout = app.screen
        await pilot.press("h")
        await settle(pilot, app)
        assert app.screen is not history  # read anew: what was logged meanwhile shows
        assert not history.is_attached
        await pilot.press("w")
        await settle(pilot, app)
        assert app.screen is workout  # its session and timers went on while away


async def test_a_section_key_from_a_section_goes_straight_there_and_help_still_opens(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        assert app.current_mode == "history"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.title_text == "Keys: History"
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "history" and not isinstance(app.screen, HelpScreen)

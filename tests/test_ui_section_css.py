"""Opening a section does not parse the stylesheets again: every screen's CSS is read in one go
once Today is up, and a section made afresh each time it opens finds its own already there.
A screen opened before that parse still gets its styles. Counted, not timed."""

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.geometry import Spacing

from app_factory import settle
from gymtui.ui.app import GymApp
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.screens.workout import WorkoutScreen
from test_ui_styled_once import styled as styled_fixture

styled = styled_fixture


@pytest.fixture
def reparses(monkeypatch):
    """How many times every stylesheet has been parsed again since the test began."""
    calls: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counting(self):
        calls.append(self)
        return reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return calls


async def test_opening_a_section_parses_nothing_again_and_leaves_today_alone(gym_app, reparses, styled):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        today = app.screen
        assert isinstance(today, TodayScreen)
        reparses.clear()
        styled.clear()
        await pilot.press("w")
        await settle(pilot, app)
        assert isinstance(app.screen, WorkoutScreen)
        assert [node for node in today.walk_children(with_self=True) if styled[node]] == []
        for key in ("t", "h", "t", "h"):  # History twice: made afresh each time it opens
            await pilot.press(key)
            await settle(pilot, app)
        assert app.current_mode == "history"
        assert reparses == []


async def test_a_section_opened_before_every_stylesheet_is_read_gets_its_styles(gym_app, monkeypatch):
    monkeypatch.setattr(GymApp, "preload_screen_css", lambda self: None)
    refreshes: list[App] = []
    refresh_css = App.refresh_css
    monkeypatch.setattr(App, "refresh_css", lambda self, *args, **kwargs: (
        refreshes.append(self), refresh_css(self, *args, **kwargs))[1])
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        assert refreshes  # its stylesheet read now: Textual's refresh, as before
        # workout.tcss's rules, not the defaults.
        assert screen.query_one("#workout").styles.padding == Spacing(0, 1, 0, 1)
        assert screen.query_one("#wo-heading").outer_size.height == 1
        assert screen.query_one("#wo-sets").styles.margin == Spacing(1, 0, 0, 0)

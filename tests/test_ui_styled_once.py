"""A screen opens with its widgets styled once: with its width and height classes from the
start, and no second styling when it comes up, as long as nothing covered it. Styling is most
of what opening a screen costs on a small machine."""

from collections import Counter

import pytest
from textual import events
from textual.containers import Horizontal
from textual.css.stylesheet import Stylesheet
from textual.widgets import Label

from app_factory import settle
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.screens.settings import SettingsScreen


@pytest.fixture
def styled(monkeypatch):
    """How many times each node has been styled since the test began."""
    counts: Counter = Counter()
    apply = Stylesheet.apply

    def counting(self, node, *args, **kwargs):
        counts[node] += 1
        return apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return counts


async def test_a_section_opens_with_its_labels_styled_once_in_its_size_classes(gym_app, styled):
    app = gym_app
    async with app.run_test(size=(66, 20)) as pilot:
        await settle(pilot, app)
        styled.clear()
        await pilot.press("s")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.has_class("-medium") and screen.has_class("-short")
        plain = [node for node in screen.walk_children() if type(node) in (Label, Horizontal)]
        assert len(plain) > 40
        assert Counter(styled[node] for node in plain) == {1: len(plain)}
        # Once it has been covered, a resume asking for fresh styles gets them, as in Textual.
        app.push_screen(ConfirmDialog("Sure?", "A question.", "yes", "no"))
        await settle(pilot, app)
        app.pop_screen()
        await settle(pilot, app)
        assert app.screen is screen
        styled.clear()
        screen.post_message(events.ScreenResume(refresh_styles=True))
        await settle(pilot, app)
        assert all(styled[node] == 1 for node in plain)

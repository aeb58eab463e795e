"""A screen opens with its widgets styled once: with its width and height classes from the
start, and no second styling when it comes up, as long as nothing covered it. Styling is most
of what opening a screen costs on a small machine."""

from collections import Counter

import pytest
from textual import events
from textual.containers import Horizontal
from textual.css.stylesheet import Stylesheet
from textual.widgets import Input, Label, Select

from app_factory import settle
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.screens.program_editor import ProgramEditorScreen
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


async def test_a_sections_fields_are_styled_once_as_it_opens(gym_app, styled):
    """Its text fields and choices come compact, and valid (no validators), from the start:
    Textual's way restyled each of them before it was mounted, and each text field again on
    its first value."""
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        styled.clear()
        await pilot.press("s")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SettingsScreen) and screen.loaded
        fields = [node for node in screen.walk_children() if isinstance(node, (Input, Select))]
        assert len(fields) == 20
        assert all(field.has_class("-textual-compact") for field in fields)
        assert Counter(styled[field] for field in fields) == {1: len(fields)}
        assert screen.query_one("#set-bar_kg", Input).value == "20"


async def test_the_program_editors_fields_are_styled_once_as_it_opens(gym_app, styled):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        styled.clear()
        await pilot.press("p")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, ProgramEditorScreen)
        fields = list(screen.query(".pe-field"))
        assert len(fields) > 10 and all(isinstance(field, (Input, Select)) for field in fields)
        assert all(field.has_class("-textual-compact") for field in fields)
        assert Counter(styled[field] for field in fields) == {1: len(fields)}

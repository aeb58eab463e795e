"""The footer is rebuilt only when the keys it shows change: Textual's own rebuilds it on every
focus change, which was a large share of the work of each key press."""

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from app_factory import settle
from test_ui_styled_once import styled as styled_fixture

styled = styled_fixture


def _shown(app) -> list[tuple[str, str]]:
    return [(key.key, key.description) for key in app.screen.query(FooterKey)]


async def test_the_footer_keeps_its_keys_while_they_stay_the_same_and_follows_when_they_change(gym_app):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s", "tab", "tab", "tab")  # Settings, into the bar's weight
        await settle(pilot)
        in_a_field = _shown(app)
        assert ("escape", "Leave form") in in_a_field
        kept = list(app.screen.query(FooterKey))
        await pilot.press("tab", "tab")  # the next fields show the same keys
        await settle(pilot)
        assert _shown(app) == in_a_field
        assert list(app.screen.query(FooterKey)) == kept and all(key.is_attached for key in kept)
        await pilot.press("escape")  # out of the form: the section's keys come back
        await settle(pilot)
        assert ("escape", "Leave form") not in _shown(app)
        assert "Edit" in [description for _, description in _shown(app)]
        assert not any(key.is_attached for key in kept)


async def test_new_keys_are_styled_once_in_a_compact_footer_and_in_a_wide_one(gym_app, styled):
    # Textual's keys start compact and take the footer's flag after they mount: each change
    # of it restyled the key (twice in a footer that is not compact).
    from test_ui_workout import open_workout

    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        assert screen.query_one(Footer).compact
        styled.clear()
        await pilot.press("enter")  # the timer's keys
        await settle(pilot, app)
        keys = list(screen.query(FooterKey))
        assert keys and {styled[key] for key in keys} == {1}
        styled.clear()
        await pilot.press("s")  # Settings: a footer that is not compact
        await settle(pilot, app)
        footer = app.screen.query_one(Footer)
        assert not footer.compact
        keys = list(footer.query(FooterKey))
        assert keys and {styled[key] for key in keys} == {1}

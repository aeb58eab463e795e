"""q asks before it loses typed work: the quit guard reads `unsaved_work()` off every open
screen (declared on the typed bases, overridden where a screen can hold such work)."""

from app_factory import settle
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.navigation import QUIT_TITLE
from test_ui_recovery import field, open_recovery


async def test_q_asks_first_when_the_recovery_note_has_changes_not_saved(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        field(app, "sleep_hours").value = "7.5"
        await pilot.pause()
        await app.action_quit()
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and app.screen.title_text == QUIT_TITLE
        assert app.is_running
        await pilot.press("n")  # stay: the typed value is still there
        await settle(pilot, app)
        assert field(app, "sleep_hours").value == "7.5"


async def test_q_quits_at_once_when_nothing_would_be_lost(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_recovery(pilot, app)
        await app.action_quit()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.return_code == 0  # exit() was called: nothing asked

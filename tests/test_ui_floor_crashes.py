"""Keys on the gym floor that crashed the app or lost what was typed."""

from gymtui.domain.clock import FakeClock
from gymtui.domain.journal import Session

from app_factory import FROZEN_NOW, make_app, settle
from test_ui_workout import open_workout, seed_history, shown

SIZE = (80, 24)


async def test_n_after_finishing_opens_the_next_session(data_dir):
    app = make_app(data_dir, clock=FakeClock())
    seed_history(app.store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_workout(pilot, app)
            await pilot.press("l", "8", "enter")
            await settle(pilot, app)
            await pilot.press("f", "y")
            await settle(pilot, app)
            assert screen.state == "finished"
            await pilot.press("n")
            await settle(pilot, app)
            assert app.is_running and app.screen is screen
            assert screen.state == "ready" and screen.workout.session.status == "in_progress"
            assert screen.workout.session.id != app.store.sessions_on(FROZEN_NOW.date())[0].id
    finally:
        app.store.close()


def test_a_crash_in_the_app_ends_with_a_failure_status(data_dir, monkeypatch):
    """A traceback must not end with status 0: scripts and shells would take it for a clean exit."""
    from gymtui.ui import app as app_module

    def broken_mount(self):
        raise RuntimeError("broken on purpose")

    real_run = app_module.GymApp.run
    monkeypatch.setattr(app_module.GymApp, "on_mount", broken_mount)
    monkeypatch.setattr(app_module.GymApp, "run", lambda self, **kw: real_run(self, headless=True, size=SIZE))
    assert app_module.run_app(data_dir) != 0

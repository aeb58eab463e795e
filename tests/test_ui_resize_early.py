"""A place's screen is sized as its mode opens, which can be before it is composed: the
resize then waits for the mount instead of stopping the app (seen at 80x24 in a terminal)."""

from __future__ import annotations

from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.screens.warmup import WarmupScreen


async def test_a_resize_before_the_screen_is_composed_does_nothing(gym_app):
    async with gym_app.run_test(size=(80, 24)):
        for screen in (WarmupScreen(), HistoryScreen()):
            screen.on_resize()  # nothing composed yet: no table to lay out


async def test_a_warmup_mounted_after_it_was_taken_down_does_nothing(gym_app):
    async with gym_app.run_test(size=(80, 24)):
        WarmupScreen().on_mount()  # nothing composed: no table to lay out, nothing to load


async def test_a_screen_shown_before_it_has_mounted_gets_its_rest_badge_later(gym_app):
    async with gym_app.run_test(size=(80, 24)):
        gym_app.rest.attach_badge(WarmupScreen())  # not mounted: no MountError, the badge waits



async def test_the_rest_badges_scheduled_at_start_do_nothing_once_the_app_has_closed(gym_app):
    # The app schedules watch_screens after its first refresh; on a busy machine a test (or a
    # quick quit) closes the app before it runs, and subscribing then raised SignalError.
    async with gym_app.run_test(size=(80, 24)):
        pass
    gym_app.rest.watch_screens()

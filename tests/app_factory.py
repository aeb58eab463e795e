"""Build a GymApp on a temporary data folder with a frozen date and a fake clock."""

from __future__ import annotations

from pathlib import Path

import pendulum

from gymtui.domain.catalog import load_catalog
from gymtui.domain.clock import FakeClock
from gymtui.services.library import Library
from gymtui.store import Store
from gymtui.ui.app import GymApp, first_run_setup

FROZEN_NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")  # a Monday evening


def make_app(data_dir: Path, *, now: pendulum.DateTime = FROZEN_NOW, clock: FakeClock | None = None) -> GymApp:
    """The caller closes `app.store` (use the `app_env` fixture in tests for that)."""
    store = Store.open(data_dir, now=lambda: now)
    first_run_setup(store, now.date())
    return GymApp(store, Library.from_store(load_catalog(), store), clock=clock or FakeClock(), now=lambda: now)


async def settle(pilot, app: GymApp) -> None:
    """Let workers finish and the screen refresh (no real-clock sleeping). A worker can start
    another one as it ends (Today's plan starts the daily backup once drawn), so this waits
    until a refresh leaves none unfinished."""
    await pilot.pause()
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if all(worker.is_finished for worker in app.workers):
            return


async def open_warmup_with_load(pilot, app: GymApp, load: str = "100"):
    """Today, then the warm-up, with the working load typed (no history plans one): its ramp
    sets are ready to log. Returns the warm-up screen."""
    from gymtui.ui.screens.warmup import WarmupScreen

    await settle(pilot, app)
    await pilot.press("u")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, WarmupScreen)
    if not screen.ramp:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*load, "enter")
        await settle(pilot, app)
    return screen

"""`run_app` as `gymtui` calls it, with the app's terminal made headless: the app opens its
data folder itself, as in real use, and the test sees how it ended (status, stderr)."""

from __future__ import annotations

from collections.abc import Callable

from textual.worker import WorkerFailed

from app_factory import settle

SIZE = (80, 24)


def headless_run_app(monkeypatch, inspect: Callable | None = None) -> None:
    """Make `GymApp.run` headless. The app runs until it ends by itself (a start-up failure)
    or until its data is open and its workers are done; then `inspect(app)` is called, with
    the store still open, and the app quits."""
    from gymtui.ui.app import GymApp

    real_run = GymApp.run

    def run(self, *args, **kwargs):
        async def pilot(pilot) -> None:
            try:
                await settle(pilot, self)
            except WorkerFailed:
                # The worker that opens the folder failed (a damaged file, a held lock): the
                # app reports it and ends with its own status. Ending it here instead would
                # race that status with a clean exit.
                for _ in range(100):
                    if not self.is_running:
                        return
                    await pilot.pause()
                self.exit(return_code=99, message="the app did not end after its start-up failed")
                return
            if self.is_running and inspect is not None:
                inspect(self)
            self.exit()

        return real_run(self, headless=True, size=SIZE, auto_pilot=pilot)

    monkeypatch.setattr(GymApp, "run", run)

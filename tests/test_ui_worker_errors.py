"""One error path: a worker that reads or writes the data folder raises what went wrong,
and its screen's one handler (ReportsWorkerErrors) says it; a bug still stops the app."""

from __future__ import annotations

import errno

import pytest
from textual.worker import WorkerState

from app_factory import settle
from gymtui.store import DiskWriteError


def _disk_full(data_dir):
    def refuse(*_args, **_kwargs):
        raise DiskWriteError(data_dir / "checklist.json", OSError(errno.ENOSPC, "No space left on device"))

    return refuse


async def test_a_failed_save_is_reported_by_the_screens_handler_and_the_app_goes_on(gym_app, data_dir, monkeypatch):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        screen = app.screen
        handled = []
        report = screen.store_failed

        def spy(worker, error):
            handled.append((worker.group, worker.state))
            report(worker, error)

        monkeypatch.setattr(screen, "store_failed", spy, raising=False)
        monkeypatch.setattr(app.store, "save_checklist", _disk_full(data_dir))
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()  # the worker's StateChanged message is handled
        # The worker raised (it did not report the error itself) and the screen's handler said it.
        assert handled == [("checklist-save", WorkerState.ERROR)]
        saves = [str(n.message) for n in app._notifications if n.title == "Could not save"]
        assert len(saves) == 1 and "No space left on device" in saves[0]
        assert app.is_running and app.current_mode == "checklist"


async def test_a_bug_in_a_worker_still_stops_the_app_with_its_error(gym_app, monkeypatch):
    app = gym_app

    def broken(*_args, **_kwargs):
        raise ValueError("a bug, not a store problem")

    with pytest.raises(ValueError, match="a bug"):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            monkeypatch.setattr(app.store, "routines", broken)
            await pilot.press("m")
            await settle(pilot, app)

"""One place where a worker's failure is reported.

The workers that read or write the data folder run with `exit_on_error=False`, and raise
what goes wrong instead of reporting it themselves. Textual then posts a
`Worker.StateChanged` in the ERROR state to the screen (or the app) that started the
worker, and `ReportsWorkerErrors` handles it: a `StoreError` (damaged file, full disk,
read-only folder) is shown by the app as every store problem is, and anything else is a bug
and stops the app with its traceback, as a worker left to exit on error would.

A worker with something to put back when it fails (a row shown as "saving") does that and
raises again, or its screen overrides `store_failed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.worker import Worker, WorkerState

from ..store.errors import StoreError

if TYPE_CHECKING:
    from .app import GymApp


class ReportsWorkerErrors:
    """Mixed into a screen (or the app) whose workers run with `exit_on_error=False`."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, StoreError):
            self.store_failed(event.worker, error)
        elif error is not None:
            raise error

    def store_failed(self, worker: Worker[Any], error: StoreError) -> None:
        """What a failed store call means here; by default the app says what went wrong."""
        app = cast("GymApp", worker.node.app)  # the screen's (or the app's) own app
        app.report_store_error(error)

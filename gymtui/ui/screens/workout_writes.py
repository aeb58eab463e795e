"""The workout screen's writes to the store: off the UI thread, one at a time, in order.

Every write of the session (a set added, edited or deleted, the position, the session
finished) goes through one `WriteQueue`, drained by one worker thread at a time, so an edit
never overtakes the set it edits and the position saved is always the newest. What a write
returns is handed back on the UI thread (`done`); a store error is reported in one place
(`on_error`, the app's message) after the write's own `failed` has put the screen back.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...domain.journal import Session
from ...store import StoreError


@dataclass(frozen=True)
class Write:
    run: Callable[[], Any]  # on the worker thread
    done: Callable[[Any], None] | None = None  # on the UI thread, with what `run` returned
    failed: Callable[[], None] | None = None  # on the UI thread, before the error is reported


class WriteQueue:
    """Writes run in order on a worker thread; results and errors come back on the UI thread.

    `start_worker(fn)` runs `fn` on a worker thread (the screen's `run_worker`);
    `on_ui(fn, *args)` calls on the UI thread from there (`app.call_from_thread`);
    `on_error(error)` reports a store error (`app.report_store_error`)."""

    def __init__(self, start_worker: Callable[[Callable[[], None]], object],
                 on_ui: Callable[..., object], on_error: Callable[[StoreError], None]) -> None:
        self._start_worker = start_worker
        self._on_ui = on_ui
        self._on_error = on_error
        self._writes: deque[Write] = deque()
        self._lock = threading.Lock()
        self._position_version = 0

    def put(self, write: Write) -> None:
        self._writes.append(write)
        self._start_worker(self._drain)

    def save_position(self, save: Callable[[Session], object], session: Session) -> None:
        """Only the newest position matters: a write overtaken by a newer one is left out."""
        self._position_version += 1
        version = self._position_version

        def write() -> None:
            if version == self._position_version:
                save(session)

        self.put(Write(write))

    def _drain(self) -> None:
        """Run queued writes in order; one thread at a time, so an edit never overtakes its add."""
        with self._lock:
            while self._writes:
                write = self._writes.popleft()
                try:
                    result = write.run()
                except StoreError as error:
                    if write.failed is not None:
                        self._on_ui(write.failed)
                    self._on_ui(self._on_error, error)
                    continue
                if write.done is not None:
                    self._on_ui(write.done, result)

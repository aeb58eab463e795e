"""How the app shows a store problem: a message saying what and where, or, for a damaged
file, a dialog offering the newest backup that puts it back (or rolls the folder back).

`ReportsStoreProblems` is mixed into `GymApp`; screens and workers call
`app.report_store_error` (worker_errors.py does for every failed worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from ..store.errors import CorruptFileError, DiskWriteError, ReadOnlyFolderError, StoreError
from .dialogs.damaged_file import DamagedFileDialog
from .navigation import Navigation

if TYPE_CHECKING:
    from ..store import Store


class ReportsStoreProblems(Navigation):
    @property
    def store(self) -> Store:
        """The open store (GymApp)."""
        raise NotImplementedError

    def report_store_error(self, error: StoreError) -> None:
        if isinstance(error, CorruptFileError):
            self.report_damaged_file(error)
        else:
            saving = isinstance(error, (DiskWriteError, ReadOnlyFolderError))
            title = "Could not save" if saving else "Could not read your data"
            self.notify(str(error), title=title, severity="error", timeout=15)

    @work(thread=True, group="damaged-file")
    def report_damaged_file(self, error: CorruptFileError) -> None:
        # Finding a good backup hashes (or, for an old backup, validates) every file in it:
        # years of history, never on the UI thread.
        from ..store.backup import newest_good_backup

        backup = newest_good_backup(self.store.data_dir, having=error.path)
        self.call_from_thread(self._offer_restore, error, backup)

    def _offer_restore(self, error: CorruptFileError, backup: Path | None) -> None:
        from ..store.restore_plan import plan_restore

        def rollback_warning() -> str:
            assert backup is not None
            return plan_restore(self.store.data_dir, backup, whole=True).rollback_warning()

        def chosen(choice: str | None) -> None:
            if choice is None or backup is None:
                return
            try:
                done = self.store.restore(backup, whole=choice == "whole")
            except StoreError as error:  # a full disk or a damaged backup: nothing was moved, say so
                self.notify(f"{error}. Your files are as they were.", title="Restore failed",
                            severity="error", timeout=20)
                return
            # A box, not the one-line status: where the replaced files went must be read whole.
            self.notify(done.summary(short_paths=True), title="Restored", severity="warning", timeout=20)
            self.action_today()

        self.push_screen(DamagedFileDialog(str(error), backup, rollback_warning), chosen)

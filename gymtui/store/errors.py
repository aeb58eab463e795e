"""Store errors carry a one-line message a lifter can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every storage problem; str() is the message to show."""


class CorruptFileError(StoreError):
    """A data file that cannot be read or holds invalid values. It is never overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DiskWriteError(StoreError):
    """A write failed (disk full, I/O error); the previous file is intact."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = Path(path)
        self.error = error
        reason = error.strerror or str(error)
        super().__init__(f"could not save to {self.path}: {reason}; nothing was changed on disk")


class PartlyStoredError(DiskWriteError):
    """A batch (an import) whose disk filled part-way: what was stored before stays stored."""

    def __init__(self, error: DiskWriteError, workouts: int, sets: int) -> None:
        StoreError.__init__(
            self,
            f"could not save to {error.path}: {error.error.strerror or error.error}, after {workouts} workout"
            f"{'' if workouts == 1 else 's'} and {sets} set{'' if sets == 1 else 's'} had been stored (they are"
            " kept); the rest was not: import the file again once there is room (nothing is added twice)",
        )
        self.path, self.error = error.path, error.error
        self.workouts, self.sets = workouts, sets


class LockedError(StoreError):
    """Another gymtui process holds the data folder."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        self.data_dir = Path(data_dir)
        self.holder = holder
        super().__init__(
            f"another gymtui ({holder}) is using {self.data_dir}; close it first"
            " (one program writes the data folder at a time so no set is lost)"
        )


class ReadOnlyFolderError(StoreError):
    """The data folder cannot be written (a failing SD card remounted read-only, no permission)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path} cannot be written ({reason}): nothing was saved")


class SchemaError(StoreError):
    """The data folder was written by a newer gymtui than this one."""

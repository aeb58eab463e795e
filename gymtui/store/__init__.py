"""Storage: TinyDB files written atomically, partitioned by ISO week, one writer at a time."""

from .errors import CorruptFileError, DiskWriteError, LockedError, ReadOnlyFolderError, StoreError
from .store import Store

__all__ = ["CorruptFileError", "DiskWriteError", "LockedError", "ReadOnlyFolderError", "Store", "StoreError"]

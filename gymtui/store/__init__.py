"""Storage: TinyDB files written atomically, partitioned by ISO week, one writer at a time."""

from .errors import CorruptFileError, DiskWriteError, LockedError, StoreError
from .store import Store

__all__ = ["CorruptFileError", "DiskWriteError", "LockedError", "Store", "StoreError"]

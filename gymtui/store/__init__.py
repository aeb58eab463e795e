"""Storage: TinyDB files written atomically, partitioned by ISO week, one writer at a time.

`Store` is imported on first use: the app draws its first frame before it opens the data
folder, and importing the store pulls in TinyDB and every model (see docs/ARCHITECTURE.md).
"""

from typing import TYPE_CHECKING, Any

from .errors import CorruptFileError, DiskWriteError, LockedError, ReadOnlyFolderError, StoreError

if TYPE_CHECKING:
    from .store import Store


def __getattr__(name: str) -> Any:
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CorruptFileError", "DiskWriteError", "LockedError", "ReadOnlyFolderError", "Store", "StoreError"]

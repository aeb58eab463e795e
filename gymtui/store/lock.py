"""One writer per data folder: an advisory lock the OS drops if the process dies.

The lock is taken on the data folder itself, not only on the gymtui.lock file inside it:
people (and sync tools) delete lock files they think stale, and a lock held on a deleted
file keeps out nobody, so a second writer got in and the first one's next save dropped the
second's sets. A folder cannot be deleted while it holds files. gymtui.lock is still locked
too (where a folder cannot be locked: Windows, some network file systems) and names the holder.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import LockedError, ReadOnlyFolderError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

LOCK_NAME = "gymtui.lock"
# A lock file that cannot be opened for writing for one of these reasons: the folder is
# read-only (a card the kernel remounted read-only, a folder without write permission).
READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)
_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK)


class DataLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None
        self._dir_fd: int | None = None

    def acquire(self, purpose: str = "app") -> None:
        self._dir_fd = self._lock_folder()
        try:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                if error.errno in READ_ONLY_ERRORS:
                    raise ReadOnlyFolderError(self.path.parent, error.strerror or str(error)) from None
                raise
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                else:  # pragma: no cover
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                holder = self._read_holder(fd)
                os.close(fd)
                raise LockedError(self.path.parent, holder) from None
            self._fd = fd
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"pid {os.getpid()} {purpose}".encode())
            except OSError:
                # The holder's name only words a refusal; on a full disk the first real
                # file's write says what is wrong, naming that file.
                pass
        except BaseException:
            self._unlock_folder()
            raise

    def _lock_folder(self) -> int | None:
        """The folder's own lock; None where folders cannot be locked (the file's lock then
        does the work alone)."""
        if fcntl is None:  # pragma: no cover - Windows cannot open a folder to lock it
            return None
        try:
            fd = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in _BUSY:
                raise LockedError(self.path.parent, self._holder_from_file()) from None
            return None  # e.g. ENOLCK on a network file system
        return fd

    def _holder_from_file(self) -> str:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return "unknown process; its gymtui.lock file was deleted"
        try:
            return self._read_holder(fd)
        finally:
            os.close(fd)

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            text = os.read(fd, 200).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        return text or "unknown process"

    def _unlock_folder(self) -> None:
        if self._dir_fd is not None:
            try:
                fcntl.flock(self._dir_fd, fcntl.LOCK_UN)
            finally:
                os.close(self._dir_fd)
                self._dir_fd = None

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None
            self._unlock_folder()

    @property
    def held(self) -> bool:
        return self._fd is not None

"""The vault's ``lock`` file: one process at a time may hold a vault open.

A second copy of the app, or a CLI command while the app has the vault open, is
refused with a clear message instead of racing the first on the same files.
The lock is an OS advisory lock, so it is released when the process dies.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from sefton_photos.errors import VaultBusy

_BUSY = (
    "This vault is already open in another Sefton Photos window or command. "
    "Close it there first, then try again."
)


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultBusy(_BUSY) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)  # closing drops an flock

    @property
    def held(self) -> bool:
        return self._fd is not None

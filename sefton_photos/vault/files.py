"""Crash-safe file writing: temporary name, fsync, atomic rename, fsync the folder.

Used for every small file of the vault that is replaced as a whole (key slots,
audit head, attempts) and for object files, so an interruption leaves either the
old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from sefton_photos.errors import VaultError

TEMP_SUFFIX = ".partial"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; a full or read-only disk is a
    VaultError that says so (the old file, if any, is untouched)."""
    tmp = path.with_name(path.name + TEMP_SUFFIX)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise explain(exc, path) from None
    fsync_dir(path.parent)


def explain(exc: OSError, path: Path) -> VaultError:
    """An OS failure to write ``path`` in words (full disk, read-only, other)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return VaultError(
            f"The disk is full: {path.name} could not be written to "
            f"{path.parent}. Nothing was changed; free some space and try again."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VaultError(
            f"{path.parent} is read-only for Sefton Photos: {path.name} could not "
            "be written. Nothing was changed."
        )
    return VaultError(
        f"{path.name} could not be written to {path.parent} "
        f"({exc.strerror or exc}). Nothing was changed."
    )


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (a no-op where the platform cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

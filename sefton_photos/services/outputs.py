"""Writing a file the user asked for, in the clear, to an approved location (R5, R8).

Decrypted content leaves the vault only here: a photo view written to a file, an
export, a life story book, a supervision record, a subject access package (policy
5.5.4.5, 5.5.4.6, 5.5.4.9).  Every writer goes through :class:`OutputsService`, so
every one gets the same promises:

1. the folder lies inside an administrator-approved location that is not removable,
   not a sync folder, not a system folder and not the vault (``locations.check``);
   a refusal is audited and names R5 and its clause;
2. an existing file is never overwritten (nor a symbolic link followed);
3. the bytes go to a temporary name in the same folder and are fsynced;
4. the audit entry, naming the full destination path, is committed;
5. only then is the file linked into its final name, with no-overwrite semantics.

So a crash never leaves a decrypted file under its final name without its audit
entry; what a crash leaves under a temporary name is swept (and the sweep audited)
the next time anything is written to that folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session as OrmSession

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from sefton_photos.decisions import Decision, Reason, refuse
from sefton_photos.errors import InvalidInput
from sefton_photos.services.locations import LocationsService, safe_resolve
from sefton_photos.support.context import Service, ServiceContext
from sefton_photos.vault.files import explain, fsync_dir

PARTIAL_PREFIX = "sefton-partial-"
PARTIAL_SUFFIX = ".partial"

# Called inside the audit transaction: adds the caller's own rows (an export row, say)
# and returns the final file name and extra audit details.
Record = Callable[[OrmSession], tuple[str, dict[str, object]]]


@dataclass(frozen=True, slots=True)
class Target:
    """Where a file may be written: an approved folder (resolved) and its location id."""

    folder: Path
    location_id: int
    name: str | None = None  # the file name, when the user chose one

    @property
    def path(self) -> Path:
        assert self.name is not None
        return self.folder / self.name


def exists_message(path: Path) -> str:
    return (
        f"{path} already exists. Sefton Photos never overwrites a file: choose another "
        "name or move the old file first (R5, policy 5.5.4.9). Nothing was written."
    )


class OutputsService(Service):
    def __init__(self, ctx: ServiceContext, *, locations: LocationsService | None = None):
        super().__init__(ctx)
        self.locations = locations or LocationsService(ctx)

    # -- where ---------------------------------------------------------------------------------

    def decide(self, *, folder: Path) -> tuple[Decision, int | None]:
        """The location decision for a folder (raises InvalidInput for a path that loops)."""
        return self.locations.check(Path(folder))

    def folder(self, *, out: Path, action: str, subject: str | None = None) -> Target:
        """An approved folder that the caller names files in; refusal audited and raised."""
        decision, location_id = self.decide(folder=out)
        self.ctx.require(decision, action, subject)
        assert location_id is not None
        return Target(safe_resolve(Path(out)), location_id)

    def file(self, *, out: Path, action: str, subject: str | None = None) -> Target:
        """A file the user named, in an approved folder, that does not exist yet."""
        out = Path(out).expanduser()
        if not out.name or out.name in (".", ".."):
            raise InvalidInput(f"{out} is not a file name: give the file to write.")
        target = self.folder(out=out.parent, action=action, subject=subject)
        target = Target(target.folder, target.location_id, out.name)
        if os.path.lexists(target.path):
            never = Reason(
                "R5",
                "5.5.4.9",
                f"{target.path} already exists, and Sefton Photos never overwrites a file",
                remedy="choose another name, or move the old file first.",
            )
            self.ctx.require(refuse(never), action, subject)
        return target

    # -- writing -------------------------------------------------------------------------------

    def write(
        self,
        *,
        target: Target,
        data: bytes,
        action: str,
        subject: str | None = None,
        child_id: int | None = None,
        details: dict[str, object] | None = None,
        record: Record | None = None,
    ) -> Path:
        """Write ``data`` at ``target`` in the order the module docstring promises."""
        self.sweep(folder=target.folder)
        tmp = target.folder / f"{PARTIAL_PREFIX}{secrets.token_hex(8)}{PARTIAL_SUFFIX}"
        held = _write_temp(tmp, data, target.folder)  # locked until named: no sweep takes it
        try:
            return self._name(target, tmp, data, action, subject, child_id, details, record)
        finally:
            if held >= 0:
                os.close(held)

    def _name(
        self,
        target: Target,
        tmp: Path,
        data: bytes,
        action: str,
        subject: str | None,
        child_id: int | None,
        details: dict[str, object] | None,
        record: Record | None,
    ) -> Path:
        try:
            with self.vault.unit() as db:
                name, extra = record(db) if record else (target.name or "", {})
                final = target.folder / name
                if not name or os.path.lexists(final):
                    raise InvalidInput(exists_message(final))
                self.ctx.audit(
                    db,
                    action=action,
                    child_id=child_id,
                    subject=subject,
                    details={
                        **(details or {}),
                        **extra,
                        "path": str(final),
                        "location": target.location_id,
                        "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                    },
                )
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        try:
            _place(tmp, final)
        except FileExistsError:
            self._abandoned(tmp, final, action, "a file of that name appeared meanwhile")
            raise InvalidInput(exists_message(final)) from None
        except OSError as exc:
            self._abandoned(tmp, final, action, exc.strerror or str(exc))
            raise explain(exc, final) from None
        return final

    def _abandoned(self, tmp: Path, final: Path, action: str, why: str) -> None:
        with contextlib.suppress(OSError):
            tmp.unlink()
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="output.abandoned",
                details={"attempted": action, "path": str(final), "why": why},
            )

    def sweep(self, *, folder: Path) -> list[str]:
        """Remove what a killed write left under a temporary name (ours only); audited."""
        try:
            leftovers = sorted(folder.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"))
        except OSError:
            return []
        removed = []
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                if _in_use(leftover):
                    continue  # another writer's, still being written
                leftover.unlink()
                removed.append(leftover.name)
        if removed:
            with self.vault.unit() as db:
                self.ctx.audit(
                    db,
                    action="output.partials_removed",
                    details={"folder": str(folder), "files": removed},
                )
        return removed


def _write_temp(tmp: Path, data: bytes, folder: Path) -> int:
    """Write and fsync ``tmp``; returns its descriptor, still open and locked (POSIX)."""
    try:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise explain(exc, folder / "the file") from None
    if fcntl is None:  # Windows cannot rename an open file: no lock to hold there
        os.close(fd)
        return -1
    return fd


def _in_use(path: Path) -> bool:
    """Whether another writer still holds ``path`` (on Windows an open file cannot be
    removed anyway, so the unlink itself fails)."""
    if fcntl is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _place(tmp: Path, final: Path) -> None:
    """Give ``tmp`` the name ``final``, failing with FileExistsError rather than replacing."""
    if sys.platform == "win32":
        os.rename(tmp, final)  # refuses an existing destination on Windows
    else:
        try:
            os.link(tmp, final)  # atomic, and refuses an existing destination
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # A share without hard links: check, then rename (a narrow race, not a silent
            # overwrite of anything that existed when the write began).
            if os.path.lexists(final):
                raise FileExistsError(errno.EEXIST, "exists", str(final)) from None
            os.rename(tmp, final)
        else:
            tmp.unlink()
    fsync_dir(final.parent)

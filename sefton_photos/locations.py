"""Approved export locations (R5, "Export destinations"): council folders only.

An administrator keeps the list.  Whatever is on it, a folder on a removable drive
or inside a personal cloud-sync folder (OneDrive personal, Dropbox, Google Drive,
iCloud) is refused, and so is any folder the platform cannot vouch for: on doubt,
refuse (policy 5.5.4.5, 5.5.4.6).  Available on a session as ``session.locations``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import select

from sefton_photos import access, audit
from sefton_photos.decisions import Decision, Reason, allow, refuse
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.guard import require
from sefton_photos.model import User
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import ExportLocation
from sefton_photos.vault.vault import Vault

R5 = ("R5", "5.5.4.5")
SYNC_MARKERS = (
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "icloud",
    "mobile documents",
    "cloudstorage",
    "box sync",
    "pcloud",
    "mega",
)


def _is_personal_onedrive(part: str) -> bool:
    # "OneDrive - Sefton Council" is the council's tenant; plain "OneDrive" is personal.
    low = part.casefold()
    return low == "onedrive" or low.startswith("onedrive - personal")


def sync_folder(path: Path) -> str | None:
    """The name of a cloud-sync folder ``path`` sits in, if any."""
    for part in path.parts:
        low = part.casefold()
        if _is_personal_onedrive(part) or any(m == low or low.startswith(m) for m in SYNC_MARKERS):
            return part
    for folder in (path, *path.parents):
        if (folder / ".dropbox").exists() or (folder / ".dropbox.cache").exists():
            return folder.name or str(folder)
    return None


def removable(path: Path) -> bool | None:
    """True on a removable drive, False when known not to be, None when unknown."""
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(str(path))[0]
        if not drive:
            return None
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
        return {2: True, 3: False, 4: False}.get(kind)  # removable, fixed, network share
    text = str(path)
    if sys.platform == "darwin":
        return text.startswith("/Volumes/")
    if text.startswith(("/media/", "/run/media/", "/mnt/")):
        return True
    return _linux_removable(path)


def _linux_removable(path: Path) -> bool | None:
    try:
        dev = os.stat(path).st_dev
        major, minor = os.major(dev), os.minor(dev)
        sysfs = Path(f"/sys/dev/block/{major}:{minor}")
        if not sysfs.exists():
            return False  # not a block device (tmpfs, overlay, network share)
        block = sysfs.resolve()
        for folder in (block, *block.parents):
            flag = folder / "removable"
            if flag.exists():
                return flag.read_text().strip() == "1"
        return False
    except OSError:
        return None


def judge(path: Path) -> Decision:
    """Is ``path`` a place photos may be written to in the clear (before the list)?"""
    sync = sync_folder(path)
    if sync:
        return refuse(
            Reason(
                *R5,
                f"{path} is inside a personal cloud-sync folder ({sync}); "
                "photos never go to personal devices or clouds (policy 5.5.4.6)",
            )
        )
    where = removable(path if path.exists() else path.parent)
    if where is True:
        return refuse(
            Reason(
                *R5, f"{path} is on a removable drive; photos are never written to removable media"
            )
        )
    if where is None:
        return refuse(
            Reason(
                *R5,
                f"Sefton Photos cannot tell what kind of drive {path} is on, "
                "so it refuses (on doubt, refuse)",
            )
        )
    return allow(Reason(*R5, f"{path} is a fixed or network council location.", met=True))


class LocationsService:
    def __init__(self, vault: Vault, actor: User) -> None:
        self.vault = vault
        self.actor = actor

    def add(self, *, path: Path, label: str | None = None) -> int:
        require(
            self.vault,
            self.actor,
            access.may_manage_locations(self.actor.role),
            "location.add",
            str(path),
        )
        folder = Path(path).expanduser().resolve()
        if not folder.is_dir():
            raise InvalidInput(f"{folder} is not a folder that exists.")
        require(self.vault, self.actor, judge(folder), "location.add", str(folder))
        with self.vault.unit() as db:
            row = ExportLocation(
                label=(label or folder.name or str(folder)).strip(),
                path=str(folder),
                added_by=self.actor.id,
                added_at=utcnow(),
            )
            db.add(row)
            db.flush()
            audit.append(
                db,
                action="location.approved",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                subject=f"location {row.id}",
                details={"path": str(folder)},
            )
            return row.id

    def list(self) -> list[tuple[int, str, str]]:
        with self.vault.unit() as db:
            return [
                (r.id, r.label, r.path)
                for r in db.scalars(
                    select(ExportLocation)
                    .where(ExportLocation.removed_at.is_(None))
                    .order_by(ExportLocation.path)
                )
            ]

    def remove(self, *, location_id: int) -> None:
        require(
            self.vault,
            self.actor,
            access.may_manage_locations(self.actor.role),
            "location.remove",
            f"location {location_id}",
        )
        with self.vault.unit() as db:
            row = db.get(ExportLocation, location_id)
            if row is None or row.removed_at is not None:
                raise NotFound(f"There is no approved location {location_id}.")
            row.removed_at = utcnow()
            audit.append(
                db,
                action="location.removed",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                subject=f"location {location_id}",
            )

    def check(self, out: Path) -> tuple[Decision, int | None]:
        """May files be written into ``out``?  It must lie inside an approved location."""
        folder = Path(out).expanduser().resolve()
        verdict = judge(folder)
        if not verdict.allowed:
            return verdict, None
        for location_id, _label, root in self.list():
            if folder == Path(root) or Path(root) in folder.parents:
                return allow(
                    Reason(*R5, f"{folder} is inside the approved location {root}.", met=True)
                ), location_id
        return refuse(
            Reason(
                *R5,
                f"{folder} is not an approved export location",
                remedy="ask an administrator to approve a council folder.",
            )
        ), None

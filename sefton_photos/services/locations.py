"""Approved export locations (R5, "Export destinations"): council folders only.

An administrator keeps the list.  Whatever is on it, a folder on a removable drive
or inside a personal cloud-sync folder (OneDrive personal, Dropbox, Google Drive,
iCloud, Nextcloud...) is refused, and so is any folder the platform cannot vouch
for: on doubt, refuse (policy 5.5.4.5, 5.5.4.6).  The filesystem root, system and
temporary folders and a home folder itself are never approved (a subfolder of a
council share is the normal case), and nothing is written inside the vault.
Available on a session as ``session.locations``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import select

from sefton_photos import access
from sefton_photos.decisions import Decision, Reason, allow, refuse
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import ExportLocation
from sefton_photos.support.context import Service

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
    "nextcloud",
    "owncloud",
    "seafile",
    "sync.com",
    "syncthing",
)
# Files a sync client keeps at the root of what it syncs.
SYNC_FILES = (".dropbox", ".dropbox.cache", ".nextcloudsync.log", ".owncloudsync.log", ".stfolder")
# The folder and everything inside it: the operating system's own.
SYSTEM_TREES = (
    "/etc",
    "/usr",
    "/bin",
    "/sbin",
    "/lib",
    "/lib32",
    "/lib64",
    "/boot",
    "/proc",
    "/sys",
    "/dev",
    "/run",
    "/System",
    "/Library",
    "/Applications",
    "/private/etc",
    "c:/windows",
    "c:/program files",
    "c:/program files (x86)",
    "c:/programdata",
)
# The folder itself (shared, temporary or holding everyone's folders), not a subfolder.
SYSTEM_FOLDERS = (
    "/tmp",  # noqa: S108 (refused, not used)
    "/var",
    "/var/tmp",  # noqa: S108
    "/private",
    "/private/tmp",
    "/private/var",
    "/home",
    "/Users",
    "/root",
    "/opt",
    "/mnt",
    "/media",
    "/Volumes",
    "c:/users",
    "c:/windows/temp",
)


def _is_personal_onedrive(part: str) -> bool:
    # "OneDrive - Sefton Council" (Windows) or "OneDrive-SeftonCouncil" (macOS) is an
    # organisation's business folder, which an administrator may approve explicitly;
    # plain "OneDrive", "OneDrive - Personal", "OneDrive-Personal", "SkyDrive" are personal.
    low = part.casefold().strip()
    if low.startswith("skydrive"):
        return True
    if not low.startswith("onedrive"):
        return False
    org = low[len("onedrive") :].lstrip(" -_(").rstrip(")").strip()
    return org == "" or org.startswith("personal") or org.isdigit()


def sync_folder(path: Path) -> str | None:
    """The name of a cloud-sync folder ``path`` sits in, if any."""
    parts = path.parts
    for i, part in enumerate(parts):
        low = part.casefold()
        after = parts[i + 1].casefold() if i + 1 < len(parts) else ""
        if (
            low == "cloudstorage"
            and after.startswith("onedrive")
            and not _is_personal_onedrive(after)
        ):
            continue  # macOS: ~/Library/CloudStorage/OneDrive-<Organisation> is the business one
        if _is_personal_onedrive(part) or any(m == low or low.startswith(m) for m in SYNC_MARKERS):
            return part
    for folder in (path, *path.parents):
        try:
            marked = any((folder / f).exists() for f in SYNC_FILES) or any(
                folder.glob(".sync_*.db")  # the Nextcloud / ownCloud client's journal
            )
        except OSError:
            marked = False
        if marked:
            return folder.name or str(folder)
    return None


def _key(path: Path | str) -> str:
    text = str(path).replace("\\", "/").rstrip("/") or "/"
    return text.casefold() if (len(text) > 1 and text[1] == ":") else text


def system_folder(path: Path) -> str | None:
    """Why ``path`` is the root, a system or temporary folder, or a home folder itself."""
    key = _key(path)
    if key == "/" or (len(key) <= 3 and key[1:2] == ":"):
        return "the root of the filesystem"
    for tree in SYSTEM_TREES:
        if key == tree or key.startswith(tree + "/"):
            return f"the system folder {tree}"
    if key in SYSTEM_FOLDERS:
        return f"the shared system folder {path}"
    homes = {_key(Path.home())} | {_key(p) for p in (os.environ.get("USERPROFILE"),) if p}
    if key in homes or _key(path.parent) in ("/home", "/Users", "c:/users"):
        return "a home folder itself (approve a council subfolder instead)"
    return None


def safe_resolve(path: Path) -> Path:
    """The absolute, resolved path; a symbolic link loop is said in words (R14)."""
    try:
        return Path(path).expanduser().resolve()
    except (RuntimeError, OSError) as exc:
        raise InvalidInput(
            f"{path} cannot be used: it is (or goes through) a symbolic link that loops "
            "back on itself. Nothing was written."
        ) from exc


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
    system = system_folder(path)
    if system:
        return refuse(
            Reason(
                *R5,
                f"{path} is {system}; decrypted photos and records go only to a "
                "council folder (policy 5.5.4.5, 5.5.4.9)",
                remedy="approve or choose a subfolder of a council share.",
            )
        )
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


class LocationsService(Service):
    def add(self, *, path: Path, label: str | None = None) -> int:
        self.ctx.require(
            access.may_manage_locations(self.actor.role),
            "location.add",
            str(path),
        )
        folder = safe_resolve(Path(path))
        if not folder.is_dir():
            raise InvalidInput(f"{folder} is not a folder that exists.")
        self.ctx.require(judge(folder), "location.add", str(folder))
        with self.vault.unit() as db:
            row = ExportLocation(
                label=(label or folder.name or str(folder)).strip(),
                path=str(folder),
                added_by=self.actor.id,
                added_at=utcnow(),
            )
            db.add(row)
            db.flush()
            self.ctx.audit(
                db,
                action="location.approved",
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

    def remove(self, *, location_id: int) -> str:
        """Administrators take a folder off the list (audited); returns its path."""
        self.ctx.require(
            access.may_manage_locations(self.actor.role),
            "location.remove",
            f"location {location_id}",
        )
        with self.vault.unit() as db:
            row = db.get(ExportLocation, location_id)
            if row is None or row.removed_at is not None:
                raise NotFound(f"There is no approved location {location_id}.")
            # Past exports keep their record (exports.location_id still names this row).
            row.removed_at = utcnow()
            self.ctx.audit(
                db,
                action="location.removed",
                subject=f"location {location_id}",
                details={"path": row.path, "label": row.label},
            )
            return row.path

    def check(self, out: Path) -> tuple[Decision, int | None]:
        """May files be written into ``out``?  It must lie inside an approved location,
        and not inside the vault (raises InvalidInput for a path that loops)."""
        folder = safe_resolve(Path(out))
        verdict = judge(folder)
        if not verdict.allowed:
            return verdict, None
        vault = safe_resolve(self.vault.path)
        if folder == vault or vault in folder.parents:
            return refuse(
                Reason(
                    *R5,
                    f"{folder} is inside the vault; nothing decrypted is written there "
                    "(policy 5.5.4.9)",
                )
            ), None
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

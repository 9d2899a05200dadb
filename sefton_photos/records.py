"""The child's whole record (R13): subject access, retention, erasure.

A subject access package holds everything kept about one child, with other people's
faces blurred and a reason written for every redaction, encrypted in an age-style
container (Argon2id passphrase, AES-256-GCM) whose passphrase is shown once.
Retention: a looked-after (or once looked-after) child's record is kept until their
75th birthday, any other until their 25th, unless a date is set on the file.  An
administrator erases a record that is due, with confirmation: objects are
crypto-shredded, face data purged, names removed; the audit entry remains.
Available on a session as ``session.records``.
"""

from __future__ import annotations

import html
import io
import json
import os
import secrets
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select, update

from sefton_photos import audit, blobs, childfile
from sefton_photos.children import ChildrenService
from sefton_photos.decisions import Reason, refuse
from sefton_photos.errors import InvalidInput, NotFound, PolicyRefusal, SeftonError
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.redact import blur_faces, clean_jpeg
from sefton_photos.model import Role
from sefton_photos.photos import PhotosService
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import AuditRow
from sefton_photos.vault import crypto
from sefton_photos.vault.files import atomic_write

MAGIC = b"SFSAR"
VERSION = 1
R13 = ("R13", "UK GDPR art. 15, 17")


@dataclass(frozen=True, slots=True)
class RetentionDue:
    child_id: int
    child_name: str
    retain_until: date
    basis: str


def retain_until(row: cw.Child, ever_cared_for: bool) -> tuple[date, str]:
    if row.retain_until is not None:
        return row.retain_until, "date set on the file"
    years = 75 if ever_cared_for else 25
    born = row.date_of_birth
    try:
        until = born.replace(year=born.year + years)
    except ValueError:  # 29 February
        until = born.replace(year=born.year + years, day=28)
    return until, f"{years}th birthday ({'looked after' if ever_cared_for else 'default'})"


def seal_package(data: bytes, passphrase: str) -> bytes:
    salt = os.urandom(16)
    params = crypto.MINIMUM_ARGON2
    header = json.dumps(
        {"v": VERSION, "kdf": "argon2id", **params.as_dict(), "salt": salt.hex()}
    ).encode()
    key = crypto.password_key(passphrase, salt, params)
    return MAGIC + len(header).to_bytes(2, "big") + header + crypto.seal(key, data, header)


def open_package(blob: bytes, passphrase: str) -> bytes:
    """The zip inside a package, or SeftonError for a wrong passphrase or damage."""
    if not blob.startswith(MAGIC):
        raise SeftonError("This is not a Sefton Photos subject access package.")
    size = int.from_bytes(blob[5:7], "big")
    header = blob[7 : 7 + size]
    meta = json.loads(header)
    params = crypto.Argon2Params.from_dict({k: meta[k] for k in ("m", "t", "p")})
    key = crypto.password_key(passphrase, bytes.fromhex(meta["salt"]), params)
    try:
        return crypto.unseal(key, blob[7 + size :], header)
    except crypto.DecryptionFailed:
        raise SeftonError("Wrong passphrase, or the package was changed.") from None


class RecordsService:
    def __init__(self, children: ChildrenService, photos: PhotosService) -> None:
        self.children = children
        self.photos = photos
        self.vault = children.vault
        self.actor = children.actor

    def _admin(self, what: str) -> None:
        if self.actor.role is not Role.ADMINISTRATOR:
            raise PolicyRefusal(
                refuse(Reason(*R13, f"Only an administrator (information governance) can {what}"))
            )

    # -- retention -----------------------------------------------------------------------------

    def due(self, *, today: date | None = None) -> list[RetentionDue]:
        self._admin("review retention")
        today = today or date.today()
        out = []
        with self.vault.unit() as db:
            for row in db.scalars(select(cw.Child).where(cw.Child.erased_at.is_(None))):
                child = childfile.to_child(db, row)
                until, basis = retain_until(row, child.ever_cared_for)
                if until <= today:
                    out.append(RetentionDue(row.id, row.name, until, basis))
            audit.append(
                db,
                action="retention.reviewed",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                details={"due": len(out)},
            )
        return sorted(out, key=lambda d: d.retain_until)

    def erase(self, *, child_id: int, confirm: bool, today: date | None = None) -> dict[str, int]:
        """Erase a record that is due: crypto-shred, purge face data, keep the audit."""
        self._admin("erase a record")
        if not confirm:
            raise InvalidInput("Erasing cannot be undone: confirm it (--confirm).")
        due = {d.child_id for d in self.due(today=today)}
        if child_id not in due:
            raise PolicyRefusal(
                refuse(
                    Reason(
                        *R13,
                        f"Child {child_id}'s record is not due for "
                        "erasure under the retention schedule",
                    )
                )
            )
        counts = {"photos": 0, "objects": 0, "faces": 0, "forms": 0}
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            if row is None:
                raise NotFound(f"There is no child {child_id}.")
            captures = set(
                db.scalars(
                    select(cw.CaptureChild.capture_id).where(cw.CaptureChild.child_id == child_id)
                )
            )
            for photo in db.scalars(
                select(cw.Photo)
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .where(cw.CapturePhoto.capture_id.in_(captures))
                .distinct()
            ):
                others = db.scalars(
                    select(cw.CaptureChild.child_id)
                    .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                    .where(
                        cw.CapturePhoto.photo_id == photo.id, cw.CaptureChild.child_id != child_id
                    )
                ).all()
                if others:
                    continue  # another child's record still holds this photo
                for oid in (photo.original_object_id, photo.thumbnail_object_id):
                    if oid:
                        blobs.shred(self.vault, db, oid)
                        counts["objects"] += 1
                photo.erased_at = utcnow()
                counts["photos"] += 1
            result = db.execute(
                update(cw.Face)
                .where((cw.Face.child_id == child_id) | (cw.Face.suggested_child_id == child_id))
                .values(encoding=None, child_id=None, suggested_child_id=None)
            )
            counts["faces"] = getattr(result, "rowcount", 0)
            for enrolment in db.scalars(
                select(cw.FaceEnrolment).where(cw.FaceEnrolment.child_id == child_id)
            ):
                db.delete(enrolment)
                counts["faces"] += 1
            for consent in db.scalars(select(cw.Consent).where(cw.Consent.child_id == child_id)):
                if consent.form_object_id:
                    oid, consent.form_object_id = consent.form_object_id, None
                    db.flush()
                    blobs.shred(self.vault, db, oid)
                    counts["forms"] += 1
                consent.understanding_assessment = None
                consent.withdrawal_reason = None
            for person in db.scalars(
                select(cw.ResponsiblePerson).where(cw.ResponsiblePerson.child_id == child_id)
            ):
                person.name, person.relationship = "[erased]", "[erased]"
            db.execute(update(cw.Wish).where(cw.Wish.child_id == child_id).values(notes=None))
            db.execute(  # a carer's name, a reason for not asking: people, in free text
                update(cw.Wish)
                .where(cw.Wish.child_id == child_id, cw.Wish.carer_name.is_not(None))
                .values(carer_name="[erased]")
            )
            db.execute(
                update(cw.WishNotNeeded)
                .where(cw.WishNotNeeded.child_id == child_id)
                .values(reason="[erased]")
            )
            db.execute(
                update(cw.WishNotNeeded)
                .where(
                    cw.WishNotNeeded.child_id == child_id, cw.WishNotNeeded.carer_name.is_not(None)
                )
                .values(carer_name="[erased]")
            )
            db.execute(
                update(cw.Explanation)
                .where(cw.Explanation.child_id == child_id)
                .values(not_explained_reason=None)
            )
            row.name = "[erased]"
            row.erased_at = utcnow()
            audit.append(
                db,
                action="child.erased",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                child_id=child_id,
                subject=f"child {child_id}",
                details=dict(counts),
            )
        return counts

    # -- subject access -----------------------------------------------------------------------

    def subject_access(self, *, child_id: int, out: Path) -> tuple[Path, str]:
        """Write the encrypted package; returns its path and the passphrase (shown once)."""
        if self.actor.role is not Role.ADMINISTRATOR:
            self.children.guard_edit(child_id, "sar.export")
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            if row is None or row.erased_at is not None:
                raise NotFound(f"There is no child {child_id}.")
            f = childfile.load_file(db, row)
            forms = {
                c.id: blobs.load(self.vault, db, cw_form)
                for c in db.scalars(select(cw.Consent).where(cw.Consent.child_id == child_id))
                if (cw_form := c.form_object_id)
            }
            entries = db.scalars(
                select(AuditRow).where(AuditRow.child_id == child_id).order_by(AuditRow.seq)
            ).all()
            log = [audit.to_entry(e) for e in entries]
            items = db.scalars(
                select(cw.SupervisionItem).where(cw.SupervisionItem.child_id == child_id)
            ).all()
            photo_rows = db.scalars(
                select(cw.Photo)
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                .where(cw.CaptureChild.child_id == child_id, cw.Photo.erased_at.is_(None))
                .distinct()
            ).all()
            photos = [
                (
                    p.id,
                    blobs.load(self.vault, db, p.original_object_id),
                    [
                        (x.top, x.right, x.bottom, x.left)
                        for x in db.scalars(select(cw.Face).where(cw.Face.photo_id == p.id))
                        if (x.child_id or x.suggested_child_id) != child_id
                    ],
                )
                for p in photo_rows
            ]
        archive = io.BytesIO()
        redactions: list[str] = []
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for pid, data, others in photos:
                img = decode(data).image
                if others:
                    img = blur_faces(img, others)
                    redactions.append(
                        f"photo-{pid}.jpg: {len(others)} other person(s) blurred "
                        "(third-party data; R11, policy 5.5.1, 5.5.2)"
                    )
                z.writestr(f"photos/photo-{pid}.jpg", clean_jpeg(img))
            for cid, data in forms.items():
                z.writestr(f"consent-forms/consent-{cid}.{_ext(data)}", data)
            z.writestr(
                "record.json",
                json.dumps(
                    {
                        "file": _plain(f),
                        "audit": _plain(log),
                        "supervision": [
                            {
                                "id": i.id,
                                "kind": i.kind,
                                "summary": i.summary,
                                "created_at": i.created_at.isoformat(),
                            }
                            for i in items
                        ],
                    },
                    indent=2,
                ),
            )
            z.writestr("redactions.txt", "\n".join(redactions) or "No redactions.")
            z.writestr(
                "index.html", _index(f.child.name, len(photos), len(forms), len(log), redactions)
            )
        passphrase = "-".join(secrets.token_hex(3) for _ in range(5))
        path = Path(out)
        atomic_write(path, seal_package(archive.getvalue(), passphrase))
        with self.vault.unit() as db:
            audit.append(
                db,
                action="sar.exported",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                child_id=child_id,
                subject=f"child {child_id}",
                details={"photos": len(photos), "forms": len(forms), "redactions": len(redactions)},
            )
        return path, passphrase


def _ext(data: bytes) -> str:
    from sefton_photos.consents import form_media_type

    return form_media_type(data).split("/")[-1]


def _plain(value: object) -> object:
    from dataclasses import asdict, is_dataclass

    def conv(v: object) -> object:
        if is_dataclass(v) and not isinstance(v, type):
            return {k: conv(x) for k, x in asdict(v).items()}
        if isinstance(v, dict):
            return {str(k): conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return v

    return conv(value)


def _index(name: str, photos: int, forms: int, entries: int, redactions: list[str]) -> str:
    items = "".join(f"<li>{html.escape(r)}</li>" for r in redactions) or "<li>None.</li>"
    return (
        f"<!doctype html><meta charset='utf-8'><title>Subject access: "
        f"{html.escape(name)}</title><h1>Everything Sefton Photos holds about "
        f"{html.escape(name)}</h1><ul><li>record.json: the child's file, consents, wishes, "
        f"explanations, {entries} audit entries and supervision items</li><li>photos/: "
        f"{photos} photos</li><li>consent-forms/: {forms} scanned forms</li></ul>"
        f"<h2>Redactions and why</h2><ul>{items}</ul>"
    )

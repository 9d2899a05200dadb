"""The subject access package of one child (R13, UK GDPR art. 15).

Everything the vault holds about the child: the file (people with parental
responsibility, consents, wishes, explanations), every photo they are in (captured for
them, or another child's photo in which their face was confirmed), the face-matching
data held (enrolments, when and under which consent, which photos have their face
confirmed or suggested), scanned consent forms, their audit entries and supervision
items.  Other people's faces are blurred and every redaction is explained (R11,
policy 5.5.1, 5.5.2).  The package is an AES-256 ZIP (:mod:`sefton_photos.support.aeszip`) that
opens with 7-Zip or WinZip; its passphrase is returned once and stored nowhere.  The
request's reference is required, written into the package and the audit entry.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass, is_dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import audit
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.faces.detect import detect
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.redact import blur_faces, clean_jpeg
from sefton_photos.model import FaceStatus
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import AuditRow, UserRow
from sefton_photos.support import aeszip, blobs, childfile
from sefton_photos.vault.vault import Vault
from sefton_photos.words import plural

# A request reference is a code, never a name: it goes into the audit log (R14), which
# names people by id only.
REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}")
BAD_REFERENCE = (
    "Give the subject access request's reference, such as SAR-2026-014 (letters, digits "
    "and - / _ . only, with at least one digit; not a name): it is kept with the audit "
    "entry (R13, UK GDPR art. 15)."
)


def check_reference(reference: str) -> str:
    ref = (reference or "").strip()
    if not REFERENCE.fullmatch(ref) or not any(ch.isdigit() for ch in ref):
        raise InvalidInput(BAD_REFERENCE)
    return ref


@dataclass(frozen=True, slots=True)
class _Photo:
    id: int
    data: bytes
    others: list[tuple[int, int, int, int]]  # boxes to blur
    how: str  # "captured for the child" | "the child's face was confirmed in it"
    detected: bool  # were its faces ever looked for (R11)


@dataclass(frozen=True, slots=True)
class Package:
    """The encrypted package, ready to write, and what its audit entry says."""

    data: bytes
    passphrase: str
    details: dict[str, object]


def build_package(vault: Vault, db: OrmSession, *, child_id: int, reference: str) -> Package:
    """Gather, redact and encrypt the package in ``db``; the caller writes it (outputs)."""
    ref = check_reference(reference)
    row = db.get(cw.Child, child_id)
    if row is None or row.erased_at is not None:
        raise NotFound(f"There is no child {child_id}.")
    f = childfile.load_file(db, row)
    forms = {
        c.id: blobs.load(vault, db, c.form_object_id)
        for c in db.scalars(select(cw.Consent).where(cw.Consent.child_id == child_id))
        if c.form_object_id
    }
    log = [
        audit.to_entry(e)
        for e in db.scalars(
            select(AuditRow).where(AuditRow.child_id == child_id).order_by(AuditRow.seq)
        )
    ]
    items = db.scalars(
        select(cw.SupervisionItem).where(cw.SupervisionItem.child_id == child_id)
    ).all()
    photos = _photos(vault, db, child_id)
    faces = _face_data(db, child_id)

    entries: list[tuple[str, bytes]] = []
    redactions: list[str] = []
    for p in photos:
        img = decode(p.data).image
        others = p.others
        if not p.detected:  # R11: never looked for; every face found now is blurred
            others = [face.box for face in detect(img, encode=False)]
        if others:
            img = blur_faces(img, others)
            redactions.append(
                f"photo-{p.id}.jpg: {plural(len(others), 'face')} blurred, not confirmed by "
                "a person as this child (third-party data; R11, policy 5.5.1, 5.5.2)"
            )
        entries.append((f"photos/photo-{p.id}.jpg", clean_jpeg(img)))
    for cid, data in forms.items():
        entries.append((f"consent-forms/consent-{cid}.{_ext(data)}", data))
    record = {
        "request_reference": ref,
        "file": _plain(f),
        "photos": [{"photo": p.id, "why_included": p.how} for p in photos],
        "face_matching_data": faces,
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
    }
    entries.append(("record.json", json.dumps(record, indent=2).encode()))
    entries.append(("redactions.txt", ("\n".join(redactions) or "No redactions.").encode()))
    entries.append(
        ("index.html", _index(f.child.name, ref, photos, len(forms), len(log), faces, redactions))
    )
    passphrase = aeszip.new_passphrase()
    return Package(
        aeszip.write(entries, passphrase),
        passphrase,
        {
            "reference": ref,
            "photos": len(photos),
            "forms": len(forms),
            "redactions": len(redactions),
            "face_enrolments": len(faces["enrolments"]),
        },
    )


def _photos(vault: Vault, db: OrmSession, child_id: int) -> list[_Photo]:
    captured = set(
        db.scalars(
            select(cw.CapturePhoto.photo_id)
            .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
            .where(cw.CaptureChild.child_id == child_id)
        )
    )
    confirmed = set(
        db.scalars(
            select(cw.Face.photo_id).where(
                cw.Face.child_id == child_id, cw.Face.status == FaceStatus.CONFIRMED.value
            )
        )
    )
    out = []
    for p in db.scalars(
        select(cw.Photo)
        .where(cw.Photo.id.in_(captured | confirmed), cw.Photo.erased_at.is_(None))
        .order_by(cw.Photo.id)
    ):
        others = [  # R11: only a face a person confirmed as this child stays sharp
            (x.top, x.right, x.bottom, x.left)
            for x in db.scalars(select(cw.Face).where(cw.Face.photo_id == p.id))
            if not (x.status == FaceStatus.CONFIRMED.value and x.child_id == child_id)
        ]
        how = (
            "captured for the child" if p.id in captured else "the child's face was confirmed in it"
        )
        data = blobs.load(vault, db, p.original_object_id)
        out.append(_Photo(p.id, data, others, how, p.faces_detected))
    return out


def _face_data(db: OrmSession, child_id: int) -> dict[str, list[dict[str, object]]]:
    """The biometric data held (R13): enrolments, and the faces linked to the child."""
    names = {u.id: u.name for u in db.scalars(select(UserRow))}
    enrolments: list[dict[str, object]] = [
        {
            "enrolment": e.id,
            "taken_at": e.enrolled_at.isoformat(),
            "by": names.get(e.enrolled_by),
            "under_consent": e.consent_id,
            "kind": "reference face encoding (128 numbers)",
        }
        for e in db.scalars(
            select(cw.FaceEnrolment)
            .where(cw.FaceEnrolment.child_id == child_id)
            .order_by(cw.FaceEnrolment.id)
        )
    ]
    faces: list[dict[str, object]] = [
        {
            "photo": x.photo_id,
            "face": x.id,
            "status": x.status
            if x.child_id == child_id or x.status == FaceStatus.REJECTED.value
            else "suggested",
            "confirmed_by": names.get(x.confirmed_by or 0) if x.child_id == child_id else None,
            "encoding_held": x.encoding is not None,
        }
        for x in db.scalars(
            select(cw.Face)
            .where(or_(cw.Face.child_id == child_id, cw.Face.suggested_child_id == child_id))
            .order_by(cw.Face.photo_id, cw.Face.id)
        )
    ]
    return {"enrolments": enrolments, "faces": faces}


def _ext(data: bytes) -> str:
    from sefton_photos.services.consents import form_media_type

    return form_media_type(data).split("/")[-1]


def _plain(value: object) -> object:
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


def _index(
    name: str,
    reference: str,
    photos: list[_Photo],
    forms: int,
    entries: int,
    faces: dict[str, list[dict[str, object]]],
    redactions: list[str],
) -> bytes:
    e = html.escape
    items = "".join(f"<li>{e(r)}</li>" for r in redactions) or "<li>None.</li>"
    enrolled = (
        "".join(
            f"<li>Enrolment {x['enrolment']}: taken {e(str(x['taken_at']))[:10]} under consent "
            f"{x['under_consent']}</li>"
            for x in faces["enrolments"]
        )
        or "<li>No face enrolment is held.</li>"
    )
    confirmed = sorted({int(str(x["photo"])) for x in faces["faces"] if x["status"] == "confirmed"})
    found = sum(1 for p in photos if p.how != "captured for the child")
    return (
        f"<!doctype html><meta charset='utf-8'><title>Subject access: {e(name)}</title>"
        f"<h1>Everything Sefton Photos holds about {e(name)}</h1>"
        f"<p>Request reference: {e(reference)}</p><ul><li>record.json: the child's file, "
        f"consents, wishes, explanations, face-matching data, {entries} audit entries and "
        f"supervision items</li><li>photos/: {len(photos)} photos ({found} of them another "
        f"child's photo in which this child's face was confirmed)</li><li>consent-forms/: "
        f"{forms} scanned forms</li></ul><h2>Face-matching data held (biometric)</h2><ul>"
        f"{enrolled}<li>Photos with the child's face confirmed: "
        f"{', '.join(str(p) for p in confirmed) or 'none'}</li></ul>"
        f"<h2>Redactions and why</h2><ul>{items}</ul>"
    ).encode()

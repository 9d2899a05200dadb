"""The facts a photo's export is judged on, gathered from the vault in one place.

An export, its preview, its redacted picture and the life story book all judge a
photo with :func:`sefton_photos.policy.can_export`; this gathers what that rule
reads (the child's file, the faces and who they are, the flag, the approval), so
each of them asks the same question of the same facts.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.model import Destination, ExportFacts, FaceId, PhotoId, User
from sefton_photos.schema import casework as cw
from sefton_photos.services.facedata import recognised_as, to_face
from sefton_photos.support import childfile


def export_facts(
    db: OrmSession,
    *,
    actor: User,
    photo_id: int,
    destination: Destination,
    only_child: int | None = None,
) -> ExportFacts | None:
    """What the policy needs to judge ``photo_id`` for ``destination``; None when the
    photo is unknown, erased or not one ``actor`` may see (need-to-know).

    ``only_child`` judges the photo for that one child (the life story book) rather
    than for every child it was taken for."""
    photo = db.get(cw.Photo, photo_id)
    if photo is None or photo.erased_at is not None:
        return None
    visible = childfile.visible_child_ids(db, actor.id, actor.role)
    linked = sorted(
        set(
            db.scalars(
                select(cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                .where(cw.CapturePhoto.photo_id == photo_id)
            )
        )
    )
    if not linked or not set(linked) & visible:
        return None
    judged = [only_child] if only_child is not None else linked
    files = tuple(
        childfile.load_file(db, row) for cid in judged if (row := db.get(cw.Child, cid)) is not None
    )
    faces, cared_for = [], []
    for face in db.scalars(select(cw.Face).where(cw.Face.photo_id == photo_id)):
        faces.append(to_face(db, face, visible))
        who = recognised_as(face)
        other = db.get(cw.Child, who) if who is not None and who not in judged else None
        if other is not None and other.erased_at is None:
            seen = childfile.to_child(db, other)
            if seen.care_status.cared_for or seen.ever_cared_for:
                cared_for.append(FaceId(face.id))  # R6, R9: whoever it was taken for
    approved = (
        db.scalar(
            select(func.count())
            .select_from(cw.Approval)
            .where(
                cw.Approval.photo_id == photo_id,
                cw.Approval.destination == destination.value,
                cw.Approval.revoked_at.is_(None),
            )
        )
        or 0
    )
    return ExportFacts(
        photo_id=PhotoId(photo_id),
        files=files,
        faces=tuple(faces),
        flagged=photo.flag_reason if photo.flagged_at else None,
        approved=approved > 0,
        faces_detected=photo.faces_detected,
        faces_checked=photo.faces_checked_at is not None,
        cared_for_faces=tuple(cared_for),
    )

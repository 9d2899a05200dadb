"""Enrolment for face matching (R11, R13): a child's references, under consent.

A child is enrolled from one of their own vault photos (the face a worker points at)
or from a file.  The face-matching consent is checked first, before a single byte is
decoded (R13, UK GDPR).  Each reference records when its photo was taken and where
it came from, because children's faces change fast: a reference more than a year old
is shown as stale, to be re-enrolled.  Mixed into ``FacesService`` (``session.faces``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from sefton_photos import policy
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.faces.detect import FoundFace, detect
from sefton_photos.imaging.decode import decode
from sefton_photos.model import Enrolment, FaceStatus
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import UserRow
from sefton_photos.support import blobs, childfile
from sefton_photos.support.context import ServiceContext
from sefton_photos.support.facerows import children_of, pack
from sefton_photos.support.pipeline import DETECT_FROM, faces_in, read_once

Box = tuple[int, int, int, int]


def overlap(a: Box, b: Box) -> float:
    """Intersection over union of two (top, right, bottom, left) boxes."""
    top, right = max(a[0], b[0]), min(a[1], b[1])
    bottom, left = min(a[2], b[2]), max(a[3], b[3])
    inter = max(0, right - left) * max(0, bottom - top)

    def area(x: Box) -> int:
        return max(0, x[1] - x[3]) * max(0, x[2] - x[0])

    union = area(a) + area(b) - inter
    return inter / union if union else 0.0


class Enrolling:
    """``enrol``, ``references`` and ``enrolments`` of :class:`FacesService`."""

    ctx: ServiceContext

    def enrol(
        self,
        *,
        child_id: int,
        photo: Path | bytes | None = None,
        photo_id: int | None = None,
        face_id: int | None = None,
        replace_existing: bool = False,
    ) -> int:
        """Enrol a child from a reference showing their face; returns the enrolment id.

        ``photo_id`` is one of the child's own vault photos (``face_id`` chooses the face
        when it shows several); ``photo`` is a file or its bytes, showing one face.
        """
        if (photo is None) == (photo_id is None):
            raise InvalidInput("Enrol from one of the child's photos or from a file (one of them).")
        if face_id is not None and photo_id is None:
            raise InvalidInput("A face is chosen in one of the child's photos: name the photo.")
        self.ctx.guard_edit(child_id, "face.enrol")
        with self.ctx.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            assert row is not None
            f = childfile.load_file(db, row)
        decision = policy.may_enrol_face(f, date.today())  # R13: before anything is decoded
        self.ctx.require(decision, "face.enrol", f"child {child_id}")
        if photo_id is not None:
            face, taken, source = self._from_vault(child_id, photo_id, face_id)
        else:
            assert photo is not None
            data = read_once(photo) if isinstance(photo, Path) else photo
            decoded = decode(data)
            found = detect(decoded.image)
            if len(found) != 1:
                raise InvalidInput(
                    f"A reference photo must show exactly one face; this one shows {len(found)}."
                )
            face, taken, source = found[0], decoded.taken_at, "a file"
        if not face.encoding:
            raise InvalidInput("The face could not be measured for matching; try another photo.")
        consent = next(
            c
            for c in reversed(f.consents)
            if c.status(date.today()) == "active" and c.kind.value == "face_matching"
        )
        with self.ctx.vault.unit() as db:
            removed = 0
            if replace_existing:
                for old in db.scalars(
                    select(cw.FaceEnrolment).where(cw.FaceEnrolment.child_id == child_id)
                ):
                    db.delete(old)
                    removed += 1
            enrolment = cw.FaceEnrolment(
                child_id=child_id,
                consent_id=consent.id,
                encoding=pack(face.encoding),
                enrolled_by=self.ctx.actor.id,
                enrolled_at=utcnow(),
                taken_at=taken,
                source=source,
            )
            db.add(enrolment)
            db.flush()
            self.ctx.audit(
                db,
                action="face.enrolled",
                child_id=child_id,
                subject=f"child {child_id}",
                details={"consent": consent.id, "replaced": removed, "source": source},
            )
            return enrolment.id

    def _from_vault(
        self, child_id: int, photo_id: int, face_id: int | None
    ) -> tuple[FoundFace, datetime | None, str]:
        """The chosen face of one of the child's own photos, found again in its pixels."""
        with self.ctx.vault.unit() as db:
            row = db.get(cw.Photo, photo_id)
            if row is None or row.erased_at is not None:
                raise NotFound(f"There is no photo {photo_id} among the photos you may see.")
            if child_id not in children_of(db, photo_id):
                raise InvalidInput(
                    f"Photo {photo_id} is not one of this child's photos: a child is enrolled "
                    "only from a photo of a capture they are in."
                )
            faces = db.scalars(select(cw.Face).where(cw.Face.photo_id == photo_id)).all()
            chosen = None
            if face_id is not None:
                chosen = next((x for x in faces if x.id == face_id), None)
                if chosen is None:
                    raise InvalidInput(f"Face {face_id} is not in photo {photo_id}.")
            elif len(faces) > 1:
                raise InvalidInput(
                    f"Photo {photo_id} shows {len(faces)} faces: choose the child's face."
                )
            elif faces:
                chosen = faces[0]
            if chosen is not None:
                status = FaceStatus(chosen.status)
                if status is FaceStatus.CONFIRMED and chosen.child_id != child_id:
                    raise InvalidInput("A person confirmed this face as another child.")
                if status is FaceStatus.REJECTED and chosen.suggested_child_id == child_id:
                    raise InvalidInput("A person marked this face as not this child.")
            box = (chosen.top, chosen.right, chosen.bottom, chosen.left) if chosen else None
            data = blobs.load(self.ctx.vault, db, row.original_object_id)
            taken = row.taken_at
        found = faces_in(decode(data, at_least=DETECT_FROM))  # as the import finds them
        if box is None:
            if len(found) != 1:
                raise InvalidInput(
                    f"A reference photo must show exactly one face; photo {photo_id} shows "
                    f"{len(found)}."
                )
            return found[0], taken, f"photo {photo_id}"
        best = max(found, key=lambda x: overlap(x.box, box), default=None)
        if best is None or overlap(best.box, box) < 0.3:
            raise InvalidInput(
                f"The face could not be found again in photo {photo_id}; enrol from a file."
            )
        return best, taken, f"photo {photo_id}"

    def references(self, *, child_id: int) -> list[Enrolment]:
        """The child's references, oldest first; a stale one is due to be re-enrolled."""
        self.ctx.guard_view(child_id, "face.references")
        today = date.today()
        with self.ctx.vault.unit() as db:
            rows = db.execute(
                select(cw.FaceEnrolment, UserRow.name)
                .join(UserRow, cw.FaceEnrolment.enrolled_by == UserRow.id)
                .where(cw.FaceEnrolment.child_id == child_id)
                .order_by(cw.FaceEnrolment.id)
            ).all()
            return [
                Enrolment(
                    id=e.id,
                    enrolled_at=e.enrolled_at,
                    taken_at=e.taken_at,
                    source=e.source,
                    enrolled_by=name,
                    stale=Enrolment.is_stale(e.taken_at, e.enrolled_at, today),
                )
                for e, name in rows
            ]

    def enrolments(self, *, child_id: int) -> int:
        self.ctx.guard_view(child_id, "face.enrolments")
        with self.ctx.vault.unit() as db:
            return len(
                db.scalars(
                    select(cw.FaceEnrolment.id).where(cw.FaceEnrolment.child_id == child_id)
                ).all()
            )

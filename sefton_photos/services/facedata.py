"""Face data (R11, R13): enrolment under consent, the references, review of suggestions.

A reference photo enrols a child only while a face-matching consent is on file;
its encoding is stored inside the encrypted database and deleted (with an audit
entry) when that consent is withdrawn or the record erased.  Imported faces keep
an encoding only when suggested as an enrolled child; other faces keep just
their box, so no biometric data is held on anyone without consent.  A person
reviews each face: confirms it as a child of the capture, or rejects it ("not this
child", someone else), and can undo that back to what face matching said.  A photo
imported without face detection has its faces looked for here (``detect``) before
it can leave beyond the case record (R11).
Available on a session as ``session.faces``; enrolment is in
:mod:`sefton_photos.services.enrolment`, faces the detector missed in
:mod:`sefton_photos.services.outlining`, the face rows in :mod:`sefton_photos.support.facerows`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.imaging.decode import decode
from sefton_photos.model import FaceInfo, FaceStatus
from sefton_photos.model.photos import REVIEWED
from sefton_photos.model.settings import FACE_MATCHING, FACE_THRESHOLD
from sefton_photos.schema import casework as cw
from sefton_photos.services.enrolment import Enrolling
from sefton_photos.services.outlining import Outlining
from sefton_photos.support import blobs, childfile, settings
from sefton_photos.support.context import Service
from sefton_photos.support.facerows import (
    FaceSettings,
    children_of,
    recognised_as,
    record_faces,
    references,
    to_face,
    unpack,
)
from sefton_photos.support.pipeline import DETECT_FROM, faces_in

__all__ = [
    "FaceSettings",
    "FacesService",
    "recognised_as",
    "record_faces",
    "references",
    "to_face",
    "unpack",
]


class FacesService(Service, Enrolling, Outlining):
    # -- review: a person rules on each face (R11) ------------------------------------------

    def _reviewable(self, face_id: int, action: str) -> list[int]:
        """The children of the face's photo, once the actor may review it."""
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            links = children_of(db, face.photo_id) if face else []
        if face is None or not links:
            raise NotFound(f"There is no face with id {face_id}.")
        self.ctx.guard(links[0], access.may_capture, action)
        return links

    def _ruled(self, db: OrmSession, face: cw.Face, action: str, links: list[int]) -> FaceInfo:
        self.ctx.audit(
            db,
            action=action,
            child_id=face.child_id or links[0],
            subject=f"face {face.id}",
            details={"as_child": face.child_id, "status": face.status},
        )
        return to_face(db, face, set(links))

    def confirm(self, *, face_id: int, child_id: int | None = None) -> FaceInfo:
        """The worker confirms a face as a child of the capture; ``None`` rejects it
        ("not this child", someone else), as :meth:`reject` (R11)."""
        if child_id is None:
            return self.reject(face_id=face_id)
        links = self._reviewable(face_id, "face.confirm")
        if child_id not in links:
            raise InvalidInput(
                "A face can be confirmed only as a child of this capture; "
                "anyone else is recorded as someone else (R11)."
            )
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            assert face is not None
            taken = db.scalars(
                select(cw.Face.child_id).where(
                    cw.Face.photo_id == face.photo_id,
                    cw.Face.id != face_id,
                    cw.Face.status == FaceStatus.CONFIRMED.value,
                )
            ).all()
            if child_id in taken:
                raise InvalidInput("Another face in this photo is already that child.")
            face.child_id = child_id
            face.confirmed_by = self.actor.id
            face.status = FaceStatus.CONFIRMED.value
            if child_id != face.suggested_child_id:
                face.encoding = None  # R13: no biometric data on someone not enrolled
            return self._ruled(db, face, "face.confirmed", links)

    def reject(self, *, face_id: int) -> FaceInfo:
        """ "Not this child": the face is someone else, blurred beyond the case record
        and no one's; its encoding is deleted (R11, R13)."""
        links = self._reviewable(face_id, "face.reject")
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            assert face is not None
            face.child_id = None
            face.confirmed_by = self.actor.id
            face.status = FaceStatus.REJECTED.value
            face.encoding = None  # R13
            return self._ruled(db, face, "face.rejected", links)

    def undo(self, *, face_id: int) -> FaceInfo:
        """Back to what face matching said before any person ruled on the face."""
        links = self._reviewable(face_id, "face.undo")
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            assert face is not None
            if FaceStatus(face.status) not in REVIEWED:
                raise InvalidInput(
                    f"Nobody has reviewed face {face_id} yet, so there is nothing to undo."
                )
            suggested = face.suggested_child_id
            face.status = (
                FaceStatus.UNKNOWN
                if suggested is None
                else FaceStatus.SUGGESTED
                if suggested in links
                else FaceStatus.OTHER_CHILD
            ).value
            face.child_id = None
            face.confirmed_by = None
            return self._ruled(db, face, "face.review_undone", links)

    # -- faces never looked for ---------------------------------------------------------------

    def detect(self, *, photo_ids: Sequence[int]) -> dict[int, int]:
        """Look for the faces of photos whose faces were never looked for (imported with
        face detection off), so that they can be blurred (R11, policy 5.5.1, 5.5.2).

        Returns the number of faces found per photo it looked at; a photo already
        looked at is left as it is (its faces and their reviews stay).
        """
        done: dict[int, int] = {}
        for pid in dict.fromkeys(photo_ids):
            with self.vault.unit() as db:
                photo = db.get(cw.Photo, pid)
                live = photo is not None and photo.erased_at is None
                detected = photo is not None and photo.faces_detected
                links = children_of(db, pid)
                visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            mine = [c for c in links if c in visible]
            if not live or not mine:
                raise NotFound(f"There is no photo {pid} among the photos you may see.")
            self.ctx.guard(mine[0], access.may_capture, "face.detect")
            if detected:
                continue
            with self.vault.unit() as db:
                row = db.get(cw.Photo, pid)
                assert row is not None
                data = blobs.load(self.vault, db, row.original_object_id)
            found = faces_in(decode(data, at_least=DETECT_FROM))
            with self.vault.unit() as db:
                row = db.get(cw.Photo, pid)
                assert row is not None
                if row.faces_detected:  # looked at meanwhile
                    continue
                record_faces(
                    db,
                    photo_id=pid,
                    found=found,
                    capture_children=set(links),
                    settings=FaceSettings.load(db),
                    taken_at=row.taken_at,
                )
                row.faces_detected = True
                self.ctx.audit(
                    db,
                    action="face.detected",
                    child_id=mine[0],
                    subject=f"photo {pid}",
                    details={"faces": len(found)},
                )
            done[pid] = len(found)
        return done

    # -- settings -------------------------------------------------------------------------------

    def settings(self) -> FaceSettings:
        """Whether face matching is on for the vault, and its threshold (any signed-in user)."""
        with self.vault.unit() as db:
            return FaceSettings.load(db)

    def set_settings(self, *, enabled: bool | None = None, threshold: float | None = None) -> None:
        self.ctx.require(access.may_change_settings(self.actor.role), "settings.faces")
        if threshold is not None:
            FACE_THRESHOLD.check(threshold)
        with self.vault.unit() as db:
            if enabled is not None:
                settings.write(db, FACE_MATCHING, enabled)
            if threshold is not None:
                settings.write(db, FACE_THRESHOLD, threshold)
            self.ctx.audit(
                db,
                action="settings.changed",
                details={"face_matching": enabled, "face_threshold": threshold},
            )

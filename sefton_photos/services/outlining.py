"""Faces the detector missed (R11, policy 5.5.1, 5.5.2): outlined by a person, and the
whole-photo check the public waits for.

The detector can miss a face (a child lying down, a face half turned away) and a
missed face has no box, so nothing would blur it and nobody would be asked about
it.  A person who looks at the whole photo outlines any face without an outline
(``outline``): the new face is someone nobody has confirmed, so it is blurred
beyond the case record like any other, and it counts as reviewed (a person drew it).
``mark_checked`` records that a person looked at the whole photo; outlining a face
afterwards clears it, and a publicity or social-network export waits for it
(``policy.export``).  Both are audited.  Part of :class:`FacesService`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import FaceInfo, FaceStatus
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.support import childfile
from sefton_photos.support.context import ServiceContext
from sefton_photos.support.facerows import children_of, to_face

MIN_SIDE = 8  # px: a smaller box is a slip of the mouse, not a face


def check_box(box: tuple[int, int, int, int], width: int, height: int) -> tuple[int, ...]:
    """``box`` as four whole numbers inside a ``width`` x ``height`` photo, at least
    MIN_SIDE px each way; otherwise a plain-words refusal (R14)."""
    words = (
        f"A face's outline is top, right, bottom, left in the photo's pixels, inside its "
        f"{width} x {height} and at least {MIN_SIDE} px each way"
    )
    if len(box) != 4 or not all(isinstance(v, int) and not isinstance(v, bool) for v in box):
        raise InvalidInput(f"{words}.")
    top, right, bottom, left = box
    if not (left >= 0 and right <= width and top >= 0 and bottom <= height):
        raise InvalidInput(f"{words}; {top}, {right}, {bottom}, {left} is outside it.")
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        raise InvalidInput(f"{words}; {top}, {right}, {bottom}, {left} is too small or inverted.")
    return tuple(box)


class Outlining:
    """``outline`` and ``mark_checked`` of :class:`FacesService`."""

    ctx: ServiceContext

    def _photo_to_review(self, photo_id: int, action: str) -> tuple[list[int], int]:
        """The photo's children and one the actor is allocated to, once they may rule on
        its faces (as for confirming one, R4)."""
        with self.ctx.vault.unit() as db:
            photo = db.get(cw.Photo, photo_id)
            links = children_of(db, photo_id) if photo and photo.erased_at is None else []
            visible = childfile.visible_child_ids(db, self.ctx.actor.id, self.ctx.actor.role)
        mine = [c for c in links if c in visible]
        if not mine:
            raise NotFound(f"There is no photo {photo_id} among the photos you may see.")
        self.ctx.guard(mine[0], access.may_capture, action)
        return links, mine[0]

    def outline(self, *, photo_id: int, box: tuple[int, int, int, int]) -> FaceInfo:
        """A face the detector missed, outlined by the actor: blurred beyond the case
        record (nobody confirmed it as a consented child); the photo needs checking
        again before the public sees it (R11)."""
        links, child = self._photo_to_review(photo_id, "face.outline")
        with self.ctx.vault.unit() as db:
            photo = db.get(cw.Photo, photo_id)
            assert photo is not None
            top, right, bottom, left = check_box(box, photo.width, photo.height)
            face = cw.Face(
                photo_id=photo_id,
                top=top,
                right=right,
                bottom=bottom,
                left=left,
                encoding=None,  # R13: no biometric data on someone not enrolled
                status=FaceStatus.REJECTED.value,
                confirmed_by=self.ctx.actor.id,
                outlined_by=self.ctx.actor.id,
                unmatched_reason="outlined by a person: the detector missed it",
            )
            db.add(face)
            photo.faces_checked_at = None
            photo.faces_checked_by = None
            db.flush()
            self._audit(db, "face.outlined", child, photo_id, {"face": face.id, "box": [*box]})
            return to_face(db, face, set(links))

    def mark_checked(self, *, photo_id: int) -> None:
        """The actor looked at the whole photo and every face in it has an outline (R11)."""
        _, child = self._photo_to_review(photo_id, "photo.check_faces")
        with self.ctx.vault.unit() as db:
            photo = db.get(cw.Photo, photo_id)
            assert photo is not None
            if not photo.faces_detected:
                raise InvalidInput(
                    f"Photo {photo_id}'s faces were never looked for: detect them first "
                    f"(sefton-photos photo detect-faces {photo_id}), then check it (R11)."
                )
            photo.faces_checked_at = utcnow()
            photo.faces_checked_by = self.ctx.actor.id
            self._audit(db, "photo.faces_checked", child, photo_id, {})

    def _audit(
        self, db: OrmSession, action: str, child: int, photo_id: int, details: dict[str, object]
    ) -> None:
        self.ctx.audit(
            db,
            action=action,
            child_id=child,
            subject=f"photo {photo_id}",
            details=details,
        )

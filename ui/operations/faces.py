"""Operations on faces: the review's crops, a person's answer on a face, matching settings,
and a child's enrolment for face matching (R13)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtCore import QObject
    from PySide6.QtGui import QImage

    from sefton_photos.model import Enrolment, FaceInfo
    from sefton_photos.session import Session
    from ui.views.face_review import Loaded


def crops(
    *, parent: QObject | None, session: Session, photo_ids: Sequence[int], side: int, spot: int
) -> VaultOp[Loaded]:
    """Each photo's details, its faces cut out at ``side`` pixels and a ``spot``-pixel copy."""
    from ui.views.face_review import REVIEW_SIDE, crop_faces, small_copy  # it imports this

    photos, ids = session.photos, list(photo_ids)

    def work() -> Loaded:
        out: Loaded = []
        for photo_id in ids:
            info = photos.info(photo_id=photo_id)
            cut: dict[int, QImage] = {}
            small = None
            if info.faces:
                picture = photos.view(photo_id=photo_id, max_side=REVIEW_SIDE)
                cut = crop_faces(info, picture, side)
                small = small_copy(picture, spot)
            out.append((info, cut, small))
        return out

    return VaultOp(parent=parent, op=work)


def confirm(
    *, parent: QObject | None, session: Session, face_id: int, child_id: int
) -> VaultOp[FaceInfo]:
    """A person says whose face it is."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.confirm(face_id=face_id, child_id=child_id))


def reject(*, parent: QObject | None, session: Session, face_id: int) -> VaultOp[FaceInfo]:
    """Someone else: the face stays blurred (R11)."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.reject(face_id=face_id))


def undo(*, parent: QObject | None, session: Session, face_id: int) -> VaultOp[FaceInfo]:
    """Take a person's answer back: the face is as face matching left it."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.undo(face_id=face_id))


def outline(
    *, parent: QObject | None, session: Session, photo_id: int, box: tuple[int, int, int, int]
) -> VaultOp[FaceInfo]:
    """A face the detector missed, outlined by a person: blurred beyond the case record
    (R11); the core checks the box."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.outline(photo_id=photo_id, box=box))


def mark_checked(*, parent: QObject | None, session: Session, photo_id: int) -> VaultOp[None]:
    """A person looked at the whole photo for faces the detector missed (R11)."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.mark_checked(photo_id=photo_id))


def settings(*, parent: QObject | None, session: Session) -> VaultOp[tuple[bool, float]]:
    """Whether face matching is on, and its threshold."""
    faces = session.faces

    def work() -> tuple[bool, float]:
        now = faces.settings()
        return bool(now.enabled), float(now.threshold)

    return VaultOp(parent=parent, op=work)


def set_settings(
    *, parent: QObject | None, session: Session, enabled: bool, threshold: float
) -> VaultOp[None]:
    """Turn face matching on or off and set its threshold (an administrator's setting)."""
    faces = session.faces
    return VaultOp(
        parent=parent, op=lambda: faces.set_settings(enabled=enabled, threshold=threshold)
    )


def references(
    *, parent: QObject | None, session: Session, child_id: int
) -> VaultOp[list[Enrolment]]:
    """The child's reference faces for matching."""
    faces = session.faces
    return VaultOp(parent=parent, op=lambda: faces.references(child_id=child_id))


def enrol(
    *,
    parent: QObject | None,
    session: Session,
    child_id: int,
    photo_id: int | None,
    face_id: int | None,
    file: Path | None,
    replace: bool,
) -> VaultOp[int]:
    """Enrol the child from a face in one of their photos, or from a file (consent first)."""
    faces = session.faces

    def work() -> int:
        if file is not None:
            return faces.enrol(child_id=child_id, photo=file, replace_existing=replace)
        return faces.enrol(
            child_id=child_id, photo_id=photo_id, face_id=face_id, replace_existing=replace
        )

    return VaultOp(parent=parent, op=work)

"""Face rows (R11, R13): storing found faces with face matching's suggestions, and
reading them back as ``FaceInfo``.

Split from :mod:`sefton_photos.services.facedata` (the service) so the importer, exporter and
photo views share one way of recording a face, of saying why no one was suggested
(``unmatched_reason``, plain words), and of saying who a face is (``recognised_as``).
Imported faces keep an encoding only when suggested as an enrolled child; every other
face keeps just its box and, at most, a distance number (R13).
"""

from __future__ import annotations

import struct
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.faces.detect import FoundFace
from sefton_photos.faces.match import Suggestion, suggest
from sefton_photos.model import FaceId, FaceInfo, FaceStatus, PhotoId
from sefton_photos.model.photos import REVIEWED
from sefton_photos.model.settings import FACE_MATCHING, FACE_THRESHOLD
from sefton_photos.schema import casework as cw
from sefton_photos.support import settings

OFF_FOR_VAULT = "face matching is switched off for the vault by an administrator"
OFF_FOR_IMPORT = "face matching was switched off for this import"
NOT_ENROLLED = (
    "no child of this capture is enrolled for face matching "
    "(no face-matching consent, or no reference photo)"
)
BORN_AFTER = "a child of this capture was born after the photo was taken"


@dataclass(frozen=True, slots=True)
class FaceSettings:
    enabled: bool = True
    threshold: float = FACE_THRESHOLD.default
    off_because: str | None = None  # why matching is off, said on every face it left alone

    @classmethod
    def load(cls, db: OrmSession) -> FaceSettings:
        enabled = settings.read(db, FACE_MATCHING)
        return cls(
            enabled=enabled,
            threshold=settings.read(db, FACE_THRESHOLD),
            off_because=None if enabled else OFF_FOR_VAULT,
        )

    def off(self, because: str | None = None) -> FaceSettings:
        """Face matching off for one import; the vault's own "off" keeps its words."""
        return replace(
            self, enabled=False, off_because=because or self.off_because or OFF_FOR_IMPORT
        )


def unpack(blob: bytes) -> tuple[float, ...]:
    return struct.unpack(f"<{len(blob) // 8}d", blob)


def pack(encoding: Sequence[float]) -> bytes:
    return struct.pack(f"<{len(encoding)}d", *encoding)


def references(
    db: OrmSession, settings: FaceSettings
) -> tuple[dict[int, list[tuple[float, ...]]], dict[int, date]]:
    """Encodings of every child enrolled under a consent that still holds, and birthdays."""
    today = date.today()
    refs: dict[int, list[tuple[float, ...]]] = {}
    born: dict[int, date] = {}
    rows = db.execute(
        select(cw.FaceEnrolment, cw.Consent, cw.Child)
        .join(cw.Consent, cw.FaceEnrolment.consent_id == cw.Consent.id)
        .join(cw.Child, cw.FaceEnrolment.child_id == cw.Child.id)
        .where(cw.Consent.withdrawn_at.is_(None), cw.Child.erased_at.is_(None))
    )
    for enrolment, consent, child in rows:
        if consent.expires_on is not None and today >= consent.expires_on:
            continue
        refs.setdefault(child.id, []).append(unpack(enrolment.encoding))
        born[child.id] = child.date_of_birth
    return refs, born


def why_unmatched(
    s: Suggestion,
    encoding: Sequence[float],
    *,
    settings: FaceSettings,
    refs: Mapping[int, Sequence[object]],
    born: Mapping[int, date],
    capture_children: Collection[int],
    taken_at: datetime | None,
) -> str | None:
    """Why face matching suggested no one for this face, in plain words (no child named)."""
    if s.child_id is not None:
        return None
    if not settings.enabled:
        return settings.off_because or OFF_FOR_IMPORT
    mine = [c for c in capture_children if refs.get(c)]
    if not encoding or not mine:
        return NOT_ENROLLED
    if taken_at is not None and all(c in born and taken_at.date() < born[c] for c in mine):
        return BORN_AFTER
    return s.why


def record_faces(
    db: OrmSession,
    *,
    photo_id: int,
    found: Sequence[FoundFace],
    capture_children: Collection[int],
    settings: FaceSettings,
    taken_at: datetime | None,
) -> list[tuple[FoundFace, Suggestion, FaceStatus]]:
    """Store the faces found in a photo with face matching's suggestions (R11, R13).

    A suggestion is never a decision: a face suggested as a child of the capture waits
    for a person to confirm it.  An encoding is kept only for a face suggested as an
    enrolled (so consented) child; every other face keeps just its box and why no one
    was suggested.
    """
    refs, born = references(db, settings) if found and settings.enabled else ({}, {})
    if settings.enabled:
        suggestions = suggest(
            [f.encoding for f in found],
            refs,
            threshold=settings.threshold,
            taken_at=taken_at,
            born=born,
        )
    else:
        suggestions = [Suggestion(None, None) for _ in found]
    out = []
    for face, s in zip(found, suggestions, strict=True):
        if s.child_id is None:
            status = FaceStatus.UNKNOWN
        elif s.child_id in capture_children:
            status = FaceStatus.SUGGESTED
        else:
            status = FaceStatus.OTHER_CHILD
        top, right, bottom, left = face.box
        db.add(
            cw.Face(
                photo_id=photo_id,
                top=top,
                right=right,
                bottom=bottom,
                left=left,
                encoding=pack(face.encoding) if s.child_id is not None else None,
                suggested_child_id=s.child_id,
                suggested_distance=s.distance,
                status=status.value,
                unmatched_reason=why_unmatched(
                    s,
                    face.encoding,
                    settings=settings,
                    refs=refs,
                    born=born,
                    capture_children=capture_children,
                    taken_at=taken_at,
                ),
            )
        )
        out.append((face, s, status))
    return out


def recognised_as(face: cw.Face) -> int | None:
    """Who a face is said to be: the child a person confirmed, or face matching's
    suggestion while no one has ruled on it.  A face marked "not this child" is no one,
    whatever was suggested before (R11, policy 5.5.1, 5.5.2)."""
    status = FaceStatus(face.status)
    if status is FaceStatus.CONFIRMED:
        return face.child_id
    if status in (FaceStatus.SUGGESTED, FaceStatus.OTHER_CHILD):
        return face.suggested_child_id
    return None


def to_face(db: OrmSession, face: cw.Face, visible: set[int]) -> FaceInfo:
    who = recognised_as(face)
    shown = who if who in visible else None
    child = db.get(cw.Child, shown) if shown else None
    status = FaceStatus(face.status)
    return FaceInfo(
        id=FaceId(face.id),
        photo_id=PhotoId(face.photo_id),
        box=(face.top, face.right, face.bottom, face.left),
        child_id=child.id if child else None,  # type: ignore[arg-type]
        child_name=child.name if child else None,
        distance=face.suggested_distance,
        status=status,
        reviewed=status in REVIEWED,
        unmatched_reason=face.unmatched_reason,
        outlined=face.outlined_by is not None,
    )


def children_of(db: OrmSession, photo_id: int) -> list[int]:
    """The children of every capture the photo belongs to."""
    return sorted(
        set(
            db.scalars(
                select(cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                .where(cw.CapturePhoto.photo_id == photo_id)
            )
        )
    )

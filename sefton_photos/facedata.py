"""Face data (R11, R13): enrolment under consent, the references, review of suggestions.

A reference photo enrols a child only while a face-matching consent is on file;
its encoding is stored inside the encrypted database and deleted (with an audit
entry) when that consent is withdrawn or the record erased.  Imported faces keep
an encoding only when suggested as an enrolled child; other faces keep just
their box, so no biometric data is held on anyone without consent.  A photo
imported without face detection has its faces looked for here (``detect``)
before it can leave beyond the case record (R11).
Available on a session as ``session.faces``.
"""

from __future__ import annotations

import struct
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, audit, blobs, childfile, policy
from sefton_photos.children import ChildrenService
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.faces.detect import FoundFace, detect
from sefton_photos.faces.match import DEFAULT_THRESHOLD, Suggestion, suggest
from sefton_photos.guard import require
from sefton_photos.imaging.decode import decode
from sefton_photos.model import FaceId, FaceInfo, FaceStatus, PhotoId
from sefton_photos.pipeline import DETECT_FROM, faces_in, read_once
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import Setting


@dataclass(frozen=True, slots=True)
class FaceSettings:
    enabled: bool = True
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def load(cls, db: OrmSession) -> FaceSettings:
        on = db.get(Setting, "face_matching")
        limit = db.get(Setting, "face_threshold")
        return cls(
            enabled=(on.value != "off") if on else True,
            threshold=float(limit.value) if limit else DEFAULT_THRESHOLD,
        )

    def off(self) -> FaceSettings:
        return replace(self, enabled=False)


def unpack(blob: bytes) -> tuple[float, ...]:
    return struct.unpack(f"<{len(blob) // 8}d", blob)


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
    enrolled (so consented) child; every other face keeps just its box.
    """
    refs, born = references(db, settings) if found and settings.enabled else ({}, {})
    suggestions = suggest(
        [f.encoding for f in found],
        refs,
        threshold=settings.threshold,
        taken_at=taken_at,
        born=born,
    )
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
                encoding=_pack(face.encoding) if s.child_id is not None else None,
                suggested_child_id=s.child_id,
                suggested_distance=s.distance,
                status=status.value,
            )
        )
        out.append((face, s, status))
    return out


def _pack(encoding: tuple[float, ...]) -> bytes:
    return struct.pack(f"<{len(encoding)}d", *encoding)


class FacesService:
    def __init__(self, children: ChildrenService) -> None:
        self.children = children
        self.vault = children.vault
        self.actor = children.actor

    def enrol(self, *, child_id: int, photo: Path | bytes, replace_existing: bool = False) -> int:
        """Enrol a child from a reference photo showing one face; returns the enrolment id."""
        self.children.guard_edit(child_id, "face.enrol")
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            assert row is not None
            f = childfile.load_file(db, row)
        decision = policy.may_enrol_face(f, date.today())
        require(self.vault, self.actor, decision, "face.enrol", f"child {child_id}")
        data = read_once(photo) if isinstance(photo, Path) else photo
        found = detect(decode(data).image)
        if len(found) != 1:
            raise InvalidInput(
                f"A reference photo must show exactly one face; this one shows {len(found)}."
            )
        consent = next(
            c
            for c in reversed(f.consents)
            if c.status(date.today()) == "active" and c.kind.value == "face_matching"
        )
        with self.vault.unit() as db:
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
                encoding=struct.pack("<128d", *found[0].encoding),
                enrolled_by=self.actor.id,
                enrolled_at=utcnow(),
            )
            db.add(enrolment)
            db.flush()
            audit.append(
                db,
                action="face.enrolled",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                child_id=child_id,
                subject=f"child {child_id}",
                details={"consent": consent.id, "replaced": removed},
            )
            return enrolment.id

    def enrolments(self, *, child_id: int) -> int:
        self.children.guard_view(child_id, "face.enrolments")
        with self.vault.unit() as db:
            return len(
                db.scalars(
                    select(cw.FaceEnrolment.id).where(cw.FaceEnrolment.child_id == child_id)
                ).all()
            )

    def confirm(self, *, face_id: int, child_id: int | None) -> FaceInfo:
        """The worker confirms or corrects a suggestion; ``None`` means someone else (R11)."""
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            links = db.scalars(
                select(cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                .where(cw.CapturePhoto.photo_id == (face.photo_id if face else -1))
            ).all()
        if face is None or not links:
            raise NotFound(f"There is no face with id {face_id}.")
        self.children._guard(links[0], access.may_capture, "face.confirm")
        if child_id is not None and child_id not in links:
            raise InvalidInput(
                "A face can be confirmed only as a child of this capture; "
                "anyone else is recorded as someone else (R11)."
            )
        with self.vault.unit() as db:
            face = db.get(cw.Face, face_id)
            assert face is not None
            taken = [
                f.child_id
                for f in db.scalars(
                    select(cw.Face).where(
                        cw.Face.photo_id == face.photo_id,
                        cw.Face.id != face_id,
                        cw.Face.status == FaceStatus.CONFIRMED.value,
                    )
                )
            ]
            if child_id is not None and child_id in taken:
                raise InvalidInput("Another face in this photo is already that child.")
            face.child_id = child_id
            face.confirmed_by = self.actor.id
            face.status = (
                FaceStatus.CONFIRMED if child_id is not None else FaceStatus.UNKNOWN
            ).value
            if child_id is None or child_id != face.suggested_child_id:
                face.encoding = None  # R13: no biometric data on someone not enrolled
            audit.append(
                db,
                action="face.confirmed",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                child_id=child_id or links[0],
                subject=f"face {face_id}",
                details={"as_child": child_id},
            )
            return to_face(db, face, set(links))

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
                links = _children_of(db, pid)
                visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            mine = [c for c in links if c in visible]
            if not live or not mine:
                raise NotFound(f"There is no photo {pid} among the photos you may see.")
            self.children._guard(mine[0], access.may_capture, "face.detect")
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
                audit.append(
                    db,
                    action="face.detected",
                    actor_id=self.actor.id,
                    actor_name=self.actor.name,
                    child_id=mine[0],
                    subject=f"photo {pid}",
                    details={"faces": len(found)},
                )
            done[pid] = len(found)
        return done

    def set_settings(self, *, enabled: bool | None = None, threshold: float | None = None) -> None:
        require(
            self.vault, self.actor, access.may_change_settings(self.actor.role), "settings.faces"
        )
        if threshold is not None and not 0.3 <= threshold <= 0.8:
            raise InvalidInput("The matching threshold must be between 0.3 and 0.8.")
        with self.vault.unit() as db:
            if enabled is not None:
                db.merge(Setting(key="face_matching", value="on" if enabled else "off"))
            if threshold is not None:
                db.merge(Setting(key="face_threshold", value=str(threshold)))
            audit.append(
                db,
                action="settings.changed",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                details={"face_matching": enabled, "face_threshold": threshold},
            )


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
    return FaceInfo(
        id=FaceId(face.id),
        photo_id=PhotoId(face.photo_id),
        box=(face.top, face.right, face.bottom, face.left),
        child_id=child.id if child else None,  # type: ignore[arg-type]
        child_name=child.name if child else None,
        distance=face.suggested_distance,
        status=FaceStatus(face.status),
    )


def _children_of(db: OrmSession, photo_id: int) -> list[int]:
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

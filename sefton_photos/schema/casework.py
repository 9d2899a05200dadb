"""The child's file and everything that hangs off it.

Children, the people with parental responsibility, wishes (R2), consents (R3, R7,
R12, R13), consent checks (R3), photos and faces (R5, R11, R13), captures (R1, R4),
supervision (R10) and exports (R6, R7, R9, R11).  History is kept: consents are
withdrawn, never deleted; corrections are new rows that point at the old one.
Free text that could identify a child lives only here, inside the encrypted
database, never in file names or the slot file.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from sefton_photos.schema.base import Base, UTCDateTime


class Child(Base):
    __tablename__ = "children"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date)
    care_status: Mapped[str] = mapped_column(String(40))  # R6, R9: looked_after, foster, ...
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retain_until: Mapped[date | None] = mapped_column(Date)  # R13 retention
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CareStatusChange(Base):
    """Every care status a child has had: once cared for, always "previously" (R6, R9)."""

    __tablename__ = "care_status_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    status: Mapped[str] = mapped_column(String(40))
    changed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Allocation(Base):
    """Need-to-know: which staff may see a child (allocated social worker, key workers)."""

    __tablename__ = "allocations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # social_worker | key_worker
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ResponsiblePerson(Base):
    """A person with parental responsibility recorded on the file (R3, R7)."""

    __tablename__ = "responsible_people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Wish(Base):
    """R2 (5.5.4.2): whether the child, a parent/carer or a worker wishes photos taken.

    One wish per person: the child; a person with PR (``person_id``); a carer without PR
    (``carer_name``); a worker allocated to the child (``worker_id``, their own wish).
    The latest row per person is the one in force; older rows stay as history.  Rows
    from schema 0001 may name no one (unattributed): see ``policy._r2_wishes``.
    """

    __tablename__ = "wishes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    whose: Mapped[str] = mapped_column(String(20))  # child | parent_carer | worker
    person_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_people.id"))
    carer_name: Mapped[str | None] = mapped_column(String(200))  # 0002
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # 0002
    wishes_photos: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WishNotNeeded(Base):
    """R2 (5.5.4.2), recorded by a social worker: why a person with PR is not asked for
    their wish (``person_id``; covers a missing wish only, never a recorded "no"), or
    that a carer no longer cares for the child (``carer_name``; their wishes recorded
    before it stop counting).  (0002)
    """

    __tablename__ = "wish_waivers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_people.id"))
    carer_name: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Explanation(Base):
    """R2 (5.5.4.2): the purpose was explained to the child / parent-carer, or why not."""

    __tablename__ = "explanations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    to_whom: Mapped[str] = mapped_column(String(20))  # child | parent_carer
    explained: Mapped[bool] = mapped_column(Boolean)
    explained_on: Mapped[date | None] = mapped_column(Date)
    not_explained_reason: Mapped[str | None] = mapped_column(Text)
    permitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Consent(Base):
    """Written consent on the child's file (R3, R7, R12, R13).  Never deleted."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # one_to_one | group | publicity | face_matching
    given_by: Mapped[str] = mapped_column(String(30))  # parent_carer | social_worker | young_person
    person_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_people.id"))
    giver_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    understanding_assessment: Mapped[str | None] = mapped_column(Text)
    purposes: Mapped[str] = mapped_column(Text)  # JSON list
    destinations: Mapped[str] = mapped_column(Text)  # JSON list
    signed_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)  # first day it no longer holds
    carers_notified_on: Mapped[date | None] = mapped_column(Date)  # group activities (R3)
    form_object_id: Mapped[str | None] = mapped_column(ForeignKey("objects.id"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("consents.id"))


class ConsentCheck(Base):
    """R3 (5.5.4.3): a key worker's check before a session is itself logged."""

    __tablename__ = "consent_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    purpose: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    allowed: Mapped[bool] = mapped_column(Boolean)
    decision: Mapped[str] = mapped_column(Text)  # JSON of policy.Decision


class Photo(Base):
    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    original_object_id: Mapped[str] = mapped_column(ForeignKey("objects.id"))
    thumbnail_object_id: Mapped[str | None] = mapped_column(ForeignKey("objects.id"))
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # de-duplication
    media_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    imported_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # R12 review
    flag_reason: Mapped[str | None] = mapped_column(Text)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # R11 (5.5.1, 5.5.2): were faces ever looked for?  No face rows is "none found" only
    # when this is true; until then nothing leaves beyond the case record (revision 0003).
    faces_detected: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # R11: when a person last checked the whole photo for faces the detector missed, and
    # who; cleared when a face is outlined.  The public waits for it (revision 0006).
    faces_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    faces_checked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Face(Base):
    """A face found in a photo; the encoding is biometric data (R13)."""

    __tablename__ = "faces"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id"), index=True)
    top: Mapped[int] = mapped_column(Integer)
    right: Mapped[int] = mapped_column(Integer)
    bottom: Mapped[int] = mapped_column(Integer)
    left: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[bytes | None] = mapped_column(LargeBinary)
    suggested_child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"))
    suggested_distance: Mapped[float | None] = mapped_column(Float)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"))  # confirmed
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # suggested | confirmed | other_child | unknown | rejected ("not this child")
    status: Mapped[str] = mapped_column(String(20))
    unmatched_reason: Mapped[str | None] = mapped_column(Text)  # why no suggestion (0005)
    outlined_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # a missed face (0006)


class FaceEnrolment(Base):
    """A reference encoding for a child, kept only under a face-matching consent (R13)."""

    __tablename__ = "face_enrolments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consents.id"))
    encoding: Mapped[bytes] = mapped_column(LargeBinary)
    enrolled_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the reference's date
    source: Mapped[str | None] = mapped_column(Text)  # "photo 12" or "a file" (0005)


class Capture(Base):
    """A logged capture: purpose (R1), attestation (R4), who took it, on what device (R5)."""

    __tablename__ = "captures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    purpose_note: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    attested: Mapped[bool] = mapped_column(Boolean)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaptureChild(Base):
    __tablename__ = "capture_children"
    capture_id: Mapped[int] = mapped_column(ForeignKey("captures.id"), primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), primary_key=True)
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consents.id"))


class CapturePhoto(Base):
    __tablename__ = "capture_photos"
    capture_id: Mapped[int] = mapped_column(ForeignKey("captures.id"), primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id"), primary_key=True)


class SupervisionItem(Base):
    """R10 (5.5.3.2): an alert on a line manager's queue, open until a note covers it."""

    __tablename__ = "supervision_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # capture | withdrawal | refused_export
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"))
    summary: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_notes.id"))


class SupervisionNote(Base):
    __tablename__ = "supervision_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    session_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    manager_ack_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    worker_ack_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SupervisionAction(Base):
    __tablename__ = "supervision_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("supervision_notes.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)


class SupervisionAddendum(Base):
    __tablename__ = "supervision_addenda"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("supervision_notes.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Export(Base):
    """Every export attempt, allowed or refused, with the decision (R6, R7, R9, R11, R14)."""

    __tablename__ = "exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    destination: Mapped[str] = mapped_column(String(30))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("export_locations.id"))
    target: Mapped[str | None] = mapped_column(Text)
    allowed: Mapped[bool] = mapped_column(Boolean)
    decision: Mapped[str] = mapped_column(Text)  # JSON of policy.Decision
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExportPhoto(Base):
    __tablename__ = "export_photos"
    export_id: Mapped[int] = mapped_column(ForeignKey("exports.id"), primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id"), primary_key=True)
    blurred_faces: Mapped[int] = mapped_column(Integer, default=0)


class Approval(Base):
    """R7 (5.5.4.8, 5.2): a communications officer's approval of one photo for public use."""

    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id"), index=True)
    destination: Mapped[str] = mapped_column(String(30))
    approved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

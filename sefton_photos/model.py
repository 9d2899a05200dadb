"""Dataclasses and typed ids that the rest of the core speaks.

Services return these rather than ORM rows, so the UI and CLI never hold a live
database object and never reach past the service API.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import NewType, Self

UserId = NewType("UserId", int)
AuditSeq = NewType("AuditSeq", int)


class Role(enum.StrEnum):
    """The five roles of REQUIREMENTS.md, "Who uses it"."""

    SOCIAL_WORKER = "social_worker"
    KEY_WORKER = "key_worker"
    LINE_MANAGER = "line_manager"
    COMMUNICATIONS_OFFICER = "communications_officer"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> Role:
        from sefton_photos.errors import InvalidInput

        try:
            return cls(text.strip().lower().replace(" ", "_").replace("-", "_"))
        except ValueError:
            choices = ", ".join(r.value for r in cls)
            raise InvalidInput(f"Unknown role {text!r}: choose one of {choices}.") from None


@dataclass(frozen=True, slots=True)
class User:
    """A member of staff who can sign in to the vault."""

    id: UserId
    name: str
    role: Role
    team: str | None
    line_manager_id: UserId | None
    line_manager_name: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One link of the hash-chained audit log."""

    seq: AuditSeq
    at: datetime
    actor: str | None
    action: str
    subject: str | None
    details: dict[str, object]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """One line of ``vault check``: what was checked and whether it is sound."""

    part: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """Result of walking the audit chain and comparing it with the sealed head."""

    ok: bool
    entries: int
    message: str
    first_broken: AuditSeq | None = None


# -- the child's file (issue 3) ------------------------------------------------------------

ChildId = NewType("ChildId", int)
PersonId = NewType("PersonId", int)
ConsentId = NewType("ConsentId", int)


_LABELS = {
    "one_to_one": "one-to-one",
    "parent_carer": "parent/carer",
    "face_matching": "face matching",
    "child_request": "at the child's own request",
    "activity_record": "record of an activity",
    "life_story": "life story work",
}


class _Choice(enum.StrEnum):
    """An enum parsed from user input with a message that lists the choices."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " "))

    @classmethod
    def parse(cls, text: str) -> Self:
        from sefton_photos.errors import InvalidInput

        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        for member in cls:
            if member.value == key:
                return member
        choices = ", ".join(m.value for m in cls)
        raise InvalidInput(f"{text!r} is not one of: {choices}.")


class CareStatus(_Choice):
    NOT_LOOKED_AFTER = "not_looked_after"
    LOOKED_AFTER = "looked_after"
    FOSTER = "foster"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after"
    ADOPTED = "adopted"
    OTHER = "other"

    @property
    def cared_for(self) -> bool:
        """R6, R9: foster, cared for and previously cared for are treated alike.

        Adopted children were looked after before adoption; "other" is unknown, and a
        doubt is resolved towards protection.
        """
        return self is not CareStatus.NOT_LOOKED_AFTER


class Purpose(_Choice):
    """R1 (5.5.4.1): the fixed list of child-centred purposes."""

    LIFE_STORY = "life_story"
    ACTIVITY_RECORD = "activity_record"
    CHILD_REQUEST = "child_request"
    GROUP_ACTIVITY = "group_activity"
    PUBLICITY = "publicity"


class ConsentKind(_Choice):
    ONE_TO_ONE = "one_to_one"
    GROUP = "group"
    PUBLICITY = "publicity"
    FACE_MATCHING = "face_matching"


class GivenBy(_Choice):
    PARENT_CARER = "parent_carer"
    SOCIAL_WORKER = "social_worker"
    YOUNG_PERSON = "young_person"


class Whose(_Choice):
    CHILD = "child"
    PARENT_CARER = "parent_carer"
    WORKER = "worker"


class Destination(_Choice):
    """Export destinations of REQUIREMENTS.md (the rules arrive with the export issue)."""

    CASE_RECORD = "case_record"
    LIFE_STORY_BOOK = "life_story_book"
    PRINT = "print"
    PUBLICITY = "publicity"
    SOCIAL_NETWORK = "social_network"


@dataclass(frozen=True, slots=True)
class Child:
    id: ChildId
    name: str
    date_of_birth: date
    care_status: CareStatus
    ever_cared_for: bool
    social_worker: str | None
    key_workers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResponsiblePerson:
    """Someone with parental responsibility recorded on the child's file."""

    id: PersonId
    child_id: ChildId
    name: str
    relationship: str
    current: bool


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    id: ConsentId
    child_id: ChildId
    kind: ConsentKind
    given_by: GivenBy
    person_id: PersonId | None
    giver_name: str | None
    giver_may_consent: bool  # a current person with PR, or the child's social worker
    understanding_assessment: str | None
    purposes: tuple[Purpose, ...]
    destinations: tuple[Destination, ...]
    signed_on: date
    expires_on: date | None
    carers_notified_on: date | None
    has_form: bool
    recorded_by: str
    recorded_at: datetime
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str | None
    corrects_id: ConsentId | None
    corrected_by: ConsentId | None = None

    def status(self, today: date) -> str:
        """In words: active, withdrawn, corrected, expired, or not yet valid (R12)."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.corrected_by is not None:
            return "corrected"
        if self.signed_on > today:
            return "not yet valid"
        if self.expires_on is not None and today >= self.expires_on:
            return "expired"
        return "active"


@dataclass(frozen=True, slots=True)
class WishRecord:
    whose: Whose
    wishes_photos: bool
    person_name: str | None
    notes: str | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ExplanationRecord:
    to_whom: Whose
    explained: bool
    explained_on: date | None
    not_explained_reason: str | None
    permitted_by: str | None
    permitted_by_is_social_worker: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ChildFile:
    """Everything a consent decision depends on, as one snapshot."""

    child: Child
    people: tuple[ResponsiblePerson, ...]
    consents: tuple[ConsentRecord, ...]
    wishes: tuple[WishRecord, ...]  # the latest per whose
    explanations: tuple[ExplanationRecord, ...]  # the latest per to_whom


# -- devices, photos, faces, captures (issue 4) -------------------------------------------

DeviceId = NewType("DeviceId", int)
PhotoId = NewType("PhotoId", int)
FaceId = NewType("FaceId", int)
CaptureId = NewType("CaptureId", int)


@dataclass(frozen=True, slots=True)
class Device:
    """A council camera or phone (R5): only registered devices may be imported from."""

    id: DeviceId
    name: str
    serial: str | None
    registered_by: str
    registered_at: datetime
    retired: bool


@dataclass(frozen=True, slots=True)
class CaptureContext:
    """What a capture is logged with, besides the children's files (R1, R4, R5, R10)."""

    purpose_note: str
    attested: bool
    device_name: str
    device_registered: bool
    line_manager: str | None


class FaceStatus(_Choice):
    SUGGESTED = "suggested"  # matched a child of this capture: the worker confirms
    CONFIRMED = "confirmed"
    OTHER_CHILD = "other_child"  # matches a child on file who is not in this capture
    UNKNOWN = "unknown"  # matches no one enrolled: their consent is needed (R11)


@dataclass(frozen=True, slots=True)
class FaceInfo:
    id: FaceId
    photo_id: PhotoId
    box: tuple[int, int, int, int]  # top, right, bottom, left
    child_id: ChildId | None  # confirmed or suggested, when the user may see that child
    child_name: str | None
    distance: float | None
    status: FaceStatus

    @property
    def needs_consent(self) -> bool:
        """R11: someone other than the capture's children; consent before publication."""
        return self.status in (FaceStatus.OTHER_CHILD, FaceStatus.UNKNOWN)


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    id: PhotoId
    width: int
    height: int
    media_type: str
    taken_at: datetime | None
    imported_at: datetime
    imported_by: str
    capture_id: CaptureId | None
    purpose: str | None
    faces: tuple[FaceInfo, ...]
    flagged: str | None  # why it needs review (R12), if it does


@dataclass(frozen=True, slots=True)
class ExportFacts:
    """What an export decision about one photo depends on (R6, R7, R9, R11, R12)."""

    photo_id: PhotoId
    files: tuple[ChildFile, ...]  # the children of the photo's captures
    faces: tuple[FaceInfo, ...]
    flagged: str | None
    approved: bool  # a communications officer approved it for this destination (R7)

"""Devices, photos, faces and the facts a capture or an export is judged on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NewType

from sefton_photos.model.casework import ChildFile, ChildId, _Choice

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
    make: str | None = None  # as the camera writes it in EXIF (compared when both known)
    model: str | None = None
    retired_at: datetime | None = None  # when an administrator retired it (R5)


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
    REJECTED = "rejected"  # a person said it is not that child: someone else (R11)


REVIEWED = (FaceStatus.CONFIRMED, FaceStatus.REJECTED)  # a person ruled on it (R11)


@dataclass(frozen=True, slots=True)
class FaceInfo:
    id: FaceId
    photo_id: PhotoId
    box: tuple[int, int, int, int]  # top, right, bottom, left
    child_id: ChildId | None  # confirmed or suggested, when the user may see that child
    child_name: str | None
    distance: float | None
    status: FaceStatus
    reviewed: bool = False  # a person confirmed or rejected it (R11); publicity waits for it
    unmatched_reason: str | None = None  # why face matching suggested no one, in plain words
    outlined: bool = False  # a person drew it round a face the detector missed (R11)

    @property
    def needs_consent(self) -> bool:
        """R11: someone other than the capture's children; consent before publication."""
        return self.status in (FaceStatus.OTHER_CHILD, FaceStatus.UNKNOWN, FaceStatus.REJECTED)


STALE_AFTER = timedelta(days=365)  # children's faces change fast: re-enrol after a year


@dataclass(frozen=True, slots=True)
class Enrolment:
    """One reference photo a child is enrolled from for face matching (R11, R13)."""

    id: int
    enrolled_at: datetime
    taken_at: datetime | None  # when the reference photo was taken, when known
    source: str | None  # "photo 12" (a vault photo) or "a file"; None before 0005
    enrolled_by: str  # the user's name
    stale: bool  # taken (else enrolled) more than a year ago: children's faces change fast

    @staticmethod
    def is_stale(taken_at: datetime | None, enrolled_at: datetime, today: date) -> bool:
        return (taken_at or enrolled_at).date() < today - STALE_AFTER


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
    faces_checked: bool = False  # a person checked it whole for missed faces (R11, 0006)


@dataclass(frozen=True, slots=True)
class ExportFacts:
    """What an export decision about one photo depends on (R6, R7, R9, R11, R12)."""

    photo_id: PhotoId
    files: tuple[ChildFile, ...]  # the children of the photo's captures
    faces: tuple[FaceInfo, ...]
    flagged: str | None
    approved: bool  # a communications officer approved it for this destination (R7)
    # R11 (5.5.1, 5.5.2): were its faces ever looked for?  A photo imported without face
    # detection has no face rows, so "no faces" would mean "nothing to blur".
    faces_detected: bool
    # R6, R9: faces recognised (confirmed, or suggested by face matching) as a cared-for
    # child who is not one of ``files``: the photo shows them whoever it was taken for.
    # Ids only: the worker may have no need to know who they are.
    cared_for_faces: tuple[FaceId, ...] = ()
    # R11 (5.5.1, 5.5.2): a person looked at the whole photo for faces the detector missed
    # (and outlined any) since its faces last changed; the public waits for it (0006).
    faces_checked: bool = False

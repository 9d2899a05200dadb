"""Dataclasses and typed ids that the rest of the core speaks.

Services return these rather than ORM rows, so the UI and CLI never hold a live
database object and never reach past the service API.  Split by subject; import
from ``sefton_photos.model`` itself.
"""

from sefton_photos.model.casework import (
    CareStatus,
    Child,
    ChildFile,
    ChildId,
    ConsentId,
    ConsentKind,
    ConsentRecord,
    Destination,
    ExplanationRecord,
    GivenBy,
    PersonId,
    Purpose,
    ResponsiblePerson,
    Whose,
    WishNotNeeded,
    WishRecord,
)
from sefton_photos.model.people import (
    AuditEntry,
    AuditSeq,
    AuditVerification,
    CheckFinding,
    Role,
    User,
    UserId,
)
from sefton_photos.model.photos import (
    CaptureContext,
    CaptureId,
    Device,
    DeviceId,
    Enrolment,
    ExportFacts,
    FaceId,
    FaceInfo,
    FaceStatus,
    PhotoId,
    PhotoInfo,
)
from sefton_photos.model.results import (
    ExportOutcome,
    FaceOutcome,
    FileOutcome,
    ImportReport,
    Progress,
)
from sefton_photos.model.supervision import Action, Addendum, Note, QueueItem
from sefton_photos.model.wishlines import WishLine, wish_lines

__all__ = [
    "Action",
    "Addendum",
    "AuditEntry",
    "AuditSeq",
    "AuditVerification",
    "CaptureContext",
    "CaptureId",
    "CareStatus",
    "CheckFinding",
    "Child",
    "ChildFile",
    "ChildId",
    "ConsentId",
    "ConsentKind",
    "ConsentRecord",
    "Destination",
    "Device",
    "DeviceId",
    "Enrolment",
    "ExplanationRecord",
    "ExportFacts",
    "ExportOutcome",
    "FaceId",
    "FaceInfo",
    "FaceOutcome",
    "FaceStatus",
    "FileOutcome",
    "GivenBy",
    "ImportReport",
    "Note",
    "PersonId",
    "PhotoId",
    "PhotoInfo",
    "Progress",
    "Purpose",
    "QueueItem",
    "ResponsiblePerson",
    "Role",
    "User",
    "UserId",
    "Whose",
    "WishLine",
    "WishNotNeeded",
    "WishRecord",
    "wish_lines",
]

"""Erasing one child's whole record (R13, UK GDPR art. 17), in one transaction.

:mod:`sefton_photos.services.records` decides that a record is due and asks for confirmation;
this module does the erasing, inside the caller's unit of work, so either everything
of the child goes or nothing does.  Crypto-shred order: the object keys (rows of
``objects``) are deleted in the transaction; the caller removes the object files only
after the commit (a crash in between leaves unreadable files that `vault check` reports,
and nothing deletes unasked).

What goes: the child's photos and their thumbnails, faces and face enrolments, scanned
consent forms, consents, wishes, explanations, people with parental responsibility,
consent checks, allocations, care status history, captures, supervision items (and a
note when it covered nothing else), export records and approvals of their photos.

Group photos (shared with another child): the photo stays on the other child's record;
the erased child's capture link is removed, and their face is kept only as an
*unknown* face (box only: no encoding, no link to anyone), so that every later export
for the other child blurs it or is refused (R11, policy 5.5.1, 5.5.2).  Their name,
and the names of their people with parental responsibility, are replaced by
"[erased child]" / "[erased person]" in the other child's kept text (capture notes,
supervision items and notes, export decisions).

What stays: the ``children`` row as a tombstone (id, erased_at; the name and birth
date are wiped), because the append-only audit log refers to it by id; and the audit
entries, which name people by id only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.model import AuditEntry, FaceStatus
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import AuditRow, ObjectRow

ERASED_NAME = "[erased]"
ERASED_CHILD = "[erased child]"
ERASED_PERSON = "[erased person]"
TOMBSTONE_BIRTH = date(1900, 1, 1)  # the column is required; the real date is personal data


@dataclass(slots=True)
class Erased:
    """What one erasure removed; ``object_ids`` are the files to delete after the commit."""

    counts: dict[str, int] = field(default_factory=dict)
    object_ids: list[str] = field(default_factory=list)


def _ids(db: OrmSession, query: object) -> set[int]:
    return set(db.scalars(query))  # type: ignore[call-overload]


def erase_child(db: OrmSession, child_id: int) -> Erased:
    """Delete everything of one child (see the module docstring); the caller commits."""
    out = Erased()
    child = db.get(cw.Child, child_id)
    assert child is not None
    people = db.scalars(
        select(cw.ResponsiblePerson).where(cw.ResponsiblePerson.child_id == child_id)
    ).all()
    names = [(child.name, ERASED_CHILD)] + [(p.name, ERASED_PERSON) for p in people]

    # -- captures and photos ------------------------------------------------------------
    captures = _ids(
        db, select(cw.CaptureChild.capture_id).where(cw.CaptureChild.child_id == child_id)
    )
    shared = _ids(
        db,
        select(cw.CaptureChild.capture_id).where(
            cw.CaptureChild.capture_id.in_(captures), cw.CaptureChild.child_id != child_id
        ),
    )
    solo = captures - shared
    linked = _ids(
        db, select(cw.CapturePhoto.photo_id).where(cw.CapturePhoto.capture_id.in_(captures))
    )
    kept = _ids(
        db,
        select(cw.CapturePhoto.photo_id).where(
            cw.CapturePhoto.photo_id.in_(linked), cw.CapturePhoto.capture_id.not_in(solo)
        ),
    )
    photos = linked - kept  # held for this child only
    photo_rows = db.scalars(select(cw.Photo).where(cw.Photo.id.in_(photos))).all()
    objects = {o for p in photo_rows for o in (p.original_object_id, p.thumbnail_object_id) if o}

    out.counts["faces"] = _count(db, cw.Face, cw.Face.photo_id.in_(photos))
    db.execute(delete(cw.Face).where(cw.Face.photo_id.in_(photos)))
    anonymised = db.execute(
        update(cw.Face)
        .where((cw.Face.child_id == child_id) | (cw.Face.suggested_child_id == child_id))
        .values(
            child_id=None,
            suggested_child_id=None,
            suggested_distance=None,
            confirmed_by=None,
            encoding=None,
            status=FaceStatus.UNKNOWN.value,
            unmatched_reason="the record of the child it was matched to was erased",
        )
    )
    out.counts["faces"] += getattr(anonymised, "rowcount", 0)
    db.execute(delete(cw.Approval).where(cw.Approval.photo_id.in_(photos)))

    life_story = _life_story_exports(db, child_id)
    exports = _ids(db, select(cw.ExportPhoto.export_id).where(cw.ExportPhoto.photo_id.in_(photos)))
    db.execute(delete(cw.ExportPhoto).where(cw.ExportPhoto.photo_id.in_(photos)))
    still_used = _ids(
        db, select(cw.ExportPhoto.export_id).where(cw.ExportPhoto.export_id.in_(exports))
    )
    # An export that also held another child's photo stays on their record; a life story
    # book written for this child goes whatever photos it held.
    ours = (exports - still_used) | life_story
    db.execute(delete(cw.ExportPhoto).where(cw.ExportPhoto.export_id.in_(ours)))
    out.counts["exports"] = _count(db, cw.Export, cw.Export.id.in_(ours))
    db.execute(delete(cw.Export).where(cw.Export.id.in_(ours)))

    db.execute(delete(cw.CapturePhoto).where(cw.CapturePhoto.photo_id.in_(photos)))
    db.execute(delete(cw.CaptureChild).where(cw.CaptureChild.child_id == child_id))

    # -- supervision (R10): items about this child; a note that covered nothing else ------
    items = db.scalars(
        select(cw.SupervisionItem).where(
            (cw.SupervisionItem.child_id == child_id) | cw.SupervisionItem.capture_id.in_(solo)
        )
    ).all()
    notes: set[int] = set()
    removed_items = 0
    for item in items:
        other = None
        if item.capture_id in shared:
            other = db.scalar(
                select(cw.CaptureChild.child_id)
                .where(cw.CaptureChild.capture_id == item.capture_id)
                .order_by(cw.CaptureChild.child_id)
                .limit(1)
            )
        if other is not None:
            item.child_id = other  # the group capture stays on the other child's queue
            continue
        if item.note_id is not None:
            notes.add(item.note_id)
        db.delete(item)
        removed_items += 1
    db.flush()
    out.counts["supervision_items"] = removed_items
    covering = _ids(
        db, select(cw.SupervisionItem.note_id).where(cw.SupervisionItem.note_id.in_(notes))
    )
    lone = notes - covering
    db.execute(delete(cw.SupervisionAction).where(cw.SupervisionAction.note_id.in_(lone)))
    db.execute(delete(cw.SupervisionAddendum).where(cw.SupervisionAddendum.note_id.in_(lone)))
    out.counts["supervision_notes"] = _count(
        db, cw.SupervisionNote, cw.SupervisionNote.id.in_(lone)
    )
    db.execute(delete(cw.SupervisionNote).where(cw.SupervisionNote.id.in_(lone)))

    db.execute(delete(cw.CapturePhoto).where(cw.CapturePhoto.capture_id.in_(solo)))
    out.counts["captures"] = len(solo)
    db.execute(delete(cw.Capture).where(cw.Capture.id.in_(solo)))
    out.counts["photos"] = len(photos)
    db.execute(delete(cw.Photo).where(cw.Photo.id.in_(photos)))

    # -- the file: consents and forms, wishes, people, checks, allocations -------------
    forms = set(
        db.scalars(
            select(cw.Consent.form_object_id).where(
                cw.Consent.child_id == child_id, cw.Consent.form_object_id.is_not(None)
            )
        )
    )
    out.counts["forms"] = len(forms)
    enrolments = _count(db, cw.FaceEnrolment, cw.FaceEnrolment.child_id == child_id)
    out.counts["faces"] += enrolments  # face data: face rows and enrolments (R13)
    db.execute(delete(cw.FaceEnrolment).where(cw.FaceEnrolment.child_id == child_id))
    for table in (cw.ConsentCheck, cw.Wish, cw.WishNotNeeded, cw.Explanation, cw.Consent):
        db.execute(delete(table).where(table.child_id == child_id))
    out.counts["people"] = len(people)
    for held in (cw.ResponsiblePerson, cw.Allocation, cw.CareStatusChange):
        db.execute(delete(held).where(held.child_id == child_id))

    # -- crypto-shred: the keys go now; the files after the commit ------------------------
    gone = sorted(objects | {f for f in forms if f})
    db.execute(delete(ObjectRow).where(ObjectRow.id.in_(gone)))
    out.object_ids = gone
    out.counts["objects"] = len(gone)

    _scrub(db, names)
    child.name = ERASED_NAME
    child.date_of_birth = TOMBSTONE_BIRTH
    child.retain_until = None
    child.erased_at = utcnow()
    db.flush()
    return out


def _count(db: OrmSession, table: type, where: object) -> int:
    return int(db.scalar(select(func.count()).select_from(table).where(where)) or 0)  # type: ignore[arg-type]


def _life_story_exports(db: OrmSession, child_id: int) -> set[int]:
    """Life story books written for the child (the audit links them to the child)."""
    found: set[int] = set()
    for details in db.scalars(
        select(AuditRow.details).where(
            AuditRow.child_id == child_id, AuditRow.action == "lifestory.written"
        )
    ):
        export = json.loads(details).get("export")
        if isinstance(export, int):
            found.add(export)
    return found


def _scrub(db: OrmSession, names: list[tuple[str, str]]) -> None:
    """Replace the erased names in what other children's records keep."""
    columns = (
        (cw.Capture, "purpose_note"),
        (cw.Capture, "note"),
        (cw.SupervisionItem, "summary"),
        (cw.SupervisionNote, "text"),
        (cw.SupervisionAction, "text"),
        (cw.SupervisionAddendum, "text"),
        (cw.Export, "decision"),
        (cw.ConsentCheck, "decision"),
        (cw.Photo, "flag_reason"),
    )
    for name, mark in names:
        if not name.strip() or name == ERASED_NAME:
            continue
        for variant in {name, json.dumps(name)[1:-1]}:
            for table, key in columns:
                column = getattr(table, key)
                db.execute(
                    update(table)
                    .where(func.instr(column, variant) > 0)
                    .values({key: func.replace(column, variant, mark)})
                )


def label_erased(db: OrmSession, entries: list[AuditEntry]) -> list[AuditEntry]:
    """For display: an entry about an erased child says "erased child #N" (the log itself
    keeps "child N", as it was written and hashed)."""
    erased = set(db.scalars(select(cw.Child.id).where(cw.Child.erased_at.is_not(None))))
    out = []
    for e in entries:
        parts = (e.subject or "").split(" ")
        if (
            len(parts) == 2
            and parts[0] == "child"
            and parts[1].isdigit()
            and int(parts[1]) in erased
        ):
            e = replace(e, subject=f"erased child #{parts[1]}")
        out.append(e)
    return out

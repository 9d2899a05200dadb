"""Consents, wishes and explanations on a child's file, and the consent check.

Nothing here is ever deleted: a withdrawal is recorded on the consent and takes
effect at once (R12), a correction is a new consent that points at the old one,
and the latest wish or explanation per person is the one in force (R2).  The
scanned consent form is kept as an encrypted object (R8).  Every consent check,
allowed or refused, is recorded with who, when and the result (R3).
Available on a session as ``session.consents``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, policy
from sefton_photos.decisions import Decision
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import (
    ConsentKind,
    ConsentRecord,
    Destination,
    FaceStatus,
    GivenBy,
    Purpose,
    Role,
)
from sefton_photos.model.settings import YOUNG_PERSON_MIN_AGE
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.services.children import ChildrenService
from sefton_photos.services.supervision import raise_item
from sefton_photos.services.users import active_by_name
from sefton_photos.services.wishes import WishesMixin
from sefton_photos.support import blobs, childfile, settings
from sefton_photos.support.context import Service, ServiceContext

MAX_FORM_BYTES = 20 * 1024 * 1024
FORM_SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
}

DEFAULT_SCOPE: dict[ConsentKind, tuple[tuple[Purpose, ...], tuple[Destination, ...]]] = {
    ConsentKind.ONE_TO_ONE: (
        (Purpose.LIFE_STORY, Purpose.ACTIVITY_RECORD, Purpose.CHILD_REQUEST),
        (Destination.CASE_RECORD, Destination.LIFE_STORY_BOOK, Destination.PRINT),
    ),
    ConsentKind.GROUP: (
        (Purpose.GROUP_ACTIVITY,),
        (Destination.CASE_RECORD, Destination.LIFE_STORY_BOOK, Destination.PRINT),
    ),
    ConsentKind.PUBLICITY: ((Purpose.PUBLICITY,), (Destination.PUBLICITY,)),
    ConsentKind.FACE_MATCHING: ((), ()),
}


def _check_giver_fields(
    kind: ConsentKind, given_by: GivenBy, person_id: int | None, giver: str | None
) -> None:
    """R3 (5.5.4.3), R7 (5.5.4.8): what does not fit the giver is refused, not ignored."""
    if person_id is not None and given_by is not GivenBy.PARENT_CARER:
        raise InvalidInput(
            "Only a parent/carer's consent names a person with parental responsibility "
            "(--person) (R3, policy 5.5.4.3)."
        )
    if (giver or "").strip() and given_by is not GivenBy.SOCIAL_WORKER:
        raise InvalidInput(
            "Only a social worker's consent names the social worker who gave it "
            "(R3, policy 5.5.4.3)."
        )
    if kind is ConsentKind.PUBLICITY and given_by is not GivenBy.PARENT_CARER:
        raise InvalidInput(
            "Publicity consent is a separate consent from each person with parental "
            "responsibility (R7, policy 5.5.4.8): not from a social worker or the young person."
        )


def form_media_type(data: bytes) -> str:
    """The scanned form's type from its first bytes: PDF, JPEG, PNG or TIFF only."""
    for magic, media in FORM_SIGNATURES.items():
        if data.startswith(magic):
            return media
    raise InvalidInput("The consent form must be a scanned image (JPEG, PNG, TIFF) or a PDF.")


class ConsentsService(Service, WishesMixin):
    def __init__(self, ctx: ServiceContext, *, children: ChildrenService) -> None:
        super().__init__(ctx)
        self.children = children  # the child's file, which lists the consents

    def _audit(
        self,
        db: OrmSession,
        action: str,
        child_id: int,
        subject: str,
        details: dict[str, object] | None = None,
    ) -> None:
        self.ctx.audit(
            db,
            action=action,
            child_id=child_id,
            subject=subject,
            details=details,
        )

    # -- consents --------------------------------------------------------------------------

    def add(
        self,
        *,
        child_id: int,
        kind: ConsentKind,
        given_by: GivenBy,
        signed_on: date,
        person_id: int | None = None,
        giver: str | None = None,
        understanding_assessment: str | None = None,
        purposes: tuple[Purpose, ...] | None = None,
        destinations: tuple[Destination, ...] | None = None,
        expires_on: date | None = None,
        carers_notified_on: date | None = None,
        form: Path | bytes | None = None,
        corrects: int | None = None,
    ) -> ConsentRecord:
        """Record written consent (R3, R7, R12, R13).  Returns the new record."""
        self.ctx.guard_edit(child_id, "consent.add")
        if signed_on > date.today():
            raise InvalidInput("The consent's signed date is in the future.")
        if given_by is GivenBy.YOUNG_PERSON and not (understanding_assessment or "").strip():
            raise InvalidInput(
                "A young person's own consent needs the assessment of their age and "
                "understanding recorded with it (R3, policy 5.5.4.3)."
            )
        _check_giver_fields(kind, given_by, person_id, giver)
        if expires_on is not None and expires_on <= signed_on:
            raise InvalidInput("The expiry date must be after the signed date.")
        default_purposes, default_destinations = DEFAULT_SCOPE[kind]
        form_bytes = self._read_form(form)
        with self.vault.unit() as db:
            giver_id = None
            if given_by is GivenBy.PARENT_CARER:
                person = db.get(cw.ResponsiblePerson, person_id) if person_id else None
                if person is None or person.child_id != child_id or person.ended_at:
                    raise InvalidInput(
                        "Consent from a parent/carer names a current person with parental "
                        "responsibility on this child's file (--person) "
                        "(R3, policy 5.5.4.3)."
                    )
            elif given_by is GivenBy.SOCIAL_WORKER:
                name = giver or (self.actor.name if self.actor.role is Role.SOCIAL_WORKER else None)
                giver_row = active_by_name(db, name) if name else None
                if giver_row is None:
                    raise InvalidInput("Name the social worker who gave the consent.")
                if not childfile.was_social_worker(db, child_id, giver_row.id):
                    raise InvalidInput(
                        f"{giver_row.name} is not the child's social worker: only they, a "
                        "person with parental responsibility or the young person may "
                        "consent (R3, policy 5.5.4.3)."
                    )
                giver_id = giver_row.id
            else:
                row_child = db.get(cw.Child, child_id)
                assert row_child is not None
                age, least = (
                    policy.age_on(row_child.date_of_birth, signed_on),
                    settings.read(db, YOUNG_PERSON_MIN_AGE),
                )
                if age < least:
                    raise InvalidInput(
                        f"The young person was aged {age} when they signed: their own consent "
                        f"needs them to be at least {least} (an administrator's setting), so "
                        "record consent from their social worker or a person with parental "
                        "responsibility (R3, policy 5.5.4.3)."
                    )
            if corrects is not None:
                old = db.get(cw.Consent, corrects)
                if old is None or old.child_id != child_id:
                    raise NotFound(f"There is no consent {corrects} on this child's file.")
            form_id = blobs.store(self.vault, db, form_bytes, kind="form") if form_bytes else None
            row = cw.Consent(
                child_id=child_id,
                kind=kind.value,
                given_by=given_by.value,
                person_id=person_id if given_by is GivenBy.PARENT_CARER else None,
                giver_user_id=giver_id,
                understanding_assessment=(understanding_assessment or "").strip() or None,
                purposes=json.dumps([p.value for p in (purposes or default_purposes)]),
                destinations=json.dumps([d.value for d in (destinations or default_destinations)]),
                signed_on=signed_on,
                expires_on=expires_on,
                carers_notified_on=carers_notified_on,
                form_object_id=form_id,
                recorded_by=self.actor.id,
                recorded_at=utcnow(),
                corrects_id=corrects,
            )
            db.add(row)
            db.flush()
            self._audit(
                db,
                "consent.added",
                child_id,
                f"consent {row.id}",
                {
                    "kind": kind.value,
                    "given_by": given_by.value,
                    "signed_on": signed_on.isoformat(),
                    "form": form_id is not None,
                    "corrects": corrects,
                },
            )
            return childfile.to_consent(db, row)

    @staticmethod
    def _read_form(form: Path | bytes | None) -> bytes | None:
        if form is None:
            return None
        if isinstance(form, Path):
            try:
                if form.stat().st_size > MAX_FORM_BYTES:
                    raise InvalidInput("The consent form is larger than 20 MB.")
                data = form.read_bytes()
            except OSError as exc:
                raise InvalidInput(f"The consent form could not be read: {exc.strerror}.") from None
        else:
            data = form
        if len(data) > MAX_FORM_BYTES:
            raise InvalidInput("The consent form is larger than 20 MB.")
        form_media_type(data)
        return data

    def _child_of(self, consent_id: int) -> int:
        with self.vault.unit() as db:
            row = db.get(cw.Consent, consent_id)
            child_id = row.child_id if row else None
        if child_id is None:
            raise NotFound(f"There is no consent with id {consent_id}.")
        return child_id

    def withdraw(self, *, consent_id: int, reason: str) -> ConsentRecord:
        """R12: takes effect at once; photos taken under it are flagged for review, and face
        data kept under a face-matching consent is deleted (R13)."""
        child_id = self._child_of(consent_id)
        self.ctx.guard_withdraw(child_id, "consent.withdraw")
        if not reason.strip():
            raise InvalidInput("Say why the consent was withdrawn.")
        with self.vault.unit() as db:
            row = db.get(cw.Consent, consent_id)
            assert row is not None
            if row.withdrawn_at is not None:
                raise InvalidInput(f"Consent {consent_id} was already withdrawn.")
            now = utcnow()
            row.withdrawn_at, row.withdrawn_by = now, self.actor.id
            row.withdrawal_reason = reason.strip()
            captures = select(cw.CaptureChild.capture_id).where(
                cw.CaptureChild.consent_id == consent_id
            )
            photos = select(cw.CapturePhoto.photo_id).where(
                cw.CapturePhoto.capture_id.in_(captures)
            )
            flagged = db.execute(
                update(cw.Photo)
                .where(cw.Photo.id.in_(photos), cw.Photo.flagged_at.is_(None))
                .values(flagged_at=now, flag_reason=f"consent {consent_id} withdrawn")
            )
            # R10, R12: photos taken under it wait for review on the takers' managers' queues.
            takers = db.execute(
                select(cw.Capture.worker_id, cw.Capture.id).where(cw.Capture.id.in_(captures))
            ).all()
            for worker_id in sorted({w for w, _ in takers}):
                raise_item(
                    db,
                    worker_id=worker_id,
                    kind="withdrawal",
                    child_id=child_id,
                    summary=f"Consent {consent_id} was withdrawn ({row.withdrawal_reason}): "
                    f"photos taken under it are flagged for review.",
                )
            enrolments = db.scalars(
                select(cw.FaceEnrolment).where(cw.FaceEnrolment.consent_id == consent_id)
            ).all()
            for e in enrolments:
                db.delete(e)
            cleared = links = 0
            if row.kind == ConsentKind.FACE_MATCHING.value:
                cleared, links = _forget_face_matches(db, child_id)
            db.flush()
            self._audit(
                db,
                "consent.withdrawn",
                child_id,
                f"consent {consent_id}",
                {  # the reason is free text: it stays on the consent, not in the audit
                    "photos_flagged": getattr(flagged, "rowcount", 0),
                    "face_encodings_deleted": len(enrolments) + cleared,
                    "face_links_cleared": links,
                },
            )
            return childfile.to_consent(db, row)

    def list(self, *, child_id: int) -> list[ConsentRecord]:
        return list(self.children.file(child_id=child_id).consents)

    def form(self, *, consent_id: int) -> tuple[bytes, str]:
        """The scanned form, decrypted in memory only, and its media type."""
        child_id = self._child_of(consent_id)
        self.ctx.guard_view(child_id, "consent.form")
        with self.vault.unit() as db:
            row = db.get(cw.Consent, consent_id)
            if row is None or row.form_object_id is None:
                raise NotFound(f"Consent {consent_id} has no scanned form.")
            data = blobs.load(self.vault, db, row.form_object_id)
            self._audit(db, "consent.form_viewed", child_id, f"consent {consent_id}")
        return data, form_media_type(data)

    # -- the check (R3) ------------------------------------------------------------------------

    def check(self, *, child_id: int, purpose: Purpose, today: date | None = None) -> Decision:
        """Before a session: may this child be photographed for this purpose today?

        One unit of work (issue 12: under 10 ms): need-to-know is judged on the same
        reads as the check.  Anyone who may not see the child goes through the guard,
        which audits the refusal and raises; nothing is logged for them."""
        day = today or date.today()
        for _ in range(2):  # a second try only if access changed between the two reads
            decision = self._logged_check(child_id, purpose, day)
            if decision is not None:
                return decision
            self.ctx.guard_view(child_id, "consent.check")
        raise NotFound(f"There is no child with id {child_id} among the children you may see.")

    def _logged_check(self, child_id: int, purpose: Purpose, day: date) -> Decision | None:
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            if row is None or row.erased_at is not None:
                return None
            facts = childfile.access_for(db, child_id)
            if not access.may_view_child(self.actor, facts).allowed:
                return None
            decision = policy.consent_check(childfile.load_file(db, row), purpose, day)
            db.add(
                cw.ConsentCheck(
                    child_id=child_id,
                    user_id=self.actor.id,
                    purpose=purpose.value,
                    at=utcnow(),
                    allowed=decision.allowed,
                    decision=json.dumps(decision.as_dict()),
                )
            )
            self._audit(
                db,
                "consent.checked",
                child_id,
                f"child {child_id}",
                {
                    "purpose": purpose.value,
                    "verdict": decision.verdict,
                    "rules_not_met": sorted({r.rule for r in decision.blocking}),
                },
            )
        return decision


def _forget_face_matches(db: OrmSession, child_id: int) -> tuple[int, int]:
    """R13: no face data stays on a child whose face-matching consent has gone: the
    encodings, and every link face matching made to them (suggestions, and the
    confirmations that rested on those suggestions).  The faces become unknown, so they
    are blurred beyond the case record (R11).  Runs in the withdrawal's transaction.
    Returns (encodings deleted, faces unlinked)."""
    theirs = (cw.Face.child_id == child_id) | (cw.Face.suggested_child_id == child_id)
    encodings = db.scalar(
        select(func.count()).select_from(cw.Face).where(theirs, cw.Face.encoding.is_not(None))
    )
    rejected = cw.Face.status == FaceStatus.REJECTED.value
    # A person's "not this child" never rested on the consent: it stays, unlinked.
    kept = db.execute(
        update(cw.Face)
        .where(theirs, rejected)
        .values(encoding=None, suggested_child_id=None, suggested_distance=None)
    )
    result = db.execute(
        update(cw.Face)
        .where(theirs, ~rejected)
        .values(
            encoding=None,
            child_id=None,
            suggested_child_id=None,
            suggested_distance=None,
            confirmed_by=None,
            status=FaceStatus.UNKNOWN.value,
            unmatched_reason="the face-matching consent it was matched on was withdrawn",
        )
    )
    return encodings or 0, getattr(result, "rowcount", 0) + getattr(kept, "rowcount", 0)

"""Reviewing a photo flagged after a consent was withdrawn (R12, policy 5.5.1.3).

Withdrawal flags every photo taken under the consent (see ``ConsentsService.withdraw``);
a flagged photo cannot be exported.  Here the child's social worker (or their line
manager) names a new, current consent that covers the photo's purpose: the photo then
rests on that consent (so withdrawing it flags the photo again) and the flag is cleared
once no child of the photo still relies on a withdrawn consent.  Anything less is
refused, audited, and the photo stays flagged.  Available as ``session.reviews``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import policy
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import ConsentId, ConsentRecord, PhotoId, Purpose
from sefton_photos.schema import casework as cw
from sefton_photos.support import childfile
from sefton_photos.support.context import Service
from sefton_photos.support.facerows import children_of

_FLAGGED_BY = re.compile(r"consent (\d+) withdrawn")


@dataclass(frozen=True, slots=True)
class FlagReview:
    """The outcome of a review: the photo is cleared, or still flagged by other consents."""

    photo_id: PhotoId
    consent_id: ConsentId
    replaced: ConsentId
    cleared: bool
    still_flagged_by: tuple[ConsentId, ...]


@dataclass(frozen=True, slots=True)
class _Reliance:
    link: cw.CaptureChild
    purpose: Purpose
    withdrawn: cw.Consent


class ReviewService(Service):
    def review(self, *, photo_id: int, consent_id: int, today: date | None = None) -> FlagReview:
        """Clear the R12 flag of a photo on a new consent, or refuse (it stays flagged)."""
        day = today or date.today()
        with self.vault.unit() as db:
            photo = db.get(cw.Photo, photo_id)
            consent = db.get(cw.Consent, consent_id)
            linked = children_of(db, photo_id)
        if photo is None or photo.erased_at is not None or not linked:
            raise NotFound(f"There is no photo with id {photo_id}.")
        child_id = consent.child_id if consent is not None else linked[0]
        if child_id not in linked:
            child_id = linked[0]
        self.ctx.guard_edit(child_id, "photo.review")
        if photo.flagged_at is None:
            raise InvalidInput(f"Photo {photo_id} is not flagged for review (R12, policy 5.5.1.3).")
        with self.vault.unit() as db:
            pending = _withdrawn_reliances(db, photo_id)
            mine = [r for r in pending if r.link.child_id == child_id]
            row = db.get(cw.Child, child_id)
            assert row is not None
            f = childfile.load_file(db, row)
            record = next((c for c in f.consents if c.id == consent_id), None)
            withdrawn = _record(db, mine[0].withdrawn) if mine else None
            purpose = mine[0].purpose if mine else _first_purpose(db, photo_id)
            decision = policy.may_clear_flag(f, withdrawn, purpose, record, day)
        self.ctx.require(decision, "photo.review", f"photo {photo_id}")
        assert withdrawn is not None
        with self.vault.unit() as db:
            for r in _withdrawn_reliances(db, photo_id):
                if r.link.child_id == child_id and r.withdrawn.id == withdrawn.id:
                    r.link.consent_id = consent_id  # the photo now rests on the new consent
            db.flush()
            left = sorted({r.withdrawn.id for r in _withdrawn_reliances(db, photo_id)})
            row_photo = db.get(cw.Photo, photo_id)
            assert row_photo is not None
            if left:
                row_photo.flag_reason = f"consent {left[0]} withdrawn"
            else:
                row_photo.flagged_at, row_photo.flag_reason = None, None
            self.ctx.audit(
                db,
                action="photo.flag_reviewed",
                child_id=child_id,
                subject=f"photo {photo_id}",
                details={
                    "consent": consent_id,
                    "replaced": withdrawn.id,
                    "cleared": not left,
                    "still_flagged_by": left,
                },
            )
        return FlagReview(
            PhotoId(photo_id),
            ConsentId(consent_id),
            withdrawn.id,
            not left,
            tuple(ConsentId(c) for c in left),
        )


def _withdrawn_reliances(db: OrmSession, photo_id: int) -> list[_Reliance]:
    """Each child of the photo's captures whose relied-on consent has been withdrawn."""
    rows = db.execute(
        select(cw.CaptureChild, cw.Capture.purpose, cw.Consent)
        .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
        .join(cw.Capture, cw.Capture.id == cw.CaptureChild.capture_id)
        .join(cw.Consent, cw.Consent.id == cw.CaptureChild.consent_id)
        .where(cw.CapturePhoto.photo_id == photo_id, cw.Consent.withdrawn_at.is_not(None))
        .order_by(cw.CaptureChild.child_id, cw.Consent.id)
    ).all()
    out = [_Reliance(link, Purpose(purpose), consent) for link, purpose, consent in rows]
    if out:
        return out
    # Flagged, but no capture link names the consent (e.g. older data): trust the flag.
    photo = db.get(cw.Photo, photo_id)
    match = _FLAGGED_BY.fullmatch(photo.flag_reason or "") if photo else None
    consent = db.get(cw.Consent, int(match.group(1))) if match else None
    if consent is None or consent.withdrawn_at is None:
        return []
    found = db.execute(
        select(cw.CaptureChild, cw.Capture.purpose)
        .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
        .join(cw.Capture, cw.Capture.id == cw.CaptureChild.capture_id)
        .where(
            cw.CapturePhoto.photo_id == photo_id,
            cw.CaptureChild.child_id == consent.child_id,
            cw.CaptureChild.consent_id.is_(None) | (cw.CaptureChild.consent_id == consent.id),
        )
    ).all()
    return [_Reliance(link, Purpose(purpose), consent) for link, purpose in found]


def _record(db: OrmSession, row: cw.Consent) -> ConsentRecord:
    return childfile.to_consent(db, row)


def _first_purpose(db: OrmSession, photo_id: int) -> Purpose:
    purpose = db.scalar(
        select(cw.Capture.purpose)
        .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.Capture.id)
        .where(cw.CapturePhoto.photo_id == photo_id)
        .order_by(cw.Capture.id)
        .limit(1)
    )
    return Purpose(purpose or Purpose.LIFE_STORY.value)

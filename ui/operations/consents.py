"""Operations on consents: record one, withdraw one, the signed form of one, and the
consent check for a purpose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.decisions import Decision
    from sefton_photos.model import ConsentKind, ConsentRecord, GivenBy, Purpose
    from sefton_photos.session import Session


def form(
    *, parent: QObject | None, session: Session, consent_id: int
) -> VaultOp[tuple[bytes, str]]:
    """The scanned consent form: its bytes and media type."""
    consents = session.consents
    return VaultOp(parent=parent, op=lambda: consents.form(consent_id=consent_id))


def check(
    *, parent: QObject | None, session: Session, child_id: int, purpose: Purpose
) -> VaultOp[Decision]:
    """May photos of this child be taken for this purpose today (the rules' verdict)."""
    consents = session.consents
    return VaultOp(parent=parent, op=lambda: consents.check(child_id=child_id, purpose=purpose))


def add(
    *,
    parent: QObject | None,
    session: Session,
    child_id: int,
    kind: ConsentKind,
    given_by: GivenBy,
    signed_on: date,
    person_id: int | None,
    giver: str | None,
    understanding_assessment: str | None,
    expires_on: date | None,
    carers_notified_on: date | None,
    form: Path | None,
) -> VaultOp[ConsentRecord]:
    """Record a written consent (the core checks who may give it, R3)."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.add(
            child_id=child_id,
            kind=kind,
            given_by=given_by,
            signed_on=signed_on,
            person_id=person_id,
            giver=giver,
            understanding_assessment=understanding_assessment,
            expires_on=expires_on,
            carers_notified_on=carers_notified_on,
            form=form,
        ),
    )


def withdraw(
    *, parent: QObject | None, session: Session, consent_id: int, reason: str
) -> VaultOp[ConsentRecord]:
    """Withdraw a consent, at once: photos taken under it are flagged for review (R12)."""
    consents = session.consents
    return VaultOp(
        parent=parent, op=lambda: consents.withdraw(consent_id=consent_id, reason=reason)
    )

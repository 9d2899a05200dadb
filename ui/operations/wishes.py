"""Operations on wishes and explanations (R2, policy 5.5.4.2): a person's wish about photos,
why a wish is not needed, and whether the purpose was explained to someone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import QObject

    from sefton_photos.model import Whose
    from sefton_photos.session import Session


def set_wish(
    *,
    parent: QObject | None,
    session: Session,
    child_id: int,
    whose: Whose,
    wishes_photos: bool,
    notes: str | None,
    person_id: int | None,
    carer: str | None,
) -> VaultOp[None]:
    """One person's wish: a person with PR (``person_id``), a carer by name, or the child."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.set_wish(
            child_id=child_id,
            whose=whose,
            wishes_photos=wishes_photos,
            notes=notes,
            person_id=person_id,
            carer=carer,
        ),
    )


def record_wish_not_needed(
    *, parent: QObject | None, session: Session, child_id: int, person_id: int, reason: str
) -> VaultOp[None]:
    """Why this person with PR is not asked for their wish."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.record_wish_not_needed(
            child_id=child_id, person_id=person_id, reason=reason
        ),
    )


def record_carer_ended(
    *, parent: QObject | None, session: Session, child_id: int, carer: str, reason: str
) -> VaultOp[None]:
    """The carer no longer cares for the child: their earlier wishes stop counting."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.record_carer_ended(child_id=child_id, carer=carer, reason=reason),
    )


def record_explained(
    *, parent: QObject | None, session: Session, child_id: int, to_whom: Whose, explained_on: date
) -> VaultOp[None]:
    """The purpose of the photos was explained to this person on this day."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.record_explanation(
            child_id=child_id, to_whom=to_whom, explained_on=explained_on
        ),
    )


def record_not_explained(
    *,
    parent: QObject | None,
    session: Session,
    child_id: int,
    to_whom: Whose,
    reason: str,
    permitted_by: str,
) -> VaultOp[None]:
    """The purpose was not explained: why, and the social worker who permitted it."""
    consents = session.consents
    return VaultOp(
        parent=parent,
        op=lambda: consents.record_explanation(
            child_id=child_id,
            to_whom=to_whom,
            not_explained_reason=reason,
            permitted_by=permitted_by,
        ),
    )

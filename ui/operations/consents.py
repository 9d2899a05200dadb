"""Operations on consents: the signed form of one, and the consent check for a purpose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from sefton_photos.decisions import Decision
    from sefton_photos.model import Purpose
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

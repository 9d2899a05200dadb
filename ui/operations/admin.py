"""Operations on the vault's settings and checks: auto-lock, the young person's consent
age, the audit trail and the vault check (an administrator's screens)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from sefton_photos.model import AuditEntry, AuditVerification, CheckFinding
    from sefton_photos.session import Session


def auto_lock_minutes(*, parent: QObject | None, session: Session) -> VaultOp[int]:
    """Minutes of no use before the vault locks itself."""
    return VaultOp(parent=parent, op=session.settings.auto_lock_minutes)


def set_auto_lock_minutes(
    *, parent: QObject | None, session: Session, minutes: int
) -> VaultOp[None]:
    return VaultOp(
        parent=parent, op=lambda: session.settings.set_auto_lock_minutes(minutes=minutes)
    )


def young_person_min_age(*, parent: QObject | None, session: Session) -> VaultOp[int]:
    """The age from which a young person may give their own consent."""
    return VaultOp(parent=parent, op=session.settings.young_person_min_age)


def set_young_person_min_age(
    *, parent: QObject | None, session: Session, years: int
) -> VaultOp[None]:
    return VaultOp(parent=parent, op=lambda: session.settings.set_young_person_min_age(years=years))


def audit_entries(
    *, parent: QObject | None, session: Session, limit: int
) -> VaultOp[list[AuditEntry]]:
    """The latest ``limit`` entries of the audit trail."""
    return VaultOp(parent=parent, op=lambda: session.audit.entries(limit=limit))


def verify_audit(*, parent: QObject | None, session: Session) -> VaultOp[AuditVerification]:
    """Check the audit chain against its sealed head."""
    return VaultOp(parent=parent, op=session.audit.verify)


def check_vault(*, parent: QObject | None, session: Session) -> VaultOp[list[CheckFinding]]:
    """Prove every part of the vault is what the app wrote; one finding a part (repairs nothing)."""
    return VaultOp(parent=parent, op=session.audit.check_vault)

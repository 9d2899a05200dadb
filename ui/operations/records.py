"""Operations on a child's record as a whole: retention, erasure, subject access."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.services.records import RetentionDue
    from sefton_photos.session import Session


def due(*, parent: QObject | None, session: Session) -> VaultOp[list[RetentionDue]]:
    """The records whose retention period has ended."""
    return VaultOp(parent=parent, op=session.records.due)


def erase(*, parent: QObject | None, session: Session, child_id: int) -> VaultOp[dict[str, int]]:
    """Erase a child's whole record (the person confirmed it); how many of each were erased."""
    records = session.records
    return VaultOp(parent=parent, op=lambda: records.erase(child_id=child_id, confirm=True))


def subject_access(
    *, parent: QObject | None, session: Session, child_id: int, out: Path, reference: str
) -> VaultOp[tuple[Path, str]]:
    """The encrypted subject access package of a child's record, written to ``out``."""
    records = session.records
    return VaultOp(
        parent=parent,
        op=lambda: records.subject_access(child_id=child_id, out=out, reference=reference),
    )

"""Operations on a child's life story book: each page's decision, its picture, the book."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.decisions import Decision
    from sefton_photos.services.exporter import RedactedView
    from sefton_photos.session import Session


def decide(
    *, parent: QObject | None, session: Session, child_id: int, photo_ids: list[int]
) -> VaultOp[list[tuple[int, Decision]]]:
    """May each of these photos go in the child's book."""
    lifestory = session.lifestory
    return VaultOp(
        parent=parent, op=lambda: lifestory.decide(child_id=child_id, photo_ids=photo_ids)
    )


def page_picture(
    *, parent: QObject | None, session: Session, child_id: int, photo_id: int, max_side: int
) -> VaultOp[RedactedView]:
    """A page's picture as the book will print it."""
    lifestory = session.lifestory
    return VaultOp(
        parent=parent,
        op=lambda: lifestory.page_picture(child_id=child_id, photo_id=photo_id, max_side=max_side),
    )


def build(
    *,
    parent: QObject | None,
    session: Session,
    child_id: int,
    pages: list[tuple[int, str]],
    out: Path,
    title: str | None,
) -> VaultOp[Path]:
    """Make the book in ``out``; the path of the PDF written."""
    lifestory = session.lifestory
    return VaultOp(
        parent=parent,
        op=lambda: lifestory.build(child_id=child_id, pages=pages, out=out, title=title),
    )

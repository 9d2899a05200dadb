"""Operations on children's files: open one, list or search them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from sefton_photos.model import Child, ChildFile
    from sefton_photos.session import Session


def file(*, parent: QObject | None, session: Session, child_id: int) -> VaultOp[ChildFile]:
    """A child's whole file (the core audits the view)."""
    children = session.children
    return VaultOp(parent=parent, op=lambda: children.file(child_id=child_id))


def find(*, parent: QObject | None, session: Session, search: str | None) -> VaultOp[list[Child]]:
    """The children the user may see, those matching ``search`` if given."""
    children = session.children
    return VaultOp(parent=parent, op=lambda: children.list(search=search))

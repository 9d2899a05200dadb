"""Operations on children's files: open one, list or search them, add a child or a person
with parental responsibility."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from PySide6.QtCore import QObject

    from sefton_photos.model import CareStatus, Child, ChildFile, ResponsiblePerson
    from sefton_photos.session import Session


def file(*, parent: QObject | None, session: Session, child_id: int) -> VaultOp[ChildFile]:
    """A child's whole file (the core audits the view)."""
    children = session.children
    return VaultOp(parent=parent, op=lambda: children.file(child_id=child_id))


def find(*, parent: QObject | None, session: Session, search: str | None) -> VaultOp[list[Child]]:
    """The children the user may see, those matching ``search`` if given."""
    children = session.children
    return VaultOp(parent=parent, op=lambda: children.list(search=search))


def add(
    *,
    parent: QObject | None,
    session: Session,
    name: str,
    date_of_birth: date,
    care_status: CareStatus,
    social_worker: str | None,
    key_workers: Sequence[str],
) -> VaultOp[Child]:
    """A new child's file."""
    children = session.children
    return VaultOp(
        parent=parent,
        op=lambda: children.add(
            name=name,
            date_of_birth=date_of_birth,
            care_status=care_status,
            social_worker=social_worker,
            key_workers=key_workers,
        ),
    )


def add_person(
    *, parent: QObject | None, session: Session, child_id: int, name: str, relationship: str
) -> VaultOp[ResponsiblePerson]:
    """A person with parental responsibility for the child."""
    children = session.children
    return VaultOp(
        parent=parent,
        op=lambda: children.add_person(child_id=child_id, name=name, relationship=relationship),
    )

"""Operations on staff accounts: list them, add one, set a line manager, remove one (which
rekeys the vault)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from sefton_photos.model import Role, User
    from sefton_photos.session import Session


def listing(*, parent: QObject | None, session: Session) -> VaultOp[list[User]]:
    """Every staff account."""
    return VaultOp(parent=parent, op=session.users.list)


def add(
    *,
    parent: QObject | None,
    session: Session,
    name: str,
    role: Role,
    password: str,
    team: str | None,
    line_manager: str | None,
) -> VaultOp[User]:
    """A new staff account."""
    return VaultOp(
        parent=parent,
        op=lambda: session.users.add(
            name=name, role=role, password=password, team=team, line_manager=line_manager
        ),
    )


def remove(*, parent: QObject | None, session: Session, name: str) -> VaultOp[None]:
    """Remove an account; the vault key is rotated so the old password opens nothing."""
    return VaultOp(parent=parent, op=lambda: session.users.remove(name=name))


def set_line_manager(
    *, parent: QObject | None, session: Session, name: str, line_manager: str
) -> VaultOp[User]:
    """Who supervises this worker."""
    return VaultOp(
        parent=parent,
        op=lambda: session.users.set_line_manager(name=name, line_manager=line_manager),
    )

"""The left-hand navigation: which pages a signed-in person sees, as a list model.

This decides only what is *shown*: the core still checks every action against
the policy.  Administrators see Admin and not Children, because they do not see
photos by default (REQUIREMENTS.md, "Who uses it").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.model import Role

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class NavEntry:
    key: str
    title: str
    description: str
    roles: frozenset[Role]


CHILDREN = NavEntry(
    "children",
    "Children",
    "The children allocated to you, their consents and their photos",
    frozenset({Role.SOCIAL_WORKER, Role.KEY_WORKER, Role.LINE_MANAGER}),
)
SUPERVISION = NavEntry(
    "supervision",
    "Supervision",
    "Captures waiting for a supervision note",
    frozenset({Role.LINE_MANAGER, Role.SOCIAL_WORKER, Role.KEY_WORKER}),
)
PUBLICITY = NavEntry(
    "publicity",
    "Publicity",
    "Requests to use photos for publicity, to approve or refuse",
    frozenset({Role.COMMUNICATIONS_OFFICER}),
)
ADMIN = NavEntry(
    "admin",
    "Admin",
    "Users, auto-lock, the audit log and the vault check",
    frozenset({Role.ADMINISTRATOR}),
)
ALL_ENTRIES = (CHILDREN, SUPERVISION, PUBLICITY, ADMIN)


def entries_for(role: Role) -> list[NavEntry]:
    """The pages this role sees, in display order."""
    return [entry for entry in ALL_ENTRIES if role in entry.roles]


class NavigationModel(QAbstractListModel):
    """One row per page; ``KeyRole`` gives the page key ("children", "admin"...)."""

    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, role: Role, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = entries_for(role)

    @property
    def entries(self) -> list[NavEntry]:
        return list(self._entries)

    def keys(self) -> list[str]:
        return [entry.key for entry in self._entries]

    def row_of(self, key: str) -> int:
        return self.keys().index(key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return entry.description
        if role == self.KeyRole:
            return entry.key
        return None

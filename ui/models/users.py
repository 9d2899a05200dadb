"""The users table of the Admin page: name, role (in words), team, line manager.

It holds a plain list of :class:`~sefton_photos.model.User` given to it by the
page after ``session.list_users()`` ran on the worker; it never asks the vault.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.model import User

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Role", "Team", "Line manager")
NOBODY = "—"


class UsersTableModel(QAbstractTableModel):
    """Read-only rows of users; ``UserRole`` gives the ``User`` itself."""

    def __init__(self, users: Sequence[User] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users = list(users)

    def set_users(self, users: Sequence[User]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def clear(self) -> None:
        self.set_users(())

    @property
    def users(self) -> list[User]:
        return list(self._users)

    def user_at(self, row: int) -> User:
        return self._users[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (
                user.name,
                user.role.label,
                user.team or NOBODY,
                user.line_manager_name or NOBODY,
            )
            text = values[index.column()]
            if role == Qt.ItemDataRole.AccessibleTextRole and text == NOBODY:
                return "none"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return user
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

"""The demo credentials shown on the unlock screen, as a table model.

The demo vault's passwords are published on purpose (see :mod:`sefton_photos.demo`):
a newcomer picks a row to sign in as that fictional person.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.demo import DemoUser

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Role", "Password")


class DemoUsersModel(QAbstractTableModel):
    """One row per demo user: name, role in words, password."""

    def __init__(self, users: Sequence[DemoUser], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users = list(users)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def user_at(self, row: int) -> DemoUser:
        return self._users[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        values = (user.name, user.role.label, user.password)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{user.name}, {user.role.label}, password {user.password}"
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

"""A checklist of staff names, e.g. the key workers to allocate to a new file.

The names come from ``session.users.list()`` (run on the worker by the page) and
are filtered by role here; the core checks again that each one has the role
(``children.add`` refuses anyone who is not a key worker).  Ticking is done with
the space bar or a click, like any checkable list item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.model import Role, User
from ui.qtcompat import emit

Index = QModelIndex | QPersistentModelIndex


def names_with_role(users: Iterable[User], *roles: Role) -> list[str]:
    return sorted(u.name for u in users if u.role in roles)


class StaffChecklistModel(QAbstractListModel):
    """Checkable names; :meth:`checked` gives the ticked ones in list order."""

    def __init__(self, names: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = list(names)
        self._ticked: set[str] = set()

    def set_names(self, names: Sequence[str]) -> None:
        self.beginResetModel()
        self._names = list(names)
        self._ticked &= set(names)
        self.endResetModel()

    def clear(self) -> None:
        self.set_names(())

    @property
    def names(self) -> list[str]:
        return list(self._names)

    def checked(self) -> list[str]:
        return [n for n in self._names if n in self._ticked]

    def set_checked(self, name: str, ticked: bool = True) -> bool:
        """Tick (or untick) ``name``; False when it is not in the list."""
        if name not in self._names:
            return False
        row = self._names.index(name)
        return self.setData(
            self.index(row),
            Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._names):
            return None
        name = self._names[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}, {'allocated' if name in self._ticked else 'not allocated'}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if name in self._ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._names):
            return False
        name = self._names[index.row()]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._ticked.add(name)
        else:
            self._ticked.discard(name)
        emit(self.dataChanged, index, index, [role, Qt.ItemDataRole.AccessibleTextRole])
        return True

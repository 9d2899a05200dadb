"""A checkable list of children: who is in the photos of a capture (R1, "Capture, in order" 1).

Filled from ``session.children.list()`` (which already holds only the children
this user may see); each row has a check box that the view toggles with Space or
a click.  The model never asks the vault itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sefton_photos.model import Child
from ui.qtcompat import emit

Index = QModelIndex | QPersistentModelIndex


class ChildChoiceModel(QAbstractListModel):
    """Rows of children with a check state; ``UserRole`` gives the ``Child``."""

    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: list[Child] = []
        self._checked: set[int] = set()

    def set_children(self, children: Sequence[Child], checked: Iterable[int] = ()) -> None:
        self.beginResetModel()
        self._children = list(children)
        known = {c.id for c in self._children}
        self._checked = {cid for cid in checked if cid in known}
        self.endResetModel()
        emit(self.checked_changed)

    def clear(self) -> None:
        self.set_children(())

    @property
    def children_listed(self) -> list[Child]:
        return list(self._children)

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked children, in the order of the list."""
        return tuple(c.id for c in self._children if c.id in self._checked)

    def checked_names(self) -> list[str]:
        return [c.name for c in self._children if c.id in self._checked]

    def set_checked(self, child_id: int, checked: bool = True) -> bool:
        for row, child in enumerate(self._children):
            if child.id == child_id:
                return self.setData(
                    self.index(row),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )
        return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._children)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._children):
            return None
        child = self._children[index.row()]
        ticked = child.id in self._checked
        if role == Qt.ItemDataRole.DisplayRole:
            return child.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{child.name}, {'in the photos' if ticked else 'not in the photos'}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return child
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        child = self._children[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))  # type: ignore[call-overload]
        if state == Qt.CheckState.Checked:
            self._checked.add(child.id)
        else:
            self._checked.discard(child.id)
        emit(self.dataChanged, index, index)
        emit(self.checked_changed)
        return True
